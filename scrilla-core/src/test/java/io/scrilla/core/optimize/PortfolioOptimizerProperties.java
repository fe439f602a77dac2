package io.scrilla.core.optimize;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.scrilla.core.risk.TailEvent;
import java.util.List;
import java.util.Random;
import net.jqwik.api.Example;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.LongRange;

class PortfolioOptimizerProperties {
  private static final PortfolioOptimizer OPT = PortfolioOptimizer.create();

  private static Bounds bounds(int kind, int n) {
    switch (kind) {
      case 0:
        return Bounds.longOnly();
      case 1:
        return Bounds.uniform(-1, 2);
      default:
        return Bounds.uniform(0, Math.max(0.35, 1.5 / n));
    }
  }

  private static double[] lo(Bounds b, int n) {
    double[] l = new double[n];
    for (int i = 0; i < n; i++) {
      l[i] = b.lower(i);
    }
    return l;
  }

  private static double[] hi(Bounds b, int n) {
    double[] h = new double[n];
    for (int i = 0; i < n; i++) {
      h[i] = b.upper(i);
    }
    return h;
  }

  private static void assertFeasible(Solution s, Bounds b) {
    double[] w = s.weights();
    assertEquals(1, Fixtures.sum(w), 1e-12);
    for (int i = 0; i < w.length; i++) {
      assertTrue(w[i] >= b.lower(i) - 1e-12 && w[i] <= b.upper(i) + 1e-12,
          "weight " + w[i] + " outside " + b);
    }
  }

  @Property(tries = 300)
  void minimumVariance_feasibleAndNoWorseThanRandomPortfolios(@ForAll long seed,
      @ForAll @IntRange(min = 2, max = 12) int n, @ForAll @IntRange(min = 0, max = 2) int kind) {
    Random rnd = new Random(seed);
    Portfolio p = Fixtures.random(rnd, n, 0.02);
    Bounds b = bounds(kind, n);
    Solution s = OPT.minimumVariance(p, Constraints.of(b));
    assertFeasible(s, b);
    assertEquals(SolutionStatus.OPTIMAL, s.status());
    assertTrue(s.kktResidual() < 1e-10, "KKT residual " + s.kktResidual());
    for (int t = 0; t < 50; t++) {
      double[] w = Fixtures.randomFeasible(rnd, lo(b, n), hi(b, n));
      assertTrue(s.annualVolatility() <= p.volatility(w) + 1e-13);
    }
  }

  @Property(tries = 300)
  void maximumSharpe_feasibleAndNoWorseThanRandomPortfolios(@ForAll long seed,
      @ForAll @IntRange(min = 2, max = 12) int n, @ForAll @IntRange(min = 0, max = 2) int kind) {
    Random rnd = new Random(seed);
    Bounds b = bounds(kind, n);
    Portfolio random = Fixtures.random(rnd, n, 0.01);
    // the problem needs some attainable return above the rate (its absence is an error case,
    // tested on its own): keep the rate at 0.01 unless every attainable return is below that
    double best = OPT.attainableReturns(random, b).maximum();
    Portfolio p = random.withRiskFreeRate(Math.min(0.01, best - 0.01));
    Solution s = OPT.maximumSharpeRatio(p, Constraints.of(b));
    assertFeasible(s, b);
    assertEquals(SolutionStatus.OPTIMAL, s.status());
    for (int t = 0; t < 50; t++) {
      double[] w = Fixtures.randomFeasible(rnd, lo(b, n), hi(b, n));
      assertTrue(s.sharpeRatio() >= p.sharpeRatio(w) - 1e-12);
    }
  }

  /** Found by the property: capped weights whose caps sum to 1 make a degenerate start vertex. */
  @Example
  void maximumSharpe_cappedDegenerateVertex_pinned() {
    maximumSharpe_feasibleAndNoWorseThanRandomPortfolios(-233, 3, 2);
  }

  @Property(tries = 80)
  void minimumVarianceWithTarget_hitsTargetAndBeatsRandomPortfoliosOfThatReturn(
      @ForAll long seed, @ForAll @IntRange(min = 3, max = 10) int n) {
    Random rnd = new Random(seed);
    Portfolio p = Fixtures.random(rnd, n, 0.02);
    Bounds b = Bounds.longOnly();
    ReturnRange range = OPT.attainableReturns(p, b);
    // a random feasible portfolio fixes the target; the optimum must not be riskier
    double[] w = Fixtures.randomFeasible(rnd, lo(b, n), hi(b, n));
    double target = p.expectedReturn(w);
    assertTrue(range.contains(target, 1e-12));
    Solution s = OPT.minimumVariance(p, Constraints.of(b).withTargetReturn(target));
    assertFeasible(s, b);
    assertEquals(target, s.annualReturn(), 1e-12);
    assertTrue(s.annualVolatility() <= p.volatility(w) + 1e-13);
  }

  @Property(tries = 60)
  void efficientFrontier_returnsRiseAndVolatilitiesDoNotFall(@ForAll long seed,
      @ForAll @IntRange(min = 2, max = 10) int n, @ForAll @IntRange(min = 2, max = 12) int steps,
      @ForAll boolean inclusive) {
    Portfolio p = Fixtures.random(new Random(seed), n, 0.02);
    List<Solution> f = OPT.efficientFrontier(p, Bounds.longOnly(), steps,
        inclusive ? FrontierSpacing.INCLUSIVE : FrontierSpacing.SCRILLA);
    assertEquals(steps, f.size());
    // when the minimum-variance portfolio already has the highest return, the frontier is a point
    boolean point = OPT.maximumReturn(p, Bounds.longOnly()).annualReturn()
        - f.get(0).annualReturn() <= 1e-12;
    for (int i = 1; i < f.size(); i++) {
      if (point) {
        assertEquals(f.get(0).annualReturn(), f.get(i).annualReturn(), 1e-12);
      } else {
        assertTrue(f.get(i).annualReturn() > f.get(i - 1).annualReturn());
      }
      assertTrue(f.get(i).annualVolatility() >= f.get(i - 1).annualVolatility() - 1e-13);
      assertFeasible(f.get(i), Bounds.longOnly());
    }
  }

  /** Found by the property: the optimum sits at a kink of the frontier (one asset alone). */
  @Example
  void minimumCvar_optimumAtFrontierKink_pinned() {
    minimumCvar_atLeastVarAndNoWorseThanRandomPortfolios(-45, 4, 11);
  }

  @Property(tries = 60)
  void minimumCvar_atLeastVarAndNoWorseThanRandomPortfolios(@ForAll long seed,
      @ForAll @IntRange(min = 2, max = 8) int n,
      @ForAll @LongRange(min = 1, max = 40) long horizonQuarters) {
    Random rnd = new Random(seed);
    Portfolio p = Fixtures.random(rnd, n, 0.02);
    double t = horizonQuarters / 4.0;
    CvarSolution c = OPT.minimumConditionalValueAtRisk(p, Constraints.longOnly(), TailEvent.of(0.05, t));
    assertTrue(c.conditionalValueAtRiskLoss() >= c.valueAtRiskLoss());
    assertFeasible(c.solution(), Bounds.longOnly());
    for (int k = 0; k < 50; k++) {
      double[] w = Fixtures.randomFeasible(rnd, lo(Bounds.longOnly(), n), hi(Bounds.longOnly(), n));
      assertTrue(c.conditionalValueAtRiskLoss() <= p.conditionalValueAtRiskLoss(w, TailEvent.of(0.05, t)) + 1e-12);
      assertTrue(p.conditionalValueAtRiskLoss(w, TailEvent.of(0.05, t))
          >= p.valueAtRiskLoss(w, TailEvent.of(0.05, t)));
    }
  }
}
