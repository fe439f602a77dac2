package io.scrilla.core.valuation;

import java.time.LocalDate;
import java.util.Objects;

/**
 * The result of the discount dividend model; immutable.
 *
 * @param netPresentValue the present value per share of the projected dividends, in the dividend
 *     currency
 * @param discountRate the annual discount rate r used, decimal fraction
 * @param valuationDate the date the value refers to ("today")
 * @param intercept alpha of the regression {@code amount = alpha + beta t} (t in years of 365 days
 *     from the first payment)
 * @param slope beta of that regression, currency per year
 * @param period the inferred payment period in years (mean gap between payments)
 * @param firstPaymentTime years (days / 365) from the valuation date to the first projected payment
 * @param terms the number of payments summed
 */
public record DividendValuation(
    double netPresentValue,
    double discountRate,
    LocalDate valuationDate,
    double intercept,
    double slope,
    double period,
    double firstPaymentTime,
    int terms) {

  /** Checks for null. */
  public DividendValuation {
    Objects.requireNonNull(valuationDate, "valuationDate");
  }
}
