package io.scrilla.core;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.scrilla.api.config.ScrillaConfig;
import io.scrilla.api.error.PriceUnavailableException;
import io.scrilla.api.model.Asset;
import io.scrilla.api.model.DateRange;
import io.scrilla.api.model.EstimationMethod;
import io.scrilla.api.model.RiskProfile;
import io.scrilla.api.spi.InterestRateSource;
import io.scrilla.core.cache.MemoryCacheProvider;
import io.scrilla.core.market.RiskFreeRate;
import io.scrilla.core.risk.AssetStatistics;
import io.scrilla.core.testing.FakePriceSource;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import org.junit.jupiter.api.Test;

/** A statistic without its risk-free rate or market proxy fails or is absent with the reason. */
class ScrillaRiskFreeTest {
  private static final Asset SPY = Asset.equity("SPY");
  private static final Asset GLD = Asset.equity("GLD");
  private static final DateRange HISTORY = DateRange.parse("2021-01-04", "2021-11-19");
  private static final DateRange H1 = DateRange.parse("2021-01-04", "2021-06-30");
  private static final EstimationMethod M = EstimationMethod.MOMENTS;
  private static final Clock CLOCK =
      Clock.fixed(Instant.parse("2021-11-23T12:00:00Z"), ZoneOffset.UTC);

  /** A Treasury feed that has published nothing. */
  private static final InterestRateSource NO_CURVES = MarketDataCurves.source(Double.NaN);

  private final FakePriceSource prices =
      new FakePriceSource()
          .with(FakePriceSource.walk(SPY, HISTORY, 1))
          .with(FakePriceSource.walk(GLD, HISTORY, 2));

  private Scrilla facade(ScrillaConfig config, InterestRateSource rates) {
    return Scrilla.builder()
        .config(config)
        .priceSource(prices)
        .interestRateSource(rates)
        .cache(MemoryCacheProvider.create())
        .clock(CLOCK)
        .build();
  }

  @Test
  void sharpeRatio_noCurve_failsSayingHowToGiveARate() {
    try (Scrilla s = facade(ScrillaConfig.defaults(), NO_CURVES)) {
      PriceUnavailableException e =
          assertThrows(PriceUnavailableException.class, () -> s.sharpeRatio(GLD, H1, M));
      assertTrue(e.getMessage().contains("--risk-free-rate"), e.getMessage());
      RiskProfile p = s.riskProfile(GLD, H1, M);
      assertEquals(
          (p.annualReturn() - 0.01) / p.annualVolatility(),
          s.sharpeRatio(GLD, H1, M, RiskFreeRate.of(0.01)),
          1e-15);
    }
  }

  @Test
  void assetStatistics_noCurve_keepsBetaAndSaysWhySharpeIsAbsent() {
    try (Scrilla s = facade(ScrillaConfig.defaults(), NO_CURVES)) {
      AssetStatistics st = s.assetStatistics(List.of(GLD), H1, M).get(GLD).orElseThrow();
      assertFalse(st.sharpeRatio().isPresent());
      assertFalse(st.costOfEquity().isPresent());
      assertEquals(s.marketBeta(GLD, H1, M), st.beta().getAsDouble(), 0);
      assertEquals(1, st.notes().size(), st.notes().toString());
      assertTrue(st.notes().get(0).startsWith("sharpe_ratio and equity_cost: "));
      assertTrue(st.notes().get(0).contains("--risk-free-rate"), st.notes().get(0));
    }
  }

  @Test
  void assetStatistics_marketProxyWithoutPrices_saysWhyBetaIsAbsent() {
    ScrillaConfig config = ScrillaConfig.builder().marketProxy("NOPE").build();
    InterestRateSource flat = MarketDataCurves.source(0.02);
    try (Scrilla s = facade(config, flat)) {
      AssetStatistics st =
          s.assetStatistics(List.of(GLD), H1, M, RiskFreeRate.of(0.02)).get(GLD).orElseThrow();
      assertTrue(st.sharpeRatio().isPresent());
      assertFalse(st.beta().isPresent());
      assertEquals(1, st.notes().size(), st.notes().toString());
      String note = st.notes().get(0);
      assertTrue(
          note.startsWith("asset_beta and equity_cost: the market proxy NOPE (MARKET_PROXY)"),
          note);
      assertTrue(note.contains("NOPE: unknown to the fake source"), note);
      assertEquals(
          LocalDate.of(2021, 6, 30), s.marketData().sample(List.of(GLD), H1, M).window().end());
    }
  }

  @Test
  void assetStatistics_allAvailable_haveNoNotes() {
    InterestRateSource flat = MarketDataCurves.source(0.02);
    try (Scrilla s = facade(ScrillaConfig.defaults(), flat)) {
      AssetStatistics st = s.assetStatistics(List.of(GLD), H1, M).get(GLD).orElseThrow();
      assertTrue(st.notes().isEmpty(), st.notes().toString());
      assertEquals(0.02, st.riskFreeRate().getAsDouble(), 0);
    }
  }
}
