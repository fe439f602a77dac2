package io.scrilla.core.stats;

import io.scrilla.api.error.InvalidInputException;
import org.hipparchus.special.Erf;

/**
 * The standard normal distribution: density {@code phi}, distribution function {@code Phi},
 * quantile {@code Phi^-1}, and the tail functions {@code ln Phi} and the Mills ratio {@code Phi(x)
 * / phi(x)} that keep their relative accuracy far into the lower tail. The one normal distribution
 * of the code base. Pure functions; thread-safe.
 *
 * <p>Accuracy: {@link #cdf} is {@code erfc(-x / sqrt 2) / 2} (relative error about {@code 1e-16 (1
 * + x^2)} until it underflows below {@code x = -37.5}); {@link #logCdf} and {@link #millsRatio} use
 * the continued fraction {@code Phi(-t)/phi(t) = 1/(t + 1/(t + 2/(t + 3/(t + ...))))} for {@code x
 * <= -3}, so they stay accurate to a few units in the last place for every finite {@code x <= 0};
 * {@link #quantile} solves {@code ln Phi(z) = ln p} by Newton's method in the tails, so it is
 * accurate for every positive double {@code p}, down to {@link Double#MIN_VALUE}.
 */
public final class Normal {
  private static final double SQRT2 = Math.sqrt(2);
  private static final double INV_SQRT_2PI = 1 / Math.sqrt(2 * Math.PI);
  private static final double LOG_SQRT_2PI = 0.5 * Math.log(2 * Math.PI);

  /** At and below this argument the Mills ratio comes from its continued fraction. */
  private static final double CONTINUED_FRACTION_BELOW = -3;

  /** Enough terms of the continued fraction for full double precision at {@code |x| >= 3}. */
  private static final int CONTINUED_FRACTION_TERMS = 64;

  /**
   * Below this probability (and above one minus it) the quantile is polished by Newton's method:
   * {@code erfcInv} works on {@code 1 - 2p}, which has lost the low digits of a small {@code p}.
   */
  private static final double NEWTON_BELOW = 0.01;

  private static final int NEWTON_ITERATIONS = 60;

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
   * Returns {@code ln Phi(x)}, finite for every finite {@code x} (where {@code Phi(x)} itself would
   * underflow to 0): for {@code x <= -3} it is {@code -x^2/2 - ln sqrt(2 pi) + ln(millsRatio(x))}.
   *
   * @param x a finite number
   * @return the logarithm of the distribution function, not positive
   * @throws InvalidInputException when x is NaN or infinite
   */
  public static double logCdf(double x) {
    requireFinite(x);
    if (x > CONTINUED_FRACTION_BELOW) {
      return x > 0 ? Math.log1p(-cdf(-x)) : Math.log(cdf(x));
    }
    return -0.5 * x * x - LOG_SQRT_2PI + Math.log(lowerMillsRatio(-x));
  }

  /**
   * Returns the Mills ratio {@code Phi(x) / phi(x)}, positive and increasing in {@code x}; about
   * {@code 1/|x|} far in the lower tail. The ratio of the lower tail to the density at the same
   * point; with it, tail ratios such as {@code Phi(a - s) / Phi(a) = exp(a s - s^2/2) millsRatio(a
   * - s) / millsRatio(a)} are computed without underflow.
   *
   * @param x a finite number, at most 37 (above, {@code phi(x)} underflows)
   * @return the ratio, positive
   * @throws InvalidInputException when x is NaN, infinite or above 37
   */
  public static double millsRatio(double x) {
    requireFinite(x);
    if (x > 37) {
      throw new InvalidInputException("the Mills ratio at " + x + " overflows: give x <= 37");
    }
    if (x > CONTINUED_FRACTION_BELOW) {
      return cdf(x) / density(x);
    }
    return lowerMillsRatio(-x);
  }

  /**
   * Returns the quantile {@code z_p = Phi^-1(p)}. Between 0.01 and 0.99 it is {@code -sqrt 2
   * erfcInv(2p)}; in the tails that estimate (infinite below about 1e-17, because {@code erfcInv}
   * works on {@code 1 - 2p}) is polished by Newton's method on {@code ln Phi(z) = ln p}, so the
   * result keeps its accuracy for every positive double {@code p}: {@code Phi^-1(Double.MIN_VALUE)}
   * is about -38.47.
   *
   * @param p a probability in (0, 1)
   * @return the quantile, finite
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
    if (p < 0.5) {
      double z = -SQRT2 * Erf.erfcInv(2 * p);
      return p < NEWTON_BELOW ? lowerTailQuantile(p, z) : z;
    }
    double q = 1 - p; // exact for p >= 0.5
    double z = SQRT2 * Erf.erfcInv(2 * q);
    return q < NEWTON_BELOW ? -lowerTailQuantile(q, -z) : z;
  }

  /**
   * Solves {@code ln Phi(z) = ln p} for {@code p < 0.5} by Newton's method from {@code guess} (or,
   * when the guess is not finite, from {@code -sqrt(y - ln(2 pi y))} with {@code y = -2 ln p}).
   * {@code ln Phi} is concave and increasing, so after the first step the iterates rise
   * monotonically to the root; they stop when a step no longer moves them up.
   */
  private static double lowerTailQuantile(double p, double guess) {
    double logP = Math.log(p);
    double z = guess;
    if (!(Double.isFinite(z) && z < 0)) {
      double y = -2 * logP;
      z = -Math.sqrt(y - Math.log(2 * Math.PI * y));
    }
    double previousStep = Double.POSITIVE_INFINITY;
    for (int i = 0; i < NEWTON_ITERATIONS; i++) {
      // f(z) = ln Phi(z) - ln p, f'(z) = phi(z) / Phi(z) = 1 / millsRatio(z)
      double step = (logCdf(z) - logP) * millsRatio(z);
      if (i > 0 && !(Math.abs(step) < Math.abs(previousStep))) {
        break; // converged: rounding noise only
      }
      z -= step;
      previousStep = step;
      if (step == 0) {
        break;
      }
    }
    return z;
  }

  /** {@code Phi(-t) / phi(t)} for {@code t >= 3} by backward evaluation of the fraction. */
  private static double lowerMillsRatio(double t) {
    double tail = 0;
    for (int k = CONTINUED_FRACTION_TERMS; k >= 1; k--) {
      tail = k / (t + tail);
    }
    return 1 / (t + tail);
  }

  private static void requireFinite(double x) {
    if (!Double.isFinite(x)) {
      throw new InvalidInputException("the argument " + x + " must be a finite number");
    }
  }
}
