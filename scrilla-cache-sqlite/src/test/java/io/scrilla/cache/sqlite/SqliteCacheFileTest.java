package io.scrilla.cache.sqlite;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.scrilla.api.error.CacheException;
import io.scrilla.api.error.InvalidInputException;
import io.scrilla.api.model.Asset;
import io.scrilla.api.model.CorrelationKey;
import io.scrilla.api.model.DateRange;
import io.scrilla.api.model.EstimationMethod;
import io.scrilla.api.model.Maturity;
import io.scrilla.api.model.PriceHistory;
import io.scrilla.api.model.ProfileKey;
import io.scrilla.api.model.RiskProfile;
import io.scrilla.api.model.SourceId;
import io.scrilla.api.model.YieldCurve;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The file itself: schema, versioning, storage formats, reopening, misuse. */
class SqliteCacheFileTest {
  private static final SourceId SRC = SourceId.of("test");

  private static final LocalDate D0 = LocalDate.of(2021, 1, 4);
  private static final Asset SPY = Asset.equity("SPY");
  private static final DateRange WINDOW = DateRange.of(D0, D0.plusDays(100));

  @TempDir Path dir;

  private Path file() {
    return dir.resolve("cache.db");
  }

  private static PriceHistory closes(Asset asset, int fromOffset, double... prices) {
    int[] days = new int[prices.length];
    for (int i = 0; i < days.length; i++) {
      days[i] = (int) D0.toEpochDay() + fromOffset + i;
    }
    return PriceHistory.ofCloses(asset, days, prices);
  }

  @Test
  void open_newFile_writesSchemaVersionAndWalMode() throws Exception {
    SqliteCache.open(file()).close();
    assertEquals(List.of("2"), Sql.rows(file(), "PRAGMA user_version"));
    assertEquals(2, SqliteCache.SCHEMA_VERSION);
    assertEquals(List.of("wal"), Sql.rows(file(), "PRAGMA journal_mode"));
    assertEquals(
        List.of(Integer.toString(SqliteCache.APPLICATION_ID)),
        Sql.rows(file(), "PRAGMA application_id"));
    assertEquals(
        List.of("correlations", "interest", "prices", "profile"),
        Sql.rows(file(), "SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY name"));
  }

  @Test
  void open_twice_keepsVersionAndRows() throws Exception {
    try (SqliteCache c = SqliteCache.open(file())) {
      c.prices().put(SRC, closes(SPY, 0, 1.0));
    }
    try (SqliteCache c = SqliteCache.open(file())) {
      assertEquals(1, c.prices().get(SRC, SPY, WINDOW).size());
    }
    assertEquals(List.of("2"), Sql.rows(file(), "PRAGMA user_version"));
  }

  @Test
  void open_newerSchemaVersion_failsNamingFileAndVersions() throws Exception {
    SqliteCache.open(file()).close();
    Sql.exec(file(), "PRAGMA user_version = 7");
    Snapshot before = Snapshot.of(dir);
    CacheException e = assertThrows(CacheException.class, () -> SqliteCache.open(file()));
    assertTrue(e.getMessage().contains(file().toAbsolutePath().toString()), e.getMessage());
    assertTrue(e.getMessage().contains("schema version 7"), e.getMessage());
    assertTrue(e.getMessage().contains("up to 2"), e.getMessage());
    assertEquals(before, Snapshot.of(dir)); // left alone
  }

  @Test
  void open_newerSchemaVersionInRollbackJournalMode_leavesTheFileByteForByte() throws Exception {
    // as a later release might leave it, in a file system without WAL
    Sql.exec(
        file(),
        "CREATE TABLE prices (ticker TEXT, asset_type TEXT, date TEXT, x REAL)",
        "INSERT INTO prices VALUES ('SPY', 'equity', '2021-01-04', 1.5)",
        "PRAGMA user_version = " + (SqliteCache.SCHEMA_VERSION + 1),
        "PRAGMA application_id = " + SqliteCache.APPLICATION_ID);
    Snapshot before = Snapshot.of(dir);
    CacheException e = assertThrows(CacheException.class, () -> SqliteCache.open(file()));
    assertTrue(
        e.getMessage().contains("schema version " + (SqliteCache.SCHEMA_VERSION + 1)),
        e.getMessage());
    assertEquals(before, Snapshot.of(dir));
    assertEquals(List.of("delete"), Sql.rows(file(), "PRAGMA journal_mode"));
  }

  @Test
  void open_foreignTablesWithoutVersion_failsAndLeavesTheFileByteForByte() throws Exception {
    // the cache of the Python scrilla
    Sql.exec(
        file(),
        "CREATE TABLE prices (ticker TEXT, date TEXT, closing_price REAL)",
        "INSERT INTO prices VALUES ('SPY', '2021-01-04', 1.5)");
    Snapshot before = Snapshot.of(dir);
    CacheException e = assertThrows(CacheException.class, () -> SqliteCache.open(file()));
    assertTrue(e.getMessage().contains("[prices]"), e.getMessage());
    assertTrue(e.getMessage().contains(file().toAbsolutePath().toString()), e.getMessage());
    assertEquals(before, Snapshot.of(dir));
    assertEquals(List.of("prices"), Sql.rows(file(), "SELECT name FROM sqlite_master"));
    assertEquals(List.of("0"), Sql.rows(file(), "PRAGMA user_version"));
  }

  @Test
  void open_unrelatedDatabase_failsAndLeavesTheFileByteForByte() throws Exception {
    // any other application's database, with tables that have nothing to do with a cache
    Sql.exec(
        file(),
        "CREATE TABLE notes (id INTEGER PRIMARY KEY, text TEXT)",
        "CREATE INDEX notes_text ON notes (text)",
        "INSERT INTO notes (text) VALUES ('keep me')");
    Snapshot before = Snapshot.of(dir);
    CacheException e = assertThrows(CacheException.class, () -> SqliteCache.open(file()));
    assertTrue(e.getMessage().contains("[notes]"), e.getMessage());
    assertTrue(e.getMessage().contains("not written by this library"), e.getMessage());
    assertEquals(before, Snapshot.of(dir));
  }

  @Test
  void open_otherApplicationId_failsAndLeavesTheFileByteForByte() throws Exception {
    // a GeoPackage ('GPKG') that happens to have a schema version of 1
    Sql.exec(
        file(),
        "CREATE TABLE gpkg_contents (table_name TEXT)",
        "PRAGMA application_id = " + 0x47504B47,
        "PRAGMA user_version = 1");
    Snapshot before = Snapshot.of(dir);
    CacheException e = assertThrows(CacheException.class, () -> SqliteCache.open(file()));
    assertTrue(e.getMessage().contains("application id 0x47504b47"), e.getMessage());
    assertEquals(before, Snapshot.of(dir));
  }

  @Test
  void open_fileOfThisLibraryWithoutApplicationId_isAcceptedAsItIs() throws Exception {
    // files written before the application id was set carry 0; they are used as they are
    SqliteCache.open(file()).close();
    Sql.exec(file(), "PRAGMA application_id = 0");
    try (SqliteCache c = SqliteCache.open(file())) {
      c.prices().put(SRC, closes(SPY, 0, 1.0));
    }
    assertEquals(List.of("0"), Sql.rows(file(), "PRAGMA application_id"));
  }

  /** The names, sizes and SHA-256 digests of the bytes of every file in a folder. */
  private record Snapshot(Map<String, String> files) {
    static Snapshot of(Path dir) throws IOException, NoSuchAlgorithmException {
      Map<String, String> files = new TreeMap<>();
      try (Stream<Path> s = Files.list(dir)) {
        for (Path p : (Iterable<Path>) s::iterator) {
          byte[] bytes = Files.readAllBytes(p);
          files.put(
              p.getFileName().toString(),
              bytes.length
                  + " bytes, SHA-256 "
                  + HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes)));
        }
      }
      return new Snapshot(files);
    }
  }

  @Test
  void open_notADatabase_failsNamingFile() throws Exception {
    Files.writeString(
        file(),
        "this is a text file, not a database, and it is long enough to "
            + "fill a SQLite header and then some more text after it..........................");
    CacheException e = assertThrows(CacheException.class, () -> SqliteCache.open(file()));
    assertTrue(e.getMessage().contains(file().toAbsolutePath().toString()), e.getMessage());
    assertTrue(e.getMessage().contains("not a SQLite database"), e.getMessage());
  }

  @Test
  void open_folderCannotBeCreated_failsNamingFolder() throws Exception {
    Path blocker = dir.resolve("plainfile");
    Files.writeString(blocker, "x");
    Path file = blocker.resolve("sub").resolve("cache.db");
    CacheException e = assertThrows(CacheException.class, () -> SqliteCache.open(file));
    assertTrue(e.getMessage().contains("cannot create its folder"), e.getMessage());
  }

  @Test
  void tables_primaryKeys_holdEveryIdentifyingColumn() throws Exception {
    SqliteCache.open(file()).close();
    assertEquals(List.of("source", "ticker", "asset_type", "date"), primaryKey("prices"));
    assertEquals(List.of("source", "date", "maturity"), primaryKey("interest"));
    assertEquals(
        List.of("source", "ticker", "asset_type", "start_date", "end_date", "method", "weekends"),
        primaryKey("profile"));
    assertEquals(
        List.of(
            "source",
            "ticker_1",
            "type_1",
            "ticker_2",
            "type_2",
            "start_date",
            "end_date",
            "method",
            "weekends"),
        primaryKey("correlations"));
  }

  private List<String> primaryKey(String table) throws Exception {
    // table_info's pk column is the 1-based position in the primary key, 0 when not part of it
    return Sql.rows(
        file(),
        "SELECT name FROM pragma_table_info('" + table + "') WHERE pk > 0 " + "ORDER BY pk");
  }

  @Test
  void reopen_readsEverythingAnEarlierInstanceWrote() {
    PriceHistory h =
        PriceHistory.of(
            SPY,
            new int[] {18800, 18801, 18805},
            new double[] {1.5, 2.25, 3.125},
            new double[] {1.75, 2.5, 3.0 + 1e-12});
    YieldCurve curve =
        new YieldCurve(D0, Map.of(Maturity.ONE_MONTH, 0.0004, Maturity.TEN_YEAR, 0.0154));
    ProfileKey pk = new ProfileKey(SRC, SPY, WINDOW, EstimationMethod.LIKELIHOOD, true);
    RiskProfile profile = new RiskProfile(0.07, 0.19);
    CorrelationKey ck =
        CorrelationKey.of(
            SRC, SPY, Asset.crypto("BTC"), WINDOW, EstimationMethod.PERCENTILES, true);
    try (SqliteCache c = SqliteCache.open(file())) {
      c.prices().put(SRC, h);
      c.interest().put(SRC, List.of(curve));
      c.profiles().put(pk, profile);
      c.correlations().put(ck, 0.25);
    }
    try (SqliteCache c = SqliteCache.open(file())) {
      DateRange all = DateRange.of(LocalDate.ofEpochDay(18000), LocalDate.ofEpochDay(19000));
      assertEquals(h, c.prices().get(SRC, SPY, all));
      assertEquals(List.of(curve), c.interest().get(SRC, WINDOW));
      assertEquals(Optional.of(profile), c.profiles().get(pk));
      assertEquals(OptionalDouble.of(0.25), c.correlations().get(ck));
    }
  }

  @Test
  void storage_datesAreIsoTextAndNumbersReal() throws Exception {
    try (SqliteCache c = SqliteCache.open(file())) {
      c.prices()
          .put(
              SRC,
              PriceHistory.of(
                  SPY, new int[] {(int) D0.toEpochDay()}, new double[] {2.0}, new double[] {3.5}));
      c.interest().put(SRC, List.of(new YieldCurve(D0, Map.of(Maturity.ONE_YEAR, 0.01))));
    }
    assertEquals(
        List.of("SPY|equity|2021-01-04|text|real|real"),
        Sql.rows(
            file(),
            "SELECT ticker, asset_type, date, typeof(date), typeof(open), typeof(close) FROM"
                + " prices"));
    assertEquals(
        List.of("2021-01-04|ONE_YEAR|real"),
        Sql.rows(file(), "SELECT date, maturity, typeof(rate) FROM interest"));
  }

  @Test
  void doubles_awkwardValues_roundTripBitForBit() {
    double[] correlations = {
      1.0 / 3.0,
      -Math.nextDown(1.0),
      Math.nextUp(-1.0),
      Double.MIN_VALUE,
      -Double.MIN_NORMAL,
      0.1 + 0.2,
      1e-300,
      -1.0,
      1.0
    };
    double[] returns = {Double.MAX_VALUE, -Double.MAX_VALUE, Math.PI, -Math.E, 4.9e-324, 12345.0};
    double[] prices = {Double.MAX_VALUE, Double.MIN_VALUE, 0.1, 1e-320, 123456789.123456789, 7.0};
    try (SqliteCache c = SqliteCache.open(file())) {
      for (int i = 0; i < correlations.length; i++) {
        CorrelationKey k =
            CorrelationKey.of(
                SRC, SPY, Asset.equity("X" + i), WINDOW, EstimationMethod.MOMENTS, false);
        c.correlations().put(k, correlations[i]);
        assertEquals(
            Double.doubleToRawLongBits(correlations[i]),
            Double.doubleToRawLongBits(c.correlations().get(k).getAsDouble()),
            "corr " + i);
      }
      for (int i = 0; i < returns.length; i++) {
        ProfileKey k =
            new ProfileKey(SRC, Asset.equity("P" + i), WINDOW, EstimationMethod.MOMENTS, false);
        RiskProfile p = new RiskProfile(returns[i], Math.abs(returns[i]) / 3);
        c.profiles().put(k, p);
        RiskProfile back = c.profiles().get(k).orElseThrow();
        assertEquals(
            Double.doubleToRawLongBits(p.annualReturn()),
            Double.doubleToRawLongBits(back.annualReturn()),
            "return " + i);
        assertEquals(
            Double.doubleToRawLongBits(p.annualVolatility()),
            Double.doubleToRawLongBits(back.annualVolatility()),
            "volatility " + i);
      }
      PriceHistory h = closes(SPY, 0, prices);
      c.prices().put(SRC, h);
      double[] back = c.prices().get(SRC, SPY, WINDOW).closes();
      for (int i = 0; i < prices.length; i++) {
        assertEquals(
            Double.doubleToRawLongBits(prices[i]),
            Double.doubleToRawLongBits(back[i]),
            "price " + i);
      }
    }
  }

  @Test
  void prices_opensMissingOnSomeRows_returnOpensOnlyWhereEveryRowHasOne() {
    int d0 = (int) D0.toEpochDay();
    int[] days = new int[10];
    double[] opens = new double[10];
    double[] closes = new double[10];
    for (int i = 0; i < 10; i++) {
      days[i] = d0 + i;
      opens[i] = 10 + i;
      closes[i] = 20 + i;
    }
    try (SqliteCache c = SqliteCache.open(file())) {
      c.prices().put(SRC, PriceHistory.of(SPY, days, opens, closes));
      c.prices().put(SRC, closes(SPY, 5, 99.0, 98.0)); // days 5, 6 lose their opens
      PriceHistory all = c.prices().get(SRC, SPY, DateRange.of(D0, D0.plusDays(9)));
      assertFalse(all.hasOpens());
      assertEquals(99.0, all.close(5));
      assertEquals(25 + 2, all.close(7));
      PriceHistory early = c.prices().get(SRC, SPY, DateRange.of(D0, D0.plusDays(4)));
      assertTrue(early.hasOpens());
      assertEquals(14.0, early.open(4));
      PriceHistory late = c.prices().get(SRC, SPY, DateRange.of(D0.plusDays(7), D0.plusDays(9)));
      assertTrue(late.hasOpens());
      assertEquals(17.0, late.open(0));
    }
  }

  @Test
  void prices_dateBeyondYear9999_refusedAndNothingStored() throws Exception {
    int far = (int) LocalDate.of(10000, 1, 1).toEpochDay();
    PriceHistory h =
        PriceHistory.ofCloses(SPY, new int[] {(int) D0.toEpochDay(), far}, new double[] {1, 2});
    try (SqliteCache c = SqliteCache.open(file())) {
      InvalidInputException e =
          assertThrows(InvalidInputException.class, () -> c.prices().put(SRC, h));
      assertTrue(e.getMessage().contains("9999-12-31"), e.getMessage());
      assertTrue(
          c.prices()
              .get(SRC, SPY, DateRange.of(LocalDate.of(0, 1, 1), LocalDate.of(99999, 1, 1)))
              .isEmpty());
    }
    assertEquals(List.of("0"), Sql.rows(file(), "SELECT count(*) FROM prices"));
  }

  @Test
  void correlationsGetAll_manyFirstTickersWindowsAndMisses_returnsExactlyTheStoredKeysInOrder() {
    DateRange other = DateRange.of(D0, D0.plusDays(99));
    Map<CorrelationKey, Double> stored = new LinkedHashMap<>();
    List<CorrelationKey> asked = new ArrayList<>();
    // 230 first tickers: three blocks of the batched read
    for (int i = 0; i < 230; i++) {
      Asset a = Asset.equity(String.format(Locale.ROOT, "A%03d", i));
      Asset b = Asset.equity(String.format(Locale.ROOT, "B%03d", i % 7));
      CorrelationKey k = CorrelationKey.of(SRC, a, b, WINDOW, EstimationMethod.MOMENTS, false);
      CorrelationKey kOther =
          CorrelationKey.of(SRC, a, b, other, EstimationMethod.LIKELIHOOD, true);
      asked.add(k);
      asked.add(kOther);
      if (i % 3 != 0) {
        stored.put(k, (i % 200 - 100) / 100.0);
      }
      if (i % 2 == 0) {
        stored.put(kOther, -(i % 100) / 100.0);
      }
      // misses that differ from a stored key in one identity field only
      asked.add(
          CorrelationKey.of(
              SRC, a, Asset.crypto(b.ticker()), WINDOW, EstimationMethod.MOMENTS, false));
      asked.add(CorrelationKey.of(SRC, a, b, WINDOW, EstimationMethod.PERCENTILES, false));
      asked.add(CorrelationKey.of(SRC, a, b, WINDOW, EstimationMethod.MOMENTS, true));
    }
    try (SqliteCache c = SqliteCache.open(file())) {
      c.correlations().putAll(stored);
      Map<CorrelationKey, Double> expected = new LinkedHashMap<>();
      for (CorrelationKey k : asked) {
        c.correlations().get(k).ifPresent(v -> expected.put(k, v));
      }
      assertEquals(stored.size(), expected.size());
      Map<CorrelationKey, Double> got = c.correlations().getAll(asked);
      assertEquals(expected, got);
      assertEquals(new ArrayList<>(expected.keySet()), new ArrayList<>(got.keySet()));
      assertEquals(Map.of(), c.correlations().getAll(List.of()));
    }
  }

  @Test
  void correlations_outsideMinusOneToOne_refused() {
    CorrelationKey k =
        CorrelationKey.of(SRC, SPY, Asset.equity("GLD"), WINDOW, EstimationMethod.MOMENTS, false);
    try (SqliteCache c = SqliteCache.open(file())) {
      assertThrows(InvalidInputException.class, () -> c.correlations().put(k, 1.0000001));
      assertThrows(InvalidInputException.class, () -> c.correlations().put(k, Double.NaN));
      assertTrue(c.correlations().get(k).isEmpty());
    }
  }

  @Test
  void close_thenUse_failsNamingFile() {
    SqliteCache c = SqliteCache.open(file());
    c.close();
    c.close(); // idempotent
    CacheException e = assertThrows(CacheException.class, () -> c.prices().get(SRC, SPY, WINDOW));
    assertTrue(e.getMessage().contains("is closed"), e.getMessage());
    assertTrue(e.getMessage().contains(file().toAbsolutePath().toString()), e.getMessage());
  }

  @Test
  void close_releasesTheFile_soItCanBeDeleted() throws Exception {
    SqliteCache c = SqliteCache.open(file());
    c.prices().put(SRC, closes(SPY, 0, 1.0, 2.0));
    c.prices().get(SRC, SPY, WINDOW);
    c.close();
    // with every connection closed, SQLite checkpoints and removes the WAL and shared-memory files
    assertFalse(Files.exists(dir.resolve("cache.db-wal")));
    assertFalse(Files.exists(dir.resolve("cache.db-shm")));
  }
}
