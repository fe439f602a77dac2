package io.scrilla.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import io.scrilla.api.config.ScrillaConfig;
import io.scrilla.services.csv.CsvDataSource;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.IntToDoubleFunction;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * One SQLite file shared by runs over different CSV folders: each run returns the numbers of its
 * own folder, never those another folder left in the cache, and an edited file gives new numbers.
 */
class SourceNamespacesTest {
  private static final String[] PROFILE = {
    "risk-profile",
    "SPY",
    "GLD",
    "--start",
    "2021-03-01",
    "--end",
    "2021-06-30",
    "--risk-free-rate",
    "0.01",
    "--json"
  };
  private static final String[] CORRELATION = {
    "correlation", "SPY", "GLD", "--start", "2021-03-01", "--end", "2021-06-30", "--json"
  };

  @TempDir Path dir;

  /**
   * Writes {@code <ticker>.csv} with the bundled sample's 2021 dates and its closes times {@code
   * factor(row)}.
   */
  private static void writePrices(Path folder, String ticker, IntToDoubleFunction factor)
      throws Exception {
    String text;
    try (InputStream in =
        CsvDataSource.class.getResourceAsStream(
            CsvDataSource.SAMPLE_RESOURCE_FOLDER + ticker + ".csv")) {
      text = new String(in.readAllBytes(), StandardCharsets.UTF_8);
    }
    List<String> out = new ArrayList<>();
    out.add("date,close");
    int row = 0;
    for (String line : text.split("\n")) {
      String[] f = line.split(",");
      if (f[0].startsWith("2021-")) {
        double close = Double.parseDouble(f[4]) * factor.applyAsDouble(row++);
        out.add(f[0] + "," + String.format(Locale.ROOT, "%.4f", close));
      }
    }
    Files.createDirectories(folder);
    Files.write(folder.resolve(ticker + ".csv"), out, StandardCharsets.UTF_8);
  }

  private static ScrillaConfig config(Path folder, String cacheMode, Path sqlite) {
    return ScrillaConfig.builder()
        .set("PRICE_MANAGER", "csv")
        .set("STAT_MANAGER", "csv")
        .cacheMode(cacheMode)
        .sqliteFile(sqlite)
        .dataDir(folder)
        .build();
  }

  /** Runs over the shared cache file and checks the output equals a run with a fresh cache. */
  private String runShared(Path folder, Path sqlite, String... args) {
    CliHarness.Run fresh = CliHarness.runConfigured(config(folder, "memory", sqlite), args);
    assertEquals(0, fresh.code(), fresh.err());
    CliHarness.Run shared = CliHarness.runConfigured(config(folder, "sqlite", sqlite), args);
    assertEquals(0, shared.code(), shared.err());
    assertEquals(fresh.out(), shared.out(), folder + " " + String.join(" ", args));
    return shared.out();
  }

  @Test
  void twoFoldersOverOneSqliteFile_eachRunReturnsItsOwnFoldersNumbers() throws Exception {
    Path a = dir.resolve("a");
    Path b = dir.resolve("b");
    writePrices(a, "SPY", i -> 1);
    writePrices(a, "GLD", i -> 1);
    writePrices(b, "SPY", i -> 1 + 0.01 * ((i % 5) - 2));
    writePrices(b, "GLD", i -> 1 + 0.02 * ((i % 7) - 3));
    Path sqlite = dir.resolve("cache.db");
    for (String[] args : List.of(PROFILE, CORRELATION)) {
      String fromA = runShared(a, sqlite, args);
      String fromB = runShared(b, sqlite, args);
      assertNotEquals(fromA, fromB, "the folders hold different prices");
      assertEquals(fromA, runShared(a, sqlite, args), "a's numbers, now cached");
      assertEquals(fromB, runShared(b, sqlite, args), "b's numbers, now cached");
    }
  }

  @Test
  void fileEditedInPlace_nextRunReturnsTheNewNumbers() throws Exception {
    Path a = dir.resolve("a");
    writePrices(a, "SPY", i -> 1);
    writePrices(a, "GLD", i -> 1);
    Path sqlite = dir.resolve("cache.db");
    String profile = runShared(a, sqlite, PROFILE);
    String correlation = runShared(a, sqlite, CORRELATION);
    writePrices(a, "GLD", i -> 1 + 0.02 * ((i % 7) - 3));
    Path gld = a.resolve("GLD.csv");
    Files.setLastModifiedTime(
        gld, FileTime.from(Files.getLastModifiedTime(gld).toInstant().plusSeconds(10)));
    assertNotEquals(profile, runShared(a, sqlite, PROFILE));
    assertNotEquals(correlation, runShared(a, sqlite, CORRELATION));
  }
}
