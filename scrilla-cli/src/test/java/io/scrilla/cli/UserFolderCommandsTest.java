package io.scrilla.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.scrilla.api.config.ConfigFile;
import io.scrilla.api.config.ScrillaConfig;
import io.scrilla.api.model.Asset;
import io.scrilla.api.model.DateRange;
import io.scrilla.api.model.SourceId;
import io.scrilla.cache.sqlite.SqliteCache;
import io.scrilla.commands.Json;
import io.scrilla.core.Scrilla;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFileAttributeView;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The commands of the user's configuration folder ({@code watch}, {@code watchlist}, {@code screen}
 * over the watchlist, {@code store}, {@code purge}), each in a folder of its own.
 */
class UserFolderCommandsTest {
  @TempDir Path dir;

  private ScrillaConfig config() {
    return ScrillaConfig.builder()
        .cacheMode("memory")
        .set(ScrillaConfig.SCRILLA_CONFIG_DIR, dir.toString())
        .build();
  }

  private static List<String> strings(JsonNode array) {
    List<String> out = new ArrayList<>();
    array.forEach(n -> out.add(n.asText()));
    return out;
  }

  @Test
  void watch_thenWatchlist_keepsASortedListOfDistinctTickers() throws Exception {
    var first = CliHarness.runConfigured(config(), "watch", "bx", "ALLY", "LINK:equity");
    assertEquals(0, first.code(), first.err());
    assertTrue(first.out().contains("added BX, ALLY, LINK:equity"), first.out());
    var again = CliHarness.runConfigured(config(), "w", "ALLY", "DIS");
    assertTrue(again.out().startsWith("added DIS to the watchlist"), again.out());
    var list = CliHarness.runConfigured(config(), "watchlist", "--json");
    assertEquals(0, list.code(), list.err());
    List<String> expected = List.of("ALLY", "BX", "DIS", "LINK:equity");
    assertEquals(expected, strings(Json.parse(list.out()).get("watchlist")));
    assertEquals(expected, strings(Json.parse(Files.readString(dir.resolve("watchlist.json")))));
    var table = CliHarness.runConfigured(config(), "w-ls");
    assertEquals(
        List.of("watchlist", "ALLY", "BX", "DIS", "LINK:equity"), table.out().lines().toList());
  }

  @Test
  void watchlist_empty_printsAnEmptyListAndSaysHowToAdd() {
    var run = CliHarness.runConfigured(config(), "watchlist", "--json");
    assertEquals(0, run.code());
    assertEquals(0, Json.parse(run.out()).get("watchlist").size());
    assertTrue(run.err().contains("watch T..."), run.err());
  }

  @Test
  void watch_malformedTickerOrFile_failsInOneLineAndWritesNothing() throws Exception {
    String e = MissingCommandsTest.failure(config(), "watch", "ALLY", "SPY:bond");
    assertTrue(e.contains("unknown asset type"), e);
    assertFalse(Files.exists(dir.resolve("watchlist.json")));
    Files.writeString(dir.resolve("watchlist.json"), "{\"not\": \"a list\"}");
    String bad = MissingCommandsTest.failure(config(), "watchlist");
    assertTrue(bad.contains("is not a JSON array of tickers"), bad);
  }

  @Test
  void screen_withoutTickers_screensTheWatchlistLikeNamingThem() {
    String empty = MissingCommandsTest.failure(config(), "screen");
    assertTrue(empty.contains("is empty") && empty.contains("scrilla watch"), empty);
    CliHarness.runConfigured(config(), "watch", "BX", "ALLY");
    var named =
        CliHarness.runConfigured(config(), "screen", "ALLY", "BX", "-discount", "0.03", "--json");
    var watched = CliHarness.runConfigured(config(), "scr", "-discount", "0.03", "--json");
    assertEquals(0, watched.code(), watched.err());
    assertEquals(Json.parse(named.out()), Json.parse(watched.out()));
    assertTrue(Json.parse(watched.out()).has("ALLY") && Json.parse(watched.out()).has("BX"));
  }

  @Test
  void store_secret_isOwnerOnlyNeverPrintedAndReadBelowTheEnvironment() throws Exception {
    String secret = "not-a-real-key-7f3a9c2e";
    if (Files.getFileAttributeView(dir, PosixFileAttributeView.class) == null) {
      // a file system without POSIX permissions: the secret is refused, never written
      var refused =
          CliHarness.runConfigured(
              config(), "store", "--key", "ALPHA_VANTAGE_KEY", "--value", secret);
      assertNotEquals(0, refused.code());
      assertTrue(refused.err().contains("no POSIX permissions"), refused.err());
      assertFalse(Files.exists(dir.resolve(ConfigFile.FILE_NAME)));
      return;
    }
    var run =
        CliHarness.runConfigured(
            config(), "store", "--key", "ALPHA_VANTAGE_KEY", "--value", secret);
    assertEquals(0, run.code(), run.err());
    assertFalse((run.out() + run.err()).contains(secret));
    Path file = dir.resolve(ConfigFile.FILE_NAME);
    assertTrue(run.out().contains(file.toString()), run.out());
    assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(file)));
    var second = CliHarness.runConfigured(config(), "st", "-k", "FRONTIER_STEPS", "-v", "7");
    assertEquals(0, second.code(), second.err());
    assertEquals(Map.of("ALPHA_VANTAGE_KEY", secret, "FRONTIER_STEPS", "7"), ConfigFile.read(file));
    assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(file)));
  }

  @Test
  void store_badNameOrValue_failsInOneLineWithoutAFile() {
    String name = MissingCommandsTest.failure(config(), "store", "-key", "lower", "-value", "x");
    assertTrue(name.contains("upper-case letters"), name);
    String value =
        MissingCommandsTest.failure(config(), "store", "--key", "FRONTIER_STEPS", "--value", "x");
    assertTrue(value.contains("FRONTIER_STEPS"), value);
    String missing = MissingCommandsTest.failure(config(), "store", "--key", "FRONTIER_STEPS");
    assertTrue(missing.contains("--value"), missing);
    assertFalse(Files.exists(dir.resolve(ConfigFile.FILE_NAME)));
  }

  @Test
  void purge_emptiesTheCacheAndRemovesWatchlistAndConfigFile() throws Exception {
    ScrillaConfig sqlite =
        ScrillaConfig.builder().set(ScrillaConfig.SCRILLA_CONFIG_DIR, dir.toString()).build();
    assertEquals(0, CliHarness.runConfigured(sqlite, "watch", "ALLY").code());
    assertEquals(0, CliHarness.runConfigured(sqlite, "store", "-k", "MA_1", "-v", "5").code());
    assertEquals(0, CliHarness.runConfigured(sqlite, "close", "SPY").code());
    Path cacheFile = dir.resolve("cache.db");
    assertEquals(cacheFile, SqliteCache.configuredFile(sqlite), "the cache lives in the folder");
    DateRange week = DateRange.parse("2021-11-15", "2021-11-19");
    SourceId source;
    try (Scrilla s = Scrilla.create(sqlite)) {
      source = s.marketData().priceSourceId();
    }
    try (SqliteCache cache = SqliteCache.open(cacheFile)) {
      assertFalse(cache.prices().get(source, Asset.equity("SPY"), week).isEmpty());
    }
    var run = CliHarness.runConfigured(sqlite, "purge");
    assertEquals(0, run.code(), run.err());
    assertEquals(
        List.of(
            "emptied the cache (sqlite, " + cacheFile + ")",
            "removed the watchlist " + dir.resolve("watchlist.json"),
            "removed the configuration file (stored keys) " + dir.resolve(ConfigFile.FILE_NAME)),
        run.out().lines().toList());
    assertFalse(Files.exists(dir.resolve("watchlist.json")));
    assertFalse(Files.exists(dir.resolve(ConfigFile.FILE_NAME)));
    try (SqliteCache cache = SqliteCache.open(cacheFile)) {
      assertTrue(cache.prices().get(source, Asset.equity("SPY"), week).isEmpty());
    }
    var again = CliHarness.runConfigured(config(), "pu");
    assertEquals(0, again.code(), again.err());
    assertTrue(again.out().contains("no watchlist to remove"), again.out());
    assertTrue(again.out().contains("no configuration file (stored keys) to remove"), again.out());
  }

  @Test
  void help_listsEveryNewCommand() {
    var run = CliHarness.runConfigured(config(), "help");
    assertEquals(0, run.code(), run.err());
    for (String c :
        List.of(
            "interest, int",
            "asset, a",
            "close, cl",
            "correlations, cors",
            "screen, scr",
            "watch, w",
            "watchlist, w-ls",
            "store, st",
            "purge, pu",
            "clear-cache, cc")) {
      assertTrue(run.out().contains(c), c + " in\n" + run.out());
    }
  }
}
