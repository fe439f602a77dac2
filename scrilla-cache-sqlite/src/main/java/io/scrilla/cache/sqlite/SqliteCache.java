package io.scrilla.cache.sqlite;

import io.scrilla.api.config.ScrillaConfig;
import io.scrilla.api.spi.Cache;
import io.scrilla.api.spi.CorrelationStore;
import io.scrilla.api.spi.InterestStore;
import io.scrilla.api.spi.PriceStore;
import io.scrilla.api.spi.ProfileStore;
import io.scrilla.cache.sqlite.internal.SqliteDatabase;
import java.nio.file.Path;
import java.util.Objects;

/**
 * The cache kept in one SQLite file; thread-safe, and safe to share with other processes that open
 * the same file.
 *
 * <p>The file holds four tables ({@code prices}, {@code interest}, {@code profile}, {@code
 * correlations}), each keyed by the full identity of what it stores, including the source it came
 * from. Every write is one transaction: it is stored whole or not at all. The file is in WAL mode,
 * so reads never wait for a writer; writers in other processes wait up to {@link
 * #BUSY_TIMEOUT_MILLIS} for each other.
 *
 * <pre>{@code
 * try (SqliteCache cache = SqliteCache.open(Path.of("cache.db"))) {
 *   cache.prices().put(source.sourceId(), history);
 *   PriceHistory back = cache.prices().get(source.sourceId(), Asset.equity("SPY"), range);
 * }
 * }</pre>
 */
public final class SqliteCache implements Cache {
  /** The schema version this release reads and writes, kept in {@code PRAGMA user_version}. */
  public static final int SCHEMA_VERSION = SqliteDatabase.SCHEMA_VERSION;

  /**
   * The application id of a cache file ({@code PRAGMA application_id}, the ASCII bytes {@code
   * SCRL}), set when the file is created. A file with another non-zero id belongs to another
   * application and is refused.
   */
  public static final int APPLICATION_ID = SqliteDatabase.APPLICATION_ID;

  /** How long a write waits for a lock held by another process, in milliseconds. */
  public static final int BUSY_TIMEOUT_MILLIS = SqliteDatabase.BUSY_TIMEOUT_MILLIS;

  private final SqliteDatabase db;

  private SqliteCache(SqliteDatabase db) {
    this.db = db;
  }

  /**
   * Opens the cache in {@code file}, creating the file, its parent folders and its tables on first
   * use.
   *
   * @param file the SQLite file, e.g. {@code ~/.scrilla/cache.db}
   * @return the open cache; the caller closes it
   * @throws io.scrilla.api.error.CacheException when the folder cannot be created, the file is not
   *     a SQLite database, holds tables this library did not create, or has a schema version newer
   *     than {@link #SCHEMA_VERSION}
   */
  public static SqliteCache open(Path file) {
    return new SqliteCache(SqliteDatabase.open(file));
  }

  /**
   * Opens the cache in the file named by {@code SQLITE_FILE} ({@link #configuredFile}, default
   * {@code ~/.scrilla/cache.db}).
   *
   * @param config the configuration
   * @return the open cache; the caller closes it
   * @throws io.scrilla.api.error.CacheException as {@link #open(Path)}
   * @throws io.scrilla.api.error.ConfigurationException when {@code SQLITE_FILE} is not a path
   */
  public static SqliteCache open(ScrillaConfig config) {
    return open(configuredFile(config));
  }

  /**
   * Returns the cache file the configuration names: {@code SQLITE_FILE}, or {@code cache.db} in the
   * user's configuration folder ({@link ScrillaConfig#configDir()}, default {@code ~/.scrilla})
   * when it is not set.
   *
   * @param config the configuration
   * @return the file
   * @throws io.scrilla.api.error.ConfigurationException when {@code SQLITE_FILE} is not a path
   */
  public static Path configuredFile(ScrillaConfig config) {
    return Objects.requireNonNull(config, "config")
        .getPath(ScrillaConfig.SQLITE_FILE)
        .orElseGet(() -> config.configDir().resolve("cache.db"));
  }

  /** Returns the absolute path of the cache file. */
  public Path file() {
    return db.file();
  }

  @Override
  public PriceStore prices() {
    return db.prices();
  }

  @Override
  public InterestStore interest() {
    return db.interest();
  }

  @Override
  public ProfileStore profiles() {
    return db.profiles();
  }

  @Override
  public CorrelationStore correlations() {
    return db.correlations();
  }

  /** Deletes every row of the four tables in one transaction; the file and its schema remain. */
  @Override
  public void clear() {
    db.clear();
  }

  /** Closes every connection to the file; idempotent. */
  @Override
  public void close() {
    db.close();
  }

  @Override
  public String toString() {
    return "SqliteCache[" + db.file() + "]";
  }
}
