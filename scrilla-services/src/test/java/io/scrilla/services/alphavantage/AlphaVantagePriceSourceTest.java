package io.scrilla.services.alphavantage;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.scrilla.api.config.ScrillaConfig;
import io.scrilla.api.error.ConfigurationException;
import io.scrilla.api.error.PriceUnavailableException;
import io.scrilla.api.error.ServiceException;
import io.scrilla.api.model.Asset;
import io.scrilla.api.model.DateRange;
import io.scrilla.api.model.PriceHistory;
import io.scrilla.services.http.HttpSettings;
import io.scrilla.services.http.LocalHttpServer.Reply;
import io.scrilla.services.http.QuotaExceededException;
import io.scrilla.services.http.Resources;
import io.scrilla.services.http.Threads;
import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.OptionalInt;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicReference;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class AlphaVantagePriceSourceTest {
  private static final Asset SPY = Asset.equity("SPY");
  private static final Asset BTC = Asset.crypto("BTC");

  /** Starts 322 days before the fixed today: needs the full history. */
  private static final DateRange LONG = DateRange.parse("2021-01-04", "2021-11-19");

  /** Starts 113 days before the fixed today: a compact answer covers it. */
  private static final DateRange RECENT = DateRange.parse("2021-08-01", "2021-11-19");

  private final AlphaVantageFixture fx = new AlphaVantageFixture();
  private final CountDownLatch release = new CountDownLatch(1);

  @AfterEach
  void stop() {
    release.countDown();
    fx.close();
  }

  private void serve(Reply... replies) {
    fx.server.script("/query", replies);
  }

  private static Reply recorded(String name) {
    return Reply.json(Resources.bytes(name));
  }

  /** Reads a series from a fixture with a tree parser, independently of the code under test. */
  private static void assertMatchesFixture(
      PriceHistory h, String fixture, String series, String close, String open) throws IOException {
    JsonNode rows = new ObjectMapper().readTree(Resources.bytes(fixture)).get(series);
    assertEquals(rows.size(), h.size());
    for (Iterator<Map.Entry<String, JsonNode>> it = rows.fields(); it.hasNext(); ) {
      Map.Entry<String, JsonNode> e = it.next();
      int i = h.indexOf(LocalDate.parse(e.getKey()));
      assertTrue(i >= 0, "missing " + e.getKey());
      assertEquals(
          Double.parseDouble(e.getValue().get(close).asText()), h.close(i), 0.0, e.getKey());
      assertEquals(Double.parseDouble(e.getValue().get(open).asText()), h.open(i), 0.0, e.getKey());
    }
    for (int i = 1; i < h.size(); i++) {
      assertTrue(h.epochDay(i) > h.epochDay(i - 1));
    }
  }

  @Test
  void prices_longRange_fetchesFullHistoryWithUnadjustedCloseAndOpen() throws IOException {
    serve(recorded("fixtures/spy_response.json"));
    PriceHistory h = fx.prices().prices(SPY, LONG);
    int i = h.indexOf(LocalDate.of(2021, 11, 19));
    assertEquals(468.89, h.close(i), 1e-12);
    assertEquals(469.61, h.open(i), 1e-12);
    assertMatchesFixture(
        h, "fixtures/spy_response.json", "Time Series (Daily)", "4. close", "1. open");
    assertEquals(1, fx.server.requests());
    Map<String, String> q = fx.server.queries().get(0);
    assertEquals(
        Map.of(
            "function",
            "TIME_SERIES_DAILY",
            "symbol",
            "SPY",
            "outputsize",
            "full",
            "apikey",
            AlphaVantageFixture.KEY),
        q);
  }

  @Test
  void prices_recentRange_fetchesCompactOutput() throws IOException {
    serve(recorded("recorded/spy_compact_response.json"));
    PriceHistory h = fx.prices().prices(SPY, RECENT);
    assertEquals(100, h.size());
    assertEquals("compact", fx.server.queries().get(0).get("outputsize"));
    assertEquals(1, fx.server.requests());
    assertMatchesFixture(
        h, "recorded/spy_compact_response.json", "Time Series (Daily)", "4. close", "1. open");
  }

  @Test
  void outputSize_boundaryAt140CalendarDays() {
    AlphaVantagePriceSource s = fx.prices();
    LocalDate today = LocalDate.of(2021, 11, 22);
    assertEquals(OutputSize.COMPACT, s.outputSize(SPY, DateRange.of(today.minusDays(140), today)));
    assertEquals(OutputSize.FULL, s.outputSize(SPY, DateRange.of(today.minusDays(141), today)));
    assertEquals(OutputSize.COMPACT, s.outputSize(SPY, DateRange.of(today, today)));
    assertEquals(OutputSize.FULL, s.outputSize(BTC, DateRange.of(today, today)));
  }

  @Test
  void prices_cryptoOlderFieldNames_readsUsdCloseAndOpen() throws IOException {
    serve(recorded("fixtures/btc_response.json"));
    PriceHistory h = fx.prices().prices(BTC, RECENT);
    int i = h.indexOf(LocalDate.of(2021, 11, 21));
    assertEquals(58622.02, h.close(i), 1e-9);
    assertEquals(59707.52, h.open(i), 1e-9);
    assertMatchesFixture(
        h,
        "fixtures/btc_response.json",
        "Time Series (Digital Currency Daily)",
        "4a. close (USD)",
        "1a. open (USD)");
    assertEquals(
        Map.of(
            "function",
            "DIGITAL_CURRENCY_DAILY",
            "symbol",
            "BTC",
            "market",
            "USD",
            "apikey",
            AlphaVantageFixture.KEY),
        fx.server.queries().get(0));
  }

  @Test
  void prices_cryptoCurrentFieldNames_agreeWithTheOlderRecording() throws IOException {
    serve(recorded("recorded/btc_current_response.json"));
    PriceHistory current = fx.prices().prices(BTC, RECENT);
    assertEquals(60, current.size());
    JsonNode old =
        new ObjectMapper()
            .readTree(Resources.bytes("fixtures/btc_response.json"))
            .get("Time Series (Digital Currency Daily)");
    for (int i = 0; i < current.size(); i++) {
      JsonNode row = old.get(current.date(i).toString());
      assertEquals(Double.parseDouble(row.get("4a. close (USD)").asText()), current.close(i), 0.0);
      assertEquals(Double.parseDouble(row.get("1a. open (USD)").asText()), current.open(i), 0.0);
    }
  }

  @Test
  void prices_quotaNoteThenData_waitsTheQuotaWaitAndSucceeds() {
    serve(
        recorded("recorded/av_note_per_minute.json"),
        recorded("recorded/spy_compact_response.json"));
    PriceHistory h = fx.prices().prices(SPY, RECENT);
    assertEquals(100, h.size());
    assertEquals(2, fx.server.requests());
    assertEquals(List.of(Duration.ofSeconds(60)), fx.time.sleeps());
  }

  @Test
  void prices_quotaNoteEveryTime_failsRetryableAfterQuotaRetries() {
    serve(recorded("recorded/av_note_per_minute.json"));
    QuotaExceededException e =
        assertThrows(QuotaExceededException.class, () -> fx.prices().prices(SPY, RECENT));
    assertEquals(3, fx.server.requests());
    assertTrue(e.retryable());
    assertTrue(e.shortTerm());
    assertTrue(e.getMessage().contains("SPY") && e.getMessage().contains("quota"), e.getMessage());
  }

  @Test
  void prices_dailyLimit_failsAtOnceWithoutEchoingTheKey() {
    fx.server.on(
        "/query",
        (q, n) ->
            Reply.json(
                AlphaVantageFixture.echoingKey("recorded/av_information_daily_limit.json", q)));
    QuotaExceededException e =
        assertThrows(QuotaExceededException.class, () -> fx.prices().prices(SPY, RECENT));
    assertEquals(1, fx.server.requests());
    assertTrue(fx.time.sleeps().isEmpty());
    assertFalse(e.shortTerm());
    assertTrue(e.retryable());
    assertTrue(e.getMessage().contains("25 requests per day"), e.getMessage());
    assertFalse(e.getMessage().contains(AlphaVantageFixture.KEY), e.getMessage());
  }

  @Test
  void prices_invalidKeyErrorMessage_failsNotRetryableNamingTheVariable() {
    serve(recorded("recorded/av_error_invalid_key.json"));
    ServiceException e =
        assertThrows(ServiceException.class, () -> fx.prices().prices(SPY, RECENT));
    assertFalse(e instanceof QuotaExceededException);
    assertFalse(e.retryable());
    assertTrue(e.getMessage().contains("ALPHA_VANTAGE_KEY"), e.getMessage());
    assertEquals(1, fx.server.requests());
  }

  @Test
  void prices_invalidKeyInformation_failsNotRetryable() {
    serve(recorded("recorded/av_information_invalid_key.json"));
    ServiceException e =
        assertThrows(ServiceException.class, () -> fx.prices().prices(SPY, RECENT));
    assertFalse(e instanceof QuotaExceededException);
    assertFalse(e.retryable());
    assertTrue(e.getMessage().contains("rejected the API key"), e.getMessage());
    assertEquals(1, fx.server.requests());
  }

  @Test
  void prices_unknownSymbol_priceUnavailableNamingTheTicker() {
    serve(recorded("recorded/av_error_unknown_symbol.json"));
    PriceUnavailableException e =
        assertThrows(
            PriceUnavailableException.class,
            () -> fx.prices().prices(Asset.equity("NOSUCH"), RECENT));
    assertTrue(e.getMessage().contains("'NOSUCH'"), e.getMessage());
    assertEquals(1, fx.server.requests());
  }

  @Test
  void prices_premiumOnlyAnswer_failsNotRetryable() {
    serve(recorded("recorded/av_information_premium.json"));
    ServiceException e = assertThrows(ServiceException.class, () -> fx.prices().prices(SPY, LONG));
    assertFalse(e.retryable());
    assertTrue(e.getMessage().contains("premium"), e.getMessage());
  }

  @Test
  void prices_http500Always_retriedThenFailsRetryable() {
    serve(Reply.status(500));
    ServiceException e =
        assertThrows(ServiceException.class, () -> fx.prices().prices(SPY, RECENT));
    assertEquals(3, fx.server.requests());
    assertTrue(e.retryable());
    assertEquals(OptionalInt.of(500), e.httpStatus());
  }

  @Test
  void prices_http503ThenData_succeedsOnTheSecondRequest() {
    serve(Reply.status(503), recorded("recorded/spy_compact_response.json"));
    assertEquals(100, fx.prices().prices(SPY, RECENT).size());
    assertEquals(2, fx.server.requests());
  }

  @Test
  void prices_http429WithRetryAfter_waitsAsAskedThenSucceeds() {
    serve(
        Reply.status(429).header("Retry-After", "30"),
        recorded("recorded/spy_compact_response.json"));
    assertEquals(100, fx.prices().prices(SPY, RECENT).size());
    assertEquals(List.of(Duration.ofSeconds(30)), fx.time.sleeps());
  }

  @Test
  void prices_truncatedJson_failsNamingTheTicker() {
    serve(recorded("recorded/spy_compact_truncated.json"));
    ServiceException e =
        assertThrows(ServiceException.class, () -> fx.prices().prices(SPY, RECENT));
    assertTrue(
        e.getMessage().contains("SPY") && e.getMessage().contains("not valid JSON"),
        e.getMessage());
    assertEquals(1, fx.server.requests());
  }

  @Test
  void prices_htmlContentType_failsWithoutParsing() {
    serve(Reply.ok("text/html", Resources.bytes("recorded/maintenance.html")));
    ServiceException e =
        assertThrows(ServiceException.class, () -> fx.prices().prices(SPY, RECENT));
    assertTrue(e.getMessage().contains("text/html"), e.getMessage());
    assertEquals(1, fx.server.requests());
  }

  @Test
  void prices_slowerThanTheRequestTimeout_failsRetryable() {
    AlphaVantageFixture slow =
        new AlphaVantageFixture(
            HttpSettings.builder().requestTimeout(Duration.ofSeconds(1)).maxAttempts(2));
    try {
      slow.server.on(
          "/query",
          (q, n) ->
              "WARM".equals(q.get("symbol"))
                  ? Reply.status(404)
                  : recorded("recorded/spy_compact_response.json").heldBy(release));
      assertThrows(
          ServiceException.class, () -> slow.prices().prices(Asset.equity("WARM"), RECENT));
      ServiceException e =
          assertThrows(ServiceException.class, () -> slow.prices().prices(SPY, RECENT));
      assertTrue(e.retryable());
      assertTrue(e.getMessage().contains("within"), e.getMessage());
      assertEquals(1, slow.time.sleeps().size());
    } finally {
      slow.close();
    }
  }

  private static Reply spyWith(String from, String to) {
    String body = Resources.text("recorded/spy_compact_response.json");
    assertTrue(body.contains(from), from);
    return Reply.json(body.replaceFirst(Pattern.quote(from), Matcher.quoteReplacement(to)));
  }

  @Test
  void prices_nonNumericClose_failsNamingTickerAndDate() {
    serve(spyWith("\"4. close\": \"468.8900\"", "\"4. close\": \"n/a\""));
    ServiceException e =
        assertThrows(ServiceException.class, () -> fx.prices().prices(SPY, RECENT));
    assertTrue(
        e.getMessage().contains("SPY on 2021-11-19") && e.getMessage().contains("'n/a'"),
        e.getMessage());
    assertFalse(e.retryable());
  }

  @Test
  void prices_zeroClose_failsNamingTickerAndDate() {
    serve(spyWith("\"4. close\": \"468.8900\"", "\"4. close\": \"0.0000\""));
    ServiceException e =
        assertThrows(ServiceException.class, () -> fx.prices().prices(SPY, RECENT));
    assertTrue(
        e.getMessage().contains("SPY on 2021-11-19") && e.getMessage().contains("positive"),
        e.getMessage());
  }

  @Test
  void prices_negativeOpen_failsNamingTickerAndDate() {
    serve(spyWith("\"1. open\": \"469.6100\"", "\"1. open\": \"-469.6100\""));
    ServiceException e =
        assertThrows(ServiceException.class, () -> fx.prices().prices(SPY, RECENT));
    assertTrue(
        e.getMessage().contains("SPY on 2021-11-19") && e.getMessage().contains("open"),
        e.getMessage());
  }

  @Test
  void prices_duplicateDate_failsNamingTheDate() {
    serve(spyWith("\"2021-11-18\": {", "\"2021-11-19\": {"));
    ServiceException e =
        assertThrows(ServiceException.class, () -> fx.prices().prices(SPY, RECENT));
    assertTrue(e.getMessage().contains("2021-11-19 appears twice"), e.getMessage());
  }

  @Test
  void prices_answerForAnotherSymbol_fails() {
    serve(spyWith("\"2. Symbol\": \"SPY\"", "\"2. Symbol\": \"QQQ\""));
    ServiceException e =
        assertThrows(ServiceException.class, () -> fx.prices().prices(SPY, RECENT));
    assertTrue(e.getMessage().contains("'QQQ', not SPY"), e.getMessage());
  }

  @Test
  void prices_emptySeries_priceUnavailable() {
    serve(Reply.json("{\"Meta Data\": {\"2. Symbol\": \"SPY\"}, \"Time Series (Daily)\": {}}"));
    assertThrows(PriceUnavailableException.class, () -> fx.prices().prices(SPY, RECENT));
  }

  @Test
  void prices_noSeriesAndNoNotice_failsNamingTheMissingObject() {
    serve(Reply.json("{\"Meta Data\": {\"2. Symbol\": \"SPY\"}}"));
    ServiceException e =
        assertThrows(ServiceException.class, () -> fx.prices().prices(SPY, RECENT));
    assertTrue(e.getMessage().contains("Time Series (Daily)"), e.getMessage());
  }

  @Test
  void prices_twoConcurrentIdenticalRequests_oneFetch() throws Exception {
    serve(recorded("recorded/spy_compact_response.json").heldBy(release));
    AlphaVantagePriceSource source = fx.prices();
    AtomicReference<PriceHistory> first = new AtomicReference<>();
    AtomicReference<PriceHistory> second = new AtomicReference<>();
    Thread a = new Thread(() -> first.set(source.prices(SPY, RECENT)));
    a.start();
    while (fx.server.requests() == 0) {
      Thread.sleep(5);
    }
    Thread b =
        new Thread(
            () -> second.set(source.prices(SPY, DateRange.parse("2021-09-01", "2021-11-19"))));
    b.start();
    Threads.awaitWaiting(b);
    release.countDown();
    a.join();
    b.join();
    assertEquals(1, fx.server.requests());
    assertEquals(100, first.get().size());
    assertSame(first.get(), second.get());
  }

  @Test
  void latestDate_isTodayInNewYork() {
    Clock lateEvening = Clock.fixed(Instant.parse("2021-11-23T03:00:00Z"), ZoneOffset.UTC);
    assertEquals(
        LocalDate.of(2021, 11, 22),
        AlphaVantagePriceSource.of(fx.client, lateEvening).latestDate(SPY));
  }

  @Test
  void create_withoutKey_configurationErrorSayingHowToGetOne() {
    ConfigurationException e =
        assertThrows(
            ConfigurationException.class,
            () -> AlphaVantagePriceSource.create(ScrillaConfig.defaults()));
    assertTrue(
        e.getMessage().contains("ALPHA_VANTAGE_KEY")
            && e.getMessage().contains("alphavantage.co/support"),
        e.getMessage());
  }

  @Test
  void prices_urlWithItsOwnQuery_keepsItAndAddsTheParameters() {
    AlphaVantageClient c =
        AlphaVantageClient.builder()
            .apiKey(AlphaVantageFixture.KEY)
            .url(fx.server.url("/query?datatype=json"))
            .fetcher(fx.client.fetcher())
            .build();
    serve(recorded("recorded/spy_compact_response.json"));
    AlphaVantagePriceSource.of(c, AlphaVantageFixture.CLOCK).prices(SPY, RECENT);
    Map<String, String> q = fx.server.queries().get(0);
    assertEquals("json", q.get("datatype"));
    assertEquals("TIME_SERIES_DAILY", q.get("function"));
  }

  @Test
  void toString_neverShowsTheKey() {
    String s = fx.prices().toString() + fx.client + fx.dividends();
    assertTrue(s.contains("127.0.0.1"), s);
    assertFalse(s.contains(AlphaVantageFixture.KEY), s);
  }
}
