package io.scrilla.cache.sqlite;

import io.scrilla.api.config.ScrillaConfig;
import io.scrilla.api.spi.Cache;
import io.scrilla.api.spi.CacheProvider;

/**
 * The {@code sqlite} cache backend, the default {@code CACHE_MODE}; registered in {@code
 * META-INF/services/io.scrilla.api.spi.CacheProvider}.
 *
 * <p>The file is {@code SQLITE_FILE} (default {@code cache.db} in the configuration folder, {@code
 * SCRILLA_CONFIG_DIR} or {@code ~/.scrilla}).
 *
 * <pre>{@code
 * CacheProvider p = Providers.find(CacheProvider.class, "CACHE_MODE", "sqlite");
 * try (Cache cache = p.open(ScrillaConfig.load())) { ... }
 * }</pre>
 */
public final class SqliteCacheProvider implements CacheProvider {
  /** The name that selects this backend: {@value}. */
  public static final String NAME = "sqlite";

  /** Creates the provider; {@link java.util.ServiceLoader} calls this. */
  public SqliteCacheProvider() {}

  @Override
  public String name() {
    return NAME;
  }

  /**
   * Opens the cache in {@link SqliteCache#configuredFile(ScrillaConfig)}.
   *
   * @throws io.scrilla.api.error.CacheException as {@link SqliteCache#open(java.nio.file.Path)}
   */
  @Override
  public Cache open(ScrillaConfig config) {
    return SqliteCache.open(config);
  }
}
