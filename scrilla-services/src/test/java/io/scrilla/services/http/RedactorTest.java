package io.scrilla.services.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.List;
import org.junit.jupiter.api.Test;

class RedactorTest {
  private final Redactor r = Redactor.of(List.of("SECRETKEY123"));

  @Test
  void redact_keyAnywhere_masked() {
    assertEquals(
        "We have detected your API key as **** and ...",
        r.redact("We have detected your API key as SECRETKEY123 and ..."));
  }

  @Test
  void redact_apikeyParameterWithAnyValue_masked() {
    assertEquals(
        "http://h/q?function=X&apikey=****&symbol=SPY",
        Redactor.none().redact("http://h/q?function=X&apikey=OTHER&symbol=SPY"));
    assertEquals("url ...?api_key=**** end", Redactor.none().redact("url ...?api_key=abc end"));
  }

  @Test
  void redact_null_isEmpty() {
    assertEquals("", r.redact(null));
  }

  @Test
  void sanitize_chainOfCauses_keepsClassNamesAndDropsTheKey() {
    Exception inner = new IOException("GET http://h/q?apikey=SECRETKEY123 failed");
    Exception outer = new RuntimeException("wrapped SECRETKEY123", inner);
    Throwable safe = r.sanitize(outer);
    StringWriter sw = new StringWriter();
    safe.printStackTrace(new PrintWriter(sw));
    String all = sw.toString();
    assertFalse(all.contains("SECRETKEY123"), all);
    assertTrue(all.contains("java.lang.RuntimeException: wrapped ****"), all);
    assertTrue(all.contains("java.io.IOException: GET http://h/q?apikey=**** failed"), all);
    assertEquals(outer.getStackTrace().length, safe.getStackTrace().length);
  }
}
