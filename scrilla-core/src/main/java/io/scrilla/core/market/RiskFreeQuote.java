package io.scrilla.core.market;

import io.scrilla.api.model.Maturity;
import java.time.LocalDate;
import java.util.Objects;

/**
 * The risk-free rate found for a date, and where it came from; immutable.
 *
 * @param rate the yield, annualized decimal fraction
 * @param maturity the Treasury maturity ({@code RISK_FREE})
 * @param curveDate the date of the curve used: the latest published on or before the date asked
 */
public record RiskFreeQuote(double rate, Maturity maturity, LocalDate curveDate) {
  /** Checks for nulls. */
  public RiskFreeQuote {
    Objects.requireNonNull(maturity, "maturity");
    Objects.requireNonNull(curveDate, "curveDate");
  }
}
