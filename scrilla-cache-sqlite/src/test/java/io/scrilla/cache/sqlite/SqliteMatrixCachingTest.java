package io.scrilla.cache.sqlite;

import io.scrilla.api.spi.Cache;
import io.scrilla.core.testing.MatrixCachingContract;
import java.nio.file.Path;
import org.junit.jupiter.api.io.TempDir;

/** The 10-ticker matrix cached in one SQLite file, read back by a second facade. */
class SqliteMatrixCachingTest extends MatrixCachingContract {
  @TempDir Path dir;

  @Override
  protected Cache openBackend() {
    return SqliteCache.open(dir.resolve("matrix.db"));
  }
}
