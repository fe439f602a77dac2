package io.scrilla.services.alphavantage.internal;

import io.scrilla.api.error.PriceUnavailableException;
import io.scrilla.api.error.SafeText;
import io.scrilla.api.error.ServiceException;
import io.scrilla.api.model.Asset;
import io.scrilla.api.model.AssetType;
import io.scrilla.services.http.QuotaExceededException;
import io.scrilla.services.http.Redactor;
import java.util.Locale;

/**
 * Turns the text AlphaVantage sends instead of data ({@code Note}, {@code Information} or {@code
 * Error Message}, all with HTTP 200) into the matching exception.
 */
public final class Notices {
  /** The top-level fields that carry a notice instead of data. */
  public static final String NOTE = "Note";

  /** See {@link #NOTE}. */
  public static final String INFORMATION = "Information";

  /** See {@link #NOTE}. */
  public static final String ERROR_MESSAGE = "Error Message";

  private static final String KEY_URL = "https://www.alphavantage.co/support/#api-key";

  private Notices() {}

  /** Returns whether a top-level field name is one of the notice fields. */
  public static boolean isNotice(String field) {
    return NOTE.equals(field) || INFORMATION.equals(field) || ERROR_MESSAGE.equals(field);
  }

  /**
   * Returns the exception for a notice:
   *
   * <ul>
   *   <li>a quota note ({@code Note}, or text about a rate limit or calls per minute/day): {@link
   *       QuotaExceededException}, short-term unless only a daily limit is named;
   *   <li>a rejected key (text about the {@code apikey}, an invalid or demo key): a {@link
   *       ServiceException}, not retryable;
   *   <li>{@code Error Message: Invalid API call}: {@link PriceUnavailableException} naming the
   *       ticker;
   *   <li>a premium-only request: a {@link ServiceException}, not retryable;
   *   <li>anything else: a {@link ServiceException} quoting the (redacted) text, not retryable.
   * </ul>
   *
   * @param field the notice field
   * @param text its text
   * @param what the request, e.g. {@code "AlphaVantage TIME_SERIES_DAILY SPY (compact)"}
   * @param asset the asset asked for
   * @param redactor removes the key (AlphaVantage sometimes quotes it)
   * @return the exception to throw
   */
  public static RuntimeException classify(
      String field, String text, String what, Asset asset, Redactor redactor) {
    String quoted = "\"" + SafeText.of(redactor.redact(text)) + "\"";
    String t = text.toLowerCase(Locale.ROOT);
    boolean quota =
        NOTE.equals(field)
            || t.contains("rate limit")
            || t.contains("calls per")
            || t.contains("requests per")
            || t.contains("call frequency")
            || t.contains("spreading out");
    if (quota) {
      boolean daily =
          t.contains("per day") && !(t.contains("per minute") || t.contains("per second"));
      return new QuotaExceededException(
          what
              + ": AlphaVantage refused the request because the quota of the key"
              + " is used up: "
              + quoted
              + ". "
              + (daily
                  ? "The free tier allows 25 requests a day: try again tomorrow, let the cache"
                      + " serve repeated requests, or use PRICE_MANAGER=csv with SCRILLA_DATA_DIR"
                  : "Wait a minute and try again; fewer, cached requests help"),
          200,
          null,
          !daily);
    }
    if (t.contains("apikey") || t.contains("api key") || t.contains("demo")) {
      return new ServiceException(
          what
              + ": AlphaVantage rejected the API key: "
              + quoted
              + ". Check ALPHA_VANTAGE_KEY; a free key is issued at "
              + KEY_URL,
          200,
          false,
          null);
    }
    if (ERROR_MESSAGE.equals(field) && t.contains("invalid api call")) {
      return new PriceUnavailableException(
          what
              + ": AlphaVantage does not know the ticker '"
              + asset.ticker()
              + "' as "
              + (asset.type() == AssetType.CRYPTO ? "a crypto currency" : "an equity")
              + ": check the symbol"
              + (asset.type() == AssetType.CRYPTO
                  ? ""
                  : ", or write " + asset.ticker() + ":crypto for a crypto currency"));
    }
    if (t.contains("premium")) {
      return new ServiceException(
          what
              + ": AlphaVantage serves this only to premium keys: "
              + quoted
              + ". Ask for a range within the last 100 trading days (compact output), or use"
              + " PRICE_MANAGER=csv with SCRILLA_DATA_DIR",
          200,
          false,
          null);
    }
    return new ServiceException(
        what + ": AlphaVantage sent a notice instead of data: " + field + " " + quoted,
        200,
        false,
        null);
  }
}
