package io.scrilla.core.valuation;

import io.scrilla.api.error.InvalidInputException;
import io.scrilla.api.error.SampleSizeException;
import io.scrilla.api.model.Dividend;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;

/**
 * The discount dividend model: dividends projected by a straight line in time and discounted at a
 * constant annual rate. Pure functions; thread-safe. Times are in years of 365 calendar days.
 *
 * <p>With the n payments made on or before the valuation date, {@code d_1 < ... < d_n} (payment
 * dates) and amounts {@code D_j}:
 *
 * <ol>
 *   <li>regression: {@code t_j = (d_j - d_1) / 365}, {@code D = alpha + beta t} by ordinary least
 *       squares; when alpha or beta is exactly 0, alpha becomes the latest amount (scrilla's rule);
 *   <li>period: the mean gap {@code p = (d_n - d_1) / 365 / (n - 1)};
 *   <li>growth from the valuation date {@code v}: {@code g(x) = alpha + beta (x + (v - d_1)/365)};
 *   <li>first payment: when p is exactly 1, 1/4, 1/12 or 1/365, the time to the first day of the
 *       next year, quarter, month or the next day; otherwise the latest payment date advanced by
 *       {@code floor(365 p)} days until it is on or after v; {@code t_0} is that date minus v in
 *       days / 365 (scrilla divides by 252 in the calendar branches and fails in December, bug
 *       B18);
 *   <li>{@code NPV = sum_{i >= 0} g(t_0 + i p) / (1 + r)^(t_0 + i p)}, stopping after the first
 *       term smaller than 1e-7 in absolute value (that term included).
 * </ol>
 */
public final class DiscountDividendModel {
  /** A term below this (in currency) ends the sum. */
  public static final double TOLERANCE = 1e-7;

  /** The most terms summed before the series is declared divergent. */
  public static final int MAX_TERMS = 1_000_000;

  private static final double DAYS_PER_YEAR = 365;

  private DiscountDividendModel() {}

  /**
   * Values the share from its dividend history.
   *
   * @param dividends the payments, any order; those after the valuation date are ignored
   * @param valuationDate the date "today" of the valuation
   * @param discountRate r, annual decimal fraction, positive
   * @return the value and the fitted model
   * @throws SampleSizeException with fewer than 3 payments on or before the valuation date
   * @throws InvalidInputException when r is not positive (the sum never converges for r &lt;= 0),
   *     not finite, or the sum has not converged after {@value #MAX_TERMS} terms
   */
  public static DividendValuation value(
      List<Dividend> dividends, LocalDate valuationDate, double discountRate) {
    Objects.requireNonNull(dividends, "dividends");
    Objects.requireNonNull(valuationDate, "valuationDate");
    if (!(discountRate > 0) || Double.isInfinite(discountRate)) {
      throw new InvalidInputException(
          "discount rate "
              + discountRate
              + " must be a finite positive number: with r <= 0 the"
              + " discounted dividends never sum to a finite value; pass a positive rate");
    }
    List<Dividend> paid = new ArrayList<>();
    for (Dividend d : dividends) {
      if (!d.date().isAfter(valuationDate)) {
        paid.add(d);
      }
    }
    paid.sort(Comparator.comparing(Dividend::date));
    int n = paid.size();
    if (n < 3) {
      throw new SampleSizeException(
          n
              + " dividend payment(s) on or before "
              + valuationDate
              + "; the dividend model needs at"
              + " least 3 to fit a trend and a payment period");
    }
    LocalDate first = paid.get(0).date();
    LocalDate last = paid.get(n - 1).date();
    double[] t = new double[n];
    double[] y = new double[n];
    for (int j = 0; j < n; j++) {
      t[j] = ChronoUnit.DAYS.between(first, paid.get(j).date()) / DAYS_PER_YEAR;
      y[j] = paid.get(j).amount();
    }
    double period = ChronoUnit.DAYS.between(first, last) / DAYS_PER_YEAR / (n - 1);
    if (!(period > 0)) {
      throw new InvalidInputException(
          "every dividend was paid on " + first + ": no payment period can be inferred");
    }
    double[] fit = ols(t, y);
    double alpha = fit[0];
    double beta = fit[1];
    if (alpha == 0 || beta == 0) {
      alpha = y[n - 1];
    }
    double sinceFirst = years(first, valuationDate);
    double t0 = firstPaymentTime(last, valuationDate, period);
    double npv = 0;
    int terms = 0;
    double x = t0;
    while (true) {
      double term = growth(alpha, beta, sinceFirst, x) / Math.pow(1 + discountRate, x);
      npv += term;
      terms++;
      if (Math.abs(term) < TOLERANCE) {
        break;
      }
      if (terms >= MAX_TERMS || !Double.isFinite(npv)) {
        throw new InvalidInputException(
            "the discounted dividends at rate "
                + discountRate
                + " have not converged after "
                + terms
                + " payments; use a higher discount rate");
      }
      x = t0 + terms * period;
    }
    return new DividendValuation(
        npv, discountRate, valuationDate, alpha, beta, period, t0, terms, first);
  }

  /**
   * Returns the projected amount {@code g(x) = alpha + beta (x + sinceFirst)} of a payment {@code
   * x} years after the valuation date, {@code sinceFirst} being the years from the first payment to
   * the valuation date: the one growth formula of the model, used by its sum and by {@link
   * DividendValuation#projectedAmount(double)}.
   */
  static double growth(double alpha, double beta, double sinceFirst, double x) {
    return alpha + beta * (x + sinceFirst);
  }

  /** Returns the years (days / 365) from {@code from} to {@code to}, the model's unit of time. */
  static double years(LocalDate from, LocalDate to) {
    return ChronoUnit.DAYS.between(from, to) / DAYS_PER_YEAR;
  }

  /** Returns alpha and beta of y = alpha + beta t by ordinary least squares. */
  static double[] ols(double[] t, double[] y) {
    int n = t.length;
    double mt = 0;
    double my = 0;
    for (int i = 0; i < n; i++) {
      mt += t[i];
      my += y[i];
    }
    mt /= n;
    my /= n;
    double stt = 0;
    double sty = 0;
    for (int i = 0; i < n; i++) {
      stt += (t[i] - mt) * (t[i] - mt);
      sty += (t[i] - mt) * (y[i] - my);
    }
    double beta = sty / stt;
    return new double[] {my - beta * mt, beta};
  }

  /** Returns the years (days / 365) from the valuation date to the first projected payment. */
  static double firstPaymentTime(LocalDate latestPayment, LocalDate valuationDate, double period) {
    LocalDate next;
    if (period == 1) {
      next = LocalDate.of(valuationDate.getYear() + 1, 1, 1);
    } else if (period == 0.25) {
      int quarterStartMonth = ((valuationDate.getMonthValue() - 1) / 3) * 3 + 1;
      next = LocalDate.of(valuationDate.getYear(), quarterStartMonth, 1).plusMonths(3);
    } else if (period == 1.0 / 12) {
      next = valuationDate.withDayOfMonth(1).plusMonths(1); // rolls December into January
    } else if (period == 1.0 / 365) {
      next = valuationDate.plusDays(1);
    } else {
      long step = (long) Math.floor(DAYS_PER_YEAR * period);
      if (step < 1) {
        step = 1;
      }
      long behind = ChronoUnit.DAYS.between(latestPayment, valuationDate);
      long k = behind <= 0 ? 0 : (behind + step - 1) / step;
      next = latestPayment.plusDays(k * step);
    }
    return ChronoUnit.DAYS.between(valuationDate, next) / DAYS_PER_YEAR;
  }
}
