package io.scrilla.core.risk;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.scrilla.core.stats.Normal;
import org.junit.jupiter.api.Test;

class GbmTest {
  @Test
  void d1d2_atTheMoney_handValues() {
    // ln(1) = 0; d1 = (0.05 + 0.02) / 0.2 = 0.35, d2 = 0.15
    assertEquals(0.35, Gbm.d1(100, 100, 0.05, 0.2, 1, 0), 1e-15);
    assertEquals(0.15, Gbm.d2(100, 100, 0.05, 0.2, 1, 0), 1e-15);
    assertEquals(Normal.cdf(0.15), Gbm.probD2(100, 100, 0.05, 0.2, 1, 0), 1e-15);
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
    double total =
        pAbove * Gbm.expectationAbove(s0, k, mu, sigma, t, q)
            + (1 - pAbove) * Gbm.expectationBelow(s0, k, mu, sigma, t, q);
    assertEquals(s0 * Math.exp((mu - q) * t), total, 1e-12 * total);
  }
}
