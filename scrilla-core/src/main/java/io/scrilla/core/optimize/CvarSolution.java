package io.scrilla.core.optimize;

import io.scrilla.core.risk.TailEvent;
import java.util.Objects;

/**
 * A minimum-CVaR portfolio with its risk measures as losses; immutable and thread-safe.
 *
 * @param solution the portfolio (weights, return, volatility, Sharpe ratio, solver status)
 * @param event the tail probability p and the horizon T in years
 * @param valueAtRiskLoss the VaR loss {@code 1 - exp((R - V^2/2) T + V sqrt(T) z_p)}, a fraction of
 *     the initial value
 * @param conditionalValueAtRiskLoss the CVaR loss {@code 1 - e^{RT} Phi(z_p - V sqrt T) / p}, a
 *     fraction of the initial value (the CLI's {@code conditional_value_at_risk}), at least the VaR
 *     loss
 */
public record CvarSolution(
    Solution solution, TailEvent event, double valueAtRiskLoss, double conditionalValueAtRiskLoss) {

  /** Checks for null. */
  public CvarSolution {
    Objects.requireNonNull(solution, "solution");
    Objects.requireNonNull(event, "event");
  }
}
