package io.scrilla.core;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.scrilla.api.error.InvalidInputException;
import io.scrilla.api.error.PriceUnavailableException;
import io.scrilla.api.model.Asset;
import io.scrilla.api.model.DateRange;
import io.scrilla.api.model.EstimationMethod;
import io.scrilla.api.model.PriceHistory;
import io.scrilla.api.model.RiskProfile;
import io.scrilla.core.allocate.Allocation;
import io.scrilla.core.cache.MemoryCacheProvider;
import io.scrilla.core.market.RiskFreeRate;
import io.scrilla.core.optimize.Bounds;
import io.scrilla.core.optimize.Constraints;
import io.scrilla.core.optimize.FrontierSpacing;
import io.scrilla.core.optimize.Portfolio;
import io.scrilla.core.optimize.PortfolioOptimizer;
import io.scrilla.core.optimize.Solution;
import io.scrilla.core.testing.CountingCache;
import io.scrilla.core.testing.FakePriceSource;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The facade's portfolio methods: statistics from the cache, the risk-free rate, allocation. */
class ScrillaPortfolioTest {
  private static final DateRange HISTORY = DateRange.parse("2021-01-04", "2021-11-19");
  private static final DateRange WINDOW = DateRange.parse("2021-03-01", "2021-09-30");
  private static final Clock CLOCK =
      Clock.fixed(Instant.parse("2021-11-23T12:00:00Z"), ZoneOffset.UTC);
  private static final List<Asset> ASSETS =
      List.of(Asset.equity("AAA"), Asset.equity("BBB"), Asset.equity("CCC"));

  private final FakePriceSource prices = new FakePriceSource();
  private final ScrillaStatisticsTest.CountingRates rates =
      new ScrillaStatisticsTest.CountingRates();
  private final CountingCache cache = new CountingCache(MemoryCacheProvider.create());
  private final Scrilla scrilla;

  ScrillaPortfolioTest() {
    for (int i = 0; i < ASSETS.size(); i++) {
      prices.with(FakePriceSource.walk(ASSETS.get(i), HISTORY, 7 + i));
    }
    scrilla =
        Scrilla.builder()
            .priceSource(prices)
            .interestRateSource(rates)
            .cache(cache)
            .clock(CLOCK)
            .build();
  }

  @AfterEach
  void close() {
    scrilla.close();
  }

  @Test
  void portfolio_usesProfilesCorrelationsAndTheRiskFreeRateOfTheWindowEnd() {
    Portfolio p = scrilla.portfolio(ASSETS, WINDOW, EstimationMethod.MOMENTS);
    assertEquals(List.of("AAA", "BBB", "CCC"), p.tickers());
    for (int i = 0; i < 3; i++) {
      RiskProfile r = scrilla.riskProfile(ASSETS.get(i), WINDOW, EstimationMethod.MOMENTS);
      assertEquals(r.annualReturn(), p.returns()[i]);
      assertEquals(r.annualVolatility(), p.volatilities()[i]);
      for (int j = 0; j < 3; j++) {
        assertEquals(
            scrilla.correlation(ASSETS.get(i), ASSETS.get(j), WINDOW, EstimationMethod.MOMENTS),
            p.correlation()[i][j]);
      }
    }
    assertEquals(scrilla.riskFreeRate(WINDOW.end()), p.riskFreeRate());
  }

  @Test
  void optimizers_secondCall_recomputeNoStatistic() {
    Solution first =
        scrilla.maximumSharpeRatio(
            ASSETS, WINDOW, EstimationMethod.MOMENTS, Constraints.longOnly());
    int profiles = cache.profileWrites.get();
    int correlations = cache.correlationWrites.get();
    int fetches = prices.calls();
    Solution again =
        scrilla.maximumSharpeRatio(
            ASSETS, WINDOW, EstimationMethod.MOMENTS, Constraints.longOnly());
    scrilla.minimumVariance(ASSETS, WINDOW, EstimationMethod.MOMENTS, Constraints.longOnly());
    scrilla.efficientFrontier(
        ASSETS, WINDOW, EstimationMethod.MOMENTS, Bounds.longOnly(), 5, FrontierSpacing.SCRILLA);
    assertArrayEquals(first.weights(), again.weights());
    assertEquals(profiles, cache.profileWrites.get());
    assertEquals(correlations, cache.correlationWrites.get());
    assertEquals(fetches, prices.calls());
    assertEquals(
        first,
        PortfolioOptimizer.create()
            .maximumSharpeRatio(
                scrilla.portfolio(ASSETS, WINDOW, EstimationMethod.MOMENTS),
                Constraints.longOnly()));
  }

  @Test
  void allocate_buysAtTheLastCloseOfTheWindow() {
    Solution s =
        scrilla.minimumVariance(ASSETS, WINDOW, EstimationMethod.MOMENTS, Constraints.longOnly());
    Allocation a = scrilla.allocate(s, WINDOW, new BigDecimal("100000"));
    BigDecimal spent = BigDecimal.ZERO;
    for (int i = 0; i < 3; i++) {
      PriceHistory h = FakePriceSource.walk(ASSETS.get(i), HISTORY, 7 + i).slice(WINDOW);
      spent = spent.add(a.units().get(i).multiply(new BigDecimal(h.close(h.size() - 1))));
    }
    assertEquals(0, spent.compareTo(a.invested()));
    assertTrue(a.invested().compareTo(new BigDecimal("100000")) <= 0);
  }

  @Test
  void portfolio_badTickers_areExplained() {
    assertThrows(
        InvalidInputException.class,
        () ->
            scrilla.portfolio(
                List.of(ASSETS.get(0), ASSETS.get(0)), WINDOW, EstimationMethod.MOMENTS));
    assertThrows(
        InvalidInputException.class,
        () -> scrilla.portfolio(List.of(), WINDOW, EstimationMethod.MOMENTS));
    PriceUnavailableException e =
        assertThrows(
            PriceUnavailableException.class,
            () ->
                scrilla.portfolio(
                    List.of(ASSETS.get(0), Asset.equity("NOPE")),
                    WINDOW,
                    EstimationMethod.MOMENTS,
                    RiskFreeRate.of(0.01)));
    assertTrue(e.getMessage().contains("NOPE"), e.getMessage());
  }
}
