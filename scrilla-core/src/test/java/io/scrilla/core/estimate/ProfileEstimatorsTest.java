package io.scrilla.core.estimate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.scrilla.api.error.InvalidInputException;
import io.scrilla.api.error.SampleSizeException;
import io.scrilla.api.model.Asset;
import io.scrilla.api.model.DateRange;
import io.scrilla.api.model.EstimationMethod;
import io.scrilla.api.model.PriceHistory;
import io.scrilla.api.model.RiskProfile;
import io.scrilla.core.calendar.TradingCalendar;
import io.scrilla.core.stats.Normal;
import java.util.Arrays;
import java.util.Random;
import java.util.stream.IntStream;
import org.hipparchus.analysis.solvers.BracketingNthOrderBrentSolver;
import org.hipparchus.linear.Array2DRowRealMatrix;
import org.hipparchus.linear.ArrayRealVector;
import org.hipparchus.linear.RealVector;
import org.hipparchus.optim.nonlinear.vector.leastsquares.LeastSquaresBuilder;
import org.hipparchus.optim.nonlinear.vector.leastsquares.LevenbergMarquardtOptimizer;
import org.hipparchus.stat.descriptive.DescriptiveStatistics;
import org.hipparchus.util.Pair;
import org.junit.jupiter.api.Test;

class ProfileEstimatorsTest {
  private static final TradingCalendar NYSE = TradingCalendar.nyse();
  private static final DateRange Y2021 = DateRange.parse("2021-01-04", "2021-11-19");
  private static final double TAU = 1.0 / 252;

  private static PriceHistory spy2021() {
    return RecordedPrices.load(Asset.equity("SPY")).slice(Y2021);
  }

  private static double[] logReturns(PriceHistory p) {
    double[] r = new double[p.size() - 1];
    for (int i = 1; i < p.size(); i++) {
      r[i - 1] = Math.log(p.close(i) / p.close(i - 1));
    }
    return r;
  }

  private static void assertRelative(double expected, double actual, double tol) {
    assertEquals(expected, actual, tol * Math.abs(expected), "relative " + tol);
  }

  @Test
  void moments_spy2021_isMeanAndSampleStdOfLogReturns() {
    DescriptiveStatistics d = new DescriptiveStatistics(logReturns(spy2021()));
    double sigma = d.getStandardDeviation() / Math.sqrt(TAU);
    RiskProfile p = ProfileEstimators.moments(ReturnSample.of(spy2021(), NYSE));
    assertRelative(sigma, p.annualVolatility(), 1e-12);
    assertRelative(d.getMean() / TAU + 0.5 * sigma * sigma, p.annualReturn(), 1e-12);
  }

  @Test
  void moments_handSeries_matchesHandComputation() {
    // prices 100, 110, 99: r = ln 1.1, ln 0.9; mean and sample variance by hand
    ReturnSample s = ReturnSample.ofCloses(new double[] {100, 110, 99}, 0.5);
    double r1 = Math.log(1.1);
    double r2 = Math.log(0.9);
    double mean = (r1 + r2) / 2;
    double var = ((r1 - mean) * (r1 - mean) + (r2 - mean) * (r2 - mean)) / 1;
    RiskProfile p = ProfileEstimators.moments(s);
    assertEquals(Math.sqrt(var / 0.5), p.annualVolatility(), 1e-15);
    assertEquals(mean / 0.5 + 0.5 * var / 0.5, p.annualReturn(), 1e-15);
  }

  @Test
  void moments_irregularIntervals_useElapsedTimeAndStandardizedResiduals() {
    // BTC on NYSE sessions only: intervals of 1, 3 and 4 calendar days
    PriceHistory btc = RecordedPrices.load(Asset.crypto("BTC")).slice(Y2021);
    int[] days = btc.epochDays();
    double[] closes = btc.closes();
    int k = 0;
    for (int i = 0; i < days.length; i++) {
      if (NYSE.isTradingDay(days[i])) {
        days[k] = days[i];
        closes[k++] = closes[i];
      }
    }
    ReturnSample s =
        ReturnSample.of(
            PriceHistory.ofCloses(
                Asset.crypto("BTC"), Arrays.copyOf(days, k), Arrays.copyOf(closes, k)),
            NYSE);
    double tau = 1.0 / 365;
    double elapsed = days[k - 1] - days[0];
    double nu = Math.log(closes[k - 1] / closes[0]) / (tau * elapsed);
    double ss = 0;
    for (int i = 1; i < k; i++) {
      double dt = tau * (days[i] - days[i - 1]);
      double e = (Math.log(closes[i] / closes[i - 1]) - nu * dt) / Math.sqrt(dt);
      ss += e * e;
    }
    RiskProfile m = ProfileEstimators.moments(s);
    assertRelative(Math.sqrt(ss / (k - 2)), m.annualVolatility(), 1e-12);
    assertRelative(nu + 0.5 * ss / (k - 2), m.annualReturn(), 1e-12);
    RiskProfile l = ProfileEstimators.likelihood(s);
    assertRelative(Math.sqrt(ss / (k - 1)), l.annualVolatility(), 1e-12);
    assertTrue(s.totalDelta() > s.size(), "the sample must have weekend gaps");
  }

  /** The GBM log-likelihood of irregular intervals, maximized by solving its score equations. */
  @Test
  void likelihood_irregularIntervals_solvesTheScoreEquationsNumerically() {
    PriceHistory btc = RecordedPrices.load(Asset.crypto("BTC")).slice(Y2021);
    PriceHistory sessions =
        PriceHistory.ofCloses(
            btc.asset(),
            Arrays.stream(btc.epochDays()).filter(NYSE::isTradingDay).toArray(),
            IntStream.range(0, btc.size())
                .filter(i -> NYSE.isTradingDay(btc.epochDay(i)))
                .mapToDouble(btc::close)
                .toArray());
    ReturnSample s = ReturnSample.of(sessions, NYSE);
    double tau = s.tau();
    double[] r = s.logReturns();
    double[] d = s.deltas();
    BracketingNthOrderBrentSolver solver =
        new BracketingNthOrderBrentSolver(1e-15, 1e-15, 1e-300, 5);
    // d l / d nu = sum (r_i - nu tau Delta_i) / sigma^2 = 0
    double nu =
        solver.solve(
            1000,
            x -> {
              double g = 0;
              for (int i = 0; i < r.length; i++) {
                g += r[i] - x * tau * d[i];
              }
              return g;
            },
            -50,
            50);
    // d l / d sigma^2 = -N / (2 v) + sum (r - nu tau Delta)^2 / (2 v^2 tau Delta) = 0
    double v =
        solver.solve(
            1000,
            x -> {
              double g = -r.length / (2 * x);
              for (int i = 0; i < r.length; i++) {
                double e = r[i] - nu * tau * d[i];
                g += e * e / (2 * x * x * tau * d[i]);
              }
              return g;
            },
            1e-6,
            100);
    RiskProfile p = ProfileEstimators.likelihood(s);
    assertRelative(Math.sqrt(v), p.annualVolatility(), 1e-9);
    assertRelative(nu + 0.5 * v, p.annualReturn(), 1e-9);
  }

  @Test
  void likelihood_equalIntervals_isMomentsScaledBySqrtNminus1OverN() {
    ReturnSample s = ReturnSample.of(spy2021(), NYSE);
    int n = s.size();
    RiskProfile m = ProfileEstimators.moments(s);
    RiskProfile l = ProfileEstimators.likelihood(s);
    assertRelative(m.annualVolatility() * Math.sqrt((n - 1.0) / n), l.annualVolatility(), 1e-13);
    assertRelative(m.logDrift(), l.logDrift(), 1e-12);
  }

  /**
   * Solves Phi((q25 - m)/s) = 0.25, Phi((q75 - m)/s) = 0.75 with Levenberg-Marquardt from scrilla's
   * start.
   */
  @Test
  void percentiles_spy2021_matchesNumericalSolutionOfQuartileEquations() {
    ReturnSample s = ReturnSample.of(spy2021(), NYSE);
    double[] x = s.annualizedReturns();
    double q25 = ProfileEstimators.samplePercentile(x, 0.25);
    double q75 = ProfileEstimators.samplePercentile(x, 0.75);
    double q50 = ProfileEstimators.samplePercentile(x, 0.5);
    var problem =
        new LeastSquaresBuilder()
            .start(new double[] {q50, (q75 - q25) / 2})
            .target(new double[] {0.25, 0.75})
            .model(
                point -> {
                  double m = point.getEntry(0);
                  double sd = point.getEntry(1);
                  double z1 = (q25 - m) / sd;
                  double z2 = (q75 - m) / sd;
                  RealVector value =
                      new ArrayRealVector(new double[] {Normal.cdf(z1), Normal.cdf(z2)});
                  double[][] jac = {
                    {-Normal.density(z1) / sd, -Normal.density(z1) * z1 / sd},
                    {-Normal.density(z2) / sd, -Normal.density(z2) * z2 / sd}
                  };
                  return new Pair<>(value, new Array2DRowRealMatrix(jac, false));
                })
            .maxEvaluations(1000)
            .maxIterations(1000)
            .build();
    RealVector sol =
        new LevenbergMarquardtOptimizer()
            .withCostRelativeTolerance(1e-16)
            .withParameterRelativeTolerance(1e-16)
            .withOrthoTolerance(1e-16)
            .optimize(problem)
            .getPoint();
    double sigma = sol.getEntry(1) * Math.sqrt(TAU);
    RiskProfile p = ProfileEstimators.percentiles(s);
    assertRelative(sigma, p.annualVolatility(), 1e-9);
    assertRelative(sol.getEntry(0) + 0.5 * sigma * sigma, p.annualReturn(), 1e-9);
  }

  @Test
  void samplePercentile_type6_handValues() {
    double[] x = {4, 1, 3, 2};
    assertEquals(1.25, ProfileEstimators.samplePercentile(x, 0.25), 0);
    assertEquals(2.5, ProfileEstimators.samplePercentile(x, 0.5), 0);
    assertEquals(3.75, ProfileEstimators.samplePercentile(x, 0.75), 0);
    assertEquals(1, ProfileEstimators.samplePercentile(x, 0.2), 0); // h = 1 exactly
    assertEquals(4, ProfileEstimators.samplePercentile(x, 0.9), 0); // h > n
    // h < 1: the minimum (scrilla reads index -1, the maximum: bug B3)
    assertEquals(1, ProfileEstimators.samplePercentile(x, 0.1), 0);
    assertEquals(4, x[0], "the input must not be sorted in place");
  }

  @Test
  void estimate_fewerThanTwoReturns_throwsSampleSize() {
    ReturnSample one = ReturnSample.ofCloses(new double[] {1, 2}, TAU);
    for (EstimationMethod m : EstimationMethod.values()) {
      assertThrows(SampleSizeException.class, () -> ProfileEstimators.estimate(one, m));
    }
    SampleSizeException e =
        assertThrows(
            SampleSizeException.class,
            () ->
                ReturnSample.of(
                    spy2021().slice(DateRange.parse("2021-01-04", "2021-01-04")), NYSE));
    assertTrue(
        e.getMessage().contains("SPY") && e.getMessage().contains("2021-01-04"), e.getMessage());
  }

  @Test
  void ofCloses_nonPositiveOrNaNPrice_throwsInvalidInput() {
    assertThrows(
        InvalidInputException.class, () -> ReturnSample.ofCloses(new double[] {1, 0, 2}, TAU));
    assertThrows(
        InvalidInputException.class,
        () -> ReturnSample.ofCloses(new double[] {1, Double.NaN, 2}, TAU));
    assertThrows(
        InvalidInputException.class, () -> ReturnSample.ofCloses(new double[] {1, -3, 2}, TAU));
  }

  @Test
  void samplePercentile_bySelection_equalsTheSortedDefinitionToTheLastBit() {
    Random r = new Random(31);
    for (int t = 0; t < 2000; t++) {
      int n = 1 + r.nextInt(80);
      double[] x = new double[n];
      for (int i = 0; i < n; i++) {
        // few distinct values in some samples: ties
        x[i] = t % 3 == 0 ? r.nextInt(5) : r.nextGaussian() * 3;
      }
      double[] sorted = x.clone();
      Arrays.sort(sorted);
      for (double p : new double[] {0, 0.01, 0.1, 0.16, 0.25, 0.5, 0.75, 0.84, 0.9, 0.99, 1}) {
        double h = (n + 1) * p;
        double expected;
        if (h > n) {
          expected = sorted[n - 1];
        } else if (h < 1) {
          expected = sorted[0];
        } else if (h == Math.floor(h)) {
          expected = sorted[(int) h - 1];
        } else {
          int k = (int) Math.floor(h);
          double w = h - k;
          expected = (1 - w) * sorted[k - 1] + w * sorted[k];
        }
        assertEquals(expected, ProfileEstimators.samplePercentile(x, p));
      }
    }
  }
}
