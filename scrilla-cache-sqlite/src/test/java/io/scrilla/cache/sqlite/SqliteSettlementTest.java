package io.scrilla.cache.sqlite;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.scrilla.api.model.Asset;
import io.scrilla.api.model.DateRange;
import io.scrilla.api.model.EstimationMethod;
import io.scrilla.api.model.PriceHistory;
import io.scrilla.api.model.RiskProfile;
import io.scrilla.api.model.SourceId;
import io.scrilla.api.spi.PriceSource;
import io.scrilla.core.Scrilla;
import io.scrilla.core.calendar.TradingCalendar;
import io.scrilla.core.estimate.ProfileEstimators;
import io.scrilla.core.estimate.ReturnSample;
import io.scrilla.core.market.Sample;
import io.scrilla.core.testing.FakePriceSource;
import io.scrilla.core.testing.MutableClock;
import java.nio.file.Path;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Runs against one SQLite file, as successive command-line runs do: a window ending today before
 * the close stores neither today's row nor a statistic under today's window, and the run after the
 * close computes and stores the final numbers.
 */
class SqliteSettlementTest {
  private static final Asset SPY = Asset.equity("SPY");
  private static final EstimationMethod M = EstimationMethod.MOMENTS;
  private static final SourceId FAKE = new FakePriceSource().sourceId();
  private static final LocalDate TUESDAY = LocalDate.of(2021, 11, 23);
  private static final DateRange TO_TODAY = DateRange.of(LocalDate.of(2021, 6, 1), TUESDAY);

  @TempDir Path dir;

  private RiskProfile run(PriceSource source, Clock clock) {
    try (SqliteCache cache = SqliteCache.open(dir.resolve("cache.db"));
        Scrilla s = Scrilla.builder().priceSource(source).cache(cache).clock(clock).build()) {
      return s.riskProfile(SPY, TO_TODAY, M);
    }
  }

  private static RiskProfile moments(PriceHistory h) {
    return ProfileEstimators.moments(ReturnSample.of(h, TradingCalendar.nyse()));
  }

  @Test
  void windowEndingToday_beforeAndAfterTheClose_storesOnlyFinalNumbers() {
    PriceHistory intraday =
        FakePriceSource.walk(SPY, DateRange.of(LocalDate.of(2021, 1, 4), TUESDAY), 1);
    int last = intraday.size() - 1;
    PriceHistory closed =
        intraday.merge(
            PriceHistory.ofCloses(
                SPY,
                new int[] {(int) TUESDAY.toEpochDay()},
                new double[] {intraday.close(last) * 1.02}));
    DateRange toMonday = DateRange.of(TO_TODAY.start(), TUESDAY.minusDays(1));

    RiskProfile morning =
        run(new FakePriceSource().with(intraday), MutableClock.at("2021-11-23T15:00:00Z"));
    assertEquals(moments(intraday.slice(toMonday)), morning);
    try (SqliteCache cache = SqliteCache.open(dir.resolve("cache.db"))) {
      assertTrue(cache.prices().get(FAKE, SPY, DateRange.of(TUESDAY, TUESDAY)).isEmpty());
      assertTrue(
          cache
              .profiles()
              .get(new Sample(FAKE, List.of(SPY), TO_TODAY, M, false).profileKey())
              .isEmpty());
    }

    RiskProfile evening =
        run(new FakePriceSource().with(closed), MutableClock.at("2021-11-23T21:30:00Z"));
    assertEquals(moments(closed.slice(TO_TODAY)), evening);
    try (SqliteCache cache = SqliteCache.open(dir.resolve("cache.db"))) {
      assertEquals(
          closed.close(last),
          cache.prices().get(FAKE, SPY, DateRange.of(TUESDAY, TUESDAY)).close(0));
      assertEquals(
          evening,
          cache
              .profiles()
              .get(new Sample(FAKE, List.of(SPY), TO_TODAY, M, false).profileKey())
              .get());
    }
  }
}
