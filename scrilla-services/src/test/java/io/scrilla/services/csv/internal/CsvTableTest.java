package io.scrilla.services.csv.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.scrilla.api.error.InvalidInputException;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Random;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** The CSV dialect: quotes, blank lines, short records, header matching. */
class CsvTableTest {
  private static CsvTable read(String text) throws IOException {
    return CsvTable.read("t.csv", text.getBytes(StandardCharsets.UTF_8));
  }

  @Test
  void read_quotedFieldsWithCommasAndQuotes_unquoted() throws IOException {
    CsvTable t = read("a,\"b, c\",d\n1,\"x \"\"y\"\", z\",\n");

    assertEquals(List.of("a", "b, c", "d"), t.header());
    assertEquals(List.of("1", "x \"y\", z", ""), t.records().get(0).fields());
  }

  @Test
  void read_blankLinesAndShortRecords_lineNumbersKeptAndFieldsPadded() throws IOException {
    CsvTable t = read("\n\na,b,c\n\n1\n2,3\n");

    assertEquals(3, t.headerLine());
    assertEquals(5, t.records().get(0).line());
    assertEquals(List.of("1", "", ""), t.records().get(0).fields());
    assertEquals(6, t.records().get(1).line());
  }

  @Test
  void columns_caseSpacesAndRepeats_matched() throws IOException {
    CsvTable t = read(" Close  (USD),CLOSE (usd), close\n");

    assertEquals(List.of(0, 1), t.columns("close (USD)"));
    assertEquals(2, t.column("Close"));
    assertEquals(-1, t.column("open"));
  }

  @Test
  void read_textAfterClosingQuote_fails() {
    InvalidInputException e = assertThrows(InvalidInputException.class, () -> read("a\n\"1\"2\n"));
    assertTrue(
        e.getMessage().startsWith("t.csv line 2: text after a closing quote"), e.getMessage());
  }

  @Test
  void isNumber_decimalsOnly() {
    for (String ok : List.of("1", "-1.5", "+.5", "1.", "1e5", "1.5E-3")) {
      assertTrue(CsvTable.isNumber(ok), ok);
    }
    for (String bad : List.of("", "NaN", "Infinity", "1d", "0x10", "1,5", "1.2.3", "e5", ".")) {
      assertTrue(!CsvTable.isNumber(bad), bad);
    }
  }

  /**
   * Every number reads as the double {@link Double#parseDouble} gives, to the bit: closes of up to
   * 20 significant digits in every notation, exponents near the ends of the range, halfway cases.
   */
  @Test
  void number_anyDecimal_isTheDoubleOfDoubleParseDouble() throws IOException {
    CsvTable t = read("close\n");
    Random random = new Random(5);
    for (int k = 0; k < 200_000; k++) {
      StringBuilder b = new StringBuilder();
      if (random.nextInt(4) == 0) {
        b.append(random.nextBoolean() ? '-' : '+');
      }
      int digits = 1 + random.nextInt(20);
      int point = random.nextInt(digits + 1);
      for (int i = 0; i < digits; i++) {
        if (i == point) {
          b.append('.');
        }
        b.append((char) ('0' + random.nextInt(10)));
      }
      if (random.nextInt(3) == 0) {
        b.append(random.nextBoolean() ? 'e' : 'E').append(random.nextInt(640) - 330);
      }
      String text = b.toString();
      double expected = Double.parseDouble(text);
      if (Double.isFinite(expected)) {
        assertEquals(
            Double.doubleToRawLongBits(expected),
            Double.doubleToRawLongBits(t.number(2, "close", text)),
            text);
      } else {
        assertThrows(InvalidInputException.class, () -> t.number(2, "close", text), text);
      }
    }
    for (String text :
        List.of(
            "9007199254740993",
            "2.2250738585072011e-308",
            "4.9e-324",
            "1.7976931348623157e308",
            "0.1",
            "80.354935705753",
            "-0",
            ".5",
            "5.")) {
      assertEquals(
          Double.doubleToRawLongBits(Double.parseDouble(text)),
          Double.doubleToRawLongBits(t.number(2, "close", text)),
          text);
    }
  }

  /** The hand scanner accepts exactly what the regular expression of its definition matches. */
  @Test
  void isNumber_anyShortText_agreesWithTheRegularExpression() {
    Pattern number = Pattern.compile("[-+]?(?:\\d+(?:\\.\\d*)?|\\.\\d+)(?:[eE][-+]?\\d+)?");
    char[] alphabet = {'0', '7', '9', '.', '-', '+', 'e', 'E', 'x', ' ', '\u0661'};
    Random random = new Random(11);
    for (int k = 0; k < 200_000; k++) {
      char[] c = new char[random.nextInt(8)];
      for (int i = 0; i < c.length; i++) {
        c[i] = alphabet[random.nextInt(alphabet.length)];
      }
      String text = new String(c);
      assertEquals(number.matcher(text).matches(), CsvTable.isNumber(text), text);
    }
  }
}
