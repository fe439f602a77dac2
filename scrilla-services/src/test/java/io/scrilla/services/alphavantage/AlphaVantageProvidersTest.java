package io.scrilla.services.alphavantage;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.scrilla.api.config.ScrillaConfig;
import io.scrilla.api.error.ConfigurationException;
import io.scrilla.api.model.Asset;
import io.scrilla.api.model.DateRange;
import io.scrilla.api.spi.Coordination;
import io.scrilla.api.spi.DividendSource;
import io.scrilla.api.spi.DividendSourceProvider;
import io.scrilla.api.spi.PriceSource;
import io.scrilla.api.spi.PriceSourceProvider;
import io.scrilla.api.spi.Providers;
import io.scrilla.api.spi.RequestBudget;
import io.scrilla.services.http.LocalHttpServer;
import io.scrilla.services.http.LocalHttpServer.Reply;
import io.scrilla.services.http.Resources;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;
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

  /** A coordination that records the budgets asked for and counts the requests taken. */
  private static final class RecordingCoordination implements Coordination {
    final List<String> budgets = new ArrayList<>();
    final AtomicInteger taken = new AtomicInteger();

    @Override
    public <T> T exclusively(String key, Supplier<T> work) {
      return work.get();
    }

    @Override
    public RequestBudget budget(String name, int requests, Duration period) {
      budgets.add(name + " " + requests + " " + period);
      return new RequestBudget() {
        @Override
        public Duration tryTake() {
          taken.incrementAndGet();
          return Duration.ZERO;
        }

        @Override
        public String description() {
          return requests + " per " + period;
        }
      };
    }
  }

  @Test
  void create_withCoordination_takesEveryRequestFromTheKeysSharedBudget() {
    try (LocalHttpServer server = LocalHttpServer.start()) {
      server.on(
          "/query",
          (q, n) ->
              q.get("function").equals("DIVIDENDS")
                  ? Reply.json(Resources.bytes("recorded/dis_dividends.json"))
                  : Reply.json(Resources.bytes("recorded/spy_compact_response.json")));
      ScrillaConfig config =
          ScrillaConfig.builder()
              .alphaVantageKey("SECRETKEY123")
              .set(AlphaVantageClient.ALPHA_VANTAGE_URL, server.url("/query").toString())
              .set(ScrillaConfig.ALPHA_VANTAGE_REQUESTS_PER_MINUTE, "3")
              .set(ScrillaConfig.ALPHA_VANTAGE_BUDGET_PERIOD_SECONDS, "2")
              .build();
      RecordingCoordination coordination = new RecordingCoordination();
      PriceSource prices =
          Providers.find(PriceSourceProvider.class, ScrillaConfig.PRICE_MANAGER, "alpha_vantage")
              .create(config, coordination);
      DividendSource divs =
          Providers.find(DividendSourceProvider.class, ScrillaConfig.DIV_MANAGER, "alpha_vantage")
              .create(config, coordination);
      prices.prices(Asset.equity("SPY"), DateRange.parse("2021-11-01", "2021-11-19"));
      divs.dividends(Asset.equity("DIS"));
      String name = AlphaVantageClient.budgetName("SECRETKEY123");
      assertEquals(List.of(name + " 3 PT2S", name + " 3 PT2S"), coordination.budgets);
      assertEquals(2, coordination.taken.get());
      assertEquals(2, server.requests());
      assertTrue(name.matches("alpha_vantage:[0-9a-f]{32}"), name);
      assertFalse(name.toLowerCase(Locale.ROOT).contains("secretkey123"), name);
      assertNotEquals(name, AlphaVantageClient.budgetName("SECRETKEY124"));
    }
  }

  @Test
  void create_budgetOfZero_keepsNoSharedBudget() {
    RecordingCoordination coordination = new RecordingCoordination();
    ScrillaConfig config =
        ScrillaConfig.builder()
            .alphaVantageKey("SECRETKEY123")
            .set(ScrillaConfig.ALPHA_VANTAGE_REQUESTS_PER_MINUTE, "0")
            .build();
    AlphaVantageClient client = AlphaVantageClient.create(config, coordination);
    assertSame(RequestBudget.unlimited(), client.budget());
    assertEquals(List.of(), coordination.budgets);
  }

  @Test
  void create_defaults_fivePerMinute() {
    RecordingCoordination coordination = new RecordingCoordination();
    AlphaVantageClient.create(
        ScrillaConfig.builder().alphaVantageKey("SECRETKEY123").build(), coordination);
    assertEquals(
        List.of(AlphaVantageClient.budgetName("SECRETKEY123") + " 5 PT1M"), coordination.budgets);
  }
}
