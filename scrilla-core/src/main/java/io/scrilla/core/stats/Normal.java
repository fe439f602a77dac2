package io.scrilla.core.stats;

import io.scrilla.api.error.InvalidInputException;
import org.hipparchus.special.Erf;

/**
 * The standard normal distribution: density {@code phi}, distribution function {@code Phi} and
 * quantile {@code Phi^-1}. Pure functions; thread-safe.
 */
public final class Normal {
  private static final double SQRT2 = Math.sqrt(2);
  private static final double INV_SQRT_2PI = 1 / Math.sqrt(2 * Math.PI);

  private Normal() {}

  /** Returns the density {@code phi(x) = exp(-x^2/2) / sqrt(2 pi)}. */
  public static double density(double x) {
    return INV_SQRT_2PI * Math.exp(-0.5 * x * x);
  }

  /**
   * Returns {@code Phi(x) = P(Z <= x)}, computed as {@code erfc(-x / sqrt 2) / 2} so that the lower
   * tail keeps its relative accuracy; 0 at minus infinity and 1 at plus infinity.
   */
  public static double cdf(double x) {
    if (x == Double.NEGATIVE_INFINITY) {
      return 0;
    }
    if (x == Double.POSITIVE_INFINITY) {
      return 1;
    }
    return 0.5 * Erf.erfc(-x / SQRT2);
  }

  /**
   * Returns the quantile {@code z_p = Phi^-1(p)}.
   *
   * @param p a probability in (0, 1)
   * @throws InvalidInputException when p is not strictly between 0 and 1
   */
  public static double quantile(double p) {
    if (!(p > 0 && p < 1)) {
      throw new InvalidInputException("probability " + p + " is not strictly between 0 and 1");
    }
    if (p == 0.5) {
      return 0;
    }
    // erfcInv keeps the accuracy of the tail that p is in
    return p < 0.5 ? -SQRT2 * Erf.erfcInv(2 * p) : SQRT2 * Erf.erfcInv(2 * (1 - p));
  }
}
