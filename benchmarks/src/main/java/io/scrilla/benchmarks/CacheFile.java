package io.scrilla.benchmarks;

import io.scrilla.cache.sqlite.SqliteCache;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;

/**
 * A {@link SqliteCache} on a new file in a temporary directory, for the set-up of the SQLite
 * benchmarks; {@link #close()} closes the cache and deletes the directory.
 */
final class CacheFile implements AutoCloseable {
  private final Path dir;
  private final SqliteCache cache;

  private CacheFile(Path dir, SqliteCache cache) {
    this.dir = dir;
    this.cache = cache;
  }

  /** Opens a cache on a new, empty file. */
  static CacheFile open() throws IOException {
    Path dir = Files.createTempDirectory("scrilla-bench");
    return new CacheFile(dir, SqliteCache.open(dir.resolve("cache.db")));
  }

  /** Returns the cache. */
  SqliteCache cache() {
    return cache;
  }

  /** Closes the cache and deletes its directory. */
  @Override
  public void close() {
    cache.close();
    try (var paths = Files.walk(dir)) {
      paths
          .sorted(Comparator.reverseOrder())
          .forEach(
              p -> {
                try {
                  Files.deleteIfExists(p);
                } catch (IOException e) {
                  throw new UncheckedIOException(e);
                }
              });
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
