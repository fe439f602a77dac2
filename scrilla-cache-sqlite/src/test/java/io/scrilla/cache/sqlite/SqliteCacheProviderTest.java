package io.scrilla.cache.sqlite;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.scrilla.api.config.ScrillaConfig;
import io.scrilla.api.error.ConfigurationException;
import io.scrilla.api.model.Asset;
import io.scrilla.api.model.DateRange;
import io.scrilla.api.model.PriceHistory;
import io.scrilla.api.model.SourceId;
import io.scrilla.api.spi.Cache;
import io.scrilla.api.spi.CacheProvider;
import io.scrilla.api.spi.Providers;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Discovery of the {@code sqlite} backend and how it picks its file. */
class SqliteCacheProviderTest {
  private static final SourceId SRC = SourceId.of("test");

  @TempDir Path dir;

  @Test
  void find_nameSqlite_returnsThisProvider() {
    CacheProvider p = Providers.find(CacheProvider.class, "CACHE_MODE", "sqlite");
    assertInstanceOf(SqliteCacheProvider.class, p);
    assertEquals("sqlite", p.name());
  }

  @Test
  void find_defaultCacheMode_isSqlite() {
    String mode = ScrillaConfig.defaults().cacheMode();
    assertInstanceOf(
        SqliteCacheProvider.class,
        Providers.find(CacheProvider.class, ScrillaConfig.CACHE_MODE, mode));
  }

  @Test
  void find_unknownName_failsListingSqlite() {
    ConfigurationException e =
        assertThrows(
            ConfigurationException.class,
            () -> Providers.find(CacheProvider.class, "CACHE_MODE", "postgres"));
    assertTrue(e.getMessage().contains("sqlite ("), e.getMessage());
    assertTrue(e.getMessage().contains("'postgres'"), e.getMessage());
  }

  @Test
  void open_sqliteFileInMissingFolders_createsFoldersAndFile() {
    Path file = dir.resolve("a").resolve("b").resolve("c").resolve("scrilla.db");
    assertFalse(Files.exists(file.getParent()));
    ScrillaConfig config = ScrillaConfig.builder().cacheMode("sqlite").sqliteFile(file).build();
    CacheProvider p = Providers.find(CacheProvider.class, "CACHE_MODE", config.cacheMode());
    Asset spy = Asset.equity("SPY");
    PriceHistory h = PriceHistory.ofCloses(spy, new int[] {18800, 18801}, new double[] {1.25, 2.5});
    try (Cache cache = p.open(config)) {
      cache.prices().put(SRC, h);
      assertEquals(file.toAbsolutePath(), ((SqliteCache) cache).file());
    }
    assertTrue(Files.isRegularFile(file));
    try (Cache again = SqliteCache.open(file)) {
      assertEquals(
          h,
          again
              .prices()
              .get(
                  SRC,
                  spy,
                  DateRange.of(LocalDate.ofEpochDay(18800), LocalDate.ofEpochDay(18801))));
    }
  }

  @Test
  void open_sqliteFileFromEnvironmentStyleMap_usesThatFile() {
    Path file = dir.resolve("env.db");
    ScrillaConfig config = ScrillaConfig.from(Map.of("SQLITE_FILE", file.toString()));
    try (Cache cache = new SqliteCacheProvider().open(config)) {
      assertEquals(file.toAbsolutePath(), ((SqliteCache) cache).file());
    }
    assertTrue(Files.isRegularFile(file));
  }
}
