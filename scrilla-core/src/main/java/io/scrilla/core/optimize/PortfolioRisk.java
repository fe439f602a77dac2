package io.scrilla.core.optimize;

import io.scrilla.api.error.InvalidInputException;
import org.hipparchus.distribution.continuous.NormalDistribution;

/**
 * Value at risk and conditional value at risk of a portfolio under geometric Brownian motion, with
 * the time scaled once (STATISTICS.md sections 7 and 8, bug B13); stateless and thread-safe.
 *
 * <p>The portfolio value is modelled as {@code S_T = S_0 exp((R - V^2/2) T + V sqrt(T) Z)} with
 * {@code R} its annual return, {@code V} its annual volatility, {@code T} the horizon in years and
 * {@code Z} standard normal. With {@code z_p = Phi^{-1}(p)}:
 * <ul>
 *   <li>VaR level (a fraction of {@code S_0}): {@code exp((R - V^2/2) T + V sqrt(T) z_p)};
 *   <li>VaR loss: {@code 1 - level};
 *   <li>CVaR level {@code E[S_T | S_T < S_p] / S_0 = e^{RT} Phi(z_p - V sqrt T) / p};
 *   <li>CVaR loss: {@code 1 - CVaR level}.
 * </ul>
 * Losses are fractions of the initial value (0.08 means 8% lost); a negative loss is a gain. The
 * CVaR loss is never below the VaR loss. scrilla 1.6 scales time twice ({@code T^2} and
 * {@code V T}); {@link #scrillaValueAtRiskLevel} and {@link #scrillaConditionalValueAtRisk}
 * reproduce its numbers for migration only.
 */
public final class PortfolioRisk {
  private static final NormalDistribution STANDARD_NORMAL = new NormalDistribution(0, 1);

  private PortfolioRisk() {}

  /**
   * Returns the VaR level {@code exp((R - V^2/2) T + V sqrt(T) z_p)} as a fraction of the initial
   * value.
   *
   * @param annualReturn R, annualized decimal fraction
   * @param annualVolatility V, annualized decimal fraction, not negative
   * @param probability p in (0, 1)
   * @param horizon T in years, positive
   * @return the p-quantile of {@code S_T / S_0}
   * @throws InvalidInputException for a probability outside (0, 1) or a non-positive horizon
   */
  public static double valueAtRiskLevel(double annualReturn, double annualVolatility,
      double probability, double horizon) {
    check(annualReturn, annualVolatility, probability, horizon);
    double z = STANDARD_NORMAL.inverseCumulativeProbability(probability);
    return Math.exp((annualReturn - 0.5 * annualVolatility * annualVolatility) * horizon
        + annualVolatility * Math.sqrt(horizon) * z);
  }

  /**
   * Returns the VaR loss {@code 1 - valueAtRiskLevel(R, V, p, T)}, a fraction of the initial
   * value.
   *
   * @param annualReturn R, annualized decimal fraction
   * @param annualVolatility V, annualized decimal fraction, not negative
   * @param probability p in (0, 1)
   * @param horizon T in years, positive
   * @return the loss not exceeded with probability {@code 1 - p}
   */
  public static double valueAtRisk(double annualReturn, double annualVolatility,
      double probability, double horizon) {
    return 1 - valueAtRiskLevel(annualReturn, annualVolatility, probability, horizon);
  }

  /**
   * Returns the CVaR level {@code e^{RT} Phi(z_p - V sqrt T) / p}: the expected value of
   * {@code S_T / S_0} given that it is below the VaR level.
   *
   * @param annualReturn R, annualized decimal fraction
   * @param annualVolatility V, annualized decimal fraction, not negative
   * @param probability p in (0, 1)
   * @param horizon T in years, positive
   * @return the conditional expected level, a fraction of the initial value
   */
  public static double conditionalValueAtRiskLevel(double annualReturn, double annualVolatility,
      double probability, double horizon) {
    check(annualReturn, annualVolatility, probability, horizon);
    double z = STANDARD_NORMAL.inverseCumulativeProbability(probability);
    return Math.exp(annualReturn * horizon)
        * STANDARD_NORMAL.cumulativeProbability(z - annualVolatility * Math.sqrt(horizon))
        / probability;
  }

  /**
   * Returns the CVaR loss {@code 1 - e^{RT} Phi(z_p - V sqrt T) / p} (expected shortfall), a
   * fraction of the initial value.
   *
   * @param annualReturn R, annualized decimal fraction
   * @param annualVolatility V, annualized decimal fraction, not negative
   * @param probability p in (0, 1)
   * @param horizon T in years, positive
   * @return the expected loss in the worst {@code p} of outcomes
   */
  public static double conditionalValueAtRisk(double annualReturn, double annualVolatility,
      double probability, double horizon) {
    return 1 - conditionalValueAtRiskLevel(annualReturn, annualVolatility, probability, horizon);
  }

  /**
   * Returns scrilla 1.6's portfolio VaR, a level with time scaled twice:
   * {@code exp((R - V^2/2) T^2 + V T z_p)} (bug B13). For comparisons with scrilla only.
   *
   * @param annualReturn R
   * @param annualVolatility V
   * @param probability p in (0, 1)
   * @param horizon T in years
   * @return scrilla's number
   */
  public static double scrillaValueAtRiskLevel(double annualReturn, double annualVolatility,
      double probability, double horizon) {
    check(annualReturn, annualVolatility, probability, horizon);
    double z = STANDARD_NORMAL.inverseCumulativeProbability(probability);
    return Math.exp((annualReturn - 0.5 * annualVolatility * annualVolatility) * horizon * horizon
        + annualVolatility * horizon * z);
  }

  /**
   * Returns scrilla 1.6's portfolio CVaR, a loss with time scaled twice:
   * {@code 1 - e^{R T^2} Phi(z_p - V T) / p} (bug B13). For comparisons with scrilla only.
   *
   * @param annualReturn R
   * @param annualVolatility V
   * @param probability p in (0, 1)
   * @param horizon T in years
   * @return scrilla's number
   */
  public static double scrillaConditionalValueAtRisk(double annualReturn,
      double annualVolatility, double probability, double horizon) {
    check(annualReturn, annualVolatility, probability, horizon);
    double z = STANDARD_NORMAL.inverseCumulativeProbability(probability);
    return 1 - Math.exp(annualReturn * horizon * horizon)
        * STANDARD_NORMAL.cumulativeProbability(z - annualVolatility * horizon) / probability;
  }

  static void checkProbabilityAndHorizon(double probability, double horizon) {
    if (!(probability > 0 && probability < 1)) {
      throw new InvalidInputException("probability must lie strictly between 0 and 1, got "
          + probability + "; e.g. 0.05 for the worst 5% of outcomes");
    }
    if (!(horizon > 0) || !Double.isFinite(horizon)) {
      throw new InvalidInputException("horizon must be a positive number of years, got "
          + horizon);
    }
  }

  private static void check(double r, double v, double probability, double horizon) {
    checkProbabilityAndHorizon(probability, horizon);
    if (!Double.isFinite(r) || !Double.isFinite(v) || v < 0) {
      throw new InvalidInputException("return and volatility must be finite and the volatility"
          + " not negative, got " + r + " and " + v);
    }
  }
}
