package io.scrilla.examples;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import io.scrilla.core.market.Sample;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.function.Consumer;

/**
 * What an example's {@code main} printed on stdout, with the ways the tests read it: a line by its
 * first word, the words of a line, and a printed number (a percentage, an amount, a decimal)
 * checked against a value within the rounding of its last printed digit.
 */
final class Printed {
  private final List<String> lines;

  private Printed(String text) {
    this.lines = text.lines().toList();
  }

  /** Runs a {@code main} method with {@code args} and returns what it printed on stdout. */
  static Printed run(Consumer<String[]> main, String... args) {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    PrintStream saved = System.out;
    System.setOut(new PrintStream(bytes, true, StandardCharsets.UTF_8));
    try {
      main.accept(args);
    } finally {
      System.setOut(saved);
    }
    String text = bytes.toString(StandardCharsets.UTF_8);
    saved.print(text); // kept in the test report
    return new Printed(text);
  }

  /** Returns every line. */
  List<String> lines() {
    return lines;
  }

  /** Returns the only line whose first word (after indentation) is {@code word}. */
  String line(String word) {
    List<String> found = lines.stream().filter(l -> first(l).equals(word)).toList();
    if (found.size() != 1) {
      fail(
          "expected one line starting with '" + word + "', found " + found.size() + " in\n" + this);
    }
    return found.get(0);
  }

  /** Returns the section under the line {@code heading}: the lines up to the next blank one. */
  Printed section(String heading) {
    int i = lines.indexOf(heading);
    assertTrue(i >= 0, () -> "no line '" + heading + "' in\n" + this);
    int end = i + 1;
    while (end < lines.size() && !lines.get(end).isBlank()) {
      end++;
    }
    return new Printed(String.join("\n", lines.subList(i + 1, end)));
  }

  /** Returns the words of the line starting with {@code word}, that word included. */
  List<String> words(String word) {
    return Arrays.asList(line(word).trim().split("\\s+"));
  }

  /** Checks the header: the sample's window, the method text and the price source. */
  void assertHeader(Sample sample, String method) {
    assertEquals(
        "window  "
            + sample.window().start()
            + " to "
            + sample.window().end()
            + (sample.weekends() ? " (every calendar day)" : " (NYSE sessions)"),
        line("window").trim());
    assertEquals("method  " + method, line("method").trim());
    assertEquals("source  " + sample.source(), line("source").trim());
  }

  /** Checks a printed percentage such as {@code 12.34%} against a decimal fraction. */
  static void assertPercent(double fraction, String printed) {
    assertTrue(printed.endsWith("%"), printed);
    assertClose(100 * fraction, new BigDecimal(printed.substring(0, printed.length() - 1)));
  }

  /** Checks a printed amount such as {@code $1234.50} or {@code -$5.00}. */
  static void assertMoney(double amount, String printed) {
    BigDecimal value = new BigDecimal(printed.replace("$", ""));
    assertTrue(printed.startsWith("$") || printed.startsWith("-$"), printed);
    assertClose(amount, value);
  }

  /** Checks a printed amount: the exact amount rounded to cents, half up. */
  static void assertMoney(BigDecimal amount, String printed) {
    BigDecimal cents = amount.setScale(2, RoundingMode.HALF_UP);
    assertEquals(0, cents.compareTo(new BigDecimal(printed.replace("$", ""))), printed);
  }

  /** Checks a printed decimal such as {@code 0.1234}. */
  static void assertDecimal(double x, String printed) {
    assertClose(x, new BigDecimal(printed));
  }

  /** Within half a unit of the last printed digit (plus a hair for the binary value). */
  private static void assertClose(double expected, BigDecimal printed) {
    double halfUlp = 0.5 * Math.pow(10, -printed.scale());
    assertEquals(
        expected,
        printed.doubleValue(),
        halfUlp * (1 + 1e-9) + 1e-12,
        () -> "printed " + printed + " for " + expected);
  }

  private static String first(String line) {
    String t = line.trim();
    int space = t.indexOf(' ');
    return space < 0 ? t : t.substring(0, space);
  }

  @Override
  public String toString() {
    return String.join("\n", lines);
  }
}
