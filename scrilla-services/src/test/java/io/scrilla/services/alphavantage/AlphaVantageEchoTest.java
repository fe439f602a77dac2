package io.scrilla.services.alphavantage;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.scrilla.api.error.ErrorCode;
import io.scrilla.api.error.MalformedResponseException;
import io.scrilla.api.error.ScrillaException;
import io.scrilla.api.model.Asset;
import io.scrilla.api.model.DateRange;
import io.scrilla.services.http.LocalHttpServer.Reply;
import io.scrilla.services.http.Resources;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * A service that echoes outside text in its data: the API key in any field and any form, and
 * terminal escape sequences. Neither may reach a message or a stack trace.
 */
class AlphaVantageEchoTest {
  private static final String KEY = AlphaVantageFixture.KEY;
  private static final Asset SPY = Asset.equity("SPY");
  private static final Asset BX = Asset.equity("BX");
  private static final DateRange RECENT = DateRange.parse("2021-08-01", "2021-11-19");
  private static final Pattern PERCENT = Pattern.compile("%([0-9A-Fa-f]{2})");

  private final AlphaVantageFixture fx = new AlphaVantageFixture();

  @AfterEach
  void stop() {
    fx.close();
  }

  /** The forms a service may echo the key in. */
  static Stream<String> keyForms() {
    StringBuilder encoded = new StringBuilder();
    for (char c : KEY.toCharArray()) {
      encoded.append(String.format(Locale.ROOT, "%%%02X", (int) c));
    }
    return Stream.of(
        KEY,
        KEY.toLowerCase(Locale.ROOT),
        "SeCrEtKeY123",
        encoded.toString(),
        encoded.toString().toLowerCase(Locale.ROOT),
        "SECRET%4bEY123");
  }

  /** Where in an answer the echo is placed: (name, body with the echo, price or dividend call). */
  static Stream<Arguments> placements() {
    String spy = Resources.text("recorded/spy_compact_response.json");
    String bx = Resources.text("recorded/bx_dividends.json");
    return keyForms()
        .flatMap(
            k ->
                Stream.of(
                    Arguments.of(
                        "close price",
                        replace(spy, "\"4. close\": \"468.8900\"", "\"4. close\": \"" + k + "\""),
                        k,
                        true),
                    Arguments.of(
                        "open price",
                        replace(spy, "\"1. open\": \"469.6100\"", "\"1. open\": \"" + k + "\""),
                        k,
                        true),
                    Arguments.of(
                        "date", replace(spy, "\"2021-11-18\": {", "\"" + k + "\": {"), k, true),
                    Arguments.of(
                        "symbol",
                        replace(spy, "\"2. Symbol\": \"SPY\"", "\"2. Symbol\": \"" + k + "\""),
                        k,
                        true),
                    Arguments.of("notice", "{\"Information\": \"odd key " + k + "\"}", k, true),
                    Arguments.of(
                        "dividend amount",
                        replace(bx, "\"amount\": \"1.09\"", "\"amount\": \"" + k + "\""),
                        k,
                        false),
                    Arguments.of(
                        "dividend date",
                        replace(
                            bx,
                            "\"payment_date\": \"2021-11-08\"",
                            "\"payment_date\": \"" + k + "\""),
                        k,
                        false),
                    Arguments.of(
                        "dividend symbol",
                        replace(bx, "\"symbol\": \"BX\"", "\"symbol\": \"" + k + "\""),
                        k,
                        false)));
  }

  private static String replace(String text, String from, String to) {
    String out = text.replaceFirst(Pattern.quote(from), Matcher.quoteReplacement(to));
    assertTrue(!out.equals(text), "fixture lacks " + from);
    return out;
  }

  @ParameterizedTest(name = "{0}: {2}")
  @MethodSource("placements")
  void echoedKey_anyFieldAnyForm_neverInTheMessageOrTrace(
      String where, String body, String form, boolean prices) {
    fx.server.script("/query", Reply.json(body));

    ScrillaException e =
        assertThrows(
            ScrillaException.class,
            () -> {
              if (prices) {
                fx.prices().prices(SPY, RECENT);
              } else {
                fx.dividends().dividends(BX);
              }
            });

    String all = stackTrace(e);
    assertFalse(
        decoded(all).toLowerCase(Locale.ROOT).contains(KEY.toLowerCase(Locale.ROOT)),
        where + " leaks " + form + ": " + all);
    assertTrue(e.getMessage().contains("****"), e.getMessage());
  }

  @Test
  void escapeSequences_inAPriceAndANotice_areEscaped() {
    String spy = Resources.text("recorded/spy_compact_response.json");
    List<String> bodies =
        List.of(
            replace(
                spy,
                "\"4. close\": \"468.8900\"",
                "\"4. close\": \"\\u001b]0;pwned\\u0007\\u001b[2J\""),
            "{\"Information\": \"\\u001b[2J\\u001b[31mread me\\u009b\\u202e\"}");
    for (String body : bodies) {
      fx.server.script("/query", Reply.json(body));
      ScrillaException e =
          assertThrows(ScrillaException.class, () -> fx.prices().prices(SPY, RECENT));
      for (char c : e.getMessage().toCharArray()) {
        assertTrue(
            c >= 0x20 && c != 0x7F && !(c >= 0x80 && c < 0xA0) && c != 0x202E,
            "control character " + (int) c + " in " + e.getMessage());
      }
      assertTrue(e.getMessage().contains("\\u001B"), e.getMessage());
    }
  }

  @Test
  void badPrice_isAParseFailure_notAnHttp200ServiceError() {
    String spy = Resources.text("recorded/spy_compact_response.json");
    fx.server.script(
        "/query", Reply.json(replace(spy, "\"4. close\": \"468.8900\"", "\"4. close\": \"n/a\"")));

    MalformedResponseException e =
        assertThrows(MalformedResponseException.class, () -> fx.prices().prices(SPY, RECENT));

    assertEquals(ErrorCode.PARSE, e.code());
    assertTrue(e.httpStatus().isEmpty());
    assertFalse(e.retryable());
    assertTrue(e.getMessage().contains("the close price 'n/a' is not a number"), e.getMessage());
  }

  @Test
  void subnormalPrice_refusedNamingTheDate() {
    String spy = Resources.text("recorded/spy_compact_response.json");
    fx.server.script(
        "/query",
        Reply.json(replace(spy, "\"4. close\": \"468.8900\"", "\"4. close\": \"1e-310\"")));

    MalformedResponseException e =
        assertThrows(MalformedResponseException.class, () -> fx.prices().prices(SPY, RECENT));

    assertTrue(
        e.getMessage().contains("SPY on 2021-11-19: the close price '1e-310'"), e.getMessage());
  }

  private static String decoded(String text) {
    return PERCENT
        .matcher(text)
        .replaceAll(
            m -> Matcher.quoteReplacement(String.valueOf((char) Integer.parseInt(m.group(1), 16))));
  }

  private static String stackTrace(Throwable e) {
    StringWriter sw = new StringWriter();
    e.printStackTrace(new PrintWriter(sw));
    return sw.toString();
  }
}
