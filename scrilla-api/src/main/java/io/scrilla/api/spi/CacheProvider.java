package io.scrilla.api.spi;

import io.scrilla.api.config.ScrillaConfig;

/**
 * Opens a cache backend; registered in {@code META-INF/services/io.scrilla.api.spi.CacheProvider}
 * and chosen by {@code CACHE_MODE}.
 */
public interface CacheProvider extends NamedProvider {
  /**
   * Opens the backend described by the configuration (for example the SQLite file or the DynamoDB
   * tables), creating its schema on first use.
   *
   * @param config the configuration
   * @return an open cache; the caller closes it
   * @throws io.scrilla.api.error.ConfigurationException for invalid backend settings
   * @throws io.scrilla.api.error.CacheException when the backend cannot be reached
   */
  Cache open(ScrillaConfig config);
}
