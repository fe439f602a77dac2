package io.scrilla.core.risk;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.scrilla.api.error.InvalidInputException;
import io.scrilla.api.model.RiskProfile;
import io.scrilla.core.stats.Normal;
import org.hipparchus.analysis.integration.IterativeLegendreGaussIntegrator;
import org.junit.jupiter.api.Test;

class GbmTest {
  private final RiskProfile profile = new RiskProfile(0.08, 0.25);

  @Test
  void d1d2_atTheMoney_handValues() {
    // ln(1) = 0; d1 = (0.05 + 0.02) / 0.2 = 0.35, d2 = 0.15
    assertEquals(0.35, Gbm.d1(100, 100, 0.05, 0.2, 1, 0), 1e-15);
    assertEquals(0.15, Gbm.d2(100, 100, 0.05, 0.2, 1, 0), 1e-15);
    assertEquals(Normal.cdf(0.15), Gbm.probD2(100, 100, 0.05, 0.2, 1, 0), 1e-15);
  }

  @Test
  void valueAtRisk_isTheLognormalQuantile() {
    double s0 = 468.89;
    double t = 0.5;
    for (double p : new double[] {0.01, 0.05, 0.25, 0.5, 0.9}) {
      double v = Gbm.valueAtRisk(s0, profile, t, p);
      double z = (Math.log(v / s0) - (0.08 - 0.5 * 0.25 * 0.25) * t) / (0.25 * Math.sqrt(t));
      assertEquals(p, Normal.cdf(z), 1e-14, "p=" + p);
    }
  }

  @Test
  void conditionalValueAtRisk_matchesNumericalIntegralOfTheTail() {
    double s0 = 100;
    double t = 0.25;
    double p = 0.05;
    double m = (0.08 - 0.5 * 0.25 * 0.25) * t;
    double sd = 0.25 * Math.sqrt(t);
    double zp = Normal.quantile(p);
    IterativeLegendreGaussIntegrator integrator = new IterativeLegendreGaussIntegrator(16, 1e-14, 1e-14);
    double tail = integrator.integrate(1_000_000, z -> s0 * Math.exp(m + sd * z) * Normal.density(z), -40, zp);
    double cvar = Gbm.conditionalValueAtRisk(s0, profile, t, p);
    assertEquals(tail / p, cvar, 1e-10 * cvar);
    // with K = S_p the conditional expectation below K is the CVaR
    double k = Gbm.valueAtRisk(s0, profile, t, p);
    assertEquals(cvar, Gbm.expectationBelow(s0, k, 0.08, 0.25, t, 0), 1e-10 * cvar);
  }

  @Test
  void expectations_aboveAndBelow_averageToTheMean() {
    double s0 = 50;
    double k = 55;
    double mu = 0.1;
    double sigma = 0.3;
    double t = 2;
    double q = 0.01;
    double pAbove = Gbm.probD2(s0, k, mu, sigma, t, q);
    double total = pAbove * Gbm.expectationAbove(s0, k, mu, sigma, t, q)
        + (1 - pAbove) * Gbm.expectationBelow(s0, k, mu, sigma, t, q);
    assertEquals(s0 * Math.exp((mu - q) * t), total, 1e-12 * total);
  }

  @Test
  void percentile_median_isDriftOnly() {
    assertEquals(100 * Math.exp((0.08 - 0.03125) * 2), Gbm.percentile(100, 0.08, 0.25, 2, 0, 0.5), 1e-12);
  }

  @Test
  void valueAtRisk_badArguments_throw() {
    assertThrows(InvalidInputException.class, () -> Gbm.valueAtRisk(100, profile, 1, 0));
    assertThrows(InvalidInputException.class, () -> Gbm.valueAtRisk(100, profile, 1, 1));
    assertThrows(InvalidInputException.class, () -> Gbm.valueAtRisk(100, profile, 0, 0.05));
    assertThrows(InvalidInputException.class, () -> Gbm.valueAtRisk(-1, profile, 1, 0.05));
    assertThrows(InvalidInputException.class, () -> Gbm.valueAtRisk(Double.NaN, profile, 1, 0.05));
  }
}
