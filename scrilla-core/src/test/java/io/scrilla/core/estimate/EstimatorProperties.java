package io.scrilla.core.estimate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.doubles;
import static org.quicktheories.generators.SourceDSL.integers;
import static org.quicktheories.generators.SourceDSL.lists;

import io.scrilla.api.model.Asset;
import io.scrilla.api.model.DateRange;
import io.scrilla.api.model.EstimationMethod;
import io.scrilla.api.model.PriceHistory;
import io.scrilla.api.model.RiskProfile;
import io.scrilla.core.calendar.TradingCalendar;
import io.scrilla.core.risk.MarketStatistics;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.quicktheories.core.Gen;
import org.quicktheories.generators.Generate;

/** Invariants of the profile and correlation estimators on random price paths. */
class EstimatorProperties {
  private static final TradingCalendar NYSE = TradingCalendar.nyse();
  private static final LocalDate START = LocalDate.of(2021, 1, 4);

  /** The NYSE sessions of the 200 days from the start: room for 120 daily returns. */
  private static final int[] DAYS = NYSE.tradingDays(DateRange.of(START, START.plusDays(200)));

  /** Daily log returns of one asset, 5 to 80 of them. */
  private static Gen<List<Double>> returns() {
    return lists().of(doubles().between(-0.08, 0.08)).ofSizeBetween(5, 80);
  }

  /** The daily log returns of two assets on the same sessions. */
  private record Move(double first, double second) {}

  private static Gen<List<Move>> pairedReturns() {
    Gen<Double> r = doubles().between(-0.08, 0.08);
    return lists().of(r.zip(r, Move::new)).ofSizeBetween(5, 80);
  }

  private static Gen<EstimationMethod> methods() {
    return Generate.enumValues(EstimationMethod.class);
  }

  private static Gen<Double> scales() {
    return doubles().between(1e-3, 1e3);
  }

  private static double[] array(List<Double> values) {
    return values.stream().mapToDouble(Double::doubleValue).toArray();
  }

  private static double[] firsts(List<Move> moves) {
    return moves.stream().mapToDouble(Move::first).toArray();
  }

  private static double[] seconds(List<Move> moves) {
    return moves.stream().mapToDouble(Move::second).toArray();
  }

  /** The closes of a path that starts at {@code 100 scale} and moves by the log returns. */
  private static double[] closes(double[] r, double scale) {
    double[] closes = new double[r.length + 1];
    closes[0] = 100 * scale;
    for (int i = 0; i < r.length; i++) {
      closes[i + 1] = closes[i] * Math.exp(r[i]);
    }
    return closes;
  }

  private static PriceHistory path(String ticker, double[] r, double scale) {
    double[] closes = closes(r, scale);
    return PriceHistory.ofCloses(Asset.equity(ticker), Arrays.copyOf(DAYS, closes.length), closes);
  }

  /** More than two distinct returns: a sample with some variation. */
  private static boolean varies(double[] r) {
    return Arrays.stream(r).distinct().count() > 2;
  }

  /**
   * Returns whose standard deviation is at least 1e-4, far above the rounding of the prices: the
   * properties that compare volatilities or likelihoods need variation that is not noise.
   */
  private static boolean spreads(double[] r) {
    double mean = Arrays.stream(r).average().orElseThrow();
    double ss = Arrays.stream(r).map(x -> (x - mean) * (x - mean)).sum();
    return Math.sqrt(ss / (r.length - 1)) >= 1e-4;
  }

  private static void assertClose(double expected, double actual, double rel) {
    double tol = rel * Math.max(1, Math.max(Math.abs(expected), Math.abs(actual)));
    assertEquals(expected, actual, tol);
  }

  @Test
  void profile_pricesScaled_isUnchanged() {
    qt().withExamples(1000)
        .forAll(returns(), scales(), methods())
        .checkAssert(
            (returns, scale, method) -> {
              double[] r = array(returns);
              RiskProfile a = ProfileEstimators.estimate(sample(path("A", r, 1)), method);
              RiskProfile b = ProfileEstimators.estimate(sample(path("A", r, scale)), method);
              assertClose(a.annualReturn(), b.annualReturn(), 1e-9);
              assertClose(a.annualVolatility(), b.annualVolatility(), 1e-9);
            });
  }

  @Test
  void correlation_pricesScaled_isUnchanged() {
    qt().withExamples(1000)
        .forAll(pairedReturns(), scales())
        .assuming((moves, scale) -> varies(firsts(moves)) && varies(seconds(moves)))
        .checkAssert(
            (moves, scale) -> {
              double[] r = firsts(moves);
              double[] s = seconds(moves);
              double a = CorrelationEstimators.moments(pair(path("A", r, 1), path("B", s, 1)));
              double b =
                  CorrelationEstimators.moments(pair(path("A", r, scale), path("B", s, 1 / scale)));
              assertClose(a, b, 1e-9);
            });
  }

  @Test
  void correlation_anyMethod_isSymmetricAndWithinUnitInterval() {
    qt().withExamples(200)
        .forAll(pairedReturns(), methods())
        .assuming((moves, method) -> varies(firsts(moves)) && varies(seconds(moves)))
        .checkAssert((moves, method) -> assertSymmetric(firsts(moves), seconds(moves), method));
  }

  /** The sample that found the percentile estimator one ulp asymmetric (fixed in the density). */
  @Test
  void correlation_percentilesWithTies_isSymmetric() {
    assertSymmetric(
        new double[] {0.0, 0.0, 0.0, -0.03, 0.04},
        new double[] {0.0, 0.0, -0.01, 0.01, 0.01},
        EstimationMethod.PERCENTILES);
  }

  private static void assertSymmetric(double[] r, double[] s, EstimationMethod method) {
    PriceHistory a = path("A", r, 1);
    PriceHistory b = path("B", s, 1);
    double ab = CorrelationEstimators.estimate(pair(a, b), method);
    double ba = CorrelationEstimators.estimate(pair(b, a), method);
    assertEquals(ab, ba);
    assertTrue(ab >= -1 && ab <= 1, () -> "correlation " + ab);
  }

  @Test
  void momentsCorrelation_ofAssetWithItself_isExactlyOne() {
    qt().withExamples(1000)
        .forAll(returns())
        .assuming(returns -> varies(array(returns)))
        .checkAssert(
            returns -> {
              PriceHistory p = path("A", array(returns), 1);
              assertEquals(1.0, CorrelationEstimators.moments(pair(p, p)));
            });
  }

  /**
   * The likelihood correlation, with the likelihood volatilities and the sample means, is a maximum
   * of the bivariate normal log-likelihood of the daily log returns, evaluated point by point from
   * the density here: moving the correlation or either volatility a little either way never raises
   * it.
   */
  @Test
  void likelihoodCorrelation_maximizesTheBivariateNormalLikelihood() {
    qt().withExamples(300)
        .forAll(pairedReturns())
        .assuming(moves -> spreads(firsts(moves)) && spreads(seconds(moves)))
        .checkAssert(
            moves -> {
              PairSample sample = pair(path("A", firsts(moves), 1), path("B", seconds(moves), 1));
              double rho = CorrelationEstimators.likelihood(sample);
              double tau = sample.first().tau();
              double s1 = ProfileEstimators.likelihood(sample.first()).annualVolatility();
              double s2 = ProfileEstimators.likelihood(sample.second()).annualVolatility();
              double[] x = sample.first().logReturns();
              double[] y = sample.second().logReturns();
              double[] at = {s1 * Math.sqrt(tau), s2 * Math.sqrt(tau), rho};
              double best = logLikelihood(x, y, at);
              double slack = 1e-12 * (1 + Math.abs(best));
              // the correlation's step shrinks towards the bounds +-1
              double[] step = {1e-4 * at[0], 1e-4 * at[1], 1e-4 * (1 - rho * rho)};
              for (int k = 0; k < 3; k++) {
                for (int sign = -1; sign <= 1; sign += 2) {
                  double[] moved = at.clone();
                  moved[k] += sign * step[k];
                  double l = logLikelihood(x, y, moved);
                  int coordinate = k;
                  assertTrue(
                      l <= best + slack,
                      () -> "moving parameter " + coordinate + " raised " + best + " to " + l);
                }
              }
            });
  }

  /**
   * The log-likelihood of pairs {@code (x_i, y_i)} under a bivariate normal with the sample means,
   * standard deviations {@code p[0], p[1]} and correlation {@code p[2]}.
   */
  private static double logLikelihood(double[] x, double[] y, double[] p) {
    double mx = Arrays.stream(x).average().orElseThrow();
    double my = Arrays.stream(y).average().orElseThrow();
    double sx = p[0];
    double sy = p[1];
    double rho = p[2];
    double q = 1 - rho * rho;
    double sum = 0;
    for (int i = 0; i < x.length; i++) {
      double u = (x[i] - mx) / sx;
      double v = (y[i] - my) / sy;
      sum +=
          -Math.log(2 * Math.PI * sx * sy * Math.sqrt(q))
              - (u * u - 2 * rho * u * v + v * v) / (2 * q);
    }
    return sum;
  }

  @Test
  void constantGrowth_anyMethod_hasZeroVolatilityAndTheExactRate() {
    qt().withExamples(1000)
        .forAll(doubles().between(-0.05, 0.05), integers().between(3, 120), methods())
        .checkAssert(
            (g, n, method) -> {
              double[] r = new double[n];
              Arrays.fill(r, g);
              RiskProfile p = ProfileEstimators.estimate(sample(path("A", r, 1)), method);
              assertTrue(p.annualVolatility() < 1e-12, () -> "volatility " + p.annualVolatility());
              assertEquals(g * 252, p.annualReturn(), 1e-10);
            });
  }

  @Test
  void likelihoodVolatility_isMomentsTimesSqrtNminus1OverN() {
    qt().withExamples(1000)
        .forAll(returns())
        .checkAssert(
            returns -> {
              ReturnSample s = sample(path("A", array(returns), 1));
              int n = s.size();
              double m = ProfileEstimators.moments(s).annualVolatility();
              double l = ProfileEstimators.likelihood(s).annualVolatility();
              assertClose(m * Math.sqrt((n - 1.0) / n), l, 1e-13);
            });
  }

  /**
   * An asset whose daily log returns are {@code k} times the market's has a beta of {@code k}: the
   * correlation estimator gives +-1 and the volatility estimator {@code |k|} times the market's.
   * The percentile correlation of an asset with a multiple of itself is not +-1 (it matches a
   * normal copula at five percentiles), so the property holds for moments and likelihood.
   */
  @Test
  void beta_ofAMultipleOfTheMarket_isTheMultiple() {
    Gen<EstimationMethod> methods =
        Generate.pick(List.of(EstimationMethod.MOMENTS, EstimationMethod.LIKELIHOOD));
    qt().withExamples(1000)
        .forAll(returns(), doubles().between(-3, 3), methods)
        .assuming((returns, k, method) -> spreads(array(returns)) && Math.abs(k) >= 0.05)
        .checkAssert(
            (returns, k, method) -> {
              double[] r = array(returns);
              double[] levered = Arrays.stream(r).map(x -> k * x).toArray();
              PairSample s = pair(path("A", levered, 1), path("M", r, 1));
              double beta =
                  MarketStatistics.beta(
                      CorrelationEstimators.estimate(s, method),
                      ProfileEstimators.estimate(s.first(), method).annualVolatility(),
                      ProfileEstimators.estimate(s.second(), method).annualVolatility());
              assertClose(k, beta, 1e-9);
            });
  }

  private static ReturnSample sample(PriceHistory prices) {
    return ReturnSample.of(prices, NYSE);
  }

  private static PairSample pair(PriceHistory a, PriceHistory b) {
    return PairSample.of(a, b, NYSE);
  }
}
