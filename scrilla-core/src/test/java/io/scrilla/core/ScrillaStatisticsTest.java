package io.scrilla.core;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.scrilla.api.config.ScrillaConfig;
import io.scrilla.api.error.InvalidInputException;
import io.scrilla.api.error.PriceUnavailableException;
import io.scrilla.api.error.SampleSizeException;
import io.scrilla.api.model.Asset;
import io.scrilla.api.model.CorrelationKey;
import io.scrilla.api.model.DateRange;
import io.scrilla.api.model.EstimationMethod;
import io.scrilla.api.model.Maturity;
import io.scrilla.api.model.PriceHistory;
import io.scrilla.api.model.ProfileKey;
import io.scrilla.api.model.RiskProfile;
import io.scrilla.api.model.YieldCurve;
import io.scrilla.api.spi.InterestRateSource;
import io.scrilla.api.spi.PriceSource;
import io.scrilla.api.spi.ProgressListener;
import io.scrilla.core.cache.MemoryCacheProvider;
import io.scrilla.core.estimate.RecordedPrices;
import io.scrilla.core.market.RiskFreeRate;
import io.scrilla.core.risk.AssetStatistics;
import io.scrilla.core.risk.TailEvent;
import io.scrilla.core.risk.TailRisk;
import io.scrilla.core.stats.CorrelationMatrix;
import io.scrilla.core.stats.MovingAverages;
import io.scrilla.core.testing.CountingCache;
import io.scrilla.core.valuation.DiscountDividendModel;
import io.scrilla.core.valuation.DividendValuation;
import java.time.Clock;
import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import org.hipparchus.stat.correlation.PearsonsCorrelation;
import org.hipparchus.stat.regression.SimpleRegression;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The facade's statistics with in-memory sources and a counting cache. */
class ScrillaStatisticsTest {
  private static final Clock CLOCK =
      Clock.fixed(Instant.parse("2021-11-22T23:00:00Z"), ZoneOffset.UTC);
  private static final Asset SPY = Asset.equity("SPY");
  private static final Asset GLD = Asset.equity("GLD");
  private static final Asset DIS = Asset.equity("DIS");
  private static final Asset ALLY = Asset.equity("ALLY");
  private static final Asset BTC = Asset.crypto("BTC");
  private static final Asset NOPE = Asset.equity("NOPE");
  private static final DateRange H1 = DateRange.parse("2021-01-04", "2021-06-30");
  private static final EstimationMethod MOMENTS = EstimationMethod.MOMENTS;

  private final CountingPrices prices = new CountingPrices();
  private final CountingRates rates = new CountingRates();
  private final CountingCache cache = new CountingCache(MemoryCacheProvider.create());
  private Scrilla scrilla = build(ScrillaConfig.defaults());

  private Scrilla build(ScrillaConfig config) {
    return Scrilla.builder()
        .config(config)
        .priceSource(prices)
        .interestRateSource(rates)
        .dividendSource(asset -> RecordedPrices.dividends(asset))
        .cache(cache)
        .clock(CLOCK)
        .build();
  }

  @AfterEach
  void close() {
    scrilla.close();
  }

  /** The ONE_YEAR yield on a date: a different number every day, so the date used is visible. */
  private static double oneYear(LocalDate d) {
    return 0.0005 + 1e-5 * d.getDayOfYear();
  }

  private static double[] logReturns(PriceHistory p) {
    double[] r = new double[p.size() - 1];
    for (int i = 1; i < p.size(); i++) {
      r[i - 1] = Math.log(p.close(i) / p.close(i - 1));
    }
    return r;
  }

  @Test
  void correlation_spyGld_isPearsonOfLogReturnsAndSecondRequestComputesNothing() {
    double rho = scrilla.correlation(SPY, GLD, H1, MOMENTS);
    double expected =
        new PearsonsCorrelation()
            .correlation(
                logReturns(RecordedPrices.load(SPY).slice(H1)),
                logReturns(RecordedPrices.load(GLD).slice(H1)));
    assertEquals(expected, rho, 1e-12 * Math.abs(expected));
    int fetches = prices.total.get();
    int puts = cache.correlationPuts.get();
    assertEquals(1, puts);
    assertEquals(rho, scrilla.correlation(GLD, SPY, H1, MOMENTS), 0);
    assertEquals(fetches, prices.total.get());
    assertEquals(puts, cache.correlationPuts.get());
    // a fresh facade over the same backend reads the stored value: no source call, no new write
    Scrilla second =
        Scrilla.builder()
            .priceSource(prices)
            .interestRateSource(rates)
            .cache(cache)
            .clock(CLOCK)
            .build();
    assertEquals(rho, second.correlation(SPY, GLD, H1, MOMENTS), 0);
    assertEquals(fetches, prices.total.get());
    assertEquals(puts, cache.correlationPuts.get());
  }

  @Test
  void correlation_differentMethod_isANewEntryUnderItsOwnKey() {
    double m = scrilla.correlation(SPY, GLD, H1, MOMENTS);
    double p = scrilla.correlation(SPY, GLD, H1, EstimationMethod.PERCENTILES);
    assertEquals(2, cache.correlationPuts.get());
    assertTrue(m != p);
    assertEquals(
        OptionalDouble.of(p),
        cache
            .backend()
            .correlations()
            .get(
                CorrelationKey.of(
                    scrilla.marketData().priceSourceId(),
                    GLD,
                    SPY,
                    H1,
                    EstimationMethod.PERCENTILES,
                    false)));
  }

  @Test
  void correlation_assetWithItself_isOneForEveryMethod() {
    for (EstimationMethod m : EstimationMethod.values()) {
      assertEquals(1.0, scrilla.correlation(GLD, GLD, H1, m), 0);
    }
  }

  @Test
  void correlationMatrix_fourTickers_fetchesEachHistoryOnceAndUsesTheStoreInOneBatch() {
    List<Asset> assets = List.of(SPY, GLD, DIS, BTC);
    CorrelationMatrix m = scrilla.correlationMatrix(assets, H1, MOMENTS);
    assertEquals(List.of("SPY", "GLD", "DIS", "BTC"), m.tickers());
    for (Asset a : assets) {
      assertEquals(1, prices.calls(a), a.ticker());
    }
    assertEquals(1, cache.correlationGetAlls.get());
    assertEquals(1, cache.correlationPutAlls.get());
    assertEquals(6, cache.correlationWrites.get());
    assertEquals(0, cache.correlationPuts.get());
    assertTrue(m.isPositiveSemiDefinite());
    for (int i = 0; i < 4; i++) {
      assertEquals(1.0, m.get(i, i), 0);
      for (int j = 0; j < 4; j++) {
        assertEquals(m.get(i, j), m.get(j, i), 0);
      }
    }
    // the matrix entries are the pairwise correlations under the same keys (weekends off: not all
    // crypto)
    int reads = prices.total.get();
    assertEquals(m.get(BTC, SPY), scrilla.correlation(BTC, SPY, H1, MOMENTS, false), 0);
    assertEquals(m.get(GLD, DIS), scrilla.correlation(DIS, GLD, H1, MOMENTS), 0);
    assertEquals(reads, prices.total.get());
    assertEquals(0, cache.correlationPuts.get());
    // a second identical request reads no price and writes nothing
    CorrelationMatrix again = scrilla.correlationMatrix(assets, H1, MOMENTS);
    assertEquals(reads, prices.total.get());
    assertEquals(1, cache.correlationPutAlls.get());
    assertEquals(m.get(SPY, BTC), again.get(SPY, BTC), 0);
  }

  @Test
  void correlationMatrix_missingTicker_isReportedAndDoesNotHideTheOthers() {
    CorrelationMatrix m = scrilla.correlationMatrix(List.of(SPY, NOPE, GLD), H1, MOMENTS);
    assertEquals(List.of(SPY, GLD), m.assets());
    assertEquals(List.of(NOPE), List.copyOf(m.failures().keySet()));
    assertTrue(m.failures().get(NOPE) instanceof PriceUnavailableException);
    assertEquals(scrilla.correlation(SPY, GLD, H1, MOMENTS), m.get(0, 1), 0);
  }

  @Test
  void manyTickers_missingTicker_failsAloneInOrder() {
    Map<Asset, Result<Double>> sharpe =
        Result.each(List.of(GLD, NOPE, SPY), a -> scrilla.sharpeRatio(a, H1, MOMENTS));
    assertEquals(List.of(GLD, NOPE, SPY), List.copyOf(sharpe.keySet()));
    assertTrue(sharpe.get(GLD).isSuccess());
    assertFalse(sharpe.get(NOPE).isSuccess());
    assertTrue(sharpe.get(SPY).isSuccess());
    Map<Asset, Result<Double>> betas =
        Result.each(List.of(NOPE, DIS), a -> scrilla.marketBeta(a, H1, MOMENTS));
    assertFalse(betas.get(NOPE).isSuccess());
    assertTrue(betas.get(DIS).isSuccess());
  }

  @Test
  void sharpeRatio_usesTheRiskFreeRateOfTheWindowsEndDate() {
    RiskProfile p = scrilla.riskProfile(GLD, H1, MOMENTS);
    double rf = oneYear(LocalDate.of(2021, 6, 30));
    assertEquals(rf, scrilla.riskFreeRate(LocalDate.of(2021, 6, 30)), 0);
    assertEquals(
        (p.annualReturn() - rf) / p.annualVolatility(),
        scrilla.sharpeRatio(GLD, H1, MOMENTS),
        1e-15);
    assertEquals(
        (p.annualReturn() - 0.03) / p.annualVolatility(),
        scrilla.sharpeRatio(GLD, H1, MOMENTS, RiskFreeRate.of(0.03)),
        1e-15);
    // a Sunday takes the Friday curve
    assertEquals(
        oneYear(LocalDate.of(2021, 6, 25)), scrilla.riskFreeRate(LocalDate.of(2021, 6, 27)), 0);
  }

  @Test
  void marketBeta_isOlsSlopeAndOneForTheMarket() {
    assertEquals(1.0, scrilla.marketBeta(SPY, H1, MOMENTS), 0);
    assertEquals(1.0, scrilla.marketBeta(SPY, H1, EstimationMethod.PERCENTILES), 0);
    SimpleRegression ols = new SimpleRegression();
    double[] m = logReturns(RecordedPrices.load(SPY).slice(H1));
    double[] d = logReturns(RecordedPrices.load(DIS).slice(H1));
    for (int i = 0; i < m.length; i++) {
      ols.addData(m[i], d[i]);
    }
    double beta = scrilla.marketBeta(DIS, H1, MOMENTS);
    assertEquals(ols.getSlope(), beta, 1e-12 * Math.abs(beta));
    double rf = oneYear(LocalDate.of(2021, 6, 30));
    double mu = scrilla.riskProfile(SPY, H1, MOMENTS).annualReturn();
    assertEquals(rf + beta * (mu - rf), scrilla.costOfEquity(DIS, H1, MOMENTS), 1e-15);
    assertEquals(
        0.01 + beta * (mu - 0.01),
        scrilla.costOfEquity(DIS, H1, MOMENTS, RiskFreeRate.of(0.01)),
        1e-15);
    assertEquals(mu - rf, scrilla.marketPremium(H1, MOMENTS), 1e-15);
  }

  @Test
  void marketBeta_percentiles_usesOneMethodThroughout() {
    double rho = scrilla.correlation(DIS, SPY, H1, EstimationMethod.PERCENTILES);
    double expected =
        rho
            * scrilla.riskProfile(DIS, H1, EstimationMethod.PERCENTILES).annualVolatility()
            / scrilla.riskProfile(SPY, H1, EstimationMethod.PERCENTILES).annualVolatility();
    assertEquals(expected, scrilla.marketBeta(DIS, H1, EstimationMethod.PERCENTILES), 1e-15);
  }

  @Test
  void assetStatistics_marketUnavailable_keepsProfileAndSharpe() {
    scrilla.close();
    scrilla = build(ScrillaConfig.builder().marketProxy("NOPE").build());
    AssetStatistics s = scrilla.assetStatistics(List.of(GLD), H1, MOMENTS).get(GLD).orElseThrow();
    assertTrue(s.sharpeRatio().isPresent());
    assertFalse(s.beta().isPresent());
    assertFalse(s.costOfEquity().isPresent());
    assertEquals(scrilla.riskProfile(GLD, H1, MOMENTS), s.profile());
  }

  @Test
  void assetStatistics_allAvailable_matchTheSingleCalls() {
    AssetStatistics s = scrilla.assetStatistics(List.of(DIS), H1, MOMENTS).get(DIS).orElseThrow();
    assertEquals(scrilla.sharpeRatio(DIS, H1, MOMENTS), s.sharpeRatio().getAsDouble(), 0);
    assertEquals(scrilla.marketBeta(DIS, H1, MOMENTS), s.beta().getAsDouble(), 0);
    assertEquals(scrilla.costOfEquity(DIS, H1, MOMENTS), s.costOfEquity().getAsDouble(), 0);
  }

  @Test
  void valueAtRisk_usesLastCloseOfTheWindow() {
    RiskProfile p = scrilla.riskProfile(BTC, H1, MOMENTS);
    PriceHistory btc = RecordedPrices.load(BTC).slice(H1);
    double s0 = btc.close(btc.size() - 1);
    TailEvent event = TailEvent.of(0.05, 0.5);
    assertEquals(
        TailRisk.valueAtRiskPrice(s0, p, event), scrilla.valueAtRisk(BTC, H1, MOMENTS, event), 0);
    assertEquals(
        TailRisk.conditionalValueAtRiskPrice(s0, p, event),
        scrilla.conditionalValueAtRisk(BTC, H1, MOMENTS, event),
        0);
    Map<Asset, Result<Double>> many =
        Result.each(List.of(BTC, NOPE), a -> scrilla.valueAtRisk(a, H1, MOMENTS, event));
    assertTrue(many.get(BTC).isSuccess() && !many.get(NOPE).isSuccess());
  }

  @Test
  void movingAverages_equity_coversEverySessionOfTheWindowWithConfiguredPeriods() {
    MovingAverages ma =
        scrilla.movingAverages(SPY, DateRange.parse("2021-06-01", "2021-06-30"), MOMENTS);
    assertEquals(22, ma.size());
    assertEquals(List.of(20, 60, 100), Arrays.stream(ma.periods()).boxed().toList());
    for (int i = 0; i < ma.size(); i++) {
      assertTrue(ma.value(i, 2).isPresent());
    }
  }

  @Test
  void discountDividendModel_defaultsToCostOfEquity() {
    LocalDate asOf = LocalDate.of(2021, 11, 19);
    DateRange range = scrilla.defaultRange(List.of(ALLY, SPY));
    double r = scrilla.costOfEquity(ALLY, range, MOMENTS);
    DividendValuation v = scrilla.discountDividendModel(ALLY, asOf);
    assertEquals(r, v.discountRate(), 0);
    assertEquals(
        DiscountDividendModel.value(RecordedPrices.dividends(ALLY), asOf, r).netPresentValue(),
        v.netPresentValue(),
        0);
    Map<Asset, Result<DividendValuation>> many =
        Result.each(List.of(ALLY, DIS), a -> scrilla.discountDividendModel(a, asOf, 0.1));
    assertTrue(many.get(ALLY).isSuccess());
    assertTrue(
        ((Result.Failure<DividendValuation>) many.get(DIS)).error() instanceof SampleSizeException);
  }

  @Test
  void badInput_errorsNameTheTickerAndDates() {
    InvalidInputException noSession =
        assertThrows(
            InvalidInputException.class,
            () -> scrilla.riskProfile(SPY, DateRange.parse("2021-04-02", "2021-04-04"), MOMENTS));
    assertTrue(
        noSession.getMessage().contains("SPY") && noSession.getMessage().contains("2021-04-02"),
        noSession.getMessage());
    InvalidInputException pairNoSession =
        assertThrows(
            InvalidInputException.class,
            () ->
                scrilla.correlation(
                    SPY, GLD, DateRange.parse("2021-04-03", "2021-04-04"), MOMENTS));
    assertTrue(pairNoSession.getMessage().contains("GLD"), pairNoSession.getMessage());
    SampleSizeException tooFew =
        assertThrows(
            SampleSizeException.class,
            () -> scrilla.riskProfile(SPY, DateRange.parse("2021-06-30", "2021-06-30"), MOMENTS));
    assertTrue(
        tooFew.getMessage().contains("SPY") && tooFew.getMessage().contains("2021-06-30"),
        tooFew.getMessage());
    SampleSizeException pairTooFew =
        assertThrows(
            SampleSizeException.class,
            () ->
                scrilla.correlation(
                    SPY, GLD, DateRange.parse("2021-06-29", "2021-06-30"), MOMENTS));
    assertTrue(
        pairTooFew.getMessage().contains("GLD and SPY")
            && pairTooFew.getMessage().contains("2021-06-29"),
        pairTooFew.getMessage());
    InvalidInputException order =
        assertThrows(
            InvalidInputException.class, () -> DateRange.parse("2021-06-30", "2021-01-04"));
    assertTrue(
        order.getMessage().contains("2021-06-30") && order.getMessage().contains("2021-01-04"));
    InvalidInputException method =
        assertThrows(InvalidInputException.class, () -> EstimationMethod.parse("mean"));
    assertTrue(method.getMessage().contains("mean"));
    InvalidInputException nan =
        assertThrows(
            InvalidInputException.class,
            () ->
                PriceHistory.ofCloses(GLD, new int[] {18800, 18801}, new double[] {1, Double.NaN}));
    assertTrue(nan.getMessage().contains("GLD"), nan.getMessage());
  }

  @Test
  void profile_secondIdenticalRequest_readsNoPriceAndWritesNothing() {
    RiskProfile p = scrilla.riskProfile(DIS, H1, EstimationMethod.LIKELIHOOD);
    int reads = prices.total.get();
    int puts = cache.profileWrites.get();
    assertEquals(p, scrilla.riskProfile(DIS, H1, EstimationMethod.LIKELIHOOD));
    assertEquals(reads, prices.total.get());
    assertEquals(puts, cache.profileWrites.get());
    assertEquals(
        Optional.of(p),
        cache
            .backend()
            .profiles()
            .get(
                new ProfileKey(
                    scrilla.marketData().priceSourceId(),
                    DIS,
                    H1,
                    EstimationMethod.LIKELIHOOD,
                    false)));
  }

  // ------------------------------------------------------------------ test doubles

  /** Recorded closes; counts calls per asset; unknown tickers are unavailable. */
  static final class CountingPrices implements PriceSource {
    final Map<Asset, AtomicInteger> calls = new ConcurrentHashMap<>();
    final AtomicInteger total = new AtomicInteger();

    int calls(Asset a) {
      AtomicInteger c = calls.get(a);
      return c == null ? 0 : c.get();
    }

    private PriceHistory history(Asset a) {
      try {
        return RecordedPrices.load(a);
      } catch (IllegalArgumentException e) {
        throw new PriceUnavailableException(a.ticker() + ": unknown to the test source");
      }
    }

    @Override
    public PriceHistory prices(Asset asset, DateRange range) {
      calls.computeIfAbsent(asset, k -> new AtomicInteger()).incrementAndGet();
      total.incrementAndGet();
      return history(asset).slice(range);
    }

    @Override
    public LocalDate latestDate(Asset asset) {
      return history(asset).lastDate();
    }
  }

  /** A ONE_YEAR curve on every weekday of 2021. */
  static final class CountingRates implements InterestRateSource {
    final AtomicInteger calls = new AtomicInteger();

    @Override
    public List<YieldCurve> yieldCurves(DateRange range, ProgressListener listener) {
      calls.incrementAndGet();
      List<YieldCurve> out = new ArrayList<>();
      for (LocalDate d = range.start(); !d.isAfter(range.end()); d = d.plusDays(1)) {
        if (d.getDayOfWeek() != DayOfWeek.SATURDAY
            && d.getDayOfWeek() != DayOfWeek.SUNDAY
            && d.getYear() == 2021) {
          out.add(
              new YieldCurve(d, Map.of(Maturity.ONE_YEAR, oneYear(d), Maturity.TEN_YEAR, 0.015)));
        }
      }
      return out;
    }

    @Override
    public LocalDate latestDate() {
      return LocalDate.of(2021, 11, 22);
    }
  }
}
