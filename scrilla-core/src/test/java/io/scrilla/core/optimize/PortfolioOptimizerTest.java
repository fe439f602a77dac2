package io.scrilla.core.optimize;

import static io.scrilla.core.optimize.Fixtures.dot;
import static io.scrilla.core.optimize.Fixtures.fill;
import static io.scrilla.core.optimize.Fixtures.kktViolation;
import static io.scrilla.core.optimize.Fixtures.sigmaTimes;
import static io.scrilla.core.optimize.Fixtures.sum;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.scrilla.api.error.InvalidInputException;
import io.scrilla.api.model.RiskProfile;
import io.scrilla.core.risk.TailEvent;
import io.scrilla.core.risk.TailRisk;
import java.util.List;
import java.util.Random;
import java.util.SplittableRandom;
import org.hipparchus.linear.Array2DRowRealMatrix;
import org.hipparchus.linear.ArrayRealVector;
import org.hipparchus.linear.LUDecomposition;
import org.hipparchus.linear.RealMatrix;
import org.junit.jupiter.api.Test;

class PortfolioOptimizerTest {
  private static final PortfolioOptimizer OPT = PortfolioOptimizer.create();
  private static final double KKT = 1e-10;

  private static final Portfolio THREE =
      Portfolio.of(
          List.of("A", "B", "C"),
          new double[] {0.10, 0.05, 0.15},
          new double[] {0.20, 0.10, 0.30},
          new double[][] {{1, 0.3, 0.2}, {0.3, 1, 0.1}, {0.2, 0.1, 1}},
          0.02);

  private static double[][] inverse(Portfolio p) {
    RealMatrix s = new Array2DRowRealMatrix(p.covariance());
    return new LUDecomposition(s).getSolver().getInverse().getData();
  }

  private static double[] times(double[][] a, double[] x) {
    return new Array2DRowRealMatrix(a).operate(new ArrayRealVector(x)).toArray();
  }

  private static Portfolio fourAssets(double rf) {
    return Portfolio.of(
        Fixtures.tickers(4),
        new double[] {0.08, 0.12, 0.05, 0.10},
        new double[] {0.15, 0.25, 0.08, 0.20},
        new double[][] {
          {1, 0.4, 0.1, 0.3}, {0.4, 1, -0.2, 0.5}, {0.1, -0.2, 1, 0.0}, {0.3, 0.5, 0.0, 1}
        },
        rf);
  }

  @Test
  void minimumVariance_twoAssets_matchesClosedForm() {
    double s1 = 0.2;
    double s2 = 0.3;
    double rho = 0.25;
    Portfolio p =
        Portfolio.of(
            List.of("X", "Y"),
            new double[] {0.1, 0.2},
            new double[] {s1, s2},
            new double[][] {{1, rho}, {rho, 1}},
            0);
    Solution s = OPT.minimumVariance(p);
    double w1 = (s2 * s2 - rho * s1 * s2) / (s1 * s1 + s2 * s2 - 2 * rho * s1 * s2);
    assertArrayEquals(new double[] {w1, 1 - w1}, s.weights(), 1e-14);
    assertEquals(SolutionStatus.OPTIMAL, s.status());
    assertEquals(
        Math.sqrt(
            w1 * w1 * s1 * s1 + 2 * w1 * (1 - w1) * rho * s1 * s2 + (1 - w1) * (1 - w1) * s2 * s2),
        s.annualVolatility(),
        1e-15);
  }

  @Test
  void minimumVariance_wideBounds_matchesUnconstrainedClosedForm() {
    Portfolio p = fourAssets(0);
    Solution s = OPT.minimumVariance(p, Constraints.of(Bounds.uniform(-10, 10)));
    double[] x = times(inverse(p), fill(4, 1));
    double total = sum(x);
    for (int i = 0; i < 4; i++) {
      assertEquals(x[i] / total, s.weights()[i], 1e-12);
    }
  }

  @Test
  void minimumVariance_targetWithWideBounds_matchesTwoFundClosedForm() {
    Portfolio p = fourAssets(0);
    double target = 0.11;
    Solution s =
        OPT.minimumVariance(p, Constraints.of(Bounds.uniform(-10, 10)).withTargetReturn(target));
    double[][] inv = inverse(p);
    double[] mu = p.returns();
    double[] i1 = times(inv, fill(4, 1));
    double[] imu = times(inv, mu);
    double a = sum(i1);
    double b = sum(imu);
    double c = dot(mu, imu);
    double d = a * c - b * b;
    for (int i = 0; i < 4; i++) {
      double expected = ((c - target * b) * i1[i] + (target * a - b) * imu[i]) / d;
      assertEquals(expected, s.weights()[i], 1e-12);
    }
    assertEquals(target, s.annualReturn(), 1e-15);
  }

  @Test
  void minimumVariance_riskyCorrelatedAsset_isExcludedAndOthersMatchTwoAssetForm() {
    // C is more volatile than A and highly correlated with it: the known active set is w_C = 0
    double sa = 0.15;
    double sb = 0.2;
    double rab = 0.1;
    Portfolio p =
        Portfolio.of(
            List.of("A", "B", "C"),
            new double[] {0.1, 0.1, 0.1},
            new double[] {sa, sb, 0.4},
            new double[][] {{1, rab, 0.9}, {rab, 1, 0.5}, {0.9, 0.5, 1}},
            0);
    Solution s = OPT.minimumVariance(p);
    double wa = (sb * sb - rab * sa * sb) / (sa * sa + sb * sb - 2 * rab * sa * sb);
    assertArrayEquals(new double[] {wa, 1 - wa, 0}, s.weights(), 1e-14);
    double[] g = sigmaTimes(p, s.weights());
    // the bound multiplier of C is positive: moving weight into C raises variance
    assertTrue(g[2] - g[0] > 1e-3);
  }

  @Test
  void minimumVariance_fourAssetsWithTarget_satisfiesIndependentKkt() {
    Portfolio p = fourAssets(0);
    for (double target : new double[] {0.06, 0.08, 0.1, 0.115}) {
      Solution s = OPT.minimumVariance(p, Constraints.longOnly().withTargetReturn(target));
      double[] w = s.weights();
      double v =
          kktViolation(
              sigmaTimes(p, w),
              w,
              new double[][] {fill(4, 1), p.returns()},
              new double[] {1, target},
              fill(4, 0),
              fill(4, 1));
      assertTrue(v < KKT, "KKT violation " + v + " at target " + target);
      assertTrue(s.kktResidual() < KKT);
    }
  }

  @Test
  void maximumSharpe_wideBounds_matchesTangencyClosedForm() {
    Portfolio p = fourAssets(0.03);
    Solution s = OPT.maximumSharpeRatio(p, Constraints.of(Bounds.uniform(-10, 10)));
    double[] excess = p.returns();
    for (int i = 0; i < 4; i++) {
      excess[i] -= 0.03;
    }
    double[] x = times(inverse(p), excess);
    double total = sum(x);
    for (int i = 0; i < 4; i++) {
      assertEquals(x[i] / total, s.weights()[i], 1e-12);
    }
  }

  @Test
  void maximumSharpe_longOnly_satisfiesHomogenisedKktIndependently() {
    Random rnd = new Random(7);
    for (int trial = 0; trial < 20; trial++) {
      Portfolio p = Fixtures.random(rnd, 6, 0.02);
      Solution s = OPT.maximumSharpeRatio(p, Constraints.longOnly());
      double[] w = s.weights();
      double scale = 1 / (s.annualReturn() - 0.02);
      double[] y = new double[6];
      double[] excess = p.returns();
      for (int i = 0; i < 6; i++) {
        y[i] = w[i] * scale;
        excess[i] -= 0.02;
      }
      // min y'Sigma y / 2 s.t. excess'y = 1, y >= 0 (no upper bound binds for long-only)
      double v =
          kktViolation(
              sigmaTimes(p, y),
              y,
              new double[][] {excess},
              new double[] {1},
              fill(6, 0),
              fill(6, Double.POSITIVE_INFINITY));
      assertTrue(v < KKT, "trial " + trial + ": KKT violation " + v);
      assertEquals(1, sum(w), 1e-14);
    }
  }

  @Test
  void threeAssets_neverWorseThanFineGrid() {
    double step = 0.002;
    double bestVar = Double.POSITIVE_INFINITY;
    double bestSharpe = Double.NEGATIVE_INFINITY;
    double bestCvar = Double.POSITIVE_INFINITY;
    for (double a = 0; a <= 1 + 1e-12; a += step) {
      for (double b = 0; a + b <= 1 + 1e-12; b += step) {
        double[] w = {a, b, Math.max(0, 1 - a - b)};
        double vol = THREE.volatility(w);
        bestVar = Math.min(bestVar, vol);
        bestSharpe = Math.max(bestSharpe, THREE.sharpeRatio(w));
        bestCvar = Math.min(bestCvar, THREE.conditionalValueAtRiskLoss(w, TailEvent.of(0.05, 0.5)));
      }
    }
    Solution mv = OPT.minimumVariance(THREE);
    Solution sh = OPT.maximumSharpeRatio(THREE, Constraints.longOnly());
    CvarSolution cv =
        OPT.minimumConditionalValueAtRisk(THREE, Constraints.longOnly(), TailEvent.of(0.05, 0.5));
    assertTrue(mv.annualVolatility() <= bestVar + 1e-15);
    assertTrue(sh.sharpeRatio() >= bestSharpe - 1e-15);
    assertTrue(cv.conditionalValueAtRiskLoss() <= bestCvar + 1e-15);
    // and the grid comes close (it is a fine grid, not a different problem)
    assertEquals(bestVar, mv.annualVolatility(), 1e-5);
    assertEquals(bestSharpe, sh.sharpeRatio(), 1e-5);
    assertEquals(bestCvar, cv.conditionalValueAtRiskLoss(), 1e-5);
  }

  @Test
  void threeAssetsWithTarget_neverWorseThanFineLineSearch() {
    double target = 0.09;
    double[] mu = THREE.returns();
    double best = Double.POSITIVE_INFINITY;
    // w1 + w2 + w3 = 1 and mu.w = target leave one degree of freedom, w1
    for (double a = 0; a <= 1; a += 1e-5) {
      // solve w2, w3 from the two equations
      double rest = 1 - a;
      double rRest = target - mu[0] * a;
      double w3 = (rRest - mu[1] * rest) / (mu[2] - mu[1]);
      double w2 = rest - w3;
      if (w2 < 0 || w3 < 0) {
        continue;
      }
      best = Math.min(best, THREE.volatility(new double[] {a, w2, w3}));
    }
    Solution s = OPT.minimumVariance(THREE, Constraints.longOnly().withTargetReturn(target));
    assertTrue(s.annualVolatility() <= best + 1e-15);
    assertEquals(best, s.annualVolatility(), 1e-7);
    CvarSolution c =
        OPT.minimumConditionalValueAtRisk(
            THREE, Constraints.longOnly().withTargetReturn(target), TailEvent.of(0.05, 1));
    assertEquals(target, c.solution().annualReturn(), 1e-15);
    assertArrayEquals(s.weights(), c.solution().weights(), 0);
  }

  @Test
  void maximumReturn_longOnly_putsEverythingInTheBestAsset() {
    Solution s = OPT.maximumReturn(THREE, Bounds.longOnly());
    assertArrayEquals(new double[] {0, 0, 1}, s.weights(), 0);
    assertEquals(0.15, s.annualReturn(), 0);
  }

  @Test
  void maximumReturn_cappedWeights_fillsAssetsByReturn() {
    Solution s = OPT.maximumReturn(fourAssets(0), Bounds.uniform(0, 0.4));
    // returns 0.08, 0.12, 0.05, 0.10: fill B, then D, then A
    assertArrayEquals(new double[] {0.2, 0.4, 0, 0.4}, s.weights(), 1e-15);
  }

  @Test
  void maximumReturn_tiedReturns_splitsByMinimumVariance() {
    Portfolio p =
        Portfolio.of(
            List.of("A", "B", "C"),
            new double[] {0.1, 0.1, 0.05},
            new double[] {0.2, 0.3, 0.1},
            new double[][] {{1, 0, 0}, {0, 1, 0}, {0, 0, 1}},
            0);
    Solution s = OPT.maximumReturn(p, Bounds.longOnly());
    // uncorrelated A and B: weights proportional to 1/sigma^2
    double wa = (1 / 0.04) / (1 / 0.04 + 1 / 0.09);
    assertArrayEquals(new double[] {wa, 1 - wa, 0}, s.weights(), 1e-12);
  }

  @Test
  void efficientFrontier_scrillaSpacing_targetsStopShortOfMaximum() {
    Portfolio p = fourAssets(0);
    List<Solution> f = OPT.efficientFrontier(p, Bounds.longOnly(), 5, FrontierSpacing.SCRILLA);
    double r0 = OPT.minimumVariance(p).annualReturn();
    double r1 = 0.12;
    assertEquals(5, f.size());
    for (int i = 0; i < 5; i++) {
      assertEquals(r0 + i * (r1 - r0) / 5, f.get(i).annualReturn(), 1e-14);
    }
  }

  @Test
  void efficientFrontier_inclusive_endsAtMaximumReturn() {
    Portfolio p = fourAssets(0);
    List<Solution> f = OPT.efficientFrontier(p, Bounds.longOnly(), 4, FrontierSpacing.INCLUSIVE);
    assertEquals(4, f.size());
    assertArrayEquals(OPT.maximumReturn(p, Bounds.longOnly()).weights(), f.get(3).weights(), 0);
    double r0 = f.get(0).annualReturn();
    for (int i = 0; i < 4; i++) {
      assertEquals(r0 + i * (0.12 - r0) / 3, f.get(i).annualReturn(), 1e-14);
    }
  }

  @Test
  void minimumCvar_evaluationBudgetExhausted_reportsIterationLimit() {
    Portfolio p = fourAssets(0);
    TailEvent event = TailEvent.of(0.05, 2);
    CvarSolution full = OPT.minimumConditionalValueAtRisk(p, Constraints.longOnly(), event);
    CvarSolution cut = OPT.minimumConditionalValueAtRisk(p, Constraints.longOnly(), event, 3);
    assertNotEquals(SolutionStatus.ITERATION_LIMIT, full.solution().status());
    assertEquals(SolutionStatus.ITERATION_LIMIT, cut.solution().status());
    // the best point seen is returned: feasible, and no better than the full search
    assertEquals(1, sum(cut.solution().weights()), 1e-12);
    assertTrue(cut.conditionalValueAtRiskLoss() >= full.conditionalValueAtRiskLoss() - 1e-14);
    assertTrue(Double.isFinite(cut.conditionalValueAtRiskLoss()));
  }

  @Test
  void minimumCvar_noTarget_notWorseThanAnyFrontierPoint() {
    Portfolio p = fourAssets(0);
    CvarSolution c =
        OPT.minimumConditionalValueAtRisk(p, Constraints.longOnly(), TailEvent.of(0.05, 2));
    List<Solution> f = OPT.efficientFrontier(p, Bounds.longOnly(), 200, FrontierSpacing.INCLUSIVE);
    for (Solution s : f) {
      double l =
          TailRisk.conditionalValueAtRiskLoss(
              new RiskProfile(s.annualReturn(), s.annualVolatility()), TailEvent.of(0.05, 2));
      assertTrue(c.conditionalValueAtRiskLoss() <= l + 1e-14);
    }
    assertTrue(c.conditionalValueAtRiskLoss() >= c.valueAtRiskLoss());
    assertEquals(
        p.conditionalValueAtRiskLoss(c.solution().weights(), TailEvent.of(0.05, 2)),
        c.conditionalValueAtRiskLoss(),
        1e-15);
  }

  @Test
  void minimumVariance_targetOutsideRange_failsWithRange() {
    InvalidInputException e =
        assertThrows(
            InvalidInputException.class,
            () -> OPT.minimumVariance(THREE, Constraints.longOnly().withTargetReturn(0.2)));
    assertTrue(e.getMessage().contains("[0.05, 0.15]"), e.getMessage());
    assertThrows(
        InvalidInputException.class,
        () ->
            OPT.minimumConditionalValueAtRisk(
                THREE, Constraints.longOnly().withTargetReturn(0.01), TailEvent.of(0.05, 1)));
  }

  @Test
  void contradictoryBounds_failNamingAssets() {
    InvalidInputException crossed =
        assertThrows(
            InvalidInputException.class,
            () ->
                OPT.minimumVariance(
                    THREE,
                    Constraints.of(
                        Bounds.perAsset(new double[] {0, 0.5, 0}, new double[] {1, 0.2, 1}))));
    assertTrue(crossed.getMessage().contains("B [0.5, 0.2]"), crossed.getMessage());
    InvalidInputException lows =
        assertThrows(
            InvalidInputException.class,
            () -> OPT.minimumVariance(THREE, Constraints.of(Bounds.uniform(0.4, 1))));
    assertTrue(
        lows.getMessage().contains("A=0.4") && lows.getMessage().contains("> 1"),
        lows.getMessage());
    InvalidInputException highs =
        assertThrows(
            InvalidInputException.class, () -> OPT.maximumReturn(THREE, Bounds.uniform(0, 0.3)));
    assertTrue(
        highs.getMessage().contains("C=0.3") && highs.getMessage().contains("< 1"),
        highs.getMessage());
    assertThrows(
        InvalidInputException.class,
        () -> OPT.minimumVariance(THREE, Constraints.of(Bounds.perAsset(fill(2, 0), fill(2, 1)))));
  }

  @Test
  void maximumSharpe_allReturnsBelowRiskFree_fails() {
    Portfolio p = THREE.withRiskFreeRate(0.2);
    InvalidInputException e =
        assertThrows(
            InvalidInputException.class, () -> OPT.maximumSharpeRatio(p, Constraints.longOnly()));
    assertTrue(e.getMessage().contains("risk-free rate 0.2"), e.getMessage());
    assertThrows(
        InvalidInputException.class,
        () -> OPT.maximumSharpeRatio(THREE, Constraints.longOnly().withTargetReturn(0.01)));
  }

  @Test
  void maximumSharpe_withTarget_isMinimumVarianceAtTarget() {
    Constraints c = Constraints.longOnly().withTargetReturn(0.12);
    assertArrayEquals(
        OPT.minimumVariance(THREE, c).weights(), OPT.maximumSharpeRatio(THREE, c).weights(), 0);
  }

  @Test
  void zeroVolatilityAsset_minimumVarianceHoldsIt() {
    Portfolio p =
        Portfolio.of(
            List.of("CASH", "A", "B"),
            new double[] {0.01, 0.1, 0.12},
            new double[] {0, 0.2, 0.3},
            new double[][] {{1, 0, 0}, {0, 1, 0.3}, {0, 0.3, 1}},
            0.02);
    Solution s = OPT.minimumVariance(p);
    assertArrayEquals(new double[] {1, 0, 0}, s.weights(), 1e-10);
    assertTrue(s.kktResidual() < KKT);
    // with a target, a mix of cash and the risky frontier
    Solution t = OPT.minimumVariance(p, Constraints.longOnly().withTargetReturn(0.05));
    assertEquals(0.05, t.annualReturn(), 1e-12);
    double v =
        kktViolation(
            sigmaTimes(p, t.weights()),
            t.weights(),
            new double[][] {fill(3, 1), p.returns()},
            new double[] {1, 0.05},
            fill(3, 0),
            fill(3, 1));
    assertTrue(v < KKT, "KKT violation " + v);
  }

  @Test
  void zeroVolatilityAssetAboveRiskFree_sharpeUnbounded_fails() {
    Portfolio p =
        Portfolio.of(
            List.of("CASH", "A"),
            new double[] {0.03, 0.1},
            new double[] {0, 0.2},
            new double[][] {{1, 0}, {0, 1}},
            0.02);
    InvalidInputException e =
        assertThrows(
            InvalidInputException.class, () -> OPT.maximumSharpeRatio(p, Constraints.longOnly()));
    assertTrue(e.getMessage().contains("unbounded"), e.getMessage());
  }

  @Test
  void perfectlyCorrelatedDuplicates_solveLikeOneAsset() {
    Portfolio p =
        Portfolio.of(
            List.of("A", "A2", "B"),
            new double[] {0.1, 0.1, 0.2},
            new double[] {0.2, 0.2, 0.3},
            new double[][] {{1, 1, 0.2}, {1, 1, 0.2}, {0.2, 0.2, 1}},
            0.02);
    Portfolio single =
        Portfolio.of(
            List.of("A", "B"),
            new double[] {0.1, 0.2},
            new double[] {0.2, 0.3},
            new double[][] {{1, 0.2}, {0.2, 1}},
            0.02);
    Solution s = OPT.minimumVariance(p);
    Solution s1 = OPT.minimumVariance(single);
    double[] w = s.weights();
    assertEquals(s1.weights()[0], w[0] + w[1], 1e-10);
    assertEquals(s1.annualVolatility(), s.annualVolatility(), 1e-12);
    assertTrue(s.kktResidual() < KKT);
    Solution sh = OPT.maximumSharpeRatio(p, Constraints.longOnly());
    Solution sh1 = OPT.maximumSharpeRatio(single, Constraints.longOnly());
    assertEquals(sh1.sharpeRatio(), sh.sharpeRatio(), 1e-10);
    Solution t = OPT.minimumVariance(p, Constraints.longOnly().withTargetReturn(0.15));
    assertEquals(
        OPT.minimumVariance(single, Constraints.longOnly().withTargetReturn(0.15))
            .annualVolatility(),
        t.annualVolatility(),
        1e-12);
  }

  @Test
  void oneAsset_trivialAnswer() {
    Portfolio p =
        Portfolio.of(
            List.of("SPY"), new double[] {0.1}, new double[] {0.2}, new double[][] {{1}}, 0.02);
    for (Solution s :
        List.of(
            OPT.minimumVariance(p),
            OPT.maximumSharpeRatio(p, Constraints.longOnly()),
            OPT.maximumReturn(p, Bounds.longOnly()),
            OPT.minimumConditionalValueAtRisk(p, Constraints.longOnly(), TailEvent.of(0.05, 1))
                .solution())) {
      assertArrayEquals(new double[] {1}, s.weights(), 0);
      assertEquals(SolutionStatus.UNIQUE_FEASIBLE, s.status());
      assertEquals(0.4, s.sharpeRatio(), 1e-15);
    }
    assertEquals(3, OPT.efficientFrontier(p, Bounds.longOnly(), 3, FrontierSpacing.SCRILLA).size());
  }

  @Test
  void efficientFrontier_badSteps_fails() {
    assertThrows(
        InvalidInputException.class,
        () -> OPT.efficientFrontier(THREE, Bounds.longOnly(), 1, FrontierSpacing.INCLUSIVE));
    assertThrows(
        InvalidInputException.class,
        () -> OPT.efficientFrontier(THREE, Bounds.longOnly(), 0, FrontierSpacing.SCRILLA));
  }

  @Test
  void attainableReturns_longOnly_isAssetRange() {
    assertEquals(new ReturnRange(0.05, 0.15), OPT.attainableReturns(THREE, Bounds.longOnly()));
    ReturnRange wide = OPT.attainableReturns(THREE, Bounds.uniform(-1, 2));
    // 2 in C, -1 in B: 0.30 - 0.05 = 0.25 (middle asset A at 0)
    assertEquals(0.25, wide.maximum(), 1e-15);
  }

  @Test
  void twoHundredAssets_solveWithKktCertificate_printsTime() {
    Portfolio p = Fixtures.random(new Random(2024), 200, 0.03);
    for (int rep = 0; rep < 3; rep++) {
      long t0 = System.nanoTime();
      Solution mv = OPT.minimumVariance(p);
      long t1 = System.nanoTime();
      Solution sh = OPT.maximumSharpeRatio(p, Constraints.longOnly());
      long t2 = System.nanoTime();
      Solution wide = OPT.maximumSharpeRatio(p, Constraints.of(Bounds.uniform(-1, 2)));
      long t3 = System.nanoTime();
      System.out.printf(
          "200 assets: min variance %.1f ms (%d iterations), max Sharpe %.1f ms"
              + " (%d), max Sharpe [-1,2] %.1f ms (%d)%n",
          (t1 - t0) / 1e6,
          mv.iterations(),
          (t2 - t1) / 1e6,
          sh.iterations(),
          (t3 - t2) / 1e6,
          wide.iterations());
      for (Solution s : List.of(mv, sh, wide)) {
        assertEquals(SolutionStatus.OPTIMAL, s.status());
        assertTrue(s.kktResidual() < KKT, "KKT residual " + s.kktResidual());
        assertEquals(1, sum(s.weights()), 1e-12);
      }
      double v =
          kktViolation(
              sigmaTimes(p, mv.weights()),
              mv.weights(),
              new double[][] {fill(200, 1)},
              new double[] {1},
              fill(200, 0),
              fill(200, 1));
      assertTrue(v < KKT, "independent KKT violation " + v);
    }
  }

  /** Independent KKT violation of a minimum-variance solution without target. */
  private static double independentKkt(Portfolio p, Solution s, double lo, double hi) {
    int n = p.size();
    return kktViolation(
        sigmaTimes(p, s.weights()),
        s.weights(),
        new double[][] {fill(n, 1)},
        new double[] {1},
        fill(n, lo),
        fill(n, hi));
  }

  @Test
  void minimumVariance_widestAllowedBounds_isCertifiedAndSumsToOne() {
    // bounds of +-1e5 used to return weights summing to 1e5 with status OPTIMAL; the widest
    // bounds accepted now still solve exactly
    double b = Bounds.MAX_MAGNITUDE;
    for (int n : new int[] {10, 50, 200}) {
      Portfolio p = Fixtures.random(new Random(n), n, 0.01);
      Solution s = OPT.minimumVariance(p, Constraints.of(Bounds.uniform(-b, b)));
      assertEquals(SolutionStatus.OPTIMAL, s.status());
      assertEquals(1, sum(s.weights()), 1e-12);
      assertTrue(s.kktResidual() < KKT, "KKT residual " + s.kktResidual());
      assertTrue(independentKkt(p, s, -b, b) < KKT);
      // the bounds do not bind: the same as the unconstrained minimum variance (closed form)
      double[][] inv = inverse(p);
      double[] x = times(inv, fill(n, 1));
      double total = sum(x);
      for (int i = 0; i < n; i++) {
        assertEquals(x[i] / total, s.weights()[i], 1e-9);
      }
      Solution sh = OPT.maximumSharpeRatio(p, Constraints.of(Bounds.uniform(-b, b)));
      assertTrue(sh.status().isCertified(), sh.toString());
      assertEquals(1, sum(sh.weights()), 1e-12);
    }
  }

  @Test
  void minimumVariance_moreAssetsThanReturns_returnsTheOptimum() {
    // 200 assets over 123 returns: the sample correlation matrix has rank 122; Hipparchus'
    // eigendecomposition of this one does not converge (it used to fail Portfolio.of)
    int n = 200;
    int t = 123;
    SplittableRandom rnd = new SplittableRandom(5);
    double[][] x = new double[n][t];
    double[] norm = new double[n];
    for (int i = 0; i < n; i++) {
      double mean = 0;
      for (int k = 0; k < t; k++) {
        x[i][k] = rnd.nextGaussian() * 0.01;
        mean += x[i][k];
      }
      mean /= t;
      for (int k = 0; k < t; k++) {
        x[i][k] -= mean;
        norm[i] += x[i][k] * x[i][k];
      }
      norm[i] = Math.sqrt(norm[i]);
    }
    double[][] c = new double[n][n];
    for (int i = 0; i < n; i++) {
      for (int j = 0; j < n; j++) {
        double v = 0;
        for (int k = 0; k < t; k++) {
          v += x[i][k] * x[j][k];
        }
        c[i][j] = i == j ? 1 : v / (norm[i] * norm[j]);
      }
    }
    double[] mu = new double[n];
    double[] vol = new double[n];
    for (int i = 0; i < n; i++) {
      mu[i] = rnd.nextDouble(0, 0.3);
      vol[i] = rnd.nextDouble(0.1, 0.6);
    }
    Portfolio p = Portfolio.of(Fixtures.tickers(n), mu, vol, c, 0.01);
    assertEquals(0, p.smallestEigenvalue(), 1e-12);
    Solution s = OPT.minimumVariance(p);
    assertEquals(SolutionStatus.OPTIMAL, s.status());
    assertEquals(1, sum(s.weights()), 1e-12);
    assertTrue(s.kktResidual() < KKT, "KKT residual " + s.kktResidual());
    assertTrue(independentKkt(p, s, 0, 1) < KKT);
    // with shorting allowed the singular covariance has a riskless combination
    Solution wide = OPT.minimumVariance(p, Constraints.of(Bounds.uniform(-1, 2)));
    assertEquals(SolutionStatus.OPTIMAL, wide.status());
    assertTrue(wide.annualVolatility() < 1e-6, "volatility " + wide.annualVolatility());
    assertTrue(independentKkt(p, wide, -1, 2) < KKT);
  }

  @Test
  void solutionStatus_onlyOptimalAndUniqueFeasible_areCertified() {
    for (SolutionStatus st : SolutionStatus.values()) {
      assertEquals(
          st == SolutionStatus.OPTIMAL || st == SolutionStatus.UNIQUE_FEASIBLE,
          st.isCertified(),
          st.name());
    }
  }
}
