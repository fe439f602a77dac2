package io.scrilla.api.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.scrilla.api.error.ConfigurationException;
import io.scrilla.api.model.EstimationMethod;
import io.scrilla.api.model.Maturity;
import java.nio.file.Path;
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
    assertTrue(c.sqliteFile().endsWith(Path.of(".scrilla", "cache.db")));
    assertEquals("https://www.alphavantage.co/query", c.alphaVantageUrl().toString());
  }

  @Test
  void from_allVariables_areParsed() {
    ScrillaConfig c = ScrillaConfig.from(Map.of(
        "CACHE_MODE", "Memory", "SQLITE_FILE", "/tmp/x.db", "DEFAULT_ESTIMATION_METHOD", "likely",
        "RISK_FREE", "ten_year", "MARKET_PROXY", "qqq", "FRONTIER_STEPS", "7", "MA_1", "5",
        "DEFAULT_ANALYSIS_PERIOD", "50", "SCRILLA_DATA_DIR", "/data"));
    assertEquals("memory", c.cacheMode());
    assertEquals(Path.of("/tmp/x.db"), c.sqliteFile());
    assertEquals(EstimationMethod.LIKELIHOOD, c.defaultMethod());
    assertEquals(Maturity.TEN_YEAR, c.riskFree());
    assertEquals("QQQ", c.marketProxy());
    assertEquals(7, c.frontierSteps());
    assertEquals(5, c.movingAveragePeriods()[0]);
    assertEquals(50, c.analysisPeriod());
    assertFalse(c.usesSampleData());
  }

  @Test
  void key_withoutDataDir_selectsLiveSources() {
    ScrillaConfig c = ScrillaConfig.from(Map.of("ALPHA_VANTAGE_KEY", "K"));
    assertEquals("alpha_vantage", c.priceManager());
    assertEquals("treasury", c.statManager());
    assertEquals("alpha_vantage", c.divManager());
    assertFalse(c.usesSampleData());
    ScrillaConfig explicit = ScrillaConfig.from(Map.of("ALPHA_VANTAGE_KEY", "K", "PRICE_MANAGER", "CSV"));
    assertEquals("csv", explicit.priceManager());
  }

  @ParameterizedTest
  @CsvSource({
    "DEFAULT_ESTIMATION_METHOD, bayes, moments",
    "RISK_FREE, FOREVER, ONE_YEAR",
    "FRONTIER_STEPS, 1, at least 2",
    "FRONTIER_STEPS, five, at least 2",
    "MA_2, -3, at least 1",
    "DEFAULT_ANALYSIS_PERIOD, 1.5, at least 2",
    "ALPHA_VANTAGE_URL, ftp://x, http",
    "TREASURY_URL, not a url, http",
  })
  void from_badValue_failsNamingVariableValueAndAllowed(String name, String value, String allowed) {
    ConfigurationException e = assertThrows(ConfigurationException.class,
        () -> ScrillaConfig.from(Map.of(name, value)));
    assertTrue(e.getMessage().contains(name), e.getMessage());
    assertTrue(e.getMessage().contains(value), e.getMessage());
    assertTrue(e.getMessage().contains(allowed), e.getMessage());
  }

  @Test
  void toString_masksTheApiKey() {
    ScrillaConfig c = ScrillaConfig.builder().alphaVantageKey("SECRETKEY123").cacheMode("memory").build();
    assertFalse(c.toString().contains("SECRETKEY123"), c.toString());
    assertTrue(c.toString().contains("memory"));
  }

  @Test
  void builder_blankValue_removesTheVariable() {
    ScrillaConfig c = ScrillaConfig.builder().cacheMode("memory").set("CACHE_MODE", " ").build();
    assertEquals("sqlite", c.cacheMode());
    assertEquals(c, ScrillaConfig.defaults());
    assertEquals("x", ScrillaConfig.builder().set("DYNAMO_TABLE_PREFIX", "x").build().get("DYNAMO_TABLE_PREFIX").orElseThrow());
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
