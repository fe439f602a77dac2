package io.scrilla.core.optimize;

import io.scrilla.api.error.InvalidInputException;
import java.util.Arrays;
import java.util.Objects;

/**
 * Per-asset weight bounds {@code lo_j <= w_j <= hi_j}; immutable and thread-safe.
 *
 * <p>Either one pair for every asset ({@link #uniform(double, double)}, e.g. the default long-only
 * {@code [0, 1]}, or {@code [-1, 2]} to allow shorting and leverage), or one pair per asset in
 * ticker order ({@link #perAsset(double[], double[])}). Weights are decimal fractions of the
 * invested amount, at most {@link #MAX_MAGNITUDE} in magnitude. Whether the bounds leave any
 * portfolio with {@code sum w = 1} is checked against the portfolio when solving (contradictory
 * bounds fail naming the assets).
 *
 * @param lower the lower bounds: one entry (uniform) or one per asset
 * @param upper the upper bounds, same length as {@code lower}
 */
public record Bounds(double[] lower, double[] upper) {
  /**
   * The largest magnitude of a bound: 100, a weight of 100 times the invested amount. Wider bounds
   * are rejected: the active-set solver starts from a vertex of the bounds, and with bounds of
   * about {@code 3e3} and more, rounding at that scale (weights near the bounds, summing to 1) no
   * longer leaves a certifiable answer.
   */
  public static final double MAX_MAGNITUDE = 100;

  private static final Bounds LONG_ONLY = new Bounds(new double[] {0}, new double[] {1});

  /**
   * Validates: same lengths, at least one entry, finite numbers of magnitude at most {@link
   * #MAX_MAGNITUDE}; copies the arrays.
   */
  public Bounds {
    Objects.requireNonNull(lower, "lower");
    Objects.requireNonNull(upper, "upper");
    if (lower.length == 0 || lower.length != upper.length) {
      throw new InvalidInputException(
          "bounds need as many lower as upper entries (at least one),"
              + " got "
              + lower.length
              + " and "
              + upper.length);
    }
    for (int i = 0; i < lower.length; i++) {
      if (!Double.isFinite(lower[i]) || !Double.isFinite(upper[i])) {
        throw new InvalidInputException(
            "bounds must be finite, got [" + lower[i] + ", " + upper[i] + "]");
      }
      if (Math.abs(lower[i]) > MAX_MAGNITUDE || Math.abs(upper[i]) > MAX_MAGNITUDE) {
        throw new InvalidInputException(
            "bounds ["
                + lower[i]
                + ", "
                + upper[i]
                + "] are too"
                + " wide: each weight bound must lie within [-"
                + MAX_MAGNITUDE
                + ", "
                + MAX_MAGNITUDE
                + "] (a weight of "
                + MAX_MAGNITUDE
                + " is that many times the"
                + " invested amount); narrow them");
      }
    }
    lower = lower.clone();
    upper = upper.clone();
  }

  /** Returns the default long-only bounds {@code [0, 1]} for every asset (no shorting). */
  public static Bounds longOnly() {
    return LONG_ONLY;
  }

  /**
   * Returns the same bounds for every asset.
   *
   * @param lower lowest weight of any asset, e.g. -1 to allow shorting
   * @param upper highest weight of any asset, e.g. 2 to allow leverage
   * @return the bounds
   */
  public static Bounds uniform(double lower, double upper) {
    return new Bounds(new double[] {lower}, new double[] {upper});
  }

  /**
   * Returns one pair of bounds per asset, in ticker order.
   *
   * @param lower the lower bounds
   * @param upper the upper bounds
   * @return the bounds
   */
  public static Bounds perAsset(double[] lower, double[] upper) {
    return new Bounds(lower, upper);
  }

  /**
   * Parses the CLI form {@code LO,HI}, e.g. {@code -1,2}.
   *
   * @param text two decimals separated by a comma
   * @return uniform bounds
   * @throws InvalidInputException when the text is not two numbers
   */
  public static Bounds parse(String text) {
    Objects.requireNonNull(text, "text");
    String[] parts = text.split(",");
    if (parts.length != 2) {
      throw new InvalidInputException("bounds '" + text + "' must be LO,HI, e.g. 0,1 or -1,2");
    }
    try {
      return uniform(Double.parseDouble(parts[0].trim()), Double.parseDouble(parts[1].trim()));
    } catch (NumberFormatException e) {
      throw new InvalidInputException("bounds '" + text + "' must be two decimals LO,HI", e);
    }
  }

  /** Returns whether one pair applies to every asset. */
  public boolean isUniform() {
    return lower.length == 1;
  }

  @Override
  public double[] lower() {
    return lower.clone();
  }

  @Override
  public double[] upper() {
    return upper.clone();
  }

  /** Returns the lower bound of asset {@code i}. */
  public double lower(int i) {
    return lower.length == 1 ? lower[0] : lower[i];
  }

  /** Returns the upper bound of asset {@code i}. */
  public double upper(int i) {
    return upper.length == 1 ? upper[0] : upper[i];
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof Bounds b && Arrays.equals(lower, b.lower) && Arrays.equals(upper, b.upper);
  }

  @Override
  public int hashCode() {
    return 31 * Arrays.hashCode(lower) + Arrays.hashCode(upper);
  }

  @Override
  public String toString() {
    return isUniform()
        ? "Bounds[" + lower[0] + ", " + upper[0] + "]"
        : "Bounds[lower=" + Arrays.toString(lower) + ", upper=" + Arrays.toString(upper) + "]";
  }
}
