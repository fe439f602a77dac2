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
   * Returns {@code E[S_T | S_T < K] = S_0 e^((mu - q) T) Phi(-d1) / Phi(-d2)}.
   *
   * @throws InvalidInputException when {@code P(S_T < K)} is 0 in double precision
   */
  public static double expectationBelow(
      double s0, double level, double mu, double sigma, double horizon, double dividendYield) {
    double d1 = d1(s0, level, mu, sigma, horizon, dividendYield);
    double d2 = d1 - sigma * Math.sqrt(horizon);
    double p = Normal.cdf(-d2);
    if (p == 0) {
      throw new InvalidInputException(
          "the level " + level + " is below every attainable price: P(S_T < K) = 0");
    }
    return s0 * Math.exp((mu - dividendYield) * horizon) * Normal.cdf(-d1) / p;
  }

  /**
   * Returns {@code E[S_T | S_T > K] = S_0 e^((mu - q) T) Phi(d1) / Phi(d2)}.
   *
   * @throws InvalidInputException when {@code P(S_T > K)} is 0 in double precision
   */
  public static double expectationAbove(
      double s0, double level, double mu, double sigma, double horizon, double dividendYield) {
    double d1 = d1(s0, level, mu, sigma, horizon, dividendYield);
    double d2 = d1 - sigma * Math.sqrt(horizon);
    double p = Normal.cdf(d2);
    if (p == 0) {
      throw new InvalidInputException(
          "the level " + level + " is above every attainable price: P(S_T > K) = 0");
    }
    return s0 * Math.exp((mu - dividendYield) * horizon) * Normal.cdf(d1) / p;
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
