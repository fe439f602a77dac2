package io.scrilla.core.optimize;

import java.util.Objects;

/**
 * A minimum-CVaR portfolio with its risk measures; immutable and thread-safe.
 *
 * @param solution the portfolio (weights, return, volatility, Sharpe ratio, solver status)
 * @param probability the tail probability p in (0, 1)
 * @param horizon the horizon T in years
 * @param valueAtRisk the VaR loss {@code 1 - exp((R - V^2/2) T + V sqrt(T) z_p)}, a fraction of
 *     the initial value
 * @param conditionalValueAtRisk the CVaR loss {@code 1 - e^{RT} Phi(z_p - V sqrt T) / p}, a
 *     fraction of the initial value (the CLI's {@code conditional_value_at_risk})
 */
public record CvarSolution(Solution solution, double probability, double horizon,
    double valueAtRisk, double conditionalValueAtRisk) {

  /** Checks for null. */
  public CvarSolution {
    Objects.requireNonNull(solution, "solution");
  }
}
