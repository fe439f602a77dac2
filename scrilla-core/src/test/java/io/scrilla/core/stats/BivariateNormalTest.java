package io.scrilla.core.stats;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.scrilla.api.error.InvalidInputException;
import org.hipparchus.analysis.integration.IterativeLegendreGaussIntegrator;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class BivariateNormalTest {

  /** Reference values: Plackett's integral evaluated at 40 significant digits (mpmath). */
  @ParameterizedTest
  @CsvSource({
    "0.3, -0.7, 0.5, 0.2065237797857390111247674",
    "1.2, 0.8, -0.6, 0.6747532088787660339834512",
    "-1.28, -1.0, 0.9, 0.08528269453004862746586568",
    "-1.28, -1.28, 0.99999, 0.09995883448019235946922763",
    "1.0, -1.0, -0.99999, 0.0004317058050160403042604391",
    "2.5, -0.3, 0.2, 0.380913520114731463010154",
    "-3.0, -2.0, 0.75, 0.001009316848559453272664168",
    "0.0, 0.5, -0.95, 0.1944591331955126231679805",
  })
  void cdf_highPrecisionReference_agreesTo1e15(double h, double k, double rho, double expected) {
    assertEquals(expected, BivariateNormal.cdf(h, k, rho), 1e-15);
  }

  @Test
  void cdf_atOrigin_isSheppardsClosedForm() {
    for (double rho : new double[] {-0.99999, -0.9, -0.3, 0.1, 0.5, 0.95, 0.99999}) {
      assertEquals(
          0.25 + Math.asin(rho) / (2 * Math.PI),
          BivariateNormal.cdf(0, 0, rho),
          2e-16,
          "rho=" + rho);
    }
  }

  @Test
  void cdf_reflection_sumsToMarginal() {
    double[][] cases = {{0.4, -1.1, 0.3}, {-2, 0.7, -0.8}, {1.5, 1.5, 0.99}, {-0.2, 2.2, 0.6}};
    for (double[] c : cases) {
      double sum = BivariateNormal.cdf(c[0], c[1], c[2]) + BivariateNormal.cdf(c[0], -c[1], -c[2]);
      assertEquals(Normal.cdf(c[0]), sum, 1e-15);
    }
  }

  @Test
  void cdf_independentNormals_isProductOfMarginals() {
    assertEquals(Normal.cdf(0.7) * Normal.cdf(-0.2), BivariateNormal.cdf(0.7, -0.2, 0), 0);
  }

  @Test
  void cdf_againstPlackettIntegralByHipparchus_agrees() {
    IterativeLegendreGaussIntegrator integrator =
        new IterativeLegendreGaussIntegrator(16, 1e-15, 1e-17);
    double[][] cases = {{0.3, -0.7, 0.5}, {-1.1, 0.4, -0.7}, {0.9, 1.3, 0.85}, {-0.5, -0.5, 0.2}};
    for (double[] c : cases) {
      double h = c[0];
      double k = c[1];
      double lo = Math.min(0, c[2]);
      double hi = Math.max(0, c[2]);
      double integral =
          Math.signum(c[2])
              * integrator.integrate(100_000, r -> BivariateNormal.density(h, k, r), lo, hi);
      assertEquals(
          Normal.cdf(h) * Normal.cdf(k) + integral, BivariateNormal.cdf(h, k, c[2]), 1e-15);
    }
  }

  @Test
  void cdf_limits_areMarginalsAndFrechetBounds() {
    assertEquals(Normal.cdf(0.3), BivariateNormal.cdf(Double.POSITIVE_INFINITY, 0.3, 0.4), 0);
    assertEquals(0, BivariateNormal.cdf(Double.NEGATIVE_INFINITY, 0.3, 0.4), 0);
    assertEquals(Normal.cdf(-0.2), BivariateNormal.cdf(0.5, -0.2, 1), 0);
    assertEquals(Normal.cdf(0.5) + Normal.cdf(0.2) - 1, BivariateNormal.cdf(0.5, 0.2, -1), 1e-16);
    assertEquals(0, BivariateNormal.cdf(-0.5, -0.2, -1), 0);
  }

  @Test
  void cdf_rhoOutsideRange_throws() {
    assertThrows(InvalidInputException.class, () -> BivariateNormal.cdf(0, 0, 1.0000001));
    assertThrows(InvalidInputException.class, () -> BivariateNormal.cdf(Double.NaN, 0, 0.5));
  }

  @Test
  void normal_cdfAndQuantile_matchHighPrecisionValues() {
    // relative accuracy of 1e-15 (Hipparchus' erfc), 2e-15 in the far tail
    assertEquals(0.06680720126885806600449404, Normal.cdf(-1.5), 1e-15 * 0.0668);
    assertEquals(0.6179114221889526330722736, Normal.cdf(0.3), 1e-15 * 0.618);
    assertEquals(0.9772498680518207927997174, Normal.cdf(2.0), 1e-15);
    assertEquals(2.866515718791939116737523e-7, Normal.cdf(-5), 2e-15 * 2.87e-7);
    assertEquals(0.6744897501960817, Normal.quantile(0.75), 1e-15);
    assertEquals(-1.6448536269514722, Normal.quantile(0.05), 1e-14);
    assertEquals(0.3, Normal.quantile(Normal.cdf(0.3)), 1e-14);
  }
}
