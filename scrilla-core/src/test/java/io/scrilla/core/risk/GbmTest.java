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

  // reference values: python3 with mpmath, mp.dps = 50, of the direct formula, e.g.
  // s0*exp((mu-q)*t)*ncdf(-d1)/ncdf(-d2) with d1 = (log(s0/k)+(mu-q+sg**2/2)*t)/(sg*sqrt(t))

  @Test
  void expectationBelow_probabilityUnderflows_finiteAndAccurate() {
    // P(S_T < K) = Phi(-175), 0 in double precision; the old quotient threw
    assertEquals(
        9.9756287785336252458e-31, Gbm.expectationBelow(100, 1e-30, 0.05, 0.3, 2, 0.01), 1e-43);
    assertEquals(0.99152928843138250096, Gbm.expectationBelow(100, 1, 0.08, 0.2, 1, 0), 1e-13);
  }

  @Test
  void expectationAbove_probabilityUnderflows_finiteAndAccurate() {
    assertEquals(
        1.002799030861863527e+30, Gbm.expectationAbove(100, 1e30, 0.05, 0.3, 2, 0.01), 1e17);
    assertEquals(1017.8750704414454028, Gbm.expectationAbove(100, 1000, 0.08, 0.2, 1, 0), 1e-10);
  }

  @Test
  void expectationBelow_ordinaryAndNarrowArguments_matchReference() {
    assertEquals(84.236541336054408515, Gbm.expectationBelow(100, 95, 0.08, 0.2, 1, 0), 1e-12);
    assertEquals(99.898767057559067592, Gbm.expectationBelow(100, 99.9, 0.08, 0.001, 1, 0), 1e-12);
  }

  @Test
  void expectationBelow_centralRegion_bitIdenticalToDirectFormula() {
    double d1 = Gbm.d1(100, 95, 0.08, 0.2, 1, 0);
    double d2 = d1 - 0.2;
    double direct = 100 * Math.exp(0.08) * Normal.cdf(-d1) / Normal.cdf(-d2);
    assertEquals(direct, Gbm.expectationBelow(100, 95, 0.08, 0.2, 1, 0), 0);
  }
}
