package io.scrilla.cache.sqlite;

import io.scrilla.api.spi.Cache;
import io.scrilla.api.spi.CacheContractTest;
import java.nio.file.Path;
import org.junit.jupiter.api.io.TempDir;

/** The SQLite cache held to the contract every backend must meet. */
class SqliteCacheTest extends CacheContractTest {
  @TempDir Path dir;

  @Override
  protected Cache openCache() {
    return SqliteCache.open(dir.resolve("cache.db"));
  }
}
