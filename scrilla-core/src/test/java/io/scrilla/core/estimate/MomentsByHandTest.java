package io.scrilla.core.estimate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.scrilla.api.error.SampleSizeException;
import io.scrilla.api.model.RiskProfile;
import org.junit.jupiter.api.Test;

/** The moments estimator on a series whose numbers are worked out by hand in the comments. */
class MomentsByHandTest {
  private static final double TAU = 1.0 / 252;

  /** Closes whose log returns are exactly 0.01, -0.02 and 0.03 (up to rounding of exp). */
  private static double[] closes() {
    return new double[] {100, 100 * Math.exp(0.01), 100 * Math.exp(-0.01), 100 * Math.exp(0.02)};
  }

  @Test
  void moments_threeReturns_matchHandComputedValues() {
    // mean r = 0.02/3; deviations 1/300, -8/300, 7/300; sum of squares 114/90000; /(N-1) = 57/90000
    // nu = (0.02/3) * 252 = 1.68; sigma^2 = 57/90000 * 252 = 0.1596; return = 1.68 + 0.0798
    RiskProfile p = ProfileEstimators.moments(ReturnSample.ofCloses(closes(), TAU));
    assertEquals(1.68 + 0.0798, p.annualReturn(), 1e-12);
    assertEquals(Math.sqrt(0.1596), p.annualVolatility(), 1e-12);
  }

  @Test
  void likelihood_threeReturns_usesDivisorN() {
    // sigma^2 = 114/90000 / 3 * 252 = 0.1064
    RiskProfile p = ProfileEstimators.likelihood(ReturnSample.ofCloses(closes(), TAU));
    assertEquals(1.68 + 0.0532, p.annualReturn(), 1e-12);
    assertEquals(Math.sqrt(0.1064), p.annualVolatility(), 1e-12);
  }

  @Test
  void moments_gapOfTwoSessions_usesElapsedTimeAndStandardizedResiduals() {
    // Deltas 1, 2, 1: elapsed 4 periods; nu = ln(P3/P0) / (4 tau) = 0.02 / 4 * 252 = 1.26
    // e_i = (r_i - nu tau Delta_i) / sqrt(tau Delta_i): r = 0.01, -0.02, 0.03; nu tau = 0.005
    //   e1 = 0.005 / sqrt(tau), e2 = (-0.02 - 0.01) / sqrt(2 tau), e3 = 0.025 / sqrt(tau)
    // sigma^2 = (0.000025 + 0.00045 + 0.000625) / 2 * 252 = 0.1386
    ReturnSample s = ReturnSample.ofCloses(closes(), new double[] {1, 2, 1}, TAU);
    RiskProfile p = ProfileEstimators.moments(s);
    assertEquals(1.26 + 0.0693, p.annualReturn(), 1e-12);
    assertEquals(Math.sqrt(0.1386), p.annualVolatility(), 1e-12);
  }

  @Test
  void moments_onePriceOrOneReturn_isASampleSizeError() {
    assertThrows(SampleSizeException.class, () -> ReturnSample.ofCloses(new double[] {100}, TAU));
    ReturnSample one = ReturnSample.ofCloses(new double[] {100, 101}, TAU);
    assertThrows(SampleSizeException.class, () -> ProfileEstimators.moments(one));
  }
}
