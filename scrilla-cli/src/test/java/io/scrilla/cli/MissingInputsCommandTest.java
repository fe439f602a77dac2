package io.scrilla.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.scrilla.api.config.ScrillaConfig;
import io.scrilla.commands.Json;
import org.junit.jupiter.api.Test;

/**
 * A column that cannot be computed (no risk-free rate before the bundled yields start on
 * 2021-03-08, a market proxy without prices) is never dropped silently: stderr says why and how to
 * give the missing input.
 */
class MissingInputsCommandTest {
  private static final ScrillaConfig CONFIG = ScrillaConfig.builder().cacheMode("memory").build();
  private static final String[] YEAR_2020 = {"--start", "2020-01-02", "--end", "2020-06-30"};

  private static String[] args(String... head) {
    String[] all = new String[head.length + YEAR_2020.length];
    System.arraycopy(head, 0, all, 0, head.length);
    System.arraycopy(YEAR_2020, 0, all, head.length, YEAR_2020.length);
    return all;
  }

  @Test
  void riskProfile_noRiskFreeRate_printsTheOtherColumnsAndSaysWhy() {
    var run = CliHarness.runConfigured(CONFIG, args("risk-profile", "GLD", "--json"));
    assertEquals(0, run.code(), run.err());
    JsonNode gld = Json.parse(run.out()).get("GLD");
    assertTrue(gld.has("annual_return") && gld.has("asset_beta"), run.out());
    assertFalse(gld.has("sharpe_ratio") || gld.has("equity_cost"), run.out());
    assertTrue(
        run.err()
            .contains(
                "note: GLD: sharpe_ratio and equity_cost: no Treasury yield"
                    + " curve published between 2019-06-30 and 2020-06-30"),
        run.err());
    assertTrue(run.err().contains("--risk-free-rate"), run.err());
  }

  @Test
  void riskProfile_givenRate_hasEveryColumnAndNoNote() {
    var run =
        CliHarness.runConfigured(
            CONFIG, args("risk-profile", "GLD", "--json", "--risk-free-rate", "0.01"));
    assertEquals(0, run.code(), run.err());
    JsonNode gld = Json.parse(run.out()).get("GLD");
    assertTrue(gld.has("sharpe_ratio") && gld.has("equity_cost"), run.out());
    assertFalse(run.err().contains("note: GLD"), run.err());
  }

  @Test
  void sharpeRatio_noRiskFreeRate_failsNamingTheOption() {
    var run = CliHarness.runConfigured(CONFIG, args("sharpe-ratio", "GLD"));
    assertEquals(1, run.code());
    assertTrue(run.err().contains("error: no Treasury yield curve"), run.err());
    assertTrue(run.err().contains("--risk-free-rate"), run.err());
    var given =
        CliHarness.runConfigured(
            CONFIG, args("sharpe-ratio", "GLD", "--risk-free-rate", "0.01", "--json"));
    assertEquals(0, given.code(), given.err());
    assertTrue(Json.parse(given.out()).get("GLD").has("sharpe_ratio"));
  }

  @Test
  void riskProfile_marketProxyWithoutPrices_saysWhyBetaIsAbsent() {
    ScrillaConfig noMarket =
        ScrillaConfig.builder().cacheMode("memory").marketProxy("NOPE").build();
    var run = CliHarness.runConfigured(noMarket, "risk-profile", "GLD", "--json");
    assertEquals(0, run.code(), run.err());
    assertFalse(Json.parse(run.out()).get("GLD").has("asset_beta"), run.out());
    assertTrue(
        run.err()
            .contains(
                "note: GLD: asset_beta and equity_cost: the market proxy NOPE (MARKET_PROXY)"),
        run.err());
  }
}
