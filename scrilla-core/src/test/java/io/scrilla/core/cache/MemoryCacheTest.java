package io.scrilla.core.cache;

import io.scrilla.api.spi.Cache;
import io.scrilla.api.spi.CacheContractTest;

/** The cache contract on the in-memory backend. */
class MemoryCacheTest extends CacheContractTest {
  @Override
  protected Cache openCache() {
    return MemoryCacheProvider.create();
  }
}
