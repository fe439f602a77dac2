package io.scrilla.services.alphavantage;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.scrilla.api.error.PriceUnavailableException;
import io.scrilla.api.error.ServiceException;
import io.scrilla.api.model.Asset;
import io.scrilla.api.model.Dividend;
import io.scrilla.services.http.LocalHttpServer.Reply;
import io.scrilla.services.http.QuotaExceededException;
import io.scrilla.services.http.Resources;
import java.io.IOException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class AlphaVantageDividendSourceTest {
  private final AlphaVantageFixture fx = new AlphaVantageFixture();

  @AfterEach
  void stop() {
    fx.close();
  }

  /** The dividends of the original IEX recording: payment date and amount, ascending. */
  private static List<Dividend> fromIexRecording(String ticker) throws IOException {
    JsonNode rows =
        new ObjectMapper().readTree(Resources.bytes("fixtures/" + ticker + "_div_response.json"));
    List<Dividend> out = new ArrayList<>();
    for (JsonNode r : rows) {
      out.add(
          new Dividend(LocalDate.parse(r.get("paymentDate").asText()), r.get("amount").asDouble()));
    }
    out.sort(Comparator.comparing(Dividend::date));
    return out;
  }

  @ParameterizedTest
  @ValueSource(strings = {"ally", "bx", "dis"})
  void dividends_recordedAnswer_matchesTheOriginalRecording(String ticker) throws IOException {
    fx.server.script(
        "/query", Reply.json(Resources.bytes("recorded/" + ticker + "_dividends.json")));
    List<Dividend> divs = fx.dividends().dividends(Asset.equity(ticker));
    assertEquals(fromIexRecording(ticker), divs);
    assertEquals(
        Map.of(
            "function",
            "DIVIDENDS",
            "symbol",
            ticker.toUpperCase(Locale.ROOT),
            "apikey",
            AlphaVantageFixture.KEY),
        fx.server.queries().get(0));
  }

  @Test
  void dividends_ally_spotValues() {
    fx.server.script("/query", Reply.json(Resources.bytes("recorded/ally_dividends.json")));
    List<Dividend> divs = fx.dividends().dividends(Asset.equity("ALLY"));
    assertEquals(20, divs.size());
    assertEquals(new Dividend(LocalDate.of(2021, 11, 15), 0.25), divs.get(divs.size() - 1));
    assertEquals(new Dividend(LocalDate.of(2017, 2, 15), 0.08), divs.get(0));
  }

  private static Reply allyWith(String from, String to) {
    String body = Resources.text("recorded/ally_dividends.json");
    assertTrue(body.contains(from), from);
    return Reply.json(body.replaceFirst(Pattern.quote(from), Matcher.quoteReplacement(to)));
  }

  @Test
  void dividends_paymentDateNone_usesTheExDividendDate() {
    fx.server.script(
        "/query", allyWith("\"payment_date\": \"2021-11-15\"", "\"payment_date\": \"None\""));
    List<Dividend> divs = fx.dividends().dividends(Asset.equity("ALLY"));
    assertEquals(new Dividend(LocalDate.of(2021, 10, 29), 0.25), divs.get(divs.size() - 1));
  }

  @Test
  void dividends_amountNone_failsNamingTickerAndDate() {
    fx.server.script("/query", allyWith("\"amount\": \"0.25\"", "\"amount\": \"None\""));
    ServiceException e =
        assertThrows(ServiceException.class, () -> fx.dividends().dividends(Asset.equity("ALLY")));
    assertTrue(
        e.getMessage().contains("ALLY dividend of 2021-11-15") && e.getMessage().contains("'None'"),
        e.getMessage());
  }

  @Test
  void dividends_negativeAmount_fails() {
    fx.server.script("/query", allyWith("\"amount\": \"0.25\"", "\"amount\": \"-0.25\""));
    ServiceException e =
        assertThrows(ServiceException.class, () -> fx.dividends().dividends(Asset.equity("ALLY")));
    assertTrue(e.getMessage().contains("not a finite positive number"), e.getMessage());
  }

  @Test
  void dividends_outOfOrder_failsNamingTheDate() {
    // the third entry (2021-04-29) moved after 2021-07-30 breaks the newest-first order
    fx.server.script(
        "/query",
        allyWith("\"ex_dividend_date\": \"2021-04-29\"", "\"ex_dividend_date\": \"2021-09-30\""));
    ServiceException e =
        assertThrows(ServiceException.class, () -> fx.dividends().dividends(Asset.equity("ALLY")));
    assertTrue(
        e.getMessage().contains("out of order at ex-dividend date 2021-09-30"), e.getMessage());
  }

  @Test
  void dividends_duplicateExDate_failsNamingTheDate() {
    fx.server.script(
        "/query",
        allyWith("\"ex_dividend_date\": \"2021-07-30\"", "\"ex_dividend_date\": \"2021-10-29\""));
    ServiceException e =
        assertThrows(ServiceException.class, () -> fx.dividends().dividends(Asset.equity("ALLY")));
    assertTrue(e.getMessage().contains("2021-10-29 appears twice"), e.getMessage());
  }

  @Test
  void dividends_badDate_failsNamingTheField() {
    fx.server.script(
        "/query", allyWith("\"payment_date\": \"2021-11-15\"", "\"payment_date\": \"15/11/2021\""));
    ServiceException e =
        assertThrows(ServiceException.class, () -> fx.dividends().dividends(Asset.equity("ALLY")));
    assertTrue(e.getMessage().contains("payment_date '15/11/2021'"), e.getMessage());
  }

  @Test
  void dividends_emptyData_emptyList() {
    fx.server.script("/query", Reply.json("{\"symbol\": \"SPY\", \"data\": []}"));
    assertTrue(fx.dividends().dividends(Asset.equity("SPY")).isEmpty());
  }

  @Test
  void dividends_crypto_noRequestAndNoDividends() {
    assertTrue(fx.dividends().dividends(Asset.crypto("BTC")).isEmpty());
    assertEquals(0, fx.server.requests());
  }

  @Test
  void dividends_unknownSymbol_priceUnavailableNamingTheTicker() {
    fx.server.script(
        "/query", Reply.json(Resources.bytes("recorded/av_error_unknown_symbol.json")));
    PriceUnavailableException e =
        assertThrows(
            PriceUnavailableException.class,
            () -> fx.dividends().dividends(Asset.equity("NOSUCH")));
    assertTrue(e.getMessage().contains("'NOSUCH'"), e.getMessage());
  }

  @Test
  void dividends_dailyLimit_quotaExceeded() {
    fx.server.on(
        "/query",
        (q, n) ->
            Reply.json(
                AlphaVantageFixture.echoingKey("recorded/av_information_daily_limit.json", q)));
    QuotaExceededException e =
        assertThrows(
            QuotaExceededException.class, () -> fx.dividends().dividends(Asset.equity("ALLY")));
    assertFalse(e.getMessage().contains(AlphaVantageFixture.KEY));
    assertEquals(1, fx.server.requests());
  }

  @Test
  void dividends_truncatedJson_fails() {
    byte[] all = Resources.bytes("recorded/ally_dividends.json");
    fx.server.script("/query", Reply.json(Arrays.copyOf(all, all.length / 2)));
    ServiceException e =
        assertThrows(ServiceException.class, () -> fx.dividends().dividends(Asset.equity("ALLY")));
    assertTrue(
        e.getMessage().contains("ALLY") && e.getMessage().contains("not valid JSON"),
        e.getMessage());
  }
}
