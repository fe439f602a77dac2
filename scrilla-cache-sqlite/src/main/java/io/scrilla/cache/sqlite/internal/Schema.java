package io.scrilla.cache.sqlite.internal;

import java.util.Collections;
import java.util.List;
import java.util.Map;

/**
 * The tables of the cache file, their statements, and the migrations between schema versions.
 *
 * <p>The version is kept in {@code PRAGMA user_version}. {@link #MIGRATIONS} holds one step per
 * version: step {@code i} turns a file of version {@code i} into version {@code i + 1}, and step 0
 * creates the tables in an empty file. A later release appends steps and never edits old ones.
 *
 * <p>Every table is {@code WITHOUT ROWID} with its full identity as the primary key, led by the
 * {@code source} the data came from (a {@link io.scrilla.api.model.SourceId}): the rows are stored
 * in key order, so the key is the index that serves range reads and {@code ORDER BY date}, and
 * there is no second index to maintain on writes. Dates are ISO text {@code YYYY-MM-DD}, which
 * sorts as the date; doubles are {@code REAL} (IEEE 754 binary64, read back bit for bit).
 */
final class Schema {
  private Schema() {}

  /** Names of the tables this library owns. */
  static final List<String> TABLES = List.of("prices", "interest", "profile", "correlations");

  /** The migration steps; step {@code i} moves version {@code i} to {@code i + 1}. */
  static final List<List<String>> MIGRATIONS =
      List.of(
          // 0 -> 1: the four tables
          List.of(
              "CREATE TABLE prices ("
                  + " ticker TEXT NOT NULL,"
                  + " asset_type TEXT NOT NULL,"
                  + " date TEXT NOT NULL,"
                  + " open REAL,"
                  + " close REAL NOT NULL,"
                  + " PRIMARY KEY (ticker, asset_type, date)"
                  + ") WITHOUT ROWID",
              // the identity is (maturity, date); date first so the key serves reads by date range
              "CREATE TABLE interest ("
                  + " date TEXT NOT NULL,"
                  + " maturity TEXT NOT NULL,"
                  + " rate REAL NOT NULL,"
                  + " PRIMARY KEY (date, maturity)"
                  + ") WITHOUT ROWID",
              "CREATE TABLE profile ("
                  + " ticker TEXT NOT NULL,"
                  + " asset_type TEXT NOT NULL,"
                  + " start_date TEXT NOT NULL,"
                  + " end_date TEXT NOT NULL,"
                  + " method TEXT NOT NULL,"
                  + " weekends INTEGER NOT NULL,"
                  + " annual_return REAL NOT NULL,"
                  + " annual_volatility REAL NOT NULL,"
                  + " PRIMARY KEY (ticker, asset_type, start_date, end_date, method, weekends)"
                  + ") WITHOUT ROWID",
              "CREATE TABLE correlations ( ticker_1 TEXT NOT NULL, type_1 TEXT NOT NULL, ticker_2"
                  + " TEXT NOT NULL, type_2 TEXT NOT NULL, start_date TEXT NOT NULL, end_date TEXT"
                  + " NOT NULL, method TEXT NOT NULL, weekends INTEGER NOT NULL, correlation REAL"
                  + " NOT NULL, PRIMARY KEY (ticker_1, type_1, ticker_2, type_2, start_date,"
                  + " end_date, method, weekends)) WITHOUT ROWID"),
          // 1 -> 2: the source the data came from joins every key. Rows of version 1 do not say
          // which source they came from, so they are dropped (a cache may forget, never lie).
          List.of(
              "DROP TABLE IF EXISTS prices",
              "DROP TABLE IF EXISTS interest",
              "DROP TABLE IF EXISTS profile",
              "DROP TABLE IF EXISTS correlations",
              "CREATE TABLE prices ("
                  + " source TEXT NOT NULL,"
                  + " ticker TEXT NOT NULL,"
                  + " asset_type TEXT NOT NULL,"
                  + " date TEXT NOT NULL,"
                  + " open REAL,"
                  + " close REAL NOT NULL,"
                  + " PRIMARY KEY (source, ticker, asset_type, date)"
                  + ") WITHOUT ROWID",
              "CREATE TABLE interest ("
                  + " source TEXT NOT NULL,"
                  + " date TEXT NOT NULL,"
                  + " maturity TEXT NOT NULL,"
                  + " rate REAL NOT NULL,"
                  + " PRIMARY KEY (source, date, maturity)"
                  + ") WITHOUT ROWID",
              "CREATE TABLE profile ( source TEXT NOT NULL, ticker TEXT NOT NULL, asset_type TEXT"
                  + " NOT NULL, start_date TEXT NOT NULL, end_date TEXT NOT NULL, method TEXT NOT"
                  + " NULL, weekends INTEGER NOT NULL, annual_return REAL NOT NULL,"
                  + " annual_volatility REAL NOT NULL, PRIMARY KEY (source, ticker, asset_type,"
                  + " start_date, end_date, method, weekends)) WITHOUT ROWID",
              "CREATE TABLE correlations ( source TEXT NOT NULL, ticker_1 TEXT NOT NULL, type_1"
                  + " TEXT NOT NULL, ticker_2 TEXT NOT NULL, type_2 TEXT NOT NULL, start_date TEXT"
                  + " NOT NULL, end_date TEXT NOT NULL, method TEXT NOT NULL, weekends INTEGER NOT"
                  + " NULL, correlation REAL NOT NULL, PRIMARY KEY (source, ticker_1, type_1,"
                  + " ticker_2, type_2, start_date, end_date, method, weekends)) WITHOUT ROWID"));

  /**
   * The migration steps that drop the cached rows, by the version they start from, with the reason;
   * migrating a file with rows through such a step logs a warning once.
   */
  static final Map<Integer, String> FORGETTING_STEPS =
      Map.of(1, "version 1 does not record which source they came from");

  /** The schema version this code writes and reads. */
  static final int VERSION = MIGRATIONS.size();

  /**
   * The application id written into the header of every file this library creates: the ASCII bytes
   * {@code SCRL}. Files created before it was introduced have 0.
   */
  static final int APPLICATION_ID = 0x5343524C;

  // In every statement the source is the last parameter.

  static final String UPSERT_PRICE =
      "INSERT INTO prices (ticker, asset_type, date, open, close, source)"
          + " VALUES (?, ?, ?, ?, ?, ?)"
          + " ON CONFLICT (source, ticker, asset_type, date) DO UPDATE SET open = excluded.open,"
          + " close = excluded.close";

  static final String SELECT_PRICES =
      "SELECT date, open, close FROM prices"
          + " WHERE ticker = ? AND asset_type = ? AND date >= ? AND date <= ? AND source = ?"
          + " ORDER BY date";

  static final String UPSERT_RATE =
      "INSERT INTO interest (date, maturity, rate, source) VALUES (?, ?, ?, ?)"
          + " ON CONFLICT (source, date, maturity) DO UPDATE SET rate = excluded.rate";

  static final String SELECT_RATES =
      "SELECT date, maturity, rate FROM interest"
          + " WHERE date >= ? AND date <= ? AND source = ? ORDER BY date";

  static final String UPSERT_PROFILE =
      "INSERT INTO profile (ticker, asset_type, start_date, end_date, method, weekends,"
          + " annual_return, annual_volatility, source) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)"
          + " ON CONFLICT (source, ticker, asset_type, start_date, end_date, method, weekends)"
          + " DO UPDATE SET annual_return = excluded.annual_return,"
          + " annual_volatility = excluded.annual_volatility";

  static final String SELECT_PROFILE =
      "SELECT annual_return, annual_volatility FROM profile"
          + " WHERE ticker = ? AND asset_type = ? AND start_date = ? AND end_date = ?"
          + " AND method = ? AND weekends = ? AND source = ?";

  static final String UPSERT_CORRELATION =
      "INSERT INTO correlations (ticker_1, type_1, ticker_2, type_2, start_date, end_date, method,"
          + " weekends, correlation, source) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)"
          + " ON CONFLICT (source, ticker_1, type_1, ticker_2, type_2, start_date, end_date,"
          + " method, weekends) DO UPDATE SET correlation = excluded.correlation";

  static final String SELECT_CORRELATION =
      "SELECT correlation FROM correlations"
          + " WHERE ticker_1 = ? AND type_1 = ? AND ticker_2 = ? AND type_2 = ?"
          + " AND start_date = ? AND end_date = ? AND method = ? AND weekends = ? AND source = ?";

  /** First tickers per {@link #SELECT_CORRELATION_BLOCK} query. */
  static final int TICKER_BLOCK = 100;

  /**
   * Every correlation of one source, window, method and weekends flag whose first ticker is one of
   * {@link #TICKER_BLOCK} tickers (unused places repeat a ticker); the reader keeps the rows it
   * asked for.
   */
  static final String SELECT_CORRELATION_BLOCK =
      "SELECT ticker_1, type_1, ticker_2, type_2, correlation FROM correlations"
          + " WHERE ticker_1 IN ("
          + String.join(", ", Collections.nCopies(TICKER_BLOCK, "?"))
          + ") AND start_date = ? AND end_date = ? AND method = ? AND weekends = ?"
          + " AND source = ?";
}
