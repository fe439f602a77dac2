package io.scrilla.cache.sqlite;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.scrilla.api.model.Asset;
import io.scrilla.api.model.DateRange;
import io.scrilla.api.model.EstimationMethod;
import io.scrilla.api.model.PriceHistory;
import io.scrilla.api.model.ProfileKey;
import io.scrilla.api.model.RiskProfile;
import io.scrilla.api.model.SourceId;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Opening a file of schema version 1, written before the source joined every key: its rows do not
 * say which source they came from, so they are dropped (a cache may forget, never lie).
 */
class SqliteCacheMigrationTest {
  private static final SourceId SRC = SourceId.of("alpha_vantage");
  private static final Asset SPY = Asset.equity("SPY");
  private static final DateRange WINDOW =
      DateRange.of(LocalDate.of(2021, 1, 4), LocalDate.of(2021, 6, 30));

  @TempDir Path dir;

  /** The tables exactly as release 1 of the schema created them, with one row each. */
  private static void writeVersionOne(Path file) throws Exception {
    Sql.exec(
        file,
        "CREATE TABLE prices (ticker TEXT NOT NULL, asset_type TEXT NOT NULL, date TEXT NOT NULL,"
            + " open REAL, close REAL NOT NULL, PRIMARY KEY (ticker, asset_type, date))"
            + " WITHOUT ROWID",
        "CREATE TABLE interest (date TEXT NOT NULL, maturity TEXT NOT NULL, rate REAL NOT NULL,"
            + " PRIMARY KEY (date, maturity)) WITHOUT ROWID",
        "CREATE TABLE profile (ticker TEXT NOT NULL, asset_type TEXT NOT NULL,"
            + " start_date TEXT NOT NULL, end_date TEXT NOT NULL, method TEXT NOT NULL,"
            + " weekends INTEGER NOT NULL, annual_return REAL NOT NULL,"
            + " annual_volatility REAL NOT NULL, PRIMARY KEY (ticker, asset_type, start_date,"
            + " end_date, method, weekends)) WITHOUT ROWID",
        "CREATE TABLE correlations (ticker_1 TEXT NOT NULL, type_1 TEXT NOT NULL,"
            + " ticker_2 TEXT NOT NULL, type_2 TEXT NOT NULL, start_date TEXT NOT NULL,"
            + " end_date TEXT NOT NULL, method TEXT NOT NULL, weekends INTEGER NOT NULL,"
            + " correlation REAL NOT NULL, PRIMARY KEY (ticker_1, type_1, ticker_2, type_2,"
            + " start_date, end_date, method, weekends)) WITHOUT ROWID",
        "INSERT INTO prices VALUES ('SPY', 'equity', '2021-01-04', NULL, 368.79)",
        "INSERT INTO interest VALUES ('2021-01-04', 'ONE_YEAR', 0.001)",
        "INSERT INTO profile VALUES ('SPY', 'equity', '2021-01-04', '2021-06-30', 'moments', 0,"
            + " 0.25, 0.125)",
        "INSERT INTO correlations VALUES ('GLD', 'equity', 'SPY', 'equity', '2021-01-04',"
            + " '2021-06-30', 'moments', 0, 0.5)",
        "CREATE TABLE notes (text TEXT)",
        "INSERT INTO notes VALUES ('kept')",
        "PRAGMA user_version = 1");
  }

  @Test
  void open_versionOne_dropsItsRowsAndRecreatesTheTablesWithSource() throws Exception {
    Path file = dir.resolve("old.db");
    writeVersionOne(file);
    try (SqliteCache c = SqliteCache.open(file)) {
      assertTrue(c.prices().get(SRC, SPY, WINDOW).isEmpty());
      assertTrue(c.interest().get(SourceId.of("treasury"), WINDOW).isEmpty());
      ProfileKey key = new ProfileKey(SRC, SPY, WINDOW, EstimationMethod.MOMENTS, false);
      assertEquals(Optional.empty(), c.profiles().get(key));
    }
    assertEquals(
        List.of(String.valueOf(SqliteCache.SCHEMA_VERSION)), Sql.rows(file, "PRAGMA user_version"));
    for (String table : List.of("prices", "interest", "profile", "correlations")) {
      assertEquals(List.of("0"), Sql.rows(file, "SELECT count(*) FROM " + table), table);
      assertEquals(
          List.of("1"),
          Sql.rows(file, "SELECT pk FROM pragma_table_info('" + table + "') WHERE name = 'source'"),
          table + ": source leads the primary key");
    }
    assertEquals(List.of("kept"), Sql.rows(file, "SELECT text FROM notes"), "not our table");
  }

  @Test
  void open_migratedFileAgain_keepsWhatWasStoredSince() throws Exception {
    Path file = dir.resolve("old.db");
    writeVersionOne(file);
    PriceHistory h =
        PriceHistory.ofCloses(
            SPY, new int[] {(int) WINDOW.start().toEpochDay()}, new double[] {370.0});
    ProfileKey key = new ProfileKey(SRC, SPY, WINDOW, EstimationMethod.MOMENTS, false);
    try (SqliteCache c = SqliteCache.open(file)) {
      c.prices().put(SRC, h);
      c.profiles().put(key, new RiskProfile(0.5, 0.25));
    }
    try (SqliteCache c = SqliteCache.open(file)) {
      assertEquals(h, c.prices().get(SRC, SPY, WINDOW));
      assertEquals(Optional.of(new RiskProfile(0.5, 0.25)), c.profiles().get(key));
    }
  }
}
