package io.scrilla.core.estimate;

import io.scrilla.api.model.Asset;
import io.scrilla.api.model.EstimationMethod;
import io.scrilla.api.model.PriceHistory;
import io.scrilla.api.model.RiskProfile;
import io.scrilla.core.calendar.TradingCalendar;
import io.scrilla.core.risk.MarketStatistics;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Example;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.DoubleRange;
import net.jqwik.api.constraints.Scale;
import net.jqwik.api.constraints.IntRange;

/** Invariants of the profile and correlation estimators on random price paths. */
class EstimatorProperties {
  private static final TradingCalendar NYSE = TradingCalendar.nyse();
  private static final int START = (int) java.time.LocalDate.of(2021, 1, 4).toEpochDay();

  @Provide
  Arbitrary<double[]> returns() {
    return Arbitraries.doubles().between(-0.08, 0.08).array(double[].class).ofMinSize(5).ofMaxSize(80);
  }

  private static PriceHistory path(String ticker, double[] r, double scale) {
    int[] days = NYSE.tradingDays(io.scrilla.api.model.DateRange.of(
        java.time.LocalDate.ofEpochDay(START), java.time.LocalDate.ofEpochDay(START + 200)));
    double[] closes = new double[r.length + 1];
    closes[0] = 100 * scale;
    for (int i = 0; i < r.length; i++) {
      closes[i + 1] = closes[i] * Math.exp(r[i]);
    }
    return PriceHistory.ofCloses(Asset.equity(ticker), java.util.Arrays.copyOf(days, closes.length), closes);
  }

  private static boolean varies(double[] r) {
    return java.util.Arrays.stream(r).distinct().count() > 2;
  }

  private static boolean close(double a, double b, double rel) {
    return Math.abs(a - b) <= rel * Math.max(1, Math.max(Math.abs(a), Math.abs(b)));
  }

  @Property
  boolean scalingPrices_leavesProfileUnchanged(
      @ForAll("returns") double[] r, @ForAll @DoubleRange(min = 1e-3, max = 1e3) @Scale(6) double scale,
      @ForAll EstimationMethod method) {
    RiskProfile a = ProfileEstimators.estimate(ReturnSample.of(path("A", r, 1), NYSE), method);
    RiskProfile b = ProfileEstimators.estimate(ReturnSample.of(path("A", r, scale), NYSE), method);
    return close(a.annualReturn(), b.annualReturn(), 1e-9) && close(a.annualVolatility(), b.annualVolatility(), 1e-9);
  }

  @Property
  boolean scalingPrices_leavesCorrelationUnchanged(
      @ForAll("returns") double[] r, @ForAll("returns") double[] s,
      @ForAll @DoubleRange(min = 1e-3, max = 1e3) @Scale(6) double scale) {
    int n = Math.min(r.length, s.length);
    double[] r1 = java.util.Arrays.copyOf(r, n);
    double[] s1 = java.util.Arrays.copyOf(s, n);
    if (!varies(r1) || !varies(s1)) {
      return true;
    }
    double a = CorrelationEstimators.moments(PairSample.of(path("A", r1, 1), path("B", s1, 1), NYSE));
    double b = CorrelationEstimators.moments(PairSample.of(path("A", r1, scale), path("B", s1, 1 / scale), NYSE));
    return close(a, b, 1e-9);
  }

  @Property(tries = 200)
  boolean correlation_isSymmetricAndWithinUnitInterval(
      @ForAll("returns") double[] r, @ForAll("returns") double[] s, @ForAll EstimationMethod method) {
    int n = Math.min(r.length, s.length);
    double[] r1 = java.util.Arrays.copyOf(r, n);
    double[] s1 = java.util.Arrays.copyOf(s, n);
    if (!varies(r1) || !varies(s1)) {
      return true;
    }
    double ab = CorrelationEstimators.estimate(PairSample.of(path("A", r1, 1), path("B", s1, 1), NYSE), method);
    double ba = CorrelationEstimators.estimate(PairSample.of(path("B", s1, 1), path("A", r1, 1), NYSE), method);
    return ab == ba && ab >= -1 && ab <= 1;
  }

  /** The sample that found the percentile estimator one ulp asymmetric (fixed in the density). */
  @Example
  boolean correlation_percentilesWithTies_isSymmetric() {
    return correlation_isSymmetricAndWithinUnitInterval(
        new double[] {0.0, 0.0, 0.0, -0.03, 0.04}, new double[] {0.0, 0.0, -0.01, 0.01, 0.01},
        EstimationMethod.PERCENTILES);
  }

  @Property
  boolean correlation_ofAssetWithItself_isOne(@ForAll("returns") double[] r) {
    if (!varies(r)) {
      return true;
    }
    PriceHistory p = path("A", r, 1);
    return CorrelationEstimators.moments(PairSample.of(p, p, NYSE)) == 1
        && CorrelationEstimators.likelihood(PairSample.of(p, p, NYSE)) == 1;
  }

  @Property
  boolean constantGrowth_hasZeroVolatilityAndTheExactRate(
      @ForAll @DoubleRange(min = -0.05, max = 0.05) @Scale(6) double g, @ForAll @IntRange(min = 3, max = 120) int n,
      @ForAll EstimationMethod method) {
    double[] r = new double[n];
    java.util.Arrays.fill(r, g);
    RiskProfile p = ProfileEstimators.estimate(ReturnSample.of(path("A", r, 1), NYSE), method);
    return p.annualVolatility() < 1e-12 && Math.abs(p.annualReturn() - g * 252) < 1e-10;
  }

  @Property
  boolean likelihoodVolatility_isMomentsTimesSqrtNminus1OverN(@ForAll("returns") double[] r) {
    ReturnSample s = ReturnSample.of(path("A", r, 1), NYSE);
    int n = s.size();
    double m = ProfileEstimators.moments(s).annualVolatility();
    double l = ProfileEstimators.likelihood(s).annualVolatility();
    return close(m * Math.sqrt((n - 1.0) / n), l, 1e-13);
  }

  @Property
  boolean betaOfMarketWithItself_isOne(@ForAll("returns") double[] r, @ForAll EstimationMethod method) {
    if (!varies(r)) {
      return true;
    }
    PriceHistory m = path("M", r, 1);
    PairSample pair = PairSample.of(m, m, NYSE);
    double rho = method == EstimationMethod.PERCENTILES ? 1 : CorrelationEstimators.estimate(pair, method);
    double sigma = ProfileEstimators.estimate(pair.first(), method).annualVolatility();
    return sigma == 0 || MarketStatistics.beta(rho, sigma, ProfileEstimators.estimate(pair.second(), method).annualVolatility()) == 1;
  }
}
