package io.scrilla.api.error;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.OptionalInt;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class SafeTextTest {
  private static final String KEY = "SAFETEXTKEY42";

  static {
    SafeText.registerSecret(KEY);
  }

  @Test
  void names_listsTenAtMostWithTheCount() {
    assertEquals("none", SafeText.names(List.of()));
    assertEquals("A", SafeText.names(List.of("A")));
    List<String> ten = IntStream.range(0, 10).mapToObj(i -> "T" + i).toList();
    assertEquals(String.join(", ", ten), SafeText.names(ten));
    List<String> many = IntStream.range(0, 500).mapToObj(i -> "T" + i).toList();
    assertEquals(String.join(", ", ten) + ", ... (500 in all)", SafeText.names(many));
  }

  @Test
  void redact_everyFormOfARegisteredSecret_masked() {
    assertEquals("a **** b", SafeText.redact("a SAFETEXTKEY42 b"));
    assertEquals("a **** b", SafeText.redact("a safetextkey42 b"));
    assertEquals("a **** b", SafeText.redact("a SafeTextKey42 b"));
    assertEquals("a **** b", SafeText.redact("a %53%41%46%45%54%45%58%54%4B%45%59%34%32 b"));
    assertEquals("a **** b", SafeText.redact("a %73afe%74extkey%34%32 b"));
    assertEquals("u?apikey=****&x=1", SafeText.redact("u?apikey=anything&x=1"));
    assertEquals("", SafeText.redact(null));
  }

  @Test
  void of_controlCharacters_escapedAndOtherTextKept() {
    assertEquals(
        "\\u001B]0;title\\u0007 \\u001B[2J", SafeText.of("\u001b]0;title\u0007 \u001b[2J"));
    assertEquals("a\\nb\\rc\\td", SafeText.of("a\nb\rc\td"));
    assertEquals("\\u009B1m \\u202Eevil", SafeText.of("\u009b1m \u202eevil"));
    assertEquals(
        "C:\\data\\SPY.csv caf\u00e9 \u20ac", SafeText.of("C:\\data\\SPY.csv caf\u00e9 \u20ac"));
  }

  @Test
  void quote_longText_cutAndQuoted() {
    String longText = "x".repeat(500);
    String q = SafeText.quote(longText);
    assertTrue(q.startsWith("'" + "x".repeat(SafeText.MAX_QUOTED) + "...(500 characters)"), q);
    assertEquals("'a\\u001Bb'", SafeText.quote("a\u001bb"));
  }

  @Test
  void exceptionMessage_isMadeSafeOnConstruction() {
    ScrillaException e = new InvalidInputException("close 'safetextkey42\u001b[2J' is bad");
    assertEquals("close '****\\u001B[2J' is bad", e.getMessage());
    assertFalse(new ServiceException("x %53AFETEXTKEY42", true).getMessage().contains("42"));
  }

  @Test
  void codes_eachSubtypeHasItsStableCode() {
    assertEquals(ErrorCode.INVALID_INPUT, new InvalidInputException("m").code());
    assertEquals(ErrorCode.CONFIGURATION, new ConfigurationException("m").code());
    assertEquals(ErrorCode.SAMPLE_TOO_SMALL, new SampleSizeException("m").code());
    assertEquals(ErrorCode.PRICE_UNAVAILABLE, new PriceUnavailableException("m").code());
    assertEquals(ErrorCode.CACHE, new CacheException("m").code());
    assertEquals(ErrorCode.SERVICE_UNAVAILABLE, new ServiceException("m", 503, true, null).code());
    assertEquals(ErrorCode.SERVICE_REFUSED, new ServiceException("m", 404, false, null).code());
    MalformedResponseException parse = new MalformedResponseException("m", true);
    assertEquals(ErrorCode.PARSE, parse.code());
    assertEquals(OptionalInt.empty(), parse.httpStatus());
  }
}
