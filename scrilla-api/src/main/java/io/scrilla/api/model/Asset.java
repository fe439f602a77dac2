package io.scrilla.api.model;

import io.scrilla.api.error.InvalidInputException;
import io.scrilla.api.error.SafeText;
import java.util.Locale;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * A ticker symbol with its asset type; immutable and thread-safe.
 *
 * <p>Tickers are upper-cased on construction. {@link #parse(String, AssetType)} reads the CLI form
 * {@code SPY} or {@code BTC:crypto}.
 *
 * @param ticker the upper-case symbol, e.g. {@code SPY}
 * @param type equity or crypto
 */
public record Asset(String ticker, AssetType type) implements Comparable<Asset> {
  private static final Pattern TICKER = Pattern.compile("[A-Z0-9][A-Z0-9.\\-^=_]{0,19}");

  /** Validates and normalizes the ticker. */
  public Asset {
    Objects.requireNonNull(ticker, "ticker");
    Objects.requireNonNull(type, "type");
    ticker = ticker.trim().toUpperCase(Locale.ROOT);
    if (!TICKER.matcher(ticker).matches()) {
      throw new InvalidInputException(
          "invalid ticker " + SafeText.quote(ticker) + ": use 1-20 letters, digits or . - ^ = _");
    }
  }

  /** Returns an equity asset. */
  public static Asset equity(String ticker) {
    return new Asset(ticker, AssetType.EQUITY);
  }

  /** Returns a crypto asset. */
  public static Asset crypto(String ticker) {
    return new Asset(ticker, AssetType.CRYPTO);
  }

  /**
   * Parses {@code TICKER} or {@code TICKER:type}; without a type, the given default applies.
   *
   * @param text e.g. {@code BTC:crypto}
   * @param defaultType the type when the text names none
   * @return the asset
   */
  public static Asset parse(String text, AssetType defaultType) {
    int colon = text.indexOf(':');
    if (colon < 0) {
      return new Asset(text, defaultType);
    }
    return new Asset(text.substring(0, colon), AssetType.parse(text.substring(colon + 1)));
  }

  @Override
  public int compareTo(Asset o) {
    int c = ticker.compareTo(o.ticker);
    return c != 0 ? c : type.compareTo(o.type);
  }

  @Override
  public String toString() {
    return type == AssetType.EQUITY ? ticker : ticker + ":" + type.name().toLowerCase(Locale.ROOT);
  }
}
