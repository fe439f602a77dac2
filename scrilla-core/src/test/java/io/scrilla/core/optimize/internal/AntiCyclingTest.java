package io.scrilla.core.optimize.internal;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class AntiCyclingTest {

  @Test
  void blocked_zeroStepByTheAssetJustReleased_makesItTabuUntilTheIterateMoves() {
    AntiCycling rule = new AntiCycling(3);
    rule.released(1);
    rule.blocked(1, 0);
    assertTrue(rule.isTabu(1));
    assertFalse(rule.isTabu(0));
    // a solution equal to the current point does not clear the mark
    rule.reachedSolution(false);
    assertTrue(rule.isTabu(1));
    rule.reachedSolution(true);
    assertFalse(rule.isTabu(1));
  }

  @Test
  void blocked_positiveStepOrAnotherAsset_marksNothing() {
    AntiCycling rule = new AntiCycling(3);
    rule.released(1);
    rule.blocked(2, 0);
    assertFalse(rule.isTabu(2));
    assertFalse(rule.isTabu(1));
    rule.released(0);
    rule.blocked(0, 0);
    assertTrue(rule.isTabu(0));
    // a positive step clears every mark
    rule.released(2);
    rule.blocked(2, 0.5);
    assertFalse(rule.isTabu(0));
    assertFalse(rule.isTabu(2));
    // after a block, the next zero step needs a new release to mark anything
    rule.blocked(2, 0);
    assertFalse(rule.isTabu(2));
  }

  /**
   * The degenerate vertex "everything in one asset at its upper bound 1" with long-only bounds (the
   * optimizer drops such redundant upper bounds; the solver alone must still end): released assets
   * are blocked again at once with zero steps, and the rule lets the solver leave the vertex and
   * reach the exact optimum.
   */
  @Test
  void solve_degenerateVertex_endsAtTheOptimum() {
    int n = 3;
    double[] sigma = {0.04, 0, 0, 0, 0.09, 0, 0, 0, 0.16};
    double[] lo = {0, 0, 0};
    double[] hi = {1, 1, 1};
    double[] ones = {1, 1, 1};
    ActiveSetQp qp =
        new ActiveSetQp(
            n,
            sigma,
            lo,
            hi,
            new double[][] {ones, new double[n]},
            new double[] {-1, 1},
            new double[] {0, 1});
    BoundStatus[] start = {BoundStatus.UPPER, BoundStatus.LOWER, BoundStatus.LOWER};
    ActiveSetQp.Result r = qp.solve(new double[] {1, 0, 0}, 1, start, 100);
    assertEquals(ActiveSetQp.Termination.CONVERGED, r.termination());
    // inverse-variance weights
    double sum = 1 / 0.04 + 1 / 0.09 + 1 / 0.16;
    assertArrayEquals(new double[] {25 / sum, (1 / 0.09) / sum, 6.25 / sum}, r.y(), 1e-15);
    assertTrue(r.kktResidual() < 1e-15, "KKT residual " + r.kktResidual());
  }
}
