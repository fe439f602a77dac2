package io.scrilla.core.risk;

import io.scrilla.api.error.InvalidInputException;
import io.scrilla.api.model.RiskProfile;
import io.scrilla.core.stats.Normal;

/**
 * Probabilities of a price following geometric Brownian motion
 * {@code dS/S = (mu - q) dt + sigma dW}: at horizon T (years) {@code ln S_T} is normal with mean
 * {@code ln S_0 + (mu - q - sigma^2/2) T} and variance {@code sigma^2 T}. Pure functions;
 * thread-safe. Rates and volatilities are annualized decimal fractions; {@code q} is a continuous
 * dividend yield (0 for the value-at-risk functions).
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
  public static double d1(double s0, double level, double mu, double sigma, double horizon, double dividendYield) {
    check(s0, "price now");
    check(level, "price level");
    check(horizon, "horizon (years)");
    check(sigma, "volatility");
    requireFinite(mu, "annual return");
    requireFinite(dividendYield, "dividend yield");
    return (Math.log(s0 / level) + (mu - dividendYield + 0.5 * sigma * sigma) * horizon) / (sigma * Math.sqrt(horizon));
  }

  /** Returns {@code d2 = d1 - sigma sqrt T}; {@code Phi(d2) = P(S_T > K)}. */
  public static double d2(double s0, double level, double mu, double sigma, double horizon, double dividendYield) {
    return d1(s0, level, mu, sigma, horizon, dividendYield) - sigma * Math.sqrt(horizon);
  }

  /** Returns {@code Phi(d1)}. */
  public static double probD1(double s0, double level, double mu, double sigma, double horizon, double dividendYield) {
    return Normal.cdf(d1(s0, level, mu, sigma, horizon, dividendYield));
  }

  /** Returns {@code Phi(d2) = P(S_T > K)}. */
  public static double probD2(double s0, double level, double mu, double sigma, double horizon, double dividendYield) {
    return Normal.cdf(d2(s0, level, mu, sigma, horizon, dividendYield));
  }

  /**
   * Returns the p-th percentile of the price at the horizon,
   * {@code S_p = S_0 exp((mu - q - sigma^2/2) T + sigma sqrt(T) z_p)}.
   *
   * @param probability p in (0, 1)
   * @param sigma the annual volatility, not negative
   */
  public static double percentile(double s0, double mu, double sigma, double horizon, double dividendYield, double probability) {
    check(s0, "price now");
    check(horizon, "horizon (years)");
    checkVolatility(sigma);
    requireFinite(mu, "annual return");
    requireFinite(dividendYield, "dividend yield");
    double z = Normal.quantile(probability);
    return s0 * Math.exp((mu - dividendYield - 0.5 * sigma * sigma) * horizon + sigma * Math.sqrt(horizon) * z);
  }

  /**
   * Returns {@code E[S_T | S_T < K] = S_0 e^((mu - q) T) Phi(-d1) / Phi(-d2)}.
   *
   * @throws InvalidInputException when {@code P(S_T < K)} is 0 in double precision
   */
  public static double expectationBelow(double s0, double level, double mu, double sigma, double horizon, double dividendYield) {
    double d1 = d1(s0, level, mu, sigma, horizon, dividendYield);
    double d2 = d1 - sigma * Math.sqrt(horizon);
    double p = Normal.cdf(-d2);
    if (p == 0) {
      throw new InvalidInputException("the level " + level + " is below every attainable price: P(S_T < K) = 0");
    }
    return s0 * Math.exp((mu - dividendYield) * horizon) * Normal.cdf(-d1) / p;
  }

  /**
   * Returns {@code E[S_T | S_T > K] = S_0 e^((mu - q) T) Phi(d1) / Phi(d2)}.
   *
   * @throws InvalidInputException when {@code P(S_T > K)} is 0 in double precision
   */
  public static double expectationAbove(double s0, double level, double mu, double sigma, double horizon, double dividendYield) {
    double d1 = d1(s0, level, mu, sigma, horizon, dividendYield);
    double d2 = d1 - sigma * Math.sqrt(horizon);
    double p = Normal.cdf(d2);
    if (p == 0) {
      throw new InvalidInputException("the level " + level + " is above every attainable price: P(S_T > K) = 0");
    }
    return s0 * Math.exp((mu - dividendYield) * horizon) * Normal.cdf(d1) / p;
  }

  /**
   * Returns the value at risk as a price level: the p-th percentile of the price at the horizon,
   * {@code S_0 exp((mu - sigma^2/2) T + sigma sqrt(T) z_p)} with mu and sigma from the profile.
   *
   * @param s0 the price now (the last close of the sample window)
   * @param profile the annual return and volatility
   * @param horizon T in years
   * @param probability p in (0, 1), e.g. 0.05
   */
  public static double valueAtRisk(double s0, RiskProfile profile, double horizon, double probability) {
    return percentile(s0, profile.annualReturn(), profile.annualVolatility(), horizon, 0, probability);
  }

  /**
   * Returns the conditional value at risk as a price level, the expected price given that it ends
   * below the value at risk: {@code E[S_T | S_T < S_p] = S_0 e^(mu T) Phi(z_p - sigma sqrt T) / p}.
   * It is below {@link #valueAtRisk} whenever sigma is positive.
   */
  public static double conditionalValueAtRisk(double s0, RiskProfile profile, double horizon, double probability) {
    check(s0, "price now");
    check(horizon, "horizon (years)");
    double z = Normal.quantile(probability);
    double sigma = profile.annualVolatility();
    return s0 * Math.exp(profile.annualReturn() * horizon) * Normal.cdf(z - sigma * Math.sqrt(horizon)) / probability;
  }

  private static void check(double x, String what) {
    if (!(x > 0) || Double.isInfinite(x)) {
      throw new InvalidInputException(what + " " + x + " must be a finite positive number");
    }
  }

  private static void checkVolatility(double sigma) {
    if (!(sigma >= 0) || Double.isInfinite(sigma)) {
      throw new InvalidInputException("volatility " + sigma + " must be finite and not negative");
    }
  }

  private static void requireFinite(double x, String what) {
    if (!Double.isFinite(x)) {
      throw new InvalidInputException(what + " " + x + " must be a finite number");
    }
  }
}
