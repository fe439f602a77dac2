package io.scrilla.core;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.scrilla.api.config.ScrillaConfig;
import io.scrilla.api.error.ConfigurationException;
import io.scrilla.api.error.InvalidInputException;
import io.scrilla.api.error.PriceUnavailableException;
import io.scrilla.api.model.Asset;
import io.scrilla.api.model.DateRange;
import io.scrilla.api.model.EstimationMethod;
import io.scrilla.api.model.PriceHistory;
import io.scrilla.api.model.ProfileKey;
import io.scrilla.api.model.RiskProfile;
import io.scrilla.core.cache.MemoryCacheProvider;
import io.scrilla.core.calendar.TradingCalendar;
import io.scrilla.core.estimate.ProfileEstimators;
import io.scrilla.core.estimate.ReturnSample;
import io.scrilla.core.testing.CountingCache;
import io.scrilla.core.testing.FakePriceSource;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;

/** The facade's cache-first flow, with counting test doubles of the source and cache SPIs. */
class ScrillaCacheFirstTest {
  private static final Asset SPY = Asset.equity("SPY");
  private static final Asset GLD = Asset.equity("GLD");
  private static final DateRange HISTORY =
      DateRange.of(LocalDate.of(2020, 1, 2), LocalDate.of(2021, 11, 19));
  private static final Clock LATER =
      Clock.fixed(Instant.parse("2022-03-01T12:00:00Z"), ZoneOffset.UTC);

  private final FakePriceSource source =
      new FakePriceSource()
          .with(FakePriceSource.walk(SPY, HISTORY, 1))
          .with(FakePriceSource.walk(GLD, HISTORY, 2));
  private final CountingCache cache = new CountingCache(MemoryCacheProvider.create());

  private Scrilla scrilla() {
    return Scrilla.builder()
        .config(ScrillaConfig.defaults())
        .priceSource(source)
        .cache(cache)
        .clock(LATER)
        .build();
  }

  @Test
  void riskProfile_secondIdenticalCall_makesNoSourceCallAndNoComputation() {
    try (Scrilla s = scrilla()) {
      DateRange r = DateRange.of(LocalDate.of(2021, 1, 4), LocalDate.of(2021, 6, 30));
      RiskProfile first = s.riskProfile(SPY, r, EstimationMethod.MOMENTS);
      assertEquals(1, source.calls());
      assertEquals(1, cache.profileWrites.get());
      int priceReads = cache.priceReads.get();

      RiskProfile second = s.riskProfile(SPY, r, EstimationMethod.MOMENTS);
      assertEquals(first, second);
      assertEquals(1, source.calls(), "no second fetch");
      assertEquals(1, cache.profileWrites.get(), "no second computation");
      assertEquals(priceReads, cache.priceReads.get(), "prices not even read");
    }
  }

  @Test
  void riskProfile_newFacadeOverSameCache_hitsTheBackend() {
    DateRange r = DateRange.of(LocalDate.of(2021, 1, 4), LocalDate.of(2021, 6, 30));
    RiskProfile first;
    try (Scrilla s =
        Scrilla.builder()
            .priceSource(source)
            .cache(MemoryCacheProvider.create())
            .clock(LATER)
            .build()) {
      first = s.riskProfile(SPY, r, EstimationMethod.MOMENTS);
    }
    // the facade's own in-memory layer is gone; the backend still answers
    var backend = MemoryCacheProvider.create();
    FakePriceSource empty = new FakePriceSource().with(FakePriceSource.walk(SPY, HISTORY, 1));
    backend
        .profiles()
        .put(new ProfileKey(empty.sourceId(), SPY, r, EstimationMethod.MOMENTS, false), first);
    try (Scrilla s = Scrilla.builder().priceSource(empty).cache(backend).clock(LATER).build()) {
      assertEquals(first, s.riskProfile(SPY, r, EstimationMethod.MOMENTS));
      assertEquals(0, empty.calls());
    }
  }

  @Test
  void riskProfile_equalsEstimatorOnTheWindowPrices() {
    try (Scrilla s = scrilla()) {
      DateRange r = DateRange.of(LocalDate.of(2021, 3, 1), LocalDate.of(2021, 9, 30));
      PriceHistory window = FakePriceSource.walk(SPY, HISTORY, 1).slice(r);
      RiskProfile expected =
          ProfileEstimators.moments(ReturnSample.of(window, TradingCalendar.nyse()));
      assertEquals(expected, s.riskProfile(SPY, r, EstimationMethod.MOMENTS));
    }
  }

  @Test
  void prices_partlyCached_fetchesOnlyTheMissingSpan() {
    try (Scrilla s = scrilla()) {
      s.prices(SPY, DateRange.of(LocalDate.of(2021, 1, 4), LocalDate.of(2021, 6, 30)));
      s.prices(SPY, DateRange.of(LocalDate.of(2021, 1, 4), LocalDate.of(2021, 9, 30)));
      assertEquals(2, source.calls());
      // the second fetch starts at the first session after the cached part
      assertEquals(
          DateRange.of(LocalDate.of(2021, 7, 1), LocalDate.of(2021, 9, 30)),
          source.requested().get(1));
      // a range now fully cached causes no fetch
      s.prices(SPY, DateRange.of(LocalDate.of(2021, 2, 1), LocalDate.of(2021, 8, 31)));
      assertEquals(2, source.calls());
    }
  }

  @Test
  void prices_concurrentIdenticalRequests_causeOneFetch() throws Exception {
    source.delay(100);
    ExecutorService pool = Executors.newFixedThreadPool(4);
    try (Scrilla s = scrilla()) {
      DateRange r = DateRange.of(LocalDate.of(2021, 1, 4), LocalDate.of(2021, 6, 30));
      Callable<PriceHistory> call = () -> s.prices(SPY, r);
      List<Future<PriceHistory>> fs = pool.invokeAll(List.of(call, call, call, call));
      for (Future<PriceHistory> f : fs) {
        assertEquals(fs.get(0).get(), f.get());
      }
      assertEquals(1, source.calls());
    } finally {
      pool.shutdown();
    }
  }

  @Test
  void defaultRange_endsAtLastDateWith101Prices() {
    try (Scrilla s = scrilla()) {
      DateRange r = s.defaultRange(List.of(SPY));
      assertEquals(LocalDate.of(2021, 11, 19), r.end());
      assertEquals(101, s.prices(SPY, r).size());
      assertEquals(101, TradingCalendar.nyse().countTradingDays(r));
    }
  }

  @Test
  void window_weekendEnds_moveBackToTradingDays() {
    try (Scrilla s = scrilla()) {
      // Saturday 2021-01-02 -> Thursday 2020-12-31; Sunday 2021-06-27 -> Friday 2021-06-25
      DateRange w =
          s.marketData()
              .sample(
                  List.of(SPY),
                  DateRange.of(LocalDate.of(2021, 1, 2), LocalDate.of(2021, 6, 27)),
                  EstimationMethod.MOMENTS,
                  false)
              .window();
      assertEquals(DateRange.of(LocalDate.of(2020, 12, 31), LocalDate.of(2021, 6, 25)), w);
      assertThrows(
          InvalidInputException.class,
          () ->
              s.riskProfile(
                  SPY,
                  DateRange.of(LocalDate.of(2021, 7, 3), LocalDate.of(2021, 7, 5)),
                  EstimationMethod.MOMENTS));
    }
  }

  @Test
  void riskProfiles_oneUnknownTicker_doesNotHideTheOthers() {
    try (Scrilla s = scrilla()) {
      DateRange r = DateRange.of(LocalDate.of(2021, 1, 4), LocalDate.of(2021, 6, 30));
      Asset nope = Asset.equity("NOPE");
      Map<Asset, Result<RiskProfile>> res =
          Result.each(List.of(SPY, nope, GLD), a -> s.riskProfile(a, r, EstimationMethod.MOMENTS));
      assertEquals(List.of(SPY, nope, GLD), List.copyOf(res.keySet()));
      assertTrue(res.get(SPY).isSuccess());
      assertTrue(res.get(GLD).isSuccess());
      assertFalse(res.get(nope).isSuccess());
      assertInstanceOf(
          PriceUnavailableException.class, ((Result.Failure<RiskProfile>) res.get(nope)).error());
    }
  }

  @Test
  void build_unknownCacheMode_failsListingTheProvidersFound() {
    ScrillaConfig c = ScrillaConfig.builder().cacheMode("nosuch").build();
    ConfigurationException e =
        assertThrows(
            ConfigurationException.class,
            () -> Scrilla.builder().config(c).priceSource(source).build());
    assertTrue(e.getMessage().contains("CACHE_MODE='nosuch'"), e.getMessage());
    assertTrue(e.getMessage().contains("memory"), e.getMessage());
  }
}
