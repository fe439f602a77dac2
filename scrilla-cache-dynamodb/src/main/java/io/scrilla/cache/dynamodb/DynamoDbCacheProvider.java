package io.scrilla.cache.dynamodb;

import io.scrilla.api.config.ScrillaConfig;
import io.scrilla.api.spi.Cache;
import io.scrilla.api.spi.CacheProvider;

/**
 * The {@code dynamodb} cache backend, registered for {@link java.util.ServiceLoader}: chosen with
 * {@code CACHE_MODE=dynamodb}.
 */
public final class DynamoDbCacheProvider implements CacheProvider {
  /** The name users select this backend with. */
  public static final String NAME = "dynamodb";

  /** Creates the provider (called by {@link java.util.ServiceLoader}). */
  public DynamoDbCacheProvider() {}

  /** Returns {@code dynamodb}. */
  @Override
  public String name() {
    return NAME;
  }

  /**
   * Opens the DynamoDB cache described by the configuration; see {@link
   * DynamoDbCache#open(ScrillaConfig)}.
   */
  @Override
  public Cache open(ScrillaConfig config) {
    return DynamoDbCache.open(config);
  }
}
