package io.scrilla.api.model;

import io.scrilla.api.error.InvalidInputException;
import java.util.Locale;

/**
 * The maturities of the US Treasury's daily par yield curve.
 *
 * <p>Names are scrilla's ({@code ONE_MONTH} ... {@code THIRTY_YEAR}); {@link #treasuryColumn()} is
 * the column of the Treasury's CSV download and {@link #xmlElement()} the element of its XML feed.
 */
public enum Maturity {
  /** 1 month. */
  ONE_MONTH("1 Mo", "BC_1MONTH", 1.0 / 12),
  /** 2 months. */
  TWO_MONTH("2 Mo", "BC_2MONTH", 2.0 / 12),
  /** 3 months. */
  THREE_MONTH("3 Mo", "BC_3MONTH", 3.0 / 12),
  /** 4 months (published since October 2022). */
  FOUR_MONTH("4 Mo", "BC_4MONTH", 4.0 / 12),
  /** 6 months. */
  SIX_MONTH("6 Mo", "BC_6MONTH", 6.0 / 12),
  /** 1 year. */
  ONE_YEAR("1 Yr", "BC_1YEAR", 1),
  /** 2 years. */
  TWO_YEAR("2 Yr", "BC_2YEAR", 2),
  /** 3 years. */
  THREE_YEAR("3 Yr", "BC_3YEAR", 3),
  /** 5 years. */
  FIVE_YEAR("5 Yr", "BC_5YEAR", 5),
  /** 7 years. */
  SEVEN_YEAR("7 Yr", "BC_7YEAR", 7),
  /** 10 years. */
  TEN_YEAR("10 Yr", "BC_10YEAR", 10),
  /** 20 years. */
  TWENTY_YEAR("20 Yr", "BC_20YEAR", 20),
  /** 30 years. */
  THIRTY_YEAR("30 Yr", "BC_30YEAR", 30);

  private final String treasuryColumn;
  private final String xmlElement;
  private final double years;

  Maturity(String treasuryColumn, String xmlElement, double years) {
    this.treasuryColumn = treasuryColumn;
    this.xmlElement = xmlElement;
    this.years = years;
  }

  /** Returns the header of this maturity in the Treasury's CSV download, e.g. {@code "1 Yr"}. */
  public String treasuryColumn() {
    return treasuryColumn;
  }

  /** Returns the element name in the Treasury's XML feed, e.g. {@code "BC_1YEAR"}. */
  public String xmlElement() {
    return xmlElement;
  }

  /** Returns the time to maturity in years. */
  public double years() {
    return years;
  }

  /**
   * Parses a maturity name such as {@code ONE_YEAR} (case-insensitive).
   *
   * @throws InvalidInputException naming the allowed values
   */
  public static Maturity parse(String text) {
    try {
      return valueOf(text.trim().toUpperCase(Locale.ROOT));
    } catch (IllegalArgumentException e) {
      throw new InvalidInputException(
          "unknown maturity '" + text + "': use one of " + java.util.Arrays.toString(values()));
    }
  }
}
