package io.scrilla.core.estimate;

import io.scrilla.api.error.InvalidInputException;
import io.scrilla.api.error.SampleSizeException;
import io.scrilla.api.model.AssetType;
import io.scrilla.api.model.PriceHistory;
import io.scrilla.core.calendar.TradingCalendar;
import java.util.Arrays;

/**
 * A sample of daily log returns with the length of each interval; immutable.
 *
 * <p>From closes {@code P_0..P_N} on dates {@code t_0 < ... < t_N}: the log returns {@code r_i =
 * ln(P_i / P_{i-1})}, the interval lengths {@code Delta_i} in trading periods (NYSE sessions
 * elapsed in {@code (t_{i-1}, t_i]} for equities, calendar days for crypto) and the trading period
 * {@code tau} in years (1/252 for equities, 1/365 for crypto). {@link #logTotal()} is {@code ln(P_N
 * / P_0)}.
 */
public final class ReturnSample {
  private final double[] returns;
  private final double[] deltas;
  private final double tau;
  private final double logTotal;
  private final double totalDelta;

  private ReturnSample(double[] returns, double[] deltas, double tau, double logTotal) {
    this.returns = returns;
    this.deltas = deltas;
    this.tau = tau;
    this.logTotal = logTotal;
    double t = 0;
    for (double d : deltas) {
      t += d;
    }
    this.totalDelta = t;
  }

  /**
   * Builds the sample of a price history (at least 2 prices).
   *
   * @param prices the closes in the window, ascending
   * @param calendar the calendar that counts equity sessions
   * @return the sample of {@code prices.size() - 1} returns
   * @throws SampleSizeException with fewer than 2 prices, naming the ticker and dates
   */
  public static ReturnSample of(PriceHistory prices, TradingCalendar calendar) {
    int n = prices.size();
    if (n < 2) {
      throw new SampleSizeException(
          prices.asset().ticker()
              + ": "
              + n
              + " price"
              + (n == 1 ? " on " + prices.firstDate() : "")
              + " in the window; at least 2 are needed for a return");
    }
    boolean equity = prices.asset().type() == AssetType.EQUITY;
    double[] r = new double[n - 1];
    double[] d = new double[n - 1];
    for (int i = 1; i < n; i++) {
      r[i - 1] = Math.log(prices.close(i) / prices.close(i - 1));
      int from = prices.epochDay(i - 1);
      int to = prices.epochDay(i);
      int delta = equity ? calendar.sessionsBetween(from, to) : to - from;
      // an equity row dated on a non-trading day still spans at least one period
      d[i - 1] = Math.max(1, delta);
    }
    return new ReturnSample(
        r,
        d,
        prices.asset().type().tradingPeriod(),
        Math.log(prices.close(n - 1) / prices.close(0)));
  }

  /**
   * Builds a sample from closes on consecutive periods (every {@code Delta_i = 1}).
   *
   * @param closes at least 2 finite positive prices
   * @param tau the trading period in years, e.g. {@code 1.0 / 252}
   */
  public static ReturnSample ofCloses(double[] closes, double tau) {
    double[] deltas = new double[Math.max(0, closes.length - 1)];
    Arrays.fill(deltas, 1.0);
    return build(closes, deltas, tau);
  }

  /**
   * Builds a sample from closes and the interval lengths between them.
   *
   * @param closes at least 2 finite positive prices
   * @param deltas {@code closes.length - 1} positive interval lengths in trading periods
   * @param tau the trading period in years
   */
  public static ReturnSample ofCloses(double[] closes, double[] deltas, double tau) {
    return build(closes, deltas.clone(), tau);
  }

  /** Validates and builds; {@code deltas} is owned by the sample. */
  private static ReturnSample build(double[] closes, double[] deltas, double tau) {
    if (closes.length < 2) {
      throw new SampleSizeException(closes.length + " prices; at least 2 are needed for a return");
    }
    if (deltas.length != closes.length - 1) {
      throw new InvalidInputException(
          deltas.length
              + " interval lengths for "
              + closes.length
              + " prices; need "
              + (closes.length - 1));
    }
    if (!(tau > 0) || Double.isInfinite(tau)) {
      throw new InvalidInputException("trading period " + tau + " must be positive");
    }
    double[] r = new double[closes.length - 1];
    for (int i = 0; i < closes.length; i++) {
      if (!(closes[i] > 0) || Double.isInfinite(closes[i])) {
        throw new InvalidInputException(
            "price " + closes[i] + " at position " + i + " is not a finite positive number");
      }
      if (i > 0) {
        if (!(deltas[i - 1] > 0) || Double.isInfinite(deltas[i - 1])) {
          throw new InvalidInputException("interval length " + deltas[i - 1] + " must be positive");
        }
        r[i - 1] = Math.log(closes[i] / closes[i - 1]);
      }
    }
    return new ReturnSample(r, deltas, tau, Math.log(closes[closes.length - 1] / closes[0]));
  }

  /** Returns the number of returns N. */
  public int size() {
    return returns.length;
  }

  /** Returns the {@code i}-th log return {@code r_(i+1)}. */
  public double logReturn(int i) {
    return returns[i];
  }

  /** Returns the length of the {@code i}-th interval in trading periods. */
  public double delta(int i) {
    return deltas[i];
  }

  /** Returns the trading period tau in years. */
  public double tau() {
    return tau;
  }

  /** Returns {@code ln(P_N / P_0)}. */
  public double logTotal() {
    return logTotal;
  }

  /** Returns the elapsed time in trading periods, {@code sum(Delta_i)}. */
  public double totalDelta() {
    return totalDelta;
  }

  /** Returns a copy of the log returns. */
  public double[] logReturns() {
    return returns.clone();
  }

  /** Returns a copy of the interval lengths. */
  public double[] deltas() {
    return deltas.clone();
  }

  /** Returns the annualized return sample {@code x_i = r_i / (Delta_i tau)} (a new array). */
  public double[] annualizedReturns() {
    double[] x = new double[returns.length];
    for (int i = 0; i < x.length; i++) {
      x[i] = returns[i] / (deltas[i] * tau);
    }
    return x;
  }

  /**
   * Returns the GBM log drift per year, {@code nu = ln(P_N / P_0) / (tau sum(Delta_i))}: the
   * elapsed time, not the number of returns, in the denominator.
   */
  public double logDrift() {
    return logTotal / (tau * totalDelta);
  }

  /**
   * Returns the standardized residuals {@code e_i = (r_i - nu tau Delta_i) / sqrt(tau Delta_i)} (a
   * new array); {@code sum(e_i^2) / (N - 1)} estimates sigma squared.
   */
  public double[] residuals() {
    double nu = logDrift();
    double[] e = new double[returns.length];
    for (int i = 0; i < e.length; i++) {
      double dt = tau * deltas[i];
      e[i] = (returns[i] - nu * dt) / Math.sqrt(dt);
    }
    return e;
  }
}
