package io.scrilla.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.scrilla.api.config.ScrillaConfig;
import io.scrilla.commands.Json;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The command as a user runs it: sources and cache chosen by configuration, the bundled sample
 * data, numbers checked against a plain computation on the sample's closes.
 */
class SampleDataEndToEndTest {
  @TempDir Path dir;

  private ScrillaConfig config() {
    return ScrillaConfig.builder().cacheMode("sqlite").sqliteFile(dir.resolve("cache.db")).build();
  }

  /** SPY's 101 closes up to 2021-11-19, read straight from the bundled CSV. */
  private static double[] spyCloses() throws Exception {
    List<Double> closes = new ArrayList<>();
    try (var in =
        SampleDataEndToEndTest.class.getResourceAsStream(
            "/io/scrilla/services/csv/sample/SPY.csv")) {
      List<String> lines = new String(in.readAllBytes(), StandardCharsets.UTF_8).lines().toList();
      List<String> header = List.of(lines.get(0).split(","));
      int date = header.indexOf("date");
      int close = header.indexOf("close");
      for (String line : lines.subList(1, lines.size())) {
        String[] f = line.split(",");
        if (f[date].compareTo("2021-11-19") <= 0) {
          closes.add(Double.parseDouble(f[close]));
        }
      }
    }
    return closes.subList(closes.size() - 101, closes.size()).stream()
        .mapToDouble(Double::doubleValue)
        .toArray();
  }

  @Test
  void riskProfile_sampleData_matchesPlainComputationAndSaysSampleIsUsed() throws Exception {
    var run = CliHarness.runConfigured(config(), "risk-profile", "SPY", "GLD", "--json");
    assertEquals(0, run.code(), run.err());
    assertTrue(run.err().contains("sample data"), run.err());
    double[] c = spyCloses();
    double sum = 0;
    for (int i = 1; i < c.length; i++) {
      sum += Math.log(c[i] / c[i - 1]);
    }
    double mean = sum / 100;
    double ss = 0;
    for (int i = 1; i < c.length; i++) {
      double d = Math.log(c[i] / c[i - 1]) - mean;
      ss += d * d;
    }
    double var = ss / 99 * 252;
    JsonNode spy = Json.parse(run.out()).get("SPY");
    assertEquals(mean * 252 + var / 2, spy.get("annual_return").doubleValue(), 1e-12);
    assertEquals(Math.sqrt(var), spy.get("annual_volatility").doubleValue(), 1e-12);
    assertTrue(Json.parse(run.out()).has("GLD"));
  }

  @Test
  void riskProfile_secondRun_readsTheCacheFile() throws Exception {
    var first = CliHarness.runConfigured(config(), "risk-profile", "SPY", "--json");
    var second = CliHarness.runConfigured(config(), "risk-profile", "SPY", "--json");
    assertEquals(0, second.code(), second.err());
    assertEquals(first.out(), second.out());
    assertTrue(Files.size(dir.resolve("cache.db")) > 0);
  }

  @Test
  void riskProfile_unknownTicker_oneLineNamingIt() {
    var run = CliHarness.runConfigured(config(), "risk-profile", "NOSUCH");
    assertEquals(1, run.code());
    assertTrue(
        run.err().lines().anyMatch(l -> l.startsWith("error: ") && l.contains("NOSUCH")),
        run.err());
    assertTrue(run.err().lines().noneMatch(l -> l.contains("\tat ")), run.err());
  }

  @Test
  void riskFree_sampleYields_decimalFraction() {
    var run = CliHarness.runConfigured(config(), "risk-free", "--date", "2021-11-19", "--json");
    assertEquals(0, run.code(), run.err());
    JsonNode j = Json.parse(run.out());
    assertEquals(0.0018, j.get("risk_free_rate").doubleValue());
    assertEquals("ONE_YEAR", j.get("maturity").asText());
    assertEquals("2021-11-19", j.get("date").asText());
  }

  @Test
  void yieldCurve_namedMaturities_only() {
    var run =
        CliHarness.runConfigured(
            config(), "yield-curve", "ONE_YEAR", "TEN_YEAR", "--date", "2021-06-30", "--json");
    assertEquals(0, run.code(), run.err());
    JsonNode j = Json.parse(run.out());
    assertEquals(0.0007, j.get("ONE_YEAR").doubleValue());
    assertEquals(0.0145, j.get("TEN_YEAR").doubleValue());
    List<String> fields = new ArrayList<>();
    j.fieldNames().forEachRemaining(fields::add);
    assertEquals(List.of("date", "ONE_YEAR", "TEN_YEAR", "meta"), fields);
  }

  @Test
  void prices_jsonAscendingWithOpenAndClose() {
    var run =
        CliHarness.runConfigured(
            config(), "prices", "SPY", "--start", "2021-11-15", "--end", "2021-11-19", "--json");
    assertEquals(0, run.code(), run.err());
    JsonNode rows = Json.parse(run.out()).get("SPY");
    assertEquals(5, rows.size());
    assertEquals("2021-11-15", rows.get(0).get("date").asText());
    JsonNode last = rows.get(4);
    assertEquals("2021-11-19", last.get("date").asText());
    assertEquals(469.61, last.get("open").doubleValue());
    assertEquals(468.89, last.get("close").doubleValue());
  }

  @Test
  void dividends_sampleData() {
    var run = CliHarness.runConfigured(config(), "dividends", "DIS", "--json");
    assertEquals(0, run.code(), run.err());
    JsonNode rows = Json.parse(run.out()).get("DIS");
    assertEquals(2, rows.size());
    assertEquals(0.88, rows.get(1).get("amount").doubleValue());
  }
}
