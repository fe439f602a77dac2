package io.scrilla.services.alphavantage;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.scrilla.api.config.ScrillaConfig;
import io.scrilla.api.error.ConfigurationException;
import io.scrilla.api.model.Asset;
import io.scrilla.api.model.DateRange;
import io.scrilla.api.spi.DividendSource;
import io.scrilla.api.spi.DividendSourceProvider;
import io.scrilla.api.spi.PriceSource;
import io.scrilla.api.spi.PriceSourceProvider;
import io.scrilla.api.spi.Providers;
import io.scrilla.services.http.LocalHttpServer;
import io.scrilla.services.http.LocalHttpServer.Reply;
import io.scrilla.services.http.Resources;
import org.junit.jupiter.api.Test;

class AlphaVantageProvidersTest {

  @Test
  void find_alphaVantage_createsSourcesReadingKeyAndUrl() {
    try (LocalHttpServer server = LocalHttpServer.start()) {
      server.on(
          "/query",
          (q, n) ->
              q.get("function").equals("DIVIDENDS")
                  ? Reply.json(Resources.bytes("recorded/dis_dividends.json"))
                  : Reply.json(Resources.bytes("fixtures/spy_response.json")));
      ScrillaConfig config =
          ScrillaConfig.builder()
              .alphaVantageKey("SECRETKEY123")
              .set(AlphaVantageClient.ALPHA_VANTAGE_URL, server.url("/query").toString())
              .build();
      assertEquals("alpha_vantage", config.priceManager());
      PriceSource prices =
          Providers.find(
                  PriceSourceProvider.class, ScrillaConfig.PRICE_MANAGER, config.priceManager())
              .create(config);
      DividendSource divs =
          Providers.find(
                  DividendSourceProvider.class, ScrillaConfig.DIV_MANAGER, config.divManager())
              .create(config);
      assertTrue(prices instanceof AlphaVantagePriceSource);
      assertTrue(divs instanceof AlphaVantageDividendSource);
      assertTrue(
          prices.prices(Asset.equity("SPY"), DateRange.parse("2000-01-03", "2021-11-19")).size()
              > 1000);
      assertEquals(2, divs.dividends(Asset.equity("DIS")).size());
      assertEquals("SECRETKEY123", server.queries().get(0).get("apikey"));
      assertEquals(2, server.requests());
    }
  }

  @Test
  void create_withoutKey_configurationException() {
    ConfigurationException e =
        assertThrows(
            ConfigurationException.class,
            () ->
                Providers.find(
                        DividendSourceProvider.class, ScrillaConfig.DIV_MANAGER, "alpha_vantage")
                    .create(ScrillaConfig.defaults()));
    assertTrue(e.getMessage().contains("ALPHA_VANTAGE_KEY"), e.getMessage());
  }
}
