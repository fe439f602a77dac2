package io.scrilla.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.scrilla.api.config.ScrillaConfig;
import io.scrilla.api.error.PriceUnavailableException;
import io.scrilla.api.model.Asset;
import io.scrilla.api.model.DateRange;
import io.scrilla.api.model.EstimationMethod;
import io.scrilla.api.model.PriceHistory;
import io.scrilla.api.model.RiskProfile;
import io.scrilla.api.spi.PriceSource;
import io.scrilla.commands.Json;
import io.scrilla.core.Scrilla;
import io.scrilla.core.cache.MemoryCacheProvider;
import io.scrilla.core.calendar.TradingCalendar;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code scrilla risk-profile}: its JSON equals the library's answer; its errors are one line. */
class RiskProfileCommandTest {
  private static final DateRange HISTORY = DateRange.parse("2021-01-04", "2021-11-19");
  private static final ScrillaConfig CONFIG = ScrillaConfig.builder().cacheMode("memory").build();

  static PriceHistory walk(Asset a, long seed) {
    int[] days = TradingCalendar.nyse().tradingDays(HISTORY);
    double[] c = new double[days.length];
    Random r = new Random(seed);
    double p = 50;
    for (int i = 0; i < days.length; i++) {
      p *= Math.exp(0.01 * r.nextGaussian());
      c[i] = p;
    }
    return PriceHistory.ofCloses(a, days, c);
  }

  static final PriceSource SOURCE =
      new PriceSource() {
        @Override
        public PriceHistory prices(Asset asset, DateRange range) {
          if (asset.ticker().equals("NOPE")) {
            throw new PriceUnavailableException("NOPE: no such ticker in the test source");
          }
          return walk(asset, asset.ticker().hashCode()).slice(range);
        }

        @Override
        public LocalDate latestDate(Asset asset) {
          return HISTORY.end();
        }
      };

  static Scrilla facade(ScrillaConfig c) {
    return Scrilla.builder()
        .config(c)
        .priceSource(SOURCE)
        .cache(MemoryCacheProvider.create())
        .build();
  }

  @Test
  void json_equalsTheLibrarysProfiles() {
    var run =
        CliHarness.run(
            CONFIG,
            RiskProfileCommandTest::facade,
            "risk-profile",
            "SPY",
            "GLD",
            "--start",
            "2021-03-01",
            "--end",
            "2021-06-30",
            "--json",
            "-likelihood");
    assertEquals(0, run.code(), run.err());
    JsonNode json = Json.parse(run.out());
    try (Scrilla s = facade(CONFIG)) {
      for (String t : new String[] {"SPY", "GLD"}) {
        RiskProfile p =
            s.riskProfile(
                Asset.equity(t),
                DateRange.parse("2021-03-01", "2021-06-30"),
                EstimationMethod.LIKELIHOOD);
        assertEquals(p.annualReturn(), json.get(t).get("annual_return").doubleValue());
        assertEquals(p.annualVolatility(), json.get(t).get("annual_volatility").doubleValue());
      }
    }
  }

  @Test
  void defaultWindow_isTheLast100TradingDays() {
    var run =
        CliHarness.run(CONFIG, RiskProfileCommandTest::facade, "risk-profile", "SPY", "-json");
    assertEquals(0, run.code(), run.err());
    try (Scrilla s = facade(CONFIG)) {
      Asset spy = Asset.equity("SPY");
      RiskProfile p = s.riskProfile(spy, s.defaultRange(List.of(spy)), EstimationMethod.MOMENTS);
      assertEquals(
          p.annualReturn(), Json.parse(run.out()).get("SPY").get("annual_return").doubleValue());
    }
  }

  @Test
  void table_listsEachTicker() {
    var run = CliHarness.run(CONFIG, RiskProfileCommandTest::facade, "risk-profile", "SPY", "GLD");
    assertEquals(0, run.code(), run.err());
    List<String> lines = run.out().lines().toList();
    assertTrue(lines.get(0).startsWith("window "), run.out());
    assertTrue(lines.get(1).startsWith("ticker"), run.out());
    assertTrue(run.out().contains("SPY") && run.out().contains("GLD"));
  }

  @Test
  void unknownTicker_otherTickersPrintedAndOneErrorLine() {
    var run =
        CliHarness.run(
            CONFIG, RiskProfileCommandTest::facade, "risk-profile", "SPY", "NOPE", "--json");
    assertEquals(1, run.code());
    assertTrue(Json.parse(run.out()).has("SPY"));
    assertEquals(1, run.err().strip().lines().count(), run.err());
    assertTrue(run.err().contains("NOPE"));
    assertFalse(run.err().contains("Exception"), run.err());
  }

  @Test
  void aNoteSharedByEveryTicker_isSaidOnceNamingThem() {
    ScrillaConfig noProxy = ScrillaConfig.builder().cacheMode("memory").marketProxy("NOPE").build();
    var run =
        CliHarness.run(
            noProxy, RiskProfileCommandTest::facade, "risk-profile", "SPY", "GLD", "DIS", "--json");
    assertEquals(0, run.code(), run.err());
    List<String> notes = run.err().lines().filter(l -> l.contains("NOPE")).toList();
    assertEquals(1, notes.size(), run.err());
    assertTrue(
        notes.get(0).startsWith("note: SPY, GLD, DIS: asset_beta and equity_cost: "), run.err());
  }

  @Test
  void startAfterEnd_failsWithOneLineAndNoStackTrace() {
    var run =
        CliHarness.run(
            CONFIG,
            RiskProfileCommandTest::facade,
            "risk-profile",
            "SPY",
            "--start",
            "2021-06-30",
            "--end",
            "2021-03-01");
    assertEquals(1, run.code());
    assertEquals(
        "error: start date 2021-06-30 is after end date 2021-03-01: swap them", run.err().strip());
  }

  @Test
  void debug_printsTheStackTrace() {
    var run =
        CliHarness.run(
            CONFIG,
            RiskProfileCommandTest::facade,
            "risk-profile",
            "SPY",
            "--start",
            "2021-06-30",
            "--end",
            "2021-03-01",
            "--debug");
    assertEquals(1, run.code());
    assertTrue(run.err().contains("at io.scrilla"), run.err());
  }

  @Test
  void unknownMethodAndBadDate_failClearly() {
    var m =
        CliHarness.run(
            CONFIG, RiskProfileCommandTest::facade, "risk-profile", "SPY", "--method", "guess");
    assertEquals(1, m.code());
    assertTrue(m.err().contains("unknown estimation method 'guess'"), m.err());
    var d =
        CliHarness.run(
            CONFIG, RiskProfileCommandTest::facade, "risk-profile", "SPY", "--end", "2021-02-30");
    assertEquals(1, d.code());
    assertTrue(d.err().contains("2021-02-30"), d.err());
  }

  @Test
  void save_writesTheJson(@TempDir Path dir) throws Exception {
    Path file = dir.resolve("out/profile.json");
    var run =
        CliHarness.run(
            CONFIG,
            RiskProfileCommandTest::facade,
            "risk-profile",
            "SPY",
            "--save",
            file.toString());
    assertEquals(0, run.code(), run.err());
    assertTrue(Json.parse(Files.readString(file)).get("SPY").has("annual_volatility"));
  }

  @Test
  void noArguments_printsUsage() {
    var run = CliHarness.run(CONFIG, RiskProfileCommandTest::facade);
    assertEquals(Main.USAGE, run.code());
    assertTrue(run.out().contains("risk-profile"));
  }
}
