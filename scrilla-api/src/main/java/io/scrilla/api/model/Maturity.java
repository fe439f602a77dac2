package io.scrilla.api.model;

import io.scrilla.api.error.InvalidInputException;
import io.scrilla.api.error.SafeText;
import java.util.Arrays;
import java.util.Locale;

/**
 * The maturities of the US Treasury's daily par yield curve.
 *
 * <p>Names are scrilla's ({@code ONE_MONTH} ... {@code THIRTY_YEAR}); how a data source writes each
 * maturity (a CSV column, an XML element) is that source's parser's business.
 */
public enum Maturity {
  /** 1 month. */
  ONE_MONTH(1.0 / 12),
  /** 2 months. */
  TWO_MONTH(2.0 / 12),
  /** 3 months. */
  THREE_MONTH(3.0 / 12),
  /** 4 months (published since October 2022). */
  FOUR_MONTH(4.0 / 12),
  /** 6 months. */
  SIX_MONTH(6.0 / 12),
  /** 1 year. */
  ONE_YEAR(1),
  /** 2 years. */
  TWO_YEAR(2),
  /** 3 years. */
  THREE_YEAR(3),
  /** 5 years. */
  FIVE_YEAR(5),
  /** 7 years. */
  SEVEN_YEAR(7),
  /** 10 years. */
  TEN_YEAR(10),
  /** 20 years. */
  TWENTY_YEAR(20),
  /** 30 years. */
  THIRTY_YEAR(30);

  private final double years;

  Maturity(double years) {
    this.years = years;
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
          "unknown maturity " + SafeText.quote(text) + ": use one of " + Arrays.toString(values()));
    }
  }
}
