package io.scrilla.api.model;

import io.scrilla.api.error.InvalidInputException;
import io.scrilla.api.error.SafeText;
import java.util.Locale;

/**
 * The kind of asset, which fixes its clock: equities trade on NYSE sessions (one trading period is
 * 1/252 year), crypto trades every calendar day (one period is 1/365 year).
 */
public enum AssetType {
  /** An exchange-traded equity or fund, priced on NYSE trading days. */
  EQUITY(252),
  /** A crypto currency priced in USD on every calendar day. */
  CRYPTO(365);

  private final int periodsPerYear;

  AssetType(int periodsPerYear) {
    this.periodsPerYear = periodsPerYear;
  }

  /** Returns the number of trading periods in one year: 252 for equities, 365 for crypto. */
  public int periodsPerYear() {
    return periodsPerYear;
  }

  /** Returns the length of one trading period in years (tau): 1/252 or 1/365. */
  public double tradingPeriod() {
    return 1.0 / periodsPerYear;
  }

  /**
   * Parses {@code equity} or {@code crypto}, ignoring case.
   *
   * @param text the name
   * @return the type
   * @throws InvalidInputException for any other text
   */
  public static AssetType parse(String text) {
    String t = text.trim().toLowerCase(Locale.ROOT);
    switch (t) {
      case "equity":
        return EQUITY;
      case "crypto":
        return CRYPTO;
      default:
        throw new InvalidInputException(
            "unknown asset type " + SafeText.quote(text) + ": use 'equity' or 'crypto'");
    }
  }
}
