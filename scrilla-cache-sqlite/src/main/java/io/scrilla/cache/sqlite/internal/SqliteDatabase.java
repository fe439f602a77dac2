package io.scrilla.cache.sqlite.internal;

import io.scrilla.api.error.CacheException;
import io.scrilla.api.retry.Retrier;
import io.scrilla.api.retry.Retrier.Outcome;
import io.scrilla.api.retry.Retrier.Reason;
import io.scrilla.api.retry.RetryClock;
import io.scrilla.api.retry.RetryPolicy;
import io.scrilla.api.spi.CorrelationStore;
import io.scrilla.api.spi.InterestStore;
import io.scrilla.api.spi.PriceStore;
import io.scrilla.api.spi.ProfileStore;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.concurrent.ConcurrentLinkedDeque;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.locks.ReentrantLock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.sqlite.SQLiteConfig;
import org.sqlite.SQLiteErrorCode;
import org.sqlite.SQLiteException;

/**
 * An open SQLite cache file: a small pool of connections, the schema, and the transaction rules.
 * Thread-safe.
 *
 * <p>Concurrency: the file is in WAL mode, so readers never block the writer nor each other. Each
 * connection has a busy timeout of {@link #BUSY_TIMEOUT_MILLIS} and starts its transactions with
 * {@code BEGIN IMMEDIATE}, which takes the write lock before the first read: a transaction waits
 * for the lock at its start (where the busy timeout applies) instead of failing with {@code
 * SQLITE_BUSY} when it upgrades from reading to writing. Between transactions a connection is in
 * auto-commit mode, because the driver begins the next transaction as soon as one commits while in
 * manual-commit mode, and an idle connection would hold the write lock. Within this process, writes
 * are serialized by a lock so threads queue without polling the busy handler; other processes are
 * held off by SQLite's own file locks.
 *
 * <p>Every write is one transaction: on any failure it is rolled back and its connection discarded,
 * so no partial write becomes visible.
 */
public final class SqliteDatabase implements AutoCloseable {
  /** How long a connection waits for another process's lock before failing, in milliseconds. */
  public static final int BUSY_TIMEOUT_MILLIS = 30_000;

  /** The schema version this code reads and writes ({@code PRAGMA user_version}). */
  public static final int SCHEMA_VERSION = Schema.VERSION;

  /** The application id of a cache file ({@code PRAGMA application_id}): {@code SCRL} in ASCII. */
  public static final int APPLICATION_ID = Schema.APPLICATION_ID;

  private static final Logger LOG = LoggerFactory.getLogger(SqliteDatabase.class);
  private static final int MAX_IDLE = 8;

  /** Retries of a busy file while it is opened: 5 ms doubling to 200 ms, for the busy timeout. */
  private static final RetryPolicy OPEN_RETRY =
      new RetryPolicy(
          RetryPolicy.UNLIMITED_ATTEMPTS,
          Duration.ofMillis(5),
          Duration.ofMillis(200),
          0,
          Duration.ofMillis(BUSY_TIMEOUT_MILLIS));

  /**
   * The schema version, the application id and the name of every table and view (indexes and
   * triggers need a table), one row per name or one row without a name.
   */
  private static final String CHECK_FILE =
      "SELECT v.user_version, a.application_id, m.name"
          + " FROM pragma_user_version AS v CROSS JOIN pragma_application_id AS a"
          + " LEFT JOIN (SELECT name FROM sqlite_master WHERE type IN ('table', 'view')) AS m"
          + " ORDER BY m.name";

  private final Path file;
  private final RetryClock clock;
  private final String url;
  private final SQLiteConfig config;
  private final ConcurrentLinkedDeque<Session> idle = new ConcurrentLinkedDeque<>();
  private final AtomicInteger idleCount = new AtomicInteger();
  private final AtomicBoolean closed = new AtomicBoolean();
  private final ReentrantLock writeLock = new ReentrantLock();
  private final PriceTable prices;
  private final InterestTable interest;
  private final ProfileTable profiles;
  private final CorrelationTable correlations;

  private SqliteDatabase(Path file, RetryClock clock) {
    this.file = file;
    this.clock = clock;
    this.url = "jdbc:sqlite:" + file;
    this.config = new SQLiteConfig();
    config.setBusyTimeout(BUSY_TIMEOUT_MILLIS);
    config.setTransactionMode(SQLiteConfig.TransactionMode.IMMEDIATE);
    // in WAL mode NORMAL never corrupts the file; a power cut may lose the last commits, which a
    // cache refetches
    config.setSynchronous(SQLiteConfig.SynchronousMode.NORMAL);
    this.prices = new PriceTable(this);
    this.interest = new InterestTable(this);
    this.profiles = new ProfileTable(this);
    this.correlations = new CorrelationTable(this);
  }

  /**
   * Opens the cache file, creating it, its parent folders and its tables on first use, and
   * migrating an older schema.
   *
   * @param file the SQLite file
   * @return the open database; the caller closes it
   * @throws CacheException when the folder cannot be created, the file is not a SQLite database,
   *     holds tables this library did not create, or has a newer schema version than this code
   */
  public static SqliteDatabase open(Path file) {
    Path abs = Objects.requireNonNull(file, "file").toAbsolutePath().normalize();
    Path parent = abs.getParent();
    if (parent != null && !Files.isDirectory(parent)) {
      try {
        Files.createDirectories(parent);
        LOG.debug("created folder {} for the SQLite cache", parent);
      } catch (IOException e) {
        throw new CacheException(
            "SQLite cache '"
                + abs
                + "': cannot create its folder '"
                + parent
                + "': "
                + e
                + ". Create it, or set SQLITE_FILE to a file in a writable folder",
            e);
      }
    }
    SqliteDatabase db = new SqliteDatabase(abs, RetryClock.system());
    try {
      Session first = db.newSession("open");
      boolean ok = false;
      try {
        db.prepareFileRetryingBusy(first);
        ok = true;
      } catch (SQLException e) {
        throw db.failure("open the file and check its schema", e);
      } finally {
        if (ok) {
          db.release(first);
        } else {
          first.close();
        }
      }
    } catch (RuntimeException e) {
      db.close();
      throw e;
    }
    return db;
  }

  /** Returns the absolute path of the cache file. */
  public Path file() {
    return file;
  }

  /** Returns the store of prices. */
  public PriceStore prices() {
    return prices;
  }

  /** Returns the store of interest rates. */
  public InterestStore interest() {
    return interest;
  }

  /** Returns the store of risk profiles. */
  public ProfileStore profiles() {
    return profiles;
  }

  /** Returns the store of correlations. */
  public CorrelationStore correlations() {
    return correlations;
  }

  /**
   * Deletes every row of the four tables in one transaction; the schema stays.
   *
   * @throws CacheException when the write fails
   */
  public void clear() {
    write(
        "clear all tables",
        s -> {
          try (Statement st = s.connection().createStatement()) {
            for (String t : Schema.TABLES) {
              st.executeUpdate("DELETE FROM " + t);
            }
          }
          return null;
        });
  }

  /** Closes every connection; the database cannot be used afterwards. Idempotent. */
  @Override
  public void close() {
    if (closed.compareAndSet(false, true)) {
      drainIdle();
      LOG.debug("closed SQLite cache {}", file);
    }
  }

  /** Runs a read on a pooled connection in auto-commit mode (each statement sees one snapshot). */
  <T> T read(String operation, SqlWork<T> work) {
    Session s = acquire(operation);
    boolean ok = false;
    try {
      T result = work.run(s);
      ok = true;
      return result;
    } catch (SQLException e) {
      throw failure(operation, e);
    } finally {
      if (ok) {
        release(s);
      } else {
        s.close();
      }
    }
  }

  /**
   * Runs a write as one {@code BEGIN IMMEDIATE} transaction and returns the connection to
   * auto-commit mode; on any failure the transaction rolls back and the connection is discarded.
   */
  <T> T write(String operation, SqlWork<T> work) {
    writeLock.lock();
    try {
      Session s = acquire(operation);
      Connection c = s.connection();
      boolean ok = false;
      try {
        c.setAutoCommit(false); // BEGIN IMMEDIATE: waits here, up to the busy timeout
        T result = work.run(s);
        c.setAutoCommit(true); // COMMIT, and no new transaction while idle
        ok = true;
        return result;
      } catch (SQLException e) {
        throw failure(operation + " (rolled back: nothing of this write was stored)", e);
      } finally {
        if (ok) {
          release(s);
        } else {
          rollbackQuietly(c);
          s.close();
        }
      }
    } finally {
      writeLock.unlock();
    }
  }

  /** Builds the exception for a failed operation, naming the file and the operation. */
  CacheException failure(String operation, SQLException e) {
    String hint;
    if (isBusy(e)) {
      hint =
          ". Another process held the lock on the file for longer than the busy timeout of "
              + BUSY_TIMEOUT_MILLIS / 1000
              + " s: retry, or give each long-running process its own "
              + "SQLITE_FILE";
    } else if (e instanceof SQLiteException
        && ((SQLiteException) e).getResultCode() == SQLiteErrorCode.SQLITE_NOTADB) {
      hint = ". The file is not a SQLite database: set SQLITE_FILE to another file";
    } else {
      hint = "";
    }
    return new CacheException(
        "SQLite cache '" + file + "': " + operation + " failed: " + e.getMessage() + hint, e);
  }

  /** Builds the exception for a problem found in the stored data. */
  CacheException corrupt(String table, String what) {
    return new CacheException(
        "SQLite cache '"
            + file
            + "': table "
            + table
            + " holds "
            + what
            + ", which this library never writes. Clear the cache or delete the file");
  }

  private static boolean isBusy(SQLException e) {
    for (Throwable t = e; t != null; t = t.getCause()) {
      if (t instanceof SQLiteException) {
        SQLiteErrorCode code = ((SQLiteException) t).getResultCode();
        if (code != null && (code.code & 0xff) == SQLiteErrorCode.SQLITE_BUSY.code) {
          return true;
        }
      }
    }
    return e.getMessage() != null && e.getMessage().contains("SQLITE_BUSY");
  }

  private static void rollbackQuietly(Connection c) {
    try {
      if (!c.getAutoCommit()) {
        try (Statement st = c.createStatement()) {
          st.execute("ROLLBACK");
        }
      }
    } catch (SQLException e) {
      // no transaction was open, or the connection is gone: closing it rolls back anyway
    }
  }

  private Session acquire(String operation) {
    if (closed.get()) {
      throw closedError(operation);
    }
    Session s = idle.pollFirst();
    if (s != null) {
      idleCount.decrementAndGet();
      return s;
    }
    return newSession(operation);
  }

  private void release(Session s) {
    if (closed.get()) {
      s.close();
      return;
    }
    if (idleCount.incrementAndGet() > MAX_IDLE) {
      idleCount.decrementAndGet();
      s.close();
      return;
    }
    idle.addFirst(s);
    if (closed.get()) {
      drainIdle(); // close() ran while this session was being returned
    }
  }

  private void drainIdle() {
    for (Session s; (s = idle.pollFirst()) != null; ) {
      idleCount.decrementAndGet();
      s.close();
    }
  }

  private CacheException closedError(String operation) {
    return new CacheException(
        "SQLite cache '" + file + "' is closed: cannot " + operation + ". Open a new cache");
  }

  private Session newSession(String operation) {
    try {
      return new Session(config.createConnection(url));
    } catch (SQLException e) {
      throw failure("open a connection to " + operation, e);
    }
  }

  /**
   * Runs {@link #prepareFile} and retries it while the file is busy. Switching a new file to WAL
   * mode while another connection initializes it can answer {@code SQLITE_BUSY} at once, without
   * calling the busy handler (seen when two processes open a new file at the same moment), so this
   * waits with a growing pause (5 ms doubling to 200 ms), up to the busy timeout in all.
   */
  private void prepareFileRetryingBusy(Session s) throws SQLException {
    Retrier.of(OPEN_RETRY, clock, () -> 0)
        .call(
            attempt -> {
              try {
                return Outcome.success(prepareFile(s));
              } catch (SQLException e) {
                if (isBusy(e)) {
                  return Outcome.retry(e);
                }
                throw e;
              }
            },
            (last, stop) ->
                stop.reason() == Reason.INTERRUPTED
                    ? new SQLException("interrupted while waiting for the file lock", last)
                    : last);
  }

  /**
   * Checks that the file is a cache this code can use, then switches it to WAL mode and brings its
   * schema to {@link Schema#VERSION}. Nothing is written before the checks pass: a file the cache
   * refuses is left exactly as it was.
   *
   * @return the schema version the file had
   */
  private int prepareFile(Session s) throws SQLException {
    Connection c = s.connection();
    int version;
    try (Statement st = c.createStatement()) {
      version = checkFile(st); // reads only
      String mode = queryText(st, "PRAGMA journal_mode");
      if (!"wal".equalsIgnoreCase(mode)) {
        mode = queryText(st, "PRAGMA journal_mode = WAL");
        if (!"wal".equalsIgnoreCase(mode)) {
          LOG.warn(
              "SQLite cache {}: WAL mode is not available (journal mode {}); readers and "
                  + "writers in other processes will block each other",
              file,
              mode);
        }
      }
      if (version == Schema.VERSION) {
        LOG.debug("opened SQLite cache {} (schema version {})", file, version);
        return version;
      }
    }
    // migrate under the write lock; another process may have done it meanwhile
    write(
        "create or migrate the schema",
        session -> {
          try (Statement st = session.connection().createStatement()) {
            int current = checkFile(st);
            for (int v = current; v < Schema.VERSION; v++) {
              for (String sql : Schema.MIGRATIONS.get(v)) {
                st.executeUpdate(sql);
              }
              String dropped = Schema.FORGETTING_STEPS.get(v);
              if (dropped != null && current > 0) { // a new file has no rows to lose
                LOG.warn(
                    "SQLite cache {}: migrated schema version {} to {}; the cached rows were "
                        + "dropped ({}) and will be fetched again when needed",
                    file,
                    v,
                    v + 1,
                    dropped);
              } else {
                LOG.debug("SQLite cache {}: migrated schema version {} to {}", file, v, v + 1);
              }
            }
            if (current < Schema.VERSION) {
              st.executeUpdate("PRAGMA user_version = " + Schema.VERSION);
            }
            if (current == 0) {
              st.executeUpdate("PRAGMA application_id = " + Schema.APPLICATION_ID);
            }
          }
          return null;
        });
    return version;
  }

  /**
   * Reads the header and the schema, and refuses a file this code must not touch: a newer schema
   * version, another application's id, or tables without a schema version. Writes nothing.
   *
   * @return the schema version of the file
   * @throws CacheException when the file is refused
   */
  private int checkFile(Statement st) throws SQLException {
    // one statement, so one snapshot: another process creating the schema at this moment is
    // seen either wholly (tables and version) or not at all
    int version = 0;
    int applicationId = 0;
    List<String> tables = new ArrayList<>();
    try (ResultSet rs = st.executeQuery(CHECK_FILE)) {
      while (rs.next()) {
        version = rs.getInt(1);
        applicationId = rs.getInt(2);
        String name = rs.getString(3);
        if (name != null) {
          tables.add(name);
        }
      }
    }
    checkVersion(version);
    if (applicationId != 0 && applicationId != Schema.APPLICATION_ID) {
      throw new CacheException(
          String.format(
              Locale.ROOT,
              "SQLite cache '%s' belongs to another application (application id 0x%08x, this"
                  + " library writes 0x%08x): it was left untouched. Set SQLITE_FILE to another"
                  + " file",
              file,
              applicationId,
              Schema.APPLICATION_ID));
    }
    if (version == 0 && !tables.isEmpty()) {
      throw new CacheException(
          "SQLite cache '"
              + file
              + "' already holds the tables "
              + tables
              + " but no scrilla "
              + "schema version (PRAGMA user_version is 0): it was not written by this "
              + "library and was left untouched. Set SQLITE_FILE to a new file");
    }
    return version;
  }

  private void checkVersion(int version) {
    if (version > Schema.VERSION || version < 0) {
      throw new CacheException(
          "SQLite cache '"
              + file
              + "' has schema version "
              + version
              + ", but this release of "
              + "scrilla-cache-sqlite knows versions up to "
              + Schema.VERSION
              + ". It was left "
              + "untouched: upgrade scrilla-cache-sqlite, or set SQLITE_FILE to another file");
    }
  }

  private static String queryText(Statement st, String sql) throws SQLException {
    try (ResultSet rs = st.executeQuery(sql)) {
      return rs.next() ? rs.getString(1) : "";
    }
  }

  @Override
  public String toString() {
    return "SqliteDatabase[" + file + "]";
  }
}
