package io.scrilla.core.stats;

import io.scrilla.api.error.InvalidInputException;
import io.scrilla.api.error.SampleSizeException;
import io.scrilla.api.model.Asset;
import io.scrilla.api.model.DateRange;
import io.scrilla.api.model.EstimationMethod;
import io.scrilla.api.model.PriceHistory;
import io.scrilla.core.calendar.TradingCalendar;
import io.scrilla.core.estimate.CorrelationEstimators;
import io.scrilla.core.estimate.PairSample;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * A rolling correlation of two assets; immutable and thread-safe.
 *
 * <p>For each date d of the window on which both assets have a price, the correlation of the
 * trailing {@code period} returns ending at d: the estimator of {@link CorrelationEstimators} (the
 * same as for one window) on the last {@code period + 1} common dates up to d, which with complete
 * histories are the NYSE sessions (calendar days when the histories keep weekends) from {@code
 * period} sessions before d to d. A date with fewer than {@code period + 1} common dates up to it
 * is left out.
 */
public final class CorrelationSeries {
  private final Asset first;
  private final Asset second;
  private final EstimationMethod method;
  private final int period;
  private final int[] days;
  private final double[] values;

  private CorrelationSeries(
      Asset first, Asset second, EstimationMethod method, int period, int[] days, double[] values) {
    this.first = first;
    this.second = second;
    this.method = method;
    this.period = period;
    this.days = days;
    this.values = values;
  }

  /**
   * Computes the rolling correlation on every common date of {@code window}.
   *
   * @param a the first asset's prices, reaching back at least {@code period} common dates before
   *     the window for every date to have a value
   * @param b the second asset's prices, likewise
   * @param window the dates to report
   * @param period the number of returns in each correlation, at least 2
   * @param method the estimation method
   * @param calendar counts equity sessions
   * @throws InvalidInputException for a period below 2, or a window without variation
   * @throws SampleSizeException when no date of the window has {@code period + 1} common dates up
   *     to it
   */
  public static CorrelationSeries compute(
      PriceHistory a,
      PriceHistory b,
      DateRange window,
      int period,
      EstimationMethod method,
      TradingCalendar calendar) {
    Objects.requireNonNull(a, "a");
    Objects.requireNonNull(b, "b");
    Objects.requireNonNull(window, "window");
    Objects.requireNonNull(method, "method");
    if (period < 2) {
      throw new InvalidInputException(
          "a rolling correlation period of " + period + " is too short: use at least 2 returns");
    }
    int[] common = commonDays(a, b);
    int m = 0;
    int[] days = new int[common.length];
    double[] values = new double[common.length];
    for (int i = period; i < common.length; i++) {
      int day = common[i];
      if (day < window.startEpochDay() || day > window.endEpochDay()) {
        continue;
      }
      DateRange trailing =
          DateRange.of(LocalDate.ofEpochDay(common[i - period]), LocalDate.ofEpochDay(day));
      days[m] = day;
      values[m] =
          CorrelationEstimators.estimate(
              PairSample.of(a.slice(trailing), b.slice(trailing), calendar), method);
      m++;
    }
    if (m == 0) {
      throw new SampleSizeException(
          a.asset().ticker()
              + " and "
              + b.asset().ticker()
              + ": no date from "
              + window.start()
              + " to "
              + window.end()
              + " has "
              + (period + 1)
              + " common prices up to it ("
              + common.length
              + " common dates in all); choose a later window or a shorter period");
    }
    return new CorrelationSeries(
        a.asset(), b.asset(), method, period, Arrays.copyOf(days, m), Arrays.copyOf(values, m));
  }

  /** Returns the dates both histories have, ascending, as epoch days. */
  private static int[] commonDays(PriceHistory a, PriceHistory b) {
    int[] out = new int[Math.min(a.size(), b.size())];
    int i = 0;
    int j = 0;
    int k = 0;
    while (i < a.size() && j < b.size()) {
      int da = a.epochDay(i);
      int db = b.epochDay(j);
      if (da < db) {
        i++;
      } else if (db < da) {
        j++;
      } else {
        out[k++] = da;
        i++;
        j++;
      }
    }
    return Arrays.copyOf(out, k);
  }

  /** Returns the first asset. */
  public Asset first() {
    return first;
  }

  /** Returns the second asset. */
  public Asset second() {
    return second;
  }

  /** Returns the estimation method. */
  public EstimationMethod method() {
    return method;
  }

  /** Returns the number of returns in each correlation. */
  public int period() {
    return period;
  }

  /** Returns the number of dates. */
  public int size() {
    return days.length;
  }

  /** Returns the {@code i}-th date, ascending. */
  public LocalDate date(int i) {
    return LocalDate.ofEpochDay(days[i]);
  }

  /** Returns the correlation of the {@code i}-th date, in [-1, 1]. */
  public double value(int i) {
    return values[i];
  }

  /** Returns the correlations by date, ascending. */
  public Map<LocalDate, Double> toMap() {
    Map<LocalDate, Double> out = new LinkedHashMap<>();
    for (int i = 0; i < days.length; i++) {
      out.put(date(i), values[i]);
    }
    return out;
  }
}
