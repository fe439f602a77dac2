package io.scrilla.cache.sqlite;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.scrilla.api.error.CacheException;
import io.scrilla.api.model.Asset;
import io.scrilla.api.model.CorrelationKey;
import io.scrilla.api.model.DateRange;
import io.scrilla.api.model.EstimationMethod;
import io.scrilla.api.model.Maturity;
import io.scrilla.api.model.PriceHistory;
import io.scrilla.api.model.SourceId;
import io.scrilla.api.model.YieldCurve;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A write that fails halfway leaves nothing behind. A trigger created by the test aborts the insert
 * of one chosen row late in a batch (after earlier JDBC batches already ran inside the
 * transaction); the write must fail with a {@link CacheException} and none of its rows may be
 * visible, while rows stored earlier keep their values.
 */
class SqliteCacheRollbackTest {
  private static final SourceId SRC = SourceId.of("test");

  private static final LocalDate D0 = LocalDate.of(2000, 1, 1);
  private static final Asset SPY = Asset.equity("SPY");
  private static final int N = 10_000; // more than two driver batches of 4096 rows

  @TempDir Path dir;
  private Path file;
  private SqliteCache cache;

  @BeforeEach
  void open() {
    file = dir.resolve("cache.db");
    cache = SqliteCache.open(file);
  }

  @AfterEach
  void close() {
    cache.close();
  }

  private static PriceHistory history(int n, double base) {
    int[] days = new int[n];
    double[] closes = new double[n];
    for (int i = 0; i < n; i++) {
      days[i] = (int) D0.toEpochDay() + i;
      closes[i] = base + i;
    }
    return PriceHistory.ofCloses(SPY, days, closes);
  }

  private static DateRange all() {
    return DateRange.of(D0, D0.plusDays(N));
  }

  private void abortOn(String table, String condition) throws Exception {
    Sql.exec(
        file,
        "CREATE TRIGGER boom BEFORE INSERT ON "
            + table
            + " WHEN "
            + condition
            + " BEGIN SELECT RAISE(ABORT, 'test trigger refuses this row'); END");
  }

  @Test
  void pricesPut_failsOnALateRow_storesNothingAndKeepsEarlierRows() throws Exception {
    PriceHistory before = history(100, 1000); // days 0..99, already cached
    cache.prices().put(SRC, before);
    String failing = D0.plusDays(9_000).toString(); // in the third driver batch
    abortOn("prices", "NEW.date = '" + failing + "'");

    CacheException e =
        assertThrows(CacheException.class, () -> cache.prices().put(SRC, history(N, 5)));
    assertTrue(e.getMessage().contains(file.toAbsolutePath().toString()), e.getMessage());
    assertTrue(e.getMessage().contains("store 10000 prices of SPY"), e.getMessage());
    assertTrue(e.getMessage().contains("rolled back"), e.getMessage());
    assertTrue(e.getMessage().contains("test trigger refuses this row"), e.getMessage());

    assertEquals(before, cache.prices().get(SRC, SPY, all())); // old values, no new rows
    assertEquals(List.of("100"), Sql.rows(file, "SELECT count(*) FROM prices"));

    // the cache stays usable: the same write succeeds once the trigger is gone
    Sql.exec(file, "DROP TRIGGER boom");
    cache.prices().put(SRC, history(N, 5));
    assertEquals(history(N, 5), cache.prices().get(SRC, SPY, all()));
  }

  @Test
  void interestPut_failsOnOneRate_storesNoCurve() throws Exception {
    List<YieldCurve> curves = new ArrayList<>();
    for (int i = 0; i < 500; i++) {
      curves.add(
          new YieldCurve(
              D0.plusDays(i),
              Map.of(Maturity.ONE_YEAR, 0.01 + i * 1e-5, Maturity.TEN_YEAR, 0.02 + i * 1e-5)));
    }
    abortOn("interest", "NEW.date = '" + D0.plusDays(480) + "' AND NEW.maturity = 'TEN_YEAR'");
    assertThrows(CacheException.class, () -> cache.interest().put(SRC, curves));
    assertTrue(cache.interest().get(SRC, all()).isEmpty());
    Sql.exec(file, "DROP TRIGGER boom");
    cache.interest().put(SRC, curves);
    assertEquals(curves, cache.interest().get(SRC, all()));
  }

  @Test
  void correlationsPutAll_failsOnOnePair_storesNoPair() throws Exception {
    Map<CorrelationKey, Double> matrix = new LinkedHashMap<>();
    DateRange window = DateRange.of(D0, D0.plusDays(99));
    for (int i = 0; i < 60; i++) {
      for (int j = i + 1; j < 60; j++) {
        matrix.put(
            CorrelationKey.of(
                SRC,
                Asset.equity("A" + i),
                Asset.equity("A" + j),
                window,
                EstimationMethod.MOMENTS,
                false),
            (i - j) / 100.0);
      }
    }
    abortOn("correlations", "NEW.ticker_1 = 'A50' AND NEW.ticker_2 = 'A57'");
    assertThrows(CacheException.class, () -> cache.correlations().putAll(matrix));
    assertTrue(cache.correlations().getAll(matrix.keySet()).isEmpty());
    assertEquals(List.of("0"), Sql.rows(file, "SELECT count(*) FROM correlations"));
  }

  @Test
  void clear_failsOnOneTable_deletesNothing() throws Exception {
    cache.prices().put(SRC, history(10, 1));
    cache.interest().put(SRC, List.of(new YieldCurve(D0, Map.of(Maturity.ONE_YEAR, 0.01))));
    Sql.exec(
        file,
        "CREATE TRIGGER boom BEFORE DELETE ON interest" + " BEGIN SELECT RAISE(ABORT, 'no'); END");
    // prices is emptied before interest, so a partial clear would show here
    assertThrows(CacheException.class, () -> cache.clear());
    assertEquals(10, cache.prices().get(SRC, SPY, all()).size());
    assertEquals(1, cache.interest().get(SRC, all()).size());
  }
}
