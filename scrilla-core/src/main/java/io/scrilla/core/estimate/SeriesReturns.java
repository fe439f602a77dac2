package io.scrilla.core.estimate;

import io.scrilla.api.model.AssetType;
import io.scrilla.api.model.PriceHistory;
import io.scrilla.core.calendar.TradingCalendar;

/**
 * One asset's closes, dates, log returns and interval lengths, computed once and reused by every
 * pair the asset is part of (package-private kernel of {@link CorrelationMatrixEstimator}).
 *
 * <p>{@link #residuals} restricts the series to a subset of its dates and computes exactly what
 * {@link ReturnSample#of} followed by {@link ReturnSample#residuals()} computes on that subset, in
 * the same order of operations, so the results are the same doubles. Where two kept dates are
 * adjacent in the series, the log return and interval length computed once are reused; only the
 * intervals that skip dates take a new logarithm.
 */
final class SeriesReturns {
  final PriceHistory history;
  final int[] days;
  final double[] closes;
  final double tau;
  private final boolean equity;
  /** {@code logReturns[i] = ln(closes[i + 1] / closes[i])}. */
  private final double[] logReturns;
  /** The interval lengths in trading periods, at least 1. */
  private final double[] deltas;
  private final TradingCalendar calendar;

  SeriesReturns(PriceHistory history, TradingCalendar calendar) {
    this.history = history;
    this.calendar = calendar;
    this.days = history.epochDays();
    this.closes = history.closes();
    this.tau = history.asset().type().tradingPeriod();
    this.equity = history.asset().type() == AssetType.EQUITY;
    int n = closes.length;
    this.logReturns = new double[Math.max(0, n - 1)];
    this.deltas = new double[logReturns.length];
    for (int i = 1; i < n; i++) {
      logReturns[i - 1] = Math.log(closes[i] / closes[i - 1]);
      deltas[i - 1] = delta(i - 1, i);
    }
  }

  int size() {
    return closes.length;
  }

  private double delta(int from, int to) {
    int d =
        equity ? calendar.sessionsBetween(days[from], days[to]) : days[to] - days[from];
    // an equity row dated on a non-trading day still spans at least one period
    return Math.max(1, d);
  }

  /**
   * Writes the standardized residuals {@code e_i = (r_i - nu tau Delta_i) / sqrt(tau Delta_i)} of
   * the series restricted to the positions {@code pos[0..m)} (all positions when {@code pos} is
   * null) into {@code out[0..m-1)}, and the annualized returns {@code x_i = r_i / (Delta_i tau)}
   * into {@code annualized[0..m-1)} when it is not null.
   *
   * @return {@code sum e_i^2}, summed in order
   */
  double residuals(int[] pos, int m, double[] out, double[] annualized) {
    int count = m - 1;
    double[] r = annualized == null ? out : annualized; // log returns first, then overwritten
    double[] d = new double[count];
    double totalDelta = 0;
    for (int i = 0; i < count; i++) {
      int from = pos == null ? i : pos[i];
      int to = pos == null ? i + 1 : pos[i + 1];
      if (to == from + 1) {
        r[i] = logReturns[from];
        d[i] = deltas[from];
      } else {
        r[i] = Math.log(closes[to] / closes[from]);
        d[i] = delta(from, to);
      }
      totalDelta += d[i];
    }
    int first = pos == null ? 0 : pos[0];
    int last = pos == null ? m - 1 : pos[m - 1];
    double logTotal = Math.log(closes[last] / closes[first]);
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
