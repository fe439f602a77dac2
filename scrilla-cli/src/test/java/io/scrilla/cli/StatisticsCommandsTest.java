package io.scrilla.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.scrilla.api.config.ScrillaConfig;
import io.scrilla.api.model.Asset;
import io.scrilla.api.model.DateRange;
import io.scrilla.api.model.EstimationMethod;
import io.scrilla.commands.Json;
import io.scrilla.core.Scrilla;
import io.scrilla.core.risk.AssetStatistics;
import io.scrilla.core.risk.TailEvent;
import io.scrilla.core.stats.CorrelationMatrix;
import io.scrilla.core.stats.MovingAverages;
import io.scrilla.core.valuation.DividendValuation;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Each statistic command's JSON equals the library's answer on the bundled sample data. */
class StatisticsCommandsTest {
  private static final ScrillaConfig CONFIG = ScrillaConfig.builder().cacheMode("memory").build();
  private static final DateRange RANGE = DateRange.parse("2021-03-01", "2021-09-30");
  private static final String[] WINDOW = {"--start", "2021-03-01", "--end", "2021-09-30", "--json"};
  private static final Asset SPY = Asset.equity("SPY");
  private static final Asset GLD = Asset.equity("GLD");
  private static final Asset BTC = Asset.crypto("BTC");
  private static Scrilla lib;

  @BeforeAll
  static void open() {
    lib = Scrilla.create(CONFIG);
  }

  @AfterAll
  static void close() {
    lib.close();
  }

  private static JsonNode run(String... args) {
    String[] all = new String[args.length + WINDOW.length];
    System.arraycopy(args, 0, all, 0, args.length);
    System.arraycopy(WINDOW, 0, all, args.length, WINDOW.length);
    var run = CliHarness.runConfigured(CONFIG, all);
    assertEquals(0, run.code(), run.err());
    return Json.parse(run.out());
  }

  @Test
  void riskProfile_allMethods_includeMarketStatistics() {
    for (EstimationMethod m : EstimationMethod.values()) {
      JsonNode j = run("risk-profile", "SPY", "GLD", "--method", m.canonicalName());
      for (Asset a : List.of(SPY, GLD)) {
        AssetStatistics st = lib.assetStatistics(List.of(a), RANGE, m).get(a).orElseThrow();
        JsonNode n = j.get(a.ticker());
        assertEquals(st.profile().annualReturn(), n.get("annual_return").doubleValue());
        assertEquals(st.profile().annualVolatility(), n.get("annual_volatility").doubleValue());
        assertEquals(st.sharpeRatio().getAsDouble(), n.get("sharpe_ratio").doubleValue());
        assertEquals(st.beta().getAsDouble(), n.get("asset_beta").doubleValue());
        assertEquals(st.costOfEquity().getAsDouble(), n.get("equity_cost").doubleValue());
      }
    }
  }

  @Test
  void riskProfile_riskFreeRateOverride_changesSharpe() {
    JsonNode j = run("risk-profile", "SPY", "--risk-free-rate", "0.03");
    double mu = j.get("SPY").get("annual_return").doubleValue();
    double sigma = j.get("SPY").get("annual_volatility").doubleValue();
    assertEquals((mu - 0.03) / sigma, j.get("SPY").get("sharpe_ratio").doubleValue(), 1e-15);
  }

  @Test
  void correlation_matrixInGivenOrder() {
    JsonNode j = run("correlation", "SPY", "GLD", "BTC");
    assertEquals(
        List.of("SPY", "GLD", "BTC"),
        List.of(
            j.get("tickers").get(0).asText(),
            j.get("tickers").get(1).asText(),
            j.get("tickers").get(2).asText()));
    CorrelationMatrix m =
        lib.correlationMatrix(List.of(SPY, GLD, BTC), RANGE, EstimationMethod.MOMENTS);
    for (int i = 0; i < 3; i++) {
      for (int k = 0; k < 3; k++) {
        assertEquals(m.get(i, k), j.get("matrix").get(i).get(k).doubleValue());
      }
    }
    assertEquals(1.0, j.get("matrix").get(1).get(1).doubleValue());
  }

  @Test
  void sharpeBetaEquity_equalLibrary() {
    assertEquals(
        lib.sharpeRatio(GLD, RANGE, EstimationMethod.MOMENTS),
        run("sharpe-ratio", "GLD").get("GLD").get("sharpe_ratio").doubleValue());
    assertEquals(
        lib.marketBeta(GLD, RANGE, EstimationMethod.MOMENTS),
        run("capm-beta", "GLD").get("GLD").get("asset_beta").doubleValue());
    assertEquals(
        lib.costOfEquity(GLD, RANGE, EstimationMethod.MOMENTS),
        run("capm-equity", "GLD").get("GLD").get("equity_cost").doubleValue());
    assertEquals(1.0, run("capm-beta", "SPY").get("SPY").get("asset_beta").doubleValue(), 1e-15);
  }

  @Test
  void varAndCvar_priceLevels() {
    double var =
        run("var", "SPY", "--prob", "0.05", "--expiry", "0.5")
            .get("SPY")
            .get("value_at_risk")
            .doubleValue();
    double cvar =
        run("cvar", "SPY", "-prob", "0.05", "-expiry", "0.5")
            .get("SPY")
            .get("conditional_value_at_risk")
            .doubleValue();
    TailEvent event = TailEvent.of(0.05, 0.5);
    assertEquals(lib.valueAtRisk(SPY, RANGE, EstimationMethod.MOMENTS, event), var);
    assertEquals(lib.conditionalValueAtRisk(SPY, RANGE, EstimationMethod.MOMENTS, event), cvar);
    assertTrue(cvar < var, "CVaR level below VaR level");
  }

  @Test
  void var_badProbability_isOneLineError() {
    var run = CliHarness.runConfigured(CONFIG, "var", "SPY", "--prob", "1.5");
    assertEquals(1, run.code());
    assertTrue(run.err().contains("--prob 1.5"), run.err());
  }

  @Test
  void var_horizonBeyondRange_isOneLineErrorNamingTheRange() {
    var run = CliHarness.runConfigured(CONFIG, "var", "SPY", "--expiry", "1e308");
    assertEquals(1, run.code());
    assertTrue(
        run.err().contains("--expiry 1.0E308") && run.err().contains("at most 1000"), run.err());
    assertEquals(1, run.err().lines().filter(l -> l.startsWith("error:")).count(), run.err());
    assertTrue(!run.err().contains("Exception"), run.err());
  }

  @Test
  void varAndCvar_smallestPositiveProbability_finiteOrderedPriceLevels() {
    for (String p : new String[] {"1e-17", "4.9e-324"}) {
      double var = run("var", "SPY", "--prob", p).get("SPY").get("value_at_risk").doubleValue();
      double cvar =
          run("cvar", "SPY", "--prob", p).get("SPY").get("conditional_value_at_risk").doubleValue();
      assertTrue(cvar > 0 && cvar < var && Double.isFinite(var), p + ": " + cvar + " " + var);
    }
  }

  @Test
  void movingAverages_namedByPeriods() {
    JsonNode j = run("mov-averages", "SPY");
    MovingAverages ma = lib.movingAverages(SPY, RANGE, EstimationMethod.MOMENTS);
    JsonNode last = j.get("SPY").get("2021-09-30");
    assertEquals(
        ma.toMap().get(LocalDate.parse("2021-09-30")).get(20), last.get("MA_20").doubleValue());
    assertEquals(
        ma.toMap().get(LocalDate.parse("2021-09-30")).get(100), last.get("MA_100").doubleValue());
  }

  @Test
  void ddm_givenRateAndDate() {
    var run =
        CliHarness.runConfigured(
            CONFIG, "ddm", "ALLY", "--discount-rate", "0.08", "--as-of", "2021-11-19", "--json");
    assertEquals(0, run.code(), run.err());
    DividendValuation v =
        lib.discountDividendModel(Asset.equity("ALLY"), LocalDate.parse("2021-11-19"), 0.08);
    JsonNode n = Json.parse(run.out()).get("ALLY");
    assertEquals(v.netPresentValue(), n.get("net_present_value").doubleValue());
    assertEquals(0.08, n.get("discount_rate").doubleValue());
  }

  @Test
  void ddm_twoPaymentsOnly_isASampleSizeErrorForThatTicker() {
    var run =
        CliHarness.runConfigured(
            CONFIG,
            "ddm",
            "DIS",
            "ALLY",
            "--discount-rate",
            "0.08",
            "--as-of",
            "2021-11-19",
            "--json");
    assertEquals(1, run.code());
    assertTrue(Json.parse(run.out()).has("ALLY"));
    assertTrue(run.err().contains("DIS"), run.err());
    assertFalse(run.err().contains("\tat "), run.err());
  }
}
