package io.scrilla.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.scrilla.api.config.ScrillaConfig;
import io.scrilla.commands.Json;
import io.scrilla.core.Scrilla;
import io.scrilla.services.csv.CsvDataSource;
import io.scrilla.services.treasury.TreasuryRateSource;
import java.net.URI;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Failure messages point the right way: the user's own dates, the real cause of a missing risk-free
 * rate, exactly which data come from the bundled sample, and no refusal to compute what does not
 * need the missing input.
 */
class FailureMessagesTest {
  private static final ScrillaConfig CONFIG = ScrillaConfig.builder().cacheMode("memory").build();
  private static final String[] YEAR_2020 = {"--start", "2020-01-02", "--end", "2020-06-30"};
  private final String logLevel = System.getProperty(Main.SIMPLE_LOGGER_LEVEL);

  @AfterEach
  void restore() {
    if (logLevel == null) {
      System.clearProperty(Main.SIMPLE_LOGGER_LEVEL);
    } else {
      System.setProperty(Main.SIMPLE_LOGGER_LEVEL, logLevel);
    }
  }

  private static String[] with(String[] tail, String... head) {
    String[] all = new String[head.length + tail.length];
    System.arraycopy(head, 0, all, 0, head.length);
    System.arraycopy(tail, 0, all, head.length, tail.length);
    return all;
  }

  private static String errorLine(CliHarness.Run run) {
    return run.err().lines().filter(l -> l.startsWith("error: ")).findFirst().orElse("");
  }

  @Test
  void riskProfile_futureWindow_namesTheUsersDatesAndWhereDataEnds() {
    var run =
        CliHarness.runConfigured(
            CONFIG, "risk-profile", "SPY", "--start", "2030-01-02", "--end", "2030-06-28");
    assertEquals(1, run.code());
    String e = errorLine(run);
    assertTrue(e.startsWith("error: the window 2030-01-02 to 2030-06-28 ends in the future"), e);
    assertTrue(e.contains("ends on 2021-11-19"), e);
    var endOnly = CliHarness.runConfigured(CONFIG, "sharpe-ratio", "SPY", "--end", "2099-01-01");
    assertTrue(
        errorLine(endOnly).startsWith("error: the window ending 2099-01-01 ends in the future"),
        endOnly.err());
  }

  @Test
  void riskProfile_futureStartOnly_namesTheStartAndWhereDataEnds() {
    var run = CliHarness.runConfigured(CONFIG, "risk-profile", "SPY", "--start", "2030-01-02");
    assertEquals(1, run.code());
    assertEquals(
        "error: the window starting 2030-01-02 starts after the data of SPY ends on"
            + " 2021-11-19; choose a start up to 2021-11-19",
        errorLine(run));
  }

  @Test
  void optimizePortfolio_noRiskFreeRate_minimumVarianceRunsWithoutSharpeAndSaysWhy() {
    var run =
        CliHarness.runConfigured(
            CONFIG, with(YEAR_2020, "optimize-portfolio", "SPY", "GLD", "--json"));
    assertEquals(0, run.code(), run.err());
    JsonNode j = Json.parse(run.out());
    assertTrue(j.has("allocation") && j.has("annual_volatility"), run.out());
    assertFalse(j.has("sharpe_ratio"), run.out());
    assertTrue(
        run.err().contains("note: sharpe_ratio is left out: no Treasury yield curve"), run.err());
    var given =
        CliHarness.runConfigured(
            CONFIG,
            with(
                YEAR_2020,
                "optimize-portfolio",
                "SPY",
                "GLD",
                "--json",
                "--risk-free-rate",
                "0.01"));
    JsonNode g = Json.parse(given.out());
    assertEquals(j.get("allocation"), g.get("allocation"));
    assertTrue(g.has("sharpe_ratio"), given.out());
  }

  @Test
  void frontierAndMaxReturn_noRiskFreeRate_runWithoutSharpe() {
    for (String command : new String[] {"efficient-frontier", "max-return", "optimize-cvar"}) {
      var run = CliHarness.runConfigured(CONFIG, with(YEAR_2020, command, "SPY", "GLD"));
      assertEquals(0, run.code(), command + ": " + run.err());
      assertFalse(run.out().contains("sharpe_ratio"), run.out());
      assertTrue(run.err().contains("note: sharpe_ratio is left out"), run.err());
    }
  }

  @Test
  void optimizePortfolioSharpe_noRiskFreeRate_stillFailsNamingTheOption() {
    var run =
        CliHarness.runConfigured(
            CONFIG, with(YEAR_2020, "optimize-portfolio", "SPY", "GLD", "--sharpe"));
    assertEquals(1, run.code());
    assertTrue(errorLine(run).contains("--risk-free-rate"), run.err());
  }

  @Test
  void optimizePortfolio_hugeBounds_oneCleanLineNoNaN() {
    var run =
        CliHarness.runConfigured(
            CONFIG,
            "optimize-portfolio",
            "SPY",
            "GLD",
            "--start",
            "2021-03-01",
            "--end",
            "2021-09-30",
            "--bounds",
            "-1e300,1e300");
    assertEquals(1, run.code());
    assertTrue(errorLine(run).contains("too wide"), run.err());
    assertFalse(run.out().contains("NaN") || run.err().contains("NaN"), run.out() + run.err());
  }

  @Test
  void sampleDataNote_yieldsOnlyFromTheSample_namesOnlyTheYields() {
    ScrillaConfig live =
        ScrillaConfig.from(Map.of("ALPHA_VANTAGE_KEY", "K", "STAT_MANAGER", "csv"));
    String note = Main.sampleDataNote(live).orElseThrow();
    assertTrue(note.startsWith("note: the Treasury yields come from the sample data"), note);
    assertFalse(note.contains("prices") || note.contains("dividends"), note);
    assertTrue(note.contains("STAT_MANAGER"), note);
    String all = Main.sampleDataNote(CONFIG).orElseThrow();
    assertTrue(
        all.startsWith(
            "note: the prices, Treasury yields and dividends come from the" + " sample data"),
        all);
    assertTrue(Main.sampleDataNote(ScrillaConfig.from(Map.of("ALPHA_VANTAGE_KEY", "K"))).isEmpty());
  }

  @Test
  void riskProfile_treasuryFails_noteSaysWhyAndOtherColumnsPrint() throws Exception {
    try (FakeServices services = new FakeServices()) {
      // the AlphaVantage endpoint answers JSON where the Treasury's XML is expected
      String wrong = services.alphaVantageUrl();
      var run =
          CliHarness.run(
              CONFIG,
              c ->
                  Scrilla.builder()
                      .config(c)
                      .priceSource(CsvDataSource.bundledSample())
                      .interestRateSource(
                          TreasuryRateSource.builder().baseUrl(URI.create(wrong)).build())
                      .build(),
              "risk-profile",
              "SPY",
              "--start",
              "2021-03-01",
              "--end",
              "2021-09-30",
              "--json");
      assertEquals(0, run.code(), run.err());
      assertTrue(Json.parse(run.out()).get("SPY").has("annual_return"), run.out());
      assertTrue(
          run.err()
              .contains(
                  "note: SPY: sharpe_ratio and equity_cost: Treasury yield"
                      + " curves 2021: the service answered with Content-Type"),
          run.err());
    }
  }

  @Test
  void applyLogLevel_debugFlagWithoutLogLevel_logsAtDebugSoCausesAreShown() {
    System.clearProperty(Main.SIMPLE_LOGGER_LEVEL);
    Main.applyLogLevel(ScrillaConfig.defaults(), true);
    assertEquals("debug", System.getProperty(Main.SIMPLE_LOGGER_LEVEL));
    System.clearProperty(Main.SIMPLE_LOGGER_LEVEL);
    Main.applyLogLevel(ScrillaConfig.builder().set(ScrillaConfig.LOG_LEVEL, "warn").build(), true);
    assertEquals("warn", System.getProperty(Main.SIMPLE_LOGGER_LEVEL));
  }

  @Test
  void errorLine_unexpectedException_namesNoClassAndPointsToDebug() {
    assertEquals(
        "error: internal error: convergence failed; run with --debug for details",
        Main.errorLine(new IllegalStateException("convergence failed")));
    assertEquals(
        "error: internal error; run with --debug for details",
        Main.errorLine(new NullPointerException()));
    assertEquals("error: two; lines", Main.errorLine("two\n lines"));
  }
}
