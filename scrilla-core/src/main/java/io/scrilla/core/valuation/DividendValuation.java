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
 * @param trendStart the first payment date {@code d_1} of the regression, where {@code t = 0}
 */
public record DividendValuation(
    double netPresentValue,
    double discountRate,
    LocalDate valuationDate,
    double intercept,
    double slope,
    double period,
    double firstPaymentTime,
    int terms,
    LocalDate trendStart) {

  /** Checks for nulls. */
  public DividendValuation {
    Objects.requireNonNull(valuationDate, "valuationDate");
    Objects.requireNonNull(trendStart, "trendStart");
  }

  /**
   * Returns the amount of the model's trend on a date, {@code alpha + beta t} with {@code t} the
   * years (days / 365) from {@link #trendStart()}: the fitted line through the payments, in the
   * dividend currency per share.
   *
   * @param date any date (before the valuation date: the fit; after it: the projection)
   * @return the trend amount, currency per share
   */
  public double trendAmount(LocalDate date) {
    return DiscountDividendModel.growth(
        intercept, slope, 0, DiscountDividendModel.years(trendStart, date));
  }

  /**
   * Returns the time of the {@code i}-th projected payment, {@code t_0 + i p}, in years (days /
   * 365) after the valuation date; the model sums the payments {@code i = 0 .. terms - 1}.
   *
   * @param i the index of the payment, from 0
   * @return years after the valuation date
   */
  public double projectedPaymentTime(int i) {
    return firstPaymentTime + i * period;
  }

  /**
   * Returns the amount the model projects for a payment {@code x} years after the valuation date,
   * before discounting: {@code g(x) = alpha + beta (x + (v - d_1) / 365)}, exactly the growth term
   * of the model's sum.
   *
   * @param x years (days / 365) after the valuation date
   * @return the projected amount, currency per share
   */
  public double projectedAmount(double x) {
    return DiscountDividendModel.growth(
        intercept, slope, DiscountDividendModel.years(trendStart, valuationDate), x);
  }
}
