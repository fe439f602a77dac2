package io.scrilla.api.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.scrilla.api.error.InvalidInputException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Validation and equality of source identities. */
class SourceIdTest {

  @Test
  void of_validValues_keepTheTextExactly() {
    assertEquals("alpha_vantage", SourceId.of("alpha_vantage").value());
    assertEquals("csv:/données/x y@0a1b", SourceId.of("csv:/données/x y@0a1b").toString());
    String longest = "é".repeat(SourceId.MAX_LENGTH);
    assertEquals(longest, SourceId.of(longest).value());
  }

  @Test
  void equality_isByValue() {
    assertEquals(SourceId.of("treasury"), SourceId.of("treasury"));
    assertNotEquals(SourceId.of("treasury"), SourceId.of("Treasury"));
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "",
        " ",
        "\t",
        " leading",
        "trailing ",
        "bell\u0007",
        "esc\u001b[2J",
        "new\nline",
        "zero\u200bwidth",
        "bidi\u202e",
        "private\ue000",
        "lone\ud800"
      })
  void of_blankPaddedOrUnprintable_isRefused(String value) {
    assertThrows(InvalidInputException.class, () -> SourceId.of(value));
  }

  @Test
  void of_tooLong_isRefused() {
    String tooLong = "x".repeat(SourceId.MAX_LENGTH + 1);
    assertThrows(InvalidInputException.class, () -> SourceId.of(tooLong));
  }

  @Test
  void of_null_isRefused() {
    assertThrows(NullPointerException.class, () -> SourceId.of(null));
  }
}
