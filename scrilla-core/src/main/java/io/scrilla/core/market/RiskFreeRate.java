package io.scrilla.core.market;

import io.scrilla.api.error.InvalidInputException;

/**
 * Where a statistic takes its risk-free rate from: the configured source (the {@code RISK_FREE}
 * maturity's Treasury yield on the window's end date) or a fixed annual rate; immutable.
 *
 * <pre>{@code
 * scrilla.sharpeRatio(spy, range, method, RiskFreeRate.configured());
 * scrilla.sharpeRatio(spy, range, method, RiskFreeRate.of(0.02));
 * }</pre>
 */
public sealed interface RiskFreeRate {

  /** Returns the configured source: the {@code RISK_FREE} yield on the window's end date. */
  static RiskFreeRate configured() {
    return Configured.INSTANCE;
  }

  /**
   * Returns a fixed rate.
   *
   * @param rate annualized decimal fraction, finite (0.02 is 2%)
   * @throws InvalidInputException when the rate is not finite
   */
  static RiskFreeRate of(double rate) {
    return new Fixed(rate);
  }

  /** The configured source. */
  enum Configured implements RiskFreeRate {
    /** The only instance. */
    INSTANCE
  }

  /**
   * A fixed rate.
   *
   * @param rate annualized decimal fraction
   */
  record Fixed(double rate) implements RiskFreeRate {
    /** Checks that the rate is finite. */
    public Fixed {
      if (!Double.isFinite(rate)) {
        throw new InvalidInputException("the risk-free rate " + rate + " is not a number");
      }
    }
  }
}
