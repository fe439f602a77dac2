package io.scrilla.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.scrilla.api.config.ScrillaConfig;
import io.scrilla.api.model.Asset;
import io.scrilla.api.model.DateRange;
import io.scrilla.api.model.PriceHistory;
import io.scrilla.api.spi.Cache;
import io.scrilla.cache.sqlite.SqliteCache;
import io.scrilla.commands.Json;
import io.scrilla.core.Scrilla;
import io.scrilla.services.alphavantage.AlphaVantageClient;
import io.scrilla.services.alphavantage.AlphaVantagePriceSource;
import io.scrilla.services.csv.CsvDataSource;
import io.scrilla.services.treasury.TreasuryRateSource;
import java.io.IOException;
import java.net.URI;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The facade, the SQLite cache and the live sources together, against a local HTTP server: fetch
 * only what the cache lacks, compact when only recent days are missing, one fetch for concurrent
 * identical requests, nothing for a fully cached range.
 */
class LiveSourcesIntegrationTest {
  /** The Monday after the recorded history's last session (Friday 2021-11-19), after the close. */
  private static final Clock CLOCK =
      Clock.fixed(Instant.parse("2021-11-22T23:00:00Z"), ZoneOffset.UTC);

  private static final Asset SPY = Asset.equity("SPY");

  @TempDir Path dir;

  private final FakeServices services = new FakeServices();

  LiveSourcesIntegrationTest() throws IOException {}

  /** Caches opened by {@link #scrilla()}: the facade leaves a cache it was given open. */
  private final List<Cache> opened = new ArrayList<>();

  @AfterEach
  void stop() {
    opened.forEach(Cache::close);
    services.close();
  }

  private Scrilla scrilla() {
    Cache cache = SqliteCache.open(dir.resolve("cache.db"));
    opened.add(cache);
    return scrilla(cache);
  }

  private Scrilla scrilla(Cache cache) {
    AlphaVantageClient client =
        AlphaVantageClient.builder()
            .apiKey("TESTKEY")
            .url(URI.create(services.alphaVantageUrl()))
            .build();
    return Scrilla.builder()
        .priceSource(AlphaVantagePriceSource.of(client, CLOCK))
        .interestRateSource(
            TreasuryRateSource.builder()
                .baseUrl(URI.create(services.treasuryUrl()))
                .clock(CLOCK)
                .build())
        .cache(cache)
        .clock(CLOCK)
        .build();
  }

  @Test
  void prices_emptyCacheOldWindow_oneFullFetchThenNothing() {
    DateRange r = DateRange.parse("2021-01-04", "2021-06-30");
    try (Scrilla s = scrilla()) {
      PriceHistory first = s.prices(SPY, r);
      assertEquals(1, services.requests.size());
      assertEquals(1, services.count("outputsize=full"));
      assertEquals(CsvDataSource.bundledSample().prices(SPY, r), first);
      s.prices(SPY, r);
      s.prices(SPY, DateRange.parse("2021-02-01", "2021-03-31"));
      assertEquals(1, services.requests.size(), "a fully cached range makes no request");
    }
    try (Scrilla again = scrilla()) { // a new process reading the same file
      again.prices(SPY, r);
      assertEquals(1, services.requests.size());
    }
  }

  @Test
  void prices_onlyRecentDaysMissing_oneCompactFetch() {
    try (Cache cache = SqliteCache.open(dir.resolve("cache.db"));
        Scrilla s = scrilla(cache)) {
      // the cache holds SPY up to 2021-11-12 (as an earlier run would have left it)
      cache
          .prices()
          .put(
              s.marketData().priceSourceId(),
              CsvDataSource.bundledSample()
                  .prices(SPY, DateRange.parse("2021-01-04", "2021-11-12")));
      PriceHistory window = s.prices(SPY, DateRange.parse("2021-06-30", "2021-11-19"));
      assertEquals(1, services.requests.size());
      assertEquals(1, services.count("outputsize=compact"));
      assertEquals(LocalDates.of("2021-11-19"), window.lastDate());
      assertEquals(
          CsvDataSource.bundledSample().prices(SPY, DateRange.parse("2021-06-30", "2021-11-19")),
          window);
    }
  }

  @Test
  void riskProfile_concurrentIdenticalRequests_oneFetch() throws Exception {
    services.delayMillis = 200;
    ExecutorService pool = Executors.newFixedThreadPool(3);
    try (Scrilla s = scrilla()) {
      Callable<Object> call = () -> s.riskProfile(SPY);
      List<Future<Object>> fs = pool.invokeAll(List.of(call, call, call));
      for (Future<Object> f : fs) {
        assertEquals(fs.get(0).get(), f.get());
      }
      assertEquals(1, services.requests.size(), services.requests.toString());
    } finally {
      pool.shutdown();
    }
  }

  @Test
  void riskProfile_defaultWindow_endsAtLastCompletedSession() {
    try (Scrilla s = scrilla()) {
      DateRange r = s.defaultRange(List.of(SPY));
      // 2021-11-22 23:00 UTC is 18:00 in New York, after the close: the Monday counts
      assertEquals(LocalDates.of("2021-11-22"), r.end());
    }
  }

  @Test
  void cli_pricesAndRiskFree_fromLiveServices() {
    ScrillaConfig c =
        ScrillaConfig.builder()
            .alphaVantageKey("TESTKEY")
            .set("ALPHA_VANTAGE_URL", services.alphaVantageUrl())
            .set("TREASURY_URL", services.treasuryUrl())
            .cacheMode("sqlite")
            .sqliteFile(dir.resolve("cli.db"))
            .build();
    var prices =
        CliHarness.runConfigured(
            c, "prices", "SPY", "--start", "2021-11-15", "--end", "2021-11-19", "--json");
    assertEquals(0, prices.code(), prices.err());
    assertTrue(
        !prices.err().contains("sample"), "no sample-data notice with a key: " + prices.err());
    JsonNode rows = Json.parse(prices.out()).get("SPY");
    assertEquals(5, rows.size());
    assertEquals(468.89, rows.get(4).get("close").doubleValue());

    List<String> heard = new ArrayList<>();
    var rf =
        CliHarness.runConfigured(
            c,
            (task, done, total) -> heard.add(task + " " + done + "/" + total),
            "risk-free",
            "--date",
            "2021-11-19",
            "--json");
    assertEquals(0, rf.code(), rf.err());
    assertEquals(0.0018, Json.parse(rf.out()).get("risk_free_rate").doubleValue());
    assertEquals(1, services.count("field_tdr_date_value=2021"));
    assertEquals(List.of("treasury 2021 1/1"), heard, "the fetch reports its progress");
    assertTrue(!rf.err().contains("treasury"), "no progress when stderr is no terminal");

    var divs = CliHarness.runConfigured(c, "dividends", "DIS", "--json");
    assertEquals(0, divs.code(), divs.err());
    JsonNode dis = Json.parse(divs.out()).get("DIS");
    assertEquals(2, dis.size());
    assertEquals("2019-07-25", dis.get(0).get("date").asText());
    assertEquals(0.88, dis.get(1).get("amount").doubleValue());

    var curve = CliHarness.runConfigured(c, "yield-curve", "--date", "2021-06-30", "--json");
    assertEquals(0, curve.code(), curve.err());
    assertEquals(0.0145, Json.parse(curve.out()).get("TEN_YEAR").doubleValue());

    var unknown =
        CliHarness.runConfigured(
            c, "prices", "NOSUCH", "--start", "2021-11-15", "--end", "2021-11-19");
    assertEquals(1, unknown.code());
    assertTrue(
        unknown.err().contains("NOSUCH") && !unknown.err().contains("TESTKEY"), unknown.err());
  }

  /** Parses ISO dates. */
  private static final class LocalDates {
    static LocalDate of(String s) {
      return LocalDate.parse(s);
    }
  }
}
