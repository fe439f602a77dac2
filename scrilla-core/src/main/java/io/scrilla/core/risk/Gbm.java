package io.scrilla.core.risk;

import io.scrilla.api.error.InvalidInputException;
import io.scrilla.core.stats.Normal;

/**
 * Probabilities of a price following geometric Brownian motion {@code dS/S = (mu - q) dt + sigma
 * dW}: at horizon T (years) {@code ln S_T} is normal with mean {@code ln S_0 + (mu - q - sigma^2/2)
 * T} and variance {@code sigma^2 T}. Pure functions; thread-safe. Rates and volatilities are
 * annualized decimal fractions; {@code q} is a continuous dividend yield. Value at risk and
 * conditional value at risk are in {@link TailRisk}.
 */
public final class Gbm {
  // the switch between the direct and the Mills-ratio forms, as in TailRisk
  private static final double DIRECT_FROM = 0.01;
  private static final double DIRECT_TO = 0.99;
  private static final double DIRECT_SPREAD_FROM = 0.01;
  private static final double DIRECT_ARGUMENT = -3;
  private static final double LOG_SQRT_TWO_PI = 0.5 * Math.log(2 * Math.PI);

  private Gbm() {}

  /**
   * Returns {@code d1 = [ln(S_0 / K) + (mu - q + sigma^2/2) T] / (sigma sqrt T)}.
   *
   * @param s0 the price now, positive
   * @param level the price level K at the horizon, positive
   * @param mu the annual return (drift of S)
   * @param sigma the annual volatility, positive
   * @param horizon T in years, positive
   * @param dividendYield q, annual
   */
  public static double d1(
      double s0, double level, double mu, double sigma, double horizon, double dividendYield) {
    check(s0, "price now");
    check(level, "price level");
    check(horizon, "horizon (years)");
    check(sigma, "volatility");
    requireFinite(mu, "annual return");
    requireFinite(dividendYield, "dividend yield");
    return (Math.log(s0 / level) + (mu - dividendYield + 0.5 * sigma * sigma) * horizon)
        / (sigma * Math.sqrt(horizon));
  }

  /** Returns {@code d2 = d1 - sigma sqrt T}; {@code Phi(d2) = P(S_T > K)}. */
  public static double d2(
      double s0, double level, double mu, double sigma, double horizon, double dividendYield) {
    return d1(s0, level, mu, sigma, horizon, dividendYield) - sigma * Math.sqrt(horizon);
  }

  /** Returns {@code Phi(d2) = P(S_T > K)}. */
  public static double probD2(
      double s0, double level, double mu, double sigma, double horizon, double dividendYield) {
    return Normal.cdf(d2(s0, level, mu, sigma, horizon, dividendYield));
  }

  /**
   * Returns {@code E[S_T | S_T < K] = S_0 e^((mu - q) T) Phi(-d1) / Phi(-d2)}, which equals {@code
   * K M(-d1) / M(-d2)} with {@code M(x) = Phi(x) / phi(x)} the Mills ratio ({@link
   * Normal#millsRatio}). Follows the switch rule of {@link TailRisk}: for {@code P(S_T < K)}
   * between 0.01 and 0.99, {@code sigma sqrt T >= 0.01} and {@code -d1 > -3} the first form is used
   * directly; otherwise the Mills-ratio form, so the result stays finite and accurate however small
   * {@code P(S_T < K)} is. The result is at most K.
   */
  public static double expectationBelow(
      double s0, double level, double mu, double sigma, double horizon, double dividendYield) {
    double d1 = d1(s0, level, mu, sigma, horizon, dividendYield);
    double s = sigma * Math.sqrt(horizon);
    double d2 = d1 - s;
    double p = Normal.cdf(-d2);
    if (p >= DIRECT_FROM && p <= DIRECT_TO && s >= DIRECT_SPREAD_FROM && -d1 > DIRECT_ARGUMENT) {
      return s0 * Math.exp((mu - dividendYield) * horizon) * Normal.cdf(-d1) / p;
    }
    double factor;
    if (-d1 > DIRECT_ARGUMENT) {
      // M(z - s) / M(z) = Phi(z - s) / Phi(z) * e^(s^2/2 - z s) with z = -d2; both Phi >= Phi(-3)
      factor = Normal.cdf(-d1) / p * Math.exp(s * (0.5 * s + d2));
    } else {
      factor = Math.exp(logMillsRatio(-d1) - logMillsRatio(-d2));
    }
    return level * Math.min(1, factor);
  }

  /**
   * Returns {@code E[S_T | S_T > K] = S_0 e^((mu - q) T) Phi(d1) / Phi(d2)}, which equals {@code K
   * M(d1) / M(d2)} with {@code M} the Mills ratio. For {@code d2 > -3} the first form is used
   * directly; deeper in the tail the Mills-ratio form, so the result stays finite and accurate
   * however small {@code P(S_T > K)} is. The result is at least K.
   */
  public static double expectationAbove(
      double s0, double level, double mu, double sigma, double horizon, double dividendYield) {
    double d1 = d1(s0, level, mu, sigma, horizon, dividendYield);
    double d2 = d1 - sigma * Math.sqrt(horizon);
    if (d2 > DIRECT_ARGUMENT) {
      return s0 * Math.exp((mu - dividendYield) * horizon) * Normal.cdf(d1) / Normal.cdf(d2);
    }
    return level * Math.max(1, Math.exp(logMillsRatio(d1) - logMillsRatio(d2)));
  }

  /** {@code ln M(x)}: the continued fraction in the lower tail, else from {@code ln Phi(x)}. */
  private static double logMillsRatio(double x) {
    if (x <= DIRECT_ARGUMENT) {
      return Math.log(Normal.millsRatio(x));
    }
    return Normal.logCdf(x) + 0.5 * x * x + LOG_SQRT_TWO_PI;
  }

  private static void check(double x, String what) {
    if (!(x > 0) || Double.isInfinite(x)) {
      throw new InvalidInputException(what + " " + x + " must be a finite positive number");
    }
  }

  private static void requireFinite(double x, String what) {
    if (!Double.isFinite(x)) {
      throw new InvalidInputException(what + " " + x + " must be a finite number");
    }
  }
}
