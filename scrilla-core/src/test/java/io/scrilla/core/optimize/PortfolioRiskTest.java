package io.scrilla.core.optimize;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.scrilla.api.error.InvalidInputException;
import org.hipparchus.analysis.integration.SimpsonIntegrator;
import org.junit.jupiter.api.Test;

class PortfolioRiskTest {

  /** Quantile of S_T/S_0 found by bisection on the lognormal CDF written out with erf. */
  private static double lognormalQuantile(double r, double v, double t, double p) {
    double m = (r - v * v / 2) * t;
    double s = v * Math.sqrt(t);
    double lo = -20;
    double hi = 20;
    for (int i = 0; i < 200; i++) {
      double mid = 0.5 * (lo + hi);
      double cdf = 0.5 * org.hipparchus.special.Erf.erfc(-(mid - m) / (s * Math.sqrt(2)));
      if (cdf < p) {
        lo = mid;
      } else {
        hi = mid;
      }
    }
    return Math.exp(0.5 * (lo + hi));
  }

  @Test
  void valueAtRisk_matchesLognormalQuantile() {
    double r = 0.08;
    double v = 0.25;
    double t = 0.5;
    double level = lognormalQuantile(r, v, t, 0.05);
    assertEquals(level, PortfolioRisk.valueAtRiskLevel(r, v, 0.05, t), 1e-12);
    assertEquals(1 - level, PortfolioRisk.valueAtRisk(r, v, 0.05, t), 1e-12);
  }

  @Test
  void conditionalValueAtRisk_matchesNumericalTailExpectation() {
    double r = 0.08;
    double v = 0.25;
    double t = 2;
    double p = 0.05;
    double m = (r - v * v / 2) * t;
    double s = v * Math.sqrt(t);
    double q = Math.log(lognormalQuantile(r, v, t, p));
    // E[e^X ; X < q] / p with X ~ N(m, s^2)
    double integral = new SimpsonIntegrator(1e-13, 1e-13, 3, 30).integrate(10_000_000,
        x -> Math.exp(x) * Math.exp(-0.5 * Math.pow((x - m) / s, 2)) / (s * Math.sqrt(2 * Math.PI)),
        m - 12 * s, q);
    assertEquals(1 - integral / p, PortfolioRisk.conditionalValueAtRisk(r, v, p, t), 1e-9);
  }

  @Test
  void scrillaCompatibility_agreesOnlyAtOneYear() {
    assertEquals(PortfolioRisk.valueAtRiskLevel(0.1, 0.2, 0.05, 1),
        PortfolioRisk.scrillaValueAtRiskLevel(0.1, 0.2, 0.05, 1), 1e-15);
    assertEquals(PortfolioRisk.conditionalValueAtRisk(0.1, 0.2, 0.05, 1),
        PortfolioRisk.scrillaConditionalValueAtRisk(0.1, 0.2, 0.05, 1), 1e-15);
    double t = 0.25;
    // scrilla: exp((R - V^2/2) T^2 + V T z_p)
    double z = -1.6448536269514729;
    assertEquals(Math.exp((0.1 - 0.02) * t * t + 0.2 * t * z),
        PortfolioRisk.scrillaValueAtRiskLevel(0.1, 0.2, 0.05, t), 1e-12);
    assertTrue(Math.abs(PortfolioRisk.valueAtRiskLevel(0.1, 0.2, 0.05, t)
        - PortfolioRisk.scrillaValueAtRiskLevel(0.1, 0.2, 0.05, t)) > 1e-3);
  }

  @Test
  void badProbabilityOrHorizon_fails() {
    assertThrows(InvalidInputException.class, () -> PortfolioRisk.valueAtRisk(0.1, 0.2, 0, 1));
    assertThrows(InvalidInputException.class, () -> PortfolioRisk.valueAtRisk(0.1, 0.2, 1, 1));
    assertThrows(InvalidInputException.class,
        () -> PortfolioRisk.conditionalValueAtRisk(0.1, 0.2, 0.05, 0));
    assertThrows(InvalidInputException.class,
        () -> PortfolioRisk.conditionalValueAtRisk(0.1, -0.2, 0.05, 1));
  }
}
