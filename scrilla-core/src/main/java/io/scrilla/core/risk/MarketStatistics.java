package io.scrilla.core.risk;

import io.scrilla.api.error.InvalidInputException;
import io.scrilla.api.model.RiskProfile;

/**
 * The capital-market statistics of an asset: Sharpe ratio, market premium, CAPM beta and cost of
 * equity. Pure functions; thread-safe. Returns, volatilities and rates are annualized decimal
 * fractions.
 */
public final class MarketStatistics {
  private MarketStatistics() {}

  /**
   * Returns the Sharpe ratio {@code (mu - r_f) / sigma}.
   *
   * @param profile the asset's annual return mu and volatility sigma (positive)
   * @param riskFreeRate r_f
   * @throws InvalidInputException when the volatility is zero
   */
  public static double sharpeRatio(RiskProfile profile, double riskFreeRate) {
    requireFinite(riskFreeRate, "risk-free rate");
    if (profile.annualVolatility() == 0) {
      throw new InvalidInputException("the Sharpe ratio needs a positive volatility, got 0");
    }
    return (profile.annualReturn() - riskFreeRate) / profile.annualVolatility();
  }

  /** Returns the market premium {@code mu_M - r_f}. */
  public static double marketPremium(RiskProfile market, double riskFreeRate) {
    requireFinite(riskFreeRate, "risk-free rate");
    return market.annualReturn() - riskFreeRate;
  }

  /**
   * Returns the CAPM beta {@code rho_{A,M} sigma_A / sigma_M = cov(A, M) / sigma_M^2}.
   *
   * @param correlation rho between the asset and the market, in [-1, 1]
   * @param assetVolatility sigma_A
   * @param marketVolatility sigma_M, positive
   */
  public static double beta(double correlation, double assetVolatility, double marketVolatility) {
    if (!(correlation >= -1 && correlation <= 1)) {
      throw new InvalidInputException("correlation " + correlation + " is not in [-1, 1]");
    }
    if (!(marketVolatility > 0) || Double.isInfinite(marketVolatility)) {
      throw new InvalidInputException(
          "market volatility " + marketVolatility + " must be positive");
    }
    requireFinite(assetVolatility, "asset volatility");
    return correlation * assetVolatility / marketVolatility;
  }

  /** Returns the covariance of annual returns {@code sigma_1 sigma_2 rho}. */
  public static double covariance(double volatility1, double volatility2, double correlation) {
    return volatility1 * volatility2 * correlation;
  }

  /** Returns the CAPM cost of equity {@code r_f + beta (mu_M - r_f)}. */
  public static double costOfEquity(double riskFreeRate, double beta, double marketReturn) {
    requireFinite(riskFreeRate, "risk-free rate");
    requireFinite(beta, "beta");
    requireFinite(marketReturn, "market return");
    return riskFreeRate + beta * (marketReturn - riskFreeRate);
  }

  private static void requireFinite(double x, String what) {
    if (!Double.isFinite(x)) {
      throw new InvalidInputException(what + " " + x + " must be a finite number");
    }
  }
}
