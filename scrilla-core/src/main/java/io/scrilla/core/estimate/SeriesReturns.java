package io.scrilla.core.estimate;

import io.scrilla.api.model.AssetType;
import io.scrilla.api.model.PriceHistory;
import io.scrilla.core.calendar.TradingCalendar;

/**
 * One asset's log returns and interval lengths, reused by every pair the asset is part of
 * (package-private kernel of {@link CorrelationMatrixEstimator}). Closes and dates are read through
 * the history's accessors, never copied.
 *
 * <p>{@link #residuals} restricts the series to a subset of its dates and computes exactly what
 * {@link ReturnSample#of} followed by {@link ReturnSample#residuals()} computes on that subset, in
 * the same order of operations, so the results are the same doubles. A series restricted more than
 * once (its group meets other groups) keeps the log returns and interval lengths of adjacent dates,
 * computed once, and takes a new logarithm only for the intervals that skip dates; a series
 * restricted once (all series share their dates) keeps nothing and computes each log return where
 * it is used, with the same expression.
 */
final class SeriesReturns {
  final PriceHistory history;
  final double tau;
  private final boolean equity;
  private final TradingCalendar calendar;

  /** {@code logReturns[i] = ln(close(i + 1) / close(i))}, or null when not kept. */
  private final double[] logReturns;

  /** The interval lengths in trading periods, at least 1, or null when not kept. */
  private final double[] deltas;

  /**
   * Prepares a series.
   *
   * @param history the prices
   * @param calendar the calendar that counts equity sessions
   * @param keep whether to keep the log returns and interval lengths of adjacent dates (for a
   *     series that {@link #residuals} will restrict more than once)
   */
  SeriesReturns(PriceHistory history, TradingCalendar calendar, boolean keep) {
    this.history = history;
    this.calendar = calendar;
    this.tau = history.asset().type().tradingPeriod();
    this.equity = history.asset().type() == AssetType.EQUITY;
    int n = history.size();
    if (keep) {
      this.logReturns = new double[Math.max(0, n - 1)];
      this.deltas = new double[logReturns.length];
      for (int i = 1; i < n; i++) {
        logReturns[i - 1] = Math.log(history.close(i) / history.close(i - 1));
        deltas[i - 1] = delta(i - 1, i);
      }
    } else {
      this.logReturns = null;
      this.deltas = null;
    }
  }

  int size() {
    return history.size();
  }

  /** Returns the i-th date as an epoch day. */
  int day(int i) {
    return history.epochDay(i);
  }

  private double delta(int from, int to) {
    int to0 = history.epochDay(to);
    int from0 = history.epochDay(from);
    int d = equity ? calendar.sessionsBetween(from0, to0) : to0 - from0;
    // an equity row dated on a non-trading day still spans at least one period
    return Math.max(1, d);
  }

  /**
   * Returns whether the interval lengths of this series count NYSE sessions (an equity) rather than
   * calendar days: two series on the same dates have the same intervals when this agrees.
   */
  boolean countsSessions() {
    return equity;
  }

  /**
   * Writes the interval lengths {@code Delta_i} of the series restricted to the positions {@code
   * pos[0..m)} (all positions when {@code pos} is null) into {@code d[0..m-1)}: the same for every
   * series on the same dates that {@link #countsSessions() counts} the same way.
   */
  void intervals(int[] pos, int m, double[] d) {
    for (int i = 0; i < m - 1; i++) {
      int from = pos == null ? i : pos[i];
      int to = pos == null ? i + 1 : pos[i + 1];
      d[i] = to == from + 1 && deltas != null ? deltas[from] : delta(from, to);
    }
  }

  /**
   * Writes the standardized residuals {@code e_i = (r_i - nu tau Delta_i) / sqrt(tau Delta_i)} of
   * the series restricted to the positions {@code pos[0..m)} (all positions when {@code pos} is
   * null) into {@code out[0..m-1)}, and the annualized returns {@code x_i = r_i / (Delta_i tau)}
   * into {@code annualized[0..m-1)} when it is not null.
   *
   * @param d the interval lengths of these positions, as {@link #intervals} writes them
   * @return {@code sum e_i^2}, summed in order
   */
  double residuals(int[] pos, int m, double[] d, double[] out, double[] annualized) {
    int count = m - 1;
    double[] r = annualized == null ? out : annualized; // log returns first, then overwritten
    double totalDelta = 0;
    for (int i = 0; i < count; i++) {
      int from = pos == null ? i : pos[i];
      int to = pos == null ? i + 1 : pos[i + 1];
      r[i] =
          to == from + 1 && logReturns != null
              ? logReturns[from]
              : Math.log(history.close(to) / history.close(from));
      totalDelta += d[i];
    }
    int first = pos == null ? 0 : pos[0];
    int last = pos == null ? m - 1 : pos[m - 1];
    double logTotal = Math.log(history.close(last) / history.close(first));
    double nu = logTotal / (tau * totalDelta);
    double ss = 0;
    double lastDelta = Double.NaN;
    double dt = Double.NaN;
    double root = Double.NaN;
    for (int i = 0; i < count; i++) {
      if (d[i] != lastDelta) {
        // the same interval gives the same doubles: compute them once per run of equal intervals
        lastDelta = d[i];
        dt = tau * lastDelta;
        root = Math.sqrt(dt);
      }
      double ri = r[i];
      double e = (ri - nu * dt) / root;
      if (annualized != null) {
        annualized[i] = ri / (d[i] * tau);
      }
      out[i] = e;
      ss += e * e;
    }
    return ss;
  }
}
