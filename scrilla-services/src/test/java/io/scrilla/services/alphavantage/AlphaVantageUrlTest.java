package io.scrilla.services.alphavantage;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.scrilla.api.config.ScrillaConfig;
import io.scrilla.api.error.ConfigurationException;
import io.scrilla.services.treasury.TreasuryRateSource;
import java.net.URI;
import org.junit.jupiter.api.Test;

/** The live sources parse and check their own URL settings at start-up. */
class AlphaVantageUrlTest {

  @Test
  void create_urlWithFragment_failsAtStartUpNamingTheVariable() {
    ScrillaConfig config =
        ScrillaConfig.builder()
            .alphaVantageKey("URLTESTKEY987")
            .set(AlphaVantageClient.ALPHA_VANTAGE_URL, "http://127.0.0.1:9/query#x")
            .build();

    ConfigurationException e =
        assertThrows(ConfigurationException.class, () -> AlphaVantagePriceSource.create(config));

    assertTrue(
        e.getMessage().startsWith("ALPHA_VANTAGE_URL='http://127.0.0.1:9/query#x' has a #fragment"),
        e.getMessage());
  }

  @Test
  void builder_urlWithFragmentOrOtherScheme_fails() {
    for (String url : new String[] {"http://127.0.0.1:9/q#", "ftp://127.0.0.1/q"}) {
      assertThrows(
          ConfigurationException.class,
          () -> AlphaVantageClient.builder().apiKey("URLTESTKEY987").url(URI.create(url)).build());
    }
  }

  @Test
  void create_noUrl_usesTheDefault() {
    ScrillaConfig config = ScrillaConfig.builder().alphaVantageKey("URLTESTKEY987").build();
    assertEquals(
        AlphaVantageClient.DEFAULT_URL, AlphaVantageClient.create(config).url().toString());
  }

  @Test
  void treasury_urlWithFragment_failsAtStartUp() {
    ScrillaConfig config =
        ScrillaConfig.builder()
            .set(TreasuryRateSource.TREASURY_URL, "https://127.0.0.1/xml#y")
            .build();

    ConfigurationException e =
        assertThrows(ConfigurationException.class, () -> TreasuryRateSource.create(config));

    assertTrue(
        e.getMessage().startsWith("TREASURY_URL='https://127.0.0.1/xml#y' has a #fragment"),
        e.getMessage());
    assertEquals(
        TreasuryRateSource.DEFAULT_URL,
        TreasuryRateSource.create(ScrillaConfig.defaults()).baseUrl().toString());
  }
}
