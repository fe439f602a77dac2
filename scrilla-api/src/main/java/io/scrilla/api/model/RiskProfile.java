package io.scrilla.api.model;

import io.scrilla.api.error.InvalidInputException;

/**
 * The annual return and volatility of an asset under geometric Brownian motion; immutable.
 *
 * <p>With {@code dS/S = mu dt + sigma dW}, {@code annualReturn} is the estimate of {@code mu} (the
 * log drift plus the Ito correction {@code sigma^2/2}) and {@code annualVolatility} the estimate of
 * {@code sigma}; both annualized decimal fractions (0.12 means 12% a year).
 *
 * @param annualReturn annualized expected return mu, decimal fraction
 * @param annualVolatility annualized volatility sigma, decimal fraction, not negative
 */
public record RiskProfile(double annualReturn, double annualVolatility) {

  /** Checks that both numbers are finite and the volatility is not negative. */
  public RiskProfile {
    if (!Double.isFinite(annualReturn)
        || !Double.isFinite(annualVolatility)
        || annualVolatility < 0) {
      throw new InvalidInputException(
          "risk profile needs a finite return and a finite non-negative volatility, got "
              + annualReturn
              + " and "
              + annualVolatility);
    }
  }

  /** Returns the annualized log drift {@code nu = mu - sigma^2/2}. */
  public double logDrift() {
    return annualReturn - 0.5 * annualVolatility * annualVolatility;
  }
}
