package io.scrilla.core.stats;

import io.scrilla.api.error.InvalidInputException;
import io.scrilla.api.error.SampleSizeException;
import io.scrilla.api.model.Asset;
import io.scrilla.api.model.DateRange;
import io.scrilla.api.model.EstimationMethod;
import io.scrilla.api.model.PriceHistory;
import io.scrilla.core.calendar.TradingCalendar;
import io.scrilla.core.estimate.ProfileEstimators;
import io.scrilla.core.estimate.ReturnSample;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.OptionalDouble;

/**
 * Moving averages of annual return; immutable and thread-safe.
 *
 * <p>For each date d of the window and each period k, the moving average is the profile {@code
 * annual_return} ({@code nu + sigma^2/2}, the same definition for every estimation method;
 * scrilla's moments average omits the Ito term, bug B10) of the trailing k + 1 prices ending at d:
 * k returns over the last k rows of the history (NYSE sessions for equities, calendar days for
 * crypto). It is absent where the history holds fewer than k + 1 prices up to d. Annualized decimal
 * fractions.
 */
public final class MovingAverages {
  private final Asset asset;
  private final EstimationMethod method;
  private final int[] periods;
  private final int[] days;
  private final double[][] values; // [date][period], NaN when absent

  private MovingAverages(
      Asset asset, EstimationMethod method, int[] periods, int[] days, double[][] values) {
    this.asset = asset;
    this.method = method;
    this.periods = periods;
    this.days = days;
    this.values = values;
  }

  /**
   * Computes the moving averages of every date of {@code window} that has a price.
   *
   * @param history the prices, reaching back at least {@code max(periods)} rows before the window
   *     for every average to be present
   * @param window the dates to report
   * @param periods the look-back lengths k in rows, each at least 2
   * @param method the estimation method of each window's profile
   * @param calendar counts equity sessions
   * @throws InvalidInputException for a period below 2
   */
  public static MovingAverages compute(
      PriceHistory history,
      DateRange window,
      int[] periods,
      EstimationMethod method,
      TradingCalendar calendar) {
    Objects.requireNonNull(history, "history");
    Objects.requireNonNull(window, "window");
    Objects.requireNonNull(method, "method");
    int[] ks = periods.clone();
    for (int k : ks) {
      if (k < 2) {
        throw new InvalidInputException(
            "moving-average period " + k + " is too short: use at least 2 prices");
      }
    }
    int n = history.size();
    double[] closes = history.closes();
    // interval lengths of the whole history, computed once
    if (n < 2) {
      throw new SampleSizeException(
          history.asset().ticker()
              + ": "
              + n
              + " price(s) up to "
              + window.end()
              + "; a moving average needs at least 3");
    }
    double[] deltas = ReturnSample.of(history, calendar).deltas();
    double tau = history.asset().type().tradingPeriod();
    int from = 0;
    while (from < n && history.epochDay(from) < window.startEpochDay()) {
      from++;
    }
    int to = from;
    while (to < n && history.epochDay(to) <= window.endEpochDay()) {
      to++;
    }
    int m = to - from;
    int[] days = new int[m];
    double[][] values = new double[m][ks.length];
    for (int d = 0; d < m; d++) {
      int i = from + d;
      days[d] = history.epochDay(i);
      for (int j = 0; j < ks.length; j++) {
        int k = ks[j];
        if (i - k < 0) {
          values[d][j] = Double.NaN;
          continue;
        }
        ReturnSample s =
            ReturnSample.ofCloses(
                Arrays.copyOfRange(closes, i - k, i + 1),
                Arrays.copyOfRange(deltas, i - k, i),
                tau);
        values[d][j] = ProfileEstimators.estimate(s, method).annualReturn();
      }
    }
    return new MovingAverages(history.asset(), method, ks, days, values);
  }

  /** Returns the asset. */
  public Asset asset() {
    return asset;
  }

  /** Returns the estimation method. */
  public EstimationMethod method() {
    return method;
  }

  /** Returns the periods k (a copy), e.g. {20, 60, 100}. */
  public int[] periods() {
    return periods.clone();
  }

  /** Returns the number of dates. */
  public int size() {
    return days.length;
  }

  /** Returns the {@code i}-th date. */
  public LocalDate date(int i) {
    return LocalDate.ofEpochDay(days[i]);
  }

  /**
   * Returns the moving average of the {@code i}-th date and {@code j}-th period, absent when the
   * history is too short there.
   */
  public OptionalDouble value(int i, int j) {
    double v = values[i][j];
    return Double.isNaN(v) ? OptionalDouble.empty() : OptionalDouble.of(v);
  }

  /**
   * Returns the averages by date (ascending) and period (in the order given), leaving out absent
   * ones.
   */
  public Map<LocalDate, Map<Integer, Double>> toMap() {
    Map<LocalDate, Map<Integer, Double>> out = new LinkedHashMap<>();
    for (int i = 0; i < days.length; i++) {
      Map<Integer, Double> row = new LinkedHashMap<>();
      for (int j = 0; j < periods.length; j++) {
        if (!Double.isNaN(values[i][j])) {
          row.put(periods[j], values[i][j]);
        }
      }
      out.put(date(i), row);
    }
    return out;
  }
}
