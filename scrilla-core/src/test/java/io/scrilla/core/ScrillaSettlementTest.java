package io.scrilla.core;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.scrilla.api.model.Asset;
import io.scrilla.api.model.CorrelationKey;
import io.scrilla.api.model.DateRange;
import io.scrilla.api.model.EstimationMethod;
import io.scrilla.api.model.PriceHistory;
import io.scrilla.api.model.RiskProfile;
import io.scrilla.api.model.SourceId;
import io.scrilla.api.spi.Cache;
import io.scrilla.api.spi.PriceSource;
import io.scrilla.core.cache.MemoryCacheProvider;
import io.scrilla.core.calendar.TradingCalendar;
import io.scrilla.core.estimate.CorrelationEstimators;
import io.scrilla.core.estimate.PairSample;
import io.scrilla.core.estimate.ProfileEstimators;
import io.scrilla.core.estimate.ReturnSample;
import io.scrilla.core.market.Sample;
import io.scrilla.core.stats.CorrelationMatrix;
import io.scrilla.core.testing.FakePriceSource;
import io.scrilla.core.testing.MutableClock;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * A cache may forget but never lie: statistics are stored only from complete windows of settled
 * sessions, prices only for settled sessions, and spans asked of the source near today are asked
 * again once a new session settles. The facade over an in-memory source and the memory cache.
 */
class ScrillaSettlementTest {
  private static final Asset SPY = Asset.equity("SPY");
  private static final Asset GLD = Asset.equity("GLD");
  private static final Asset BTC = Asset.crypto("BTC");
  private static final EstimationMethod M = EstimationMethod.MOMENTS;
  private static final SourceId FAKE = new FakePriceSource().sourceId();
  private static final TradingCalendar NYSE = TradingCalendar.nyse();
  private static final DateRange HISTORY = DateRange.parse("2021-01-04", "2021-11-19");
  private static final DateRange WINDOW = DateRange.parse("2021-01-04", "2021-06-30");
  private static final MutableClock LATER = MutableClock.at("2022-03-01T17:00:00Z");

  /** Tuesday 2021-11-23 in New York (EST, UTC-5). */
  private static final LocalDate TUESDAY = LocalDate.of(2021, 11, 23);

  private final Cache backend = MemoryCacheProvider.create();

  private Scrilla scrilla(PriceSource source, Clock clock) {
    return Scrilla.builder().priceSource(source).cache(backend).clock(clock).build();
  }

  private static RiskProfile moments(PriceHistory h) {
    return ProfileEstimators.moments(ReturnSample.of(h, NYSE));
  }

  /** Returns the history without the rows of the given dates. */
  static PriceHistory without(PriceHistory h, String... dates) {
    Set<Integer> drop =
        Arrays.stream(dates)
            .map(d -> (int) LocalDate.parse(d).toEpochDay())
            .collect(Collectors.toSet());
    int[] days = Arrays.stream(h.epochDays()).filter(d -> !drop.contains(d)).toArray();
    double[] closes = new double[days.length];
    for (int i = 0; i < days.length; i++) {
      closes[i] = h.close(h.indexOf(LocalDate.ofEpochDay(days[i])));
    }
    return PriceHistory.ofCloses(h.asset(), days, closes);
  }

  /** Returns the history with the close of {@code date} multiplied by {@code factor}. */
  static PriceHistory withClose(PriceHistory h, LocalDate date, double factor) {
    int i = h.indexOf(date);
    return h.merge(
        PriceHistory.ofCloses(
            h.asset(), new int[] {(int) date.toEpochDay()}, new double[] {h.close(i) * factor}));
  }

  @Test
  void riskProfile_gapInTheWindow_isReturnedNotStoredAndRecomputedOnceTheGapIsFilled() {
    PriceHistory full = FakePriceSource.walk(SPY, HISTORY, 1);
    PriceHistory gapped = without(full, "2021-03-05", "2021-03-08");
    Sample sample;
    try (Scrilla s = scrilla(new FakePriceSource().with(gapped), LATER)) {
      sample = s.marketData().sample(List.of(SPY), WINDOW, M);
      assertEquals(moments(gapped.slice(WINDOW)), s.riskProfile(SPY, WINDOW, M));
    }
    assertTrue(backend.profiles().get(sample.profileKey()).isEmpty(), "not stored");
    try (Scrilla s = scrilla(new FakePriceSource().with(full), LATER)) {
      RiskProfile filled = s.riskProfile(SPY, WINDOW, M);
      assertEquals(moments(full.slice(WINDOW)), filled);
      assertNotEquals(moments(gapped.slice(WINDOW)), filled);
    }
    assertEquals(
        moments(full.slice(WINDOW)),
        backend.profiles().get(sample.profileKey()).get(),
        "a complete window is stored");
  }

  @Test
  void correlationAndMatrix_gapInOneAsset_storeOnlyPairsOfCompleteAssets() {
    PriceHistory spy = without(FakePriceSource.walk(SPY, HISTORY, 1), "2021-03-05");
    PriceHistory gld = FakePriceSource.walk(GLD, HISTORY, 2);
    Asset iau = Asset.equity("IAU");
    PriceHistory iauPrices = FakePriceSource.walk(iau, HISTORY, 3);
    FakePriceSource source = new FakePriceSource().with(spy).with(gld).with(iauPrices);
    try (Scrilla s = scrilla(source, LATER)) {
      Sample sample = s.marketData().sample(List.of(SPY, GLD, iau), WINDOW, M);
      double rho = s.correlation(SPY, GLD, WINDOW, M);
      assertEquals(
          CorrelationEstimators.moments(PairSample.of(spy.slice(WINDOW), gld.slice(WINDOW), NYSE)),
          rho);
      CorrelationKey spyGld = sample.correlationKey(SPY, GLD);
      assertTrue(backend.correlations().get(spyGld).isEmpty(), "pair with a gap not stored");

      CorrelationMatrix m = s.correlationMatrix(List.of(SPY, GLD, iau), WINDOW, M);
      assertEquals(rho, m.get(0, 1));
      assertTrue(backend.correlations().get(spyGld).isEmpty());
      assertTrue(backend.correlations().get(sample.correlationKey(SPY, iau)).isEmpty());
      assertEquals(
          m.get(1, 2),
          backend.correlations().get(sample.correlationKey(GLD, iau)).getAsDouble(),
          0.0,
          "the complete pair is stored");
    }
  }

  @Test
  void riskProfile_windowEndingTodayBeforeTheClose_usesAndStoresOnlySettledSessions() {
    DateRange toToday = DateRange.of(LocalDate.of(2021, 6, 1), TUESDAY);
    DateRange toMonday = DateRange.of(LocalDate.of(2021, 6, 1), TUESDAY.minusDays(1));
    PriceHistory intraday = FakePriceSource.walk(SPY, DateRange.of(HISTORY.start(), TUESDAY), 1);
    PriceHistory closed = withClose(intraday, TUESDAY, 1.02);
    MutableClock morning = MutableClock.at("2021-11-23T15:00:00Z"); // 10:00 New York
    try (Scrilla s = scrilla(new FakePriceSource().with(intraday), morning)) {
      Sample sample = s.marketData().sample(List.of(SPY), toToday, M);
      assertEquals(toMonday, sample.window(), "cut to the last settled session");
      assertEquals(moments(intraday.slice(toMonday)), s.riskProfile(SPY, toToday, M));
      assertEquals(
          TUESDAY.minusDays(1),
          s.prices(SPY, toToday).lastDate(),
          "an unsettled close is not returned");
    }
    assertTrue(
        backend.prices().get(FAKE, SPY, DateRange.of(TUESDAY, TUESDAY)).isEmpty(),
        "today's unsettled row is not stored");
    assertTrue(
        backend
            .profiles()
            .get(new Sample(FAKE, List.of(SPY), toToday, M, false).profileKey())
            .isEmpty());
    assertEquals(
        moments(intraday.slice(toMonday)),
        backend
            .profiles()
            .get(new Sample(FAKE, List.of(SPY), toMonday, M, false).profileKey())
            .get(),
        "the settled window is complete and stored");

    MutableClock settled = MutableClock.at("2021-11-23T21:30:00Z"); // 16:30 New York
    try (Scrilla s = scrilla(new FakePriceSource().with(closed), settled)) {
      assertEquals(toToday, s.marketData().sample(List.of(SPY), toToday, M).window());
      assertEquals(moments(closed.slice(toToday)), s.riskProfile(SPY, toToday, M));
    }
    assertEquals(
        closed.close(closed.size() - 1),
        backend.prices().get(FAKE, SPY, DateRange.of(TUESDAY, TUESDAY)).close(0));
    assertEquals(
        moments(closed.slice(toToday)),
        backend
            .profiles()
            .get(new Sample(FAKE, List.of(SPY), toToday, M, false).profileKey())
            .get());
  }

  @Test
  void riskProfile_crypto_todayCountsOnlyOnceTheUtcDayIsOver() {
    DateRange toToday = DateRange.of(LocalDate.of(2021, 9, 1), TUESDAY);
    DateRange toMonday = DateRange.of(LocalDate.of(2021, 9, 1), TUESDAY.minusDays(1));
    PriceHistory live = FakePriceSource.walk(BTC, DateRange.of(HISTORY.start(), TUESDAY), 3);
    PriceHistory closed = withClose(live, TUESDAY, 0.97);
    MutableClock lateEvening = MutableClock.at("2021-11-23T23:00:00Z");
    try (Scrilla s = scrilla(new FakePriceSource().with(live), lateEvening)) {
      assertEquals(toMonday, s.marketData().sample(List.of(BTC), toToday, M).window());
      assertEquals(
          ProfileEstimators.moments(ReturnSample.of(live.slice(toMonday), NYSE)),
          s.riskProfile(BTC, toToday, M));
    }
    assertTrue(backend.prices().get(FAKE, BTC, DateRange.of(TUESDAY, TUESDAY)).isEmpty());
    assertTrue(
        backend
            .profiles()
            .get(new Sample(FAKE, List.of(BTC), toToday, M, true).profileKey())
            .isEmpty());

    MutableClock nextDay = MutableClock.at("2021-11-24T00:30:00Z");
    try (Scrilla s = scrilla(new FakePriceSource().with(closed), nextDay)) {
      assertEquals(toToday, s.marketData().sample(List.of(BTC), toToday, M).window());
      assertEquals(
          ProfileEstimators.moments(ReturnSample.of(closed.slice(toToday), NYSE)),
          s.riskProfile(BTC, toToday, M));
    }
    assertEquals(
        closed.close(closed.size() - 1),
        backend.prices().get(FAKE, BTC, DateRange.of(TUESDAY, TUESDAY)).close(0));
  }

  @Test
  void prices_futureDatedRowsFromTheSource_areNeitherStoredNorReturned() {
    PriceHistory past = FakePriceSource.walk(SPY, HISTORY, 1);
    PriceHistory withFuture =
        past.merge(
            PriceHistory.ofCloses(
                SPY,
                new int[] {
                  (int) LocalDate.of(2022, 3, 2).toEpochDay(),
                  (int) LocalDate.of(2023, 1, 3).toEpochDay()
                },
                new double[] {1, 2}));
    PriceSource everything = new PriceSource() { // ignores the range asked for
          @Override
          public PriceHistory prices(Asset asset, DateRange range) {
            return withFuture;
          }

          @Override
          public LocalDate latestDate(Asset asset) {
            return withFuture.lastDate();
          }
        };
    try (Scrilla s = scrilla(everything, LATER)) {
      PriceHistory got = s.prices(SPY, DateRange.parse("2021-06-01", "2023-12-31"));
      assertEquals(HISTORY.end(), got.lastDate());
      // the source claims a latest date in the future: the default window ends at the last
      // settled session, Monday 2022-02-28
      assertEquals(LocalDate.of(2022, 2, 28), s.defaultRange(List.of(SPY)).end());
    }
    assertTrue(
        backend
            .prices()
            .get(everything.sourceId(), SPY, DateRange.parse("2021-11-20", "2030-01-01"))
            .isEmpty(),
        "no future row stored");
  }

  @Test
  void prices_spanNearTodayAskedOfTheSource_isAskedAgainOnceANewSessionSettles() {
    // Monday 2021-11-22 17:00 New York: Monday has settled, but the source does not have it yet
    MutableClock clock = MutableClock.at("2021-11-22T22:00:00Z");
    FakePriceSource source = new FakePriceSource().with(FakePriceSource.walk(SPY, HISTORY, 1));
    DateRange r = DateRange.parse("2021-11-01", "2021-11-22");
    try (Scrilla s = scrilla(source, clock)) {
      assertEquals(HISTORY.end(), s.prices(SPY, r).lastDate());
      s.prices(SPY, r);
      assertEquals(1, source.calls(), "asked once while the same session is the latest");
      // the source publishes Monday and Tuesday; Tuesday settles
      source.with(FakePriceSource.walk(SPY, DateRange.of(HISTORY.start(), TUESDAY), 1));
      clock.set("2021-11-23T21:45:00Z");
      assertEquals(LocalDate.of(2021, 11, 22), s.prices(SPY, r).lastDate());
      assertEquals(2, source.calls());
      assertEquals(DateRange.parse("2021-11-22", "2021-11-22"), source.requested().get(1));
    }
  }

  @Test
  void prices_spanNearTodayAskedOfTheSource_isAskedAgainAfterTheMemoExpires() {
    MutableClock clock = MutableClock.at("2021-11-22T22:00:00Z");
    FakePriceSource source = new FakePriceSource().with(FakePriceSource.walk(SPY, HISTORY, 1));
    DateRange r = DateRange.parse("2021-11-01", "2021-11-22");
    try (Scrilla s = scrilla(source, clock)) {
      s.prices(SPY, r);
      clock.advance(Duration.ofMinutes(5));
      s.prices(SPY, r);
      assertEquals(1, source.calls());
      clock.advance(Duration.ofMinutes(30));
      source.with(FakePriceSource.walk(SPY, DateRange.of(HISTORY.start(), TUESDAY), 1));
      assertEquals(LocalDate.of(2021, 11, 22), s.prices(SPY, r).lastDate());
      assertEquals(2, source.calls());
    }
  }
}
