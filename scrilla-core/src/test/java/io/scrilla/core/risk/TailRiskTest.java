package io.scrilla.core.risk;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.scrilla.api.error.InvalidInputException;
import io.scrilla.api.model.RiskProfile;
import io.scrilla.core.stats.Normal;
import java.util.ArrayList;
import java.util.List;
import org.hipparchus.analysis.integration.IterativeLegendreGaussIntegrator;
import org.hipparchus.analysis.integration.SimpsonIntegrator;
import org.hipparchus.special.Erf;
import org.junit.jupiter.api.Test;

class TailRiskTest {
  private static final RiskProfile PROFILE = new RiskProfile(0.08, 0.25);

  /** Quantile of S_T/S_0 found by bisection on the lognormal CDF written out with erfc. */
  private static double lognormalQuantile(double r, double v, double t, double p) {
    double m = (r - v * v / 2) * t;
    double s = v * Math.sqrt(t);
    double lo = -20;
    double hi = 20;
    for (int i = 0; i < 200; i++) {
      double mid = 0.5 * (lo + hi);
      double cdf = 0.5 * Erf.erfc(-(mid - m) / (s * Math.sqrt(2)));
      if (cdf < p) {
        lo = mid;
      } else {
        hi = mid;
      }
    }
    return Math.exp(0.5 * (lo + hi));
  }

  @Test
  void valueAtRisk_ordinaryProbabilities_isTheLognormalQuantileInEveryUnit() {
    double s0 = 468.89;
    double t = 0.5;
    for (double p : new double[] {0.01, 0.05, 0.25, 0.5, 0.9}) {
      TailEvent event = TailEvent.of(p, t);
      double level = lognormalQuantile(0.08, 0.25, t, p);
      assertEquals(level, TailRisk.valueAtRiskRatio(PROFILE, event), 1e-12, "p=" + p);
      assertEquals(1 - level, TailRisk.valueAtRiskLoss(PROFILE, event), 1e-12, "p=" + p);
      assertEquals(
          s0 * TailRisk.valueAtRiskRatio(PROFILE, event),
          TailRisk.valueAtRiskPrice(s0, PROFILE, event),
          0,
          "p=" + p);
    }
  }

  @Test
  void conditionalValueAtRisk_ordinaryProbability_matchesNumericalIntegralOfTheTail() {
    double s0 = 100;
    double t = 0.25;
    double p = 0.05;
    double m = (0.08 - 0.5 * 0.25 * 0.25) * t;
    double sd = 0.25 * Math.sqrt(t);
    double zp = Normal.quantile(p);
    IterativeLegendreGaussIntegrator integrator =
        new IterativeLegendreGaussIntegrator(16, 1e-14, 1e-14);
    double tail =
        integrator.integrate(
            1_000_000, z -> s0 * Math.exp(m + sd * z) * Normal.density(z), -40, zp);
    TailEvent event = TailEvent.of(p, t);
    double cvar = TailRisk.conditionalValueAtRiskPrice(s0, PROFILE, event);
    assertEquals(tail / p, cvar, 1e-10 * cvar);
    // with K = S_p the conditional expectation below K is the CVaR
    double k = TailRisk.valueAtRiskPrice(s0, PROFILE, event);
    assertEquals(cvar, Gbm.expectationBelow(s0, k, 0.08, 0.25, t, 0), 1e-10 * cvar);
  }

  @Test
  void conditionalValueAtRiskLoss_twoYears_matchesNumericalTailExpectation() {
    double r = 0.08;
    double v = 0.25;
    double t = 2;
    double p = 0.05;
    double m = (r - v * v / 2) * t;
    double s = v * Math.sqrt(t);
    double q = Math.log(lognormalQuantile(r, v, t, p));
    // E[e^X ; X < q] / p with X ~ N(m, s^2)
    double integral =
        new SimpsonIntegrator(1e-13, 1e-13, 3, 30)
            .integrate(
                10_000_000,
                x ->
                    Math.exp(x)
                        * Math.exp(-0.5 * Math.pow((x - m) / s, 2))
                        / (s * Math.sqrt(2 * Math.PI)),
                m - 12 * s,
                q);
    assertEquals(
        1 - integral / p,
        TailRisk.conditionalValueAtRiskLoss(new RiskProfile(r, v), TailEvent.of(p, t)),
        1e-9);
  }

  /**
   * Bit-for-bit the numbers of the implementation before the tail-accurate rewrite (then two
   * copies, one per unit, printed by it), at ordinary probabilities and horizons.
   */
  @Test
  void ordinaryProbabilities_sameNumbersAsBefore() {
    RiskProfile profile = new RiskProfile(0.08, 0.2);
    assertEquals(
        100.81300715493907,
        TailRisk.valueAtRiskPrice(123.456, profile, TailEvent.of(0.05, 0.5)),
        0);
    assertEquals(
        95.1561526100108,
        TailRisk.conditionalValueAtRiskPrice(123.456, profile, TailEvent.of(0.05, 0.5)),
        0);
    assertEquals(0.195580827959696, TailRisk.valueAtRiskLoss(profile, TailEvent.of(0.01, 0.25)), 0);
    assertEquals(
        0.22201266937404984,
        TailRisk.conditionalValueAtRiskLoss(profile, TailEvent.of(0.01, 0.25)),
        0);
  }

  /**
   * Values from mpmath 1.3.0 at 60 significant digits, with the exact double inputs: z_p by
   * Newton's method on ln Phi, VaR ratio {@code exp((mu - sigma^2/2) T + sigma sqrt(T) z_p)}, CVaR
   * ratio {@code e^(mu T) Phi(z_p - sigma sqrt T) / p} with {@code Phi(x) = erfc(-x/sqrt 2)/2}.
   * Columns: p, VaR ratio, CVaR ratio, for mu = 0.08, sigma = 0.25, T = 0.5.
   */
  private static final double[][] TINY = {
    {0.05, 0.76613507365774022788, 0.7130708773447317484},
    {0.01, 0.67918000104783549622, 0.64063051975156648378},
    {1e-3, 0.59338843851007087048, 0.56562978290530487998},
    {1e-10, 0.33281722206443824925, 0.32420180249203035767},
    {1e-14, 0.26498614133494467374, 0.25918454623048916431},
    {1e-16, 0.23952499061550963024, 0.23461857751878140146},
    {1e-17, 0.22829201620444333105, 0.22375497404948499964},
    {1e-100, 0.023842732667153044634, 0.023647087191024270522},
    {1e-300, 0.0014667763372302075774, 0.0014598206378491588663},
    {Double.MIN_VALUE, 0.0011410962662009039037, 0.0011358833377069495425},
  };

  @Test
  void tinyProbabilities_matchHighPrecisionValues() {
    for (double[] row : TINY) {
      TailEvent event = TailEvent.of(row[0], 0.5);
      assertEquals(
          row[1], TailRisk.valueAtRiskRatio(PROFILE, event), 2e-15 * row[1], "VaR p=" + row[0]);
      assertEquals(
          row[2],
          TailRisk.conditionalValueAtRiskRatio(PROFILE, event),
          5e-15 * row[2],
          "CVaR p=" + row[0]);
    }
  }

  @Test
  void tinyProbabilities_volatileAssetOverTenYears_matchHighPrecisionValues() {
    // mpmath as above, mu = 0.3, sigma = 1.2, T = 10 (the ratio's logarithm reaches -150, whose
    // rounding alone moves exp by 2e-14)
    RiskProfile profile = new RiskProfile(0.3, 1.2);
    double[][] rows = {
      {0.05, 2.9187189680980572188e-05, 1.072653633735456146e-05},
      {1e-20, 8.1532962853241293279e-18, 5.8159359731810186976e-18},
      {Double.MIN_VALUE, 6.031979452774552266e-66, 5.4910002439459623453e-66},
    };
    for (double[] row : rows) {
      TailEvent event = TailEvent.of(row[0], 10);
      assertEquals(row[1], TailRisk.valueAtRiskRatio(profile, event), 5e-14 * row[1]);
      assertEquals(row[2], TailRisk.conditionalValueAtRiskRatio(profile, event), 5e-14 * row[2]);
    }
  }

  private static final RiskProfile[] PROFILES = {
    PROFILE,
    new RiskProfile(0, 0),
    new RiskProfile(0.3, 1.2),
    new RiskProfile(-0.5, 2),
    new RiskProfile(0.1, 0.2),
    new RiskProfile(0.6, 0.8),
    new RiskProfile(0.05, 0.011),
  };
  private static final double[] HORIZONS = {1e-300, 1e-6, 0.25, 0.83, 3, 30};

  @Test
  void everyProbability_cvarAtMostVarFinitePositiveAndMonotone() {
    List<Double> ps = new ArrayList<>();
    ps.add(Double.MIN_VALUE);
    for (double p = 1e-320; p < 0.5; p *= p < 1e-20 ? 1e3 : 1.7) {
      ps.add(p);
    }
    for (double q = 0.5; q > 1e-15; q /= 1.7) {
      ps.add(1 - q);
    }
    ps.add(Math.nextDown(1.0));
    ps.sort(null);
    for (RiskProfile profile : PROFILES) {
      for (double t : HORIZONS) {
        double lastVar = 0;
        double lastCvar = 0;
        for (double p : ps) {
          TailEvent event = TailEvent.of(p, t);
          double var = TailRisk.valueAtRiskPrice(100, profile, event);
          double cvar = TailRisk.conditionalValueAtRiskPrice(100, profile, event);
          String at = profile + " T=" + t + " p=" + p;
          assertTrue(Double.isFinite(cvar) && cvar > 0, at + ": " + cvar);
          assertTrue(cvar <= var, at + ": CVaR " + cvar + " above VaR " + var);
          // non-decreasing up to rounding: near p = 1 the measures are flat to 1e-16 and one
          // unit in the last place of noise remains
          assertTrue(
              var >= lastVar * (1 - 1e-15), at + ": VaR fell to " + var + " from " + lastVar);
          assertTrue(
              cvar >= lastCvar * (1 - 1e-15), at + ": CVaR fell to " + cvar + " from " + lastCvar);
          lastVar = var;
          lastCvar = cvar;
        }
      }
    }
  }

  /**
   * Where the formula changes (the quantile is polished below 0.01 and above 0.99; the CVaR is
   * direct between them), adjacent probabilities give numbers that agree to rounding.
   */
  @Test
  void formulaSwitches_adjacentProbabilities_agreeToRounding() {
    for (double edge : new double[] {0.01, 0.99}) {
      for (RiskProfile profile : PROFILES) {
        for (double t : HORIZONS) {
          TailEvent below = TailEvent.of(Math.nextDown(edge), t);
          TailEvent at = TailEvent.of(edge, t);
          assertOrdered(profile, below, "below " + edge);
          assertOrdered(profile, at, "at " + edge);
          double var = TailRisk.valueAtRiskRatio(profile, at);
          double cvar = TailRisk.conditionalValueAtRiskRatio(profile, at);
          String where = profile + " T=" + t + " p=" + edge;
          // exp turns an absolute error of its argument into a relative one: allow a few units
          // in the last place of ln(ratio)
          // in the last place of ln(ratio), and the quantile's own rounding at 0.01 times s
          double s = profile.annualVolatility() * Math.sqrt(t);
          double tolerance = 5e-15 * (1 + Math.abs(Math.log(var)) + s);
          assertEquals(var, TailRisk.valueAtRiskRatio(profile, below), tolerance * var, where);
          assertEquals(
              cvar, TailRisk.conditionalValueAtRiskRatio(profile, below), tolerance * cvar, where);
        }
      }
    }
  }

  private static void assertOrdered(RiskProfile profile, TailEvent event, String at) {
    double var = TailRisk.valueAtRiskPrice(100, profile, event);
    double cvar = TailRisk.conditionalValueAtRiskPrice(100, profile, event);
    assertTrue(Double.isFinite(cvar) && cvar > 0, at + ": " + cvar);
    assertTrue(cvar <= var, at + ": CVaR " + cvar + " above VaR " + var);
    assertTrue(
        TailRisk.conditionalValueAtRiskLoss(profile, event)
            >= TailRisk.valueAtRiskLoss(profile, event),
        at);
  }

  @Test
  void scrillaDoubleScaling_isOursAtTheSquaredHorizon() {
    // scrilla 1.6 (bug B13): VaR level exp((R - V^2/2) T^2 + V T z_p) and CVaR loss
    // 1 - e^(R T^2) Phi(z_p - V T) / p, i.e. our numbers at horizon T^2
    double r = 0.1;
    double v = 0.2;
    double t = 0.25;
    double z = Normal.quantile(0.05);
    RiskProfile profile = new RiskProfile(r, v);
    TailEvent squared = TailEvent.of(0.05, t * t);
    assertEquals(
        Math.exp((r - v * v / 2) * t * t + v * t * z),
        TailRisk.valueAtRiskRatio(profile, squared),
        1e-15);
    assertEquals(
        1 - Math.exp(r * t * t) * Normal.cdf(z - v * t) / 0.05,
        TailRisk.conditionalValueAtRiskLoss(profile, squared),
        1e-15);
    assertTrue(
        Math.abs(
                TailRisk.valueAtRiskRatio(profile, TailEvent.of(0.05, t))
                    - TailRisk.valueAtRiskRatio(profile, squared))
            > 1e-3);
  }

  @Test
  void tailEvent_outOfRange_failsInTheUsersTerms() {
    for (double p : new double[] {0, 1, -0.1, 1.5, Double.NaN}) {
      InvalidInputException e = assertThrows(InvalidInputException.class, () -> TailEvent.of(p, 1));
      assertTrue(e.getMessage().contains("strictly between 0 and 1"), e.getMessage());
    }
    for (double t : new double[] {0, -1, Double.NaN, Double.POSITIVE_INFINITY, 1e308, 1000.5}) {
      InvalidInputException e =
          assertThrows(InvalidInputException.class, () -> TailEvent.of(0.05, t));
      assertTrue(e.getMessage().contains("at most 1000"), e.getMessage());
    }
    assertEquals(1000, TailEvent.of(Double.MIN_VALUE, 1000).horizon());
  }

  @Test
  void price_notFinitePositive_fails() {
    TailEvent event = TailEvent.of(0.05, 1);
    for (double s0 : new double[] {0, -1, Double.NaN, Double.POSITIVE_INFINITY}) {
      assertThrows(
          InvalidInputException.class, () -> TailRisk.valueAtRiskPrice(s0, PROFILE, event));
      assertThrows(
          InvalidInputException.class,
          () -> TailRisk.conditionalValueAtRiskPrice(s0, PROFILE, event));
    }
  }

  @Test
  void resultBeyondDoublePrecision_failsAskingForAShorterHorizon() {
    // e^(1 * 1000) overflows; exp(-(9/2) * 1000) underflows
    for (RiskProfile profile : new RiskProfile[] {new RiskProfile(1, 0.2), new RiskProfile(0, 3)}) {
      TailEvent event = TailEvent.of(0.05, 1000);
      InvalidInputException e =
          assertThrows(
              InvalidInputException.class, () -> TailRisk.valueAtRiskPrice(100, profile, event));
      assertTrue(e.getMessage().contains("shorter horizon"), e.getMessage());
      assertThrows(
          InvalidInputException.class, () -> TailRisk.conditionalValueAtRiskLoss(profile, event));
    }
  }
}
