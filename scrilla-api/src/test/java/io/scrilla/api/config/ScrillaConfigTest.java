package io.scrilla.api.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.scrilla.api.error.ConfigurationException;
import io.scrilla.api.model.EstimationMethod;
import io.scrilla.api.model.Maturity;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ScrillaConfigTest {

  @Test
  void defaults_matchScrillasDocumentedSettings() {
    ScrillaConfig c = ScrillaConfig.defaults();
    assertEquals("sqlite", c.cacheMode());
    assertEquals(EstimationMethod.MOMENTS, c.defaultMethod());
    assertEquals(Maturity.ONE_YEAR, c.riskFree());
    assertEquals("SPY", c.marketProxy());
    assertEquals(5, c.frontierSteps());
    assertEquals(100, c.analysisPeriod());
    assertEquals(20, c.movingAveragePeriods()[0]);
    assertEquals(60, c.movingAveragePeriods()[1]);
    assertEquals(100, c.movingAveragePeriods()[2]);
    assertEquals("csv", c.priceManager());
    assertTrue(c.usesSampleData());
    assertTrue(c.get(ScrillaConfig.SQLITE_FILE).isEmpty());
    assertEquals(5, c.alphaVantageRequestsPerPeriod());
    assertEquals(Duration.ofMinutes(1), c.alphaVantageBudgetPeriod());
  }

  @Test
  void from_allVariables_areParsed() {
    ScrillaConfig c =
        ScrillaConfig.from(
            Map.of(
                "CACHE_MODE",
                "Memory",
                "SQLITE_FILE",
                "/tmp/x.db",
                "DEFAULT_ESTIMATION_METHOD",
                "likely",
                "RISK_FREE",
                "ten_year",
                "MARKET_PROXY",
                "qqq",
                "FRONTIER_STEPS",
                "7",
                "MA_1",
                "5",
                "DEFAULT_ANALYSIS_PERIOD",
                "50",
                "SCRILLA_DATA_DIR",
                "/data"));
    assertEquals("memory", c.cacheMode());
    assertEquals(Path.of("/tmp/x.db"), c.getPath(ScrillaConfig.SQLITE_FILE).orElseThrow());
    assertEquals(EstimationMethod.LIKELIHOOD, c.defaultMethod());
    assertEquals(Maturity.TEN_YEAR, c.riskFree());
    assertEquals("QQQ", c.marketProxy());
    assertEquals(7, c.frontierSteps());
    assertEquals(5, c.movingAveragePeriods()[0]);
    assertEquals(50, c.analysisPeriod());
    assertFalse(c.usesSampleData());
  }

  @Test
  void from_alphaVantageBudget_isParsed() {
    ScrillaConfig c =
        ScrillaConfig.from(
            Map.of(
                "ALPHA_VANTAGE_REQUESTS_PER_MINUTE", "75",
                "ALPHA_VANTAGE_BUDGET_PERIOD_SECONDS", "2"));
    assertEquals(75, c.alphaVantageRequestsPerPeriod());
    assertEquals(Duration.ofSeconds(2), c.alphaVantageBudgetPeriod());
    assertEquals(
        0,
        ScrillaConfig.from(Map.of("ALPHA_VANTAGE_REQUESTS_PER_MINUTE", "0"))
            .alphaVantageRequestsPerPeriod());
  }

  @Test
  void key_withoutDataDir_selectsLiveSources() {
    ScrillaConfig c = ScrillaConfig.from(Map.of("ALPHA_VANTAGE_KEY", "K"));
    assertEquals("alpha_vantage", c.priceManager());
    assertEquals("treasury", c.statManager());
    assertEquals("alpha_vantage", c.divManager());
    assertFalse(c.usesSampleData());
    ScrillaConfig explicit =
        ScrillaConfig.from(Map.of("ALPHA_VANTAGE_KEY", "K", "PRICE_MANAGER", "CSV"));
    assertEquals("csv", explicit.priceManager());
  }

  @ParameterizedTest
  @CsvSource({
    "DEFAULT_ESTIMATION_METHOD, bayes, moments",
    "RISK_FREE, FOREVER, ONE_YEAR",
    "FRONTIER_STEPS, 1, at least 2",
    "FRONTIER_STEPS, five, at least 2",
    "FRONTIER_STEPS, 1001, at most 1000",
    "FRONTIER_STEPS, 2000000000, at least 2 and at most 1000",
    "MA_2, -3, at least 1",
    "DEFAULT_ANALYSIS_PERIOD, 1.5, at least 2",
    "ALPHA_VANTAGE_REQUESTS_PER_MINUTE, -1, at least 0 and at most 1000000",
    "ALPHA_VANTAGE_BUDGET_PERIOD_SECONDS, 0, at least 1 and at most 86400",
    "ALPHA_VANTAGE_BUDGET_PERIOD_SECONDS, 86401, at least 1 and at most 86400",
  })
  void from_badValue_failsNamingVariableValueAndAllowed(String name, String value, String allowed) {
    ConfigurationException e =
        assertThrows(ConfigurationException.class, () -> ScrillaConfig.from(Map.of(name, value)));
    assertTrue(e.getMessage().contains(name), e.getMessage());
    assertTrue(e.getMessage().contains(value), e.getMessage());
    assertTrue(e.getMessage().contains(allowed), e.getMessage());
  }

  @ParameterizedTest
  @CsvSource({
    "ftp://x, is not an http(s) URL",
    "not a url, is not an http(s) URL",
    "http:///path, has no host",
    "http://127.0.0.1:9/query#top, has a #fragment",
  })
  void getHttpUrl_badValue_failsNamingVariableValueAndProblem(String value, String problem) {
    ScrillaConfig c = ScrillaConfig.from(Map.of("SOME_URL", value));
    ConfigurationException e =
        assertThrows(ConfigurationException.class, () -> c.getHttpUrl("SOME_URL"));
    assertTrue(e.getMessage().startsWith("SOME_URL='" + value + "' " + problem), e.getMessage());
  }

  @Test
  void getHttpUrl_httpsWithQuery_returned() {
    ScrillaConfig c = ScrillaConfig.from(Map.of("SOME_URL", "https://h.example/q?x=1"));
    assertEquals("https://h.example/q?x=1", c.getHttpUrl("SOME_URL").orElseThrow().toString());
    assertTrue(c.getHttpUrl("OTHER_URL").isEmpty());
  }

  @Test
  void getInt_belowMinimum_failsNamingTheMinimum() {
    ScrillaConfig c = ScrillaConfig.from(Map.of("N", "0"));
    ConfigurationException e = assertThrows(ConfigurationException.class, () -> c.getInt("N", 1));
    assertEquals("N='0' is not allowed: use a whole number of at least 1", e.getMessage());
    assertEquals(3, ScrillaConfig.from(Map.of("N", "3")).getInt("N", 1).getAsInt());
  }

  @Test
  void from_valueWithTerminalEscape_messageShowsItEscaped() {
    ConfigurationException e =
        assertThrows(
            ConfigurationException.class,
            () -> ScrillaConfig.from(Map.of("FRONTIER_STEPS", "5\u001b]0;pwned\u0007x")));
    assertFalse(e.getMessage().contains("\u001b"), e.getMessage());
    assertTrue(e.getMessage().contains("'5\\u001B]0;pwned\\u0007x'"), e.getMessage());
  }

  @Test
  void toString_masksTheApiKey() {
    ScrillaConfig c =
        ScrillaConfig.builder().alphaVantageKey("SECRETKEY123").cacheMode("memory").build();
    assertFalse(c.toString().contains("SECRETKEY123"), c.toString());
    assertTrue(c.toString().contains("memory"));
  }

  @Test
  void builder_blankValue_removesTheVariable() {
    ScrillaConfig c = ScrillaConfig.builder().cacheMode("memory").set("CACHE_MODE", " ").build();
    assertEquals("sqlite", c.cacheMode());
    assertEquals(c, ScrillaConfig.defaults());
    assertEquals(
        "x",
        ScrillaConfig.builder()
            .set("DYNAMO_TABLE_PREFIX", "x")
            .build()
            .get("DYNAMO_TABLE_PREFIX")
            .orElseThrow());
  }

  @Test
  void load_systemPropertyOverridesEnvironment() {
    System.setProperty("MARKET_PROXY", "DIA");
    try {
      assertEquals("DIA", ScrillaConfig.load().marketProxy());
    } finally {
      System.clearProperty("MARKET_PROXY");
    }
  }
}
