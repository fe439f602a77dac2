package io.scrilla.api.model;

import io.scrilla.api.error.InvalidInputException;
import io.scrilla.api.error.SafeText;
import java.util.Locale;

/**
 * How annual return, volatility and correlation are estimated from a sample of log returns.
 *
 * <p>Canonical names are {@code moments}, {@code percentiles} and {@code likelihood}; {@link
 * #parse(String)} also accepts scrilla's documented spellings {@code percents}, {@code percentile},
 * {@code likely} and the CLI flag forms with a leading dash.
 */
public enum EstimationMethod {
  /** Moment matching: sample mean and variance (divisor N-1) of the log returns. */
  MOMENTS("moments"),
  /** Percentile matching: the first and third sample quartiles matched to a normal distribution. */
  PERCENTILES("percentiles"),
  /** Maximum likelihood under geometric Brownian motion (closed form, divisor N). */
  LIKELIHOOD("likelihood");

  private final String canonicalName;

  EstimationMethod(String canonicalName) {
    this.canonicalName = canonicalName;
  }

  /** Returns the canonical lower-case name, e.g. {@code moments}. */
  public String canonicalName() {
    return canonicalName;
  }

  /**
   * Parses a method name.
   *
   * @param text {@code moments}, {@code percentiles}, {@code likelihood}, or one of scrilla's
   *     spellings ({@code percents}, {@code percentile}, {@code likely}), optionally with a leading
   *     dash; case-insensitive
   * @return the method
   * @throws InvalidInputException naming the allowed values
   */
  public static EstimationMethod parse(String text) {
    String t = text.trim().toLowerCase(Locale.ROOT);
    while (t.startsWith("-")) {
      t = t.substring(1);
    }
    switch (t) {
      case "moments":
      case "moment":
        return MOMENTS;
      case "percentiles":
      case "percentile":
      case "percents":
        return PERCENTILES;
      case "likelihood":
      case "likely":
        return LIKELIHOOD;
      default:
        throw new InvalidInputException(
            "unknown estimation method "
                + SafeText.quote(text)
                + ": use moments, percentiles or likelihood (also percents, percentile, likely)");
    }
  }

  @Override
  public String toString() {
    return canonicalName;
  }
}
