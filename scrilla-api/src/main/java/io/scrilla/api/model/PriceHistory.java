package io.scrilla.api.model;

import io.scrilla.api.error.InvalidInputException;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.Objects;

/**
 * The daily prices of one asset in ascending date order; immutable and thread-safe.
 *
 * <p>Dates are held as epoch days ({@link LocalDate#toEpochDay()}) and prices as primitive {@code
 * double} arrays in the asset's quote currency (USD). Close prices are required and must be finite
 * and strictly positive (the sources also refuse subnormal prices, whose ratios overflow; a cache
 * may hold any positive double); open prices are optional ({@link #hasOpens()}). Dates are strictly
 * increasing.
 *
 * <p>{@link #slice(DateRange)} returns a view that shares the arrays, so taking a window of a long
 * history costs O(log n) and copies nothing. Accessors that return arrays return copies.
 *
 * <pre>{@code
 * PriceHistory h = PriceHistory.of(Asset.equity("SPY"), days, opens, closes);
 * PriceHistory window = h.slice(DateRange.parse("2021-01-04", "2021-06-30"));
 * }</pre>
 */
public final class PriceHistory {
  private final Asset asset;
  private final int[] days;
  private final double[] opens; // null when the source had no opens
  private final double[] closes;
  private final int from;
  private final int to; // exclusive

  private PriceHistory(Asset asset, int[] days, double[] opens, double[] closes, int from, int to) {
    this.asset = asset;
    this.days = days;
    this.opens = opens;
    this.closes = closes;
    this.from = from;
    this.to = to;
  }

  /**
   * Creates a history from ascending dates with open and close prices; the arrays are copied.
   *
   * @param asset the asset
   * @param epochDays strictly increasing epoch days
   * @param opens open prices, same length, finite and positive
   * @param closes close prices, same length, finite and positive
   * @return the history
   * @throws InvalidInputException naming the ticker and date of the first bad value
   */
  public static PriceHistory of(Asset asset, int[] epochDays, double[] opens, double[] closes) {
    Objects.requireNonNull(opens, "opens");
    return create(asset, epochDays, opens, closes);
  }

  /**
   * Creates a history of close prices only (no opens); the arrays are copied.
   *
   * @param asset the asset
   * @param epochDays strictly increasing epoch days
   * @param closes close prices, finite and positive
   * @return the history
   * @throws InvalidInputException naming the ticker and date of the first bad value
   */
  public static PriceHistory ofCloses(Asset asset, int[] epochDays, double[] closes) {
    return create(asset, epochDays, null, closes);
  }

  /** Returns an empty history for the asset. */
  public static PriceHistory empty(Asset asset) {
    Objects.requireNonNull(asset, "asset");
    return new PriceHistory(asset, new int[0], new double[0], new double[0], 0, 0);
  }

  private static PriceHistory create(
      Asset asset, int[] epochDays, double[] opens, double[] closes) {
    Objects.requireNonNull(asset, "asset");
    Objects.requireNonNull(epochDays, "epochDays");
    Objects.requireNonNull(closes, "closes");
    int n = epochDays.length;
    if (closes.length != n || (opens != null && opens.length != n)) {
      throw new InvalidInputException(
          asset.ticker()
              + ": "
              + n
              + " dates but "
              + closes.length
              + " closes"
              + (opens == null ? "" : " and " + opens.length + " opens"));
    }
    int[] d = epochDays.clone();
    double[] c = closes.clone();
    double[] o = opens == null ? null : opens.clone();
    for (int i = 0; i < n; i++) {
      if (i > 0 && d[i] <= d[i - 1]) {
        throw new InvalidInputException(
            asset.ticker()
                + ": dates not strictly ascending at "
                + LocalDate.ofEpochDay(d[i])
                + (d[i] == d[i - 1]
                    ? " (duplicate date)"
                    : " (after " + LocalDate.ofEpochDay(d[i - 1]) + ")"));
      }
      checkPrice(asset, d[i], "close", c[i]);
      if (o != null) {
        checkPrice(asset, d[i], "open", o[i]);
      }
    }
    return new PriceHistory(asset, d, o, c, 0, n);
  }

  private static void checkPrice(Asset asset, int day, String what, double p) {
    if (!(p > 0) || Double.isInfinite(p)) {
      throw new InvalidInputException(
          asset.ticker()
              + ": "
              + what
              + " price "
              + p
              + " on "
              + LocalDate.ofEpochDay(day)
              + " is not a finite positive number");
    }
  }

  /** Returns the asset these prices belong to. */
  public Asset asset() {
    return asset;
  }

  /** Returns the number of dates. */
  public int size() {
    return to - from;
  }

  /** Returns whether there are no dates. */
  public boolean isEmpty() {
    return to == from;
  }

  /** Returns whether open prices are present. */
  public boolean hasOpens() {
    return opens != null;
  }

  /** Returns the {@code i}-th date as an epoch day, {@code 0 <= i < size()}. */
  public int epochDay(int i) {
    return days[index(i)];
  }

  /** Returns the {@code i}-th date. */
  public LocalDate date(int i) {
    return LocalDate.ofEpochDay(epochDay(i));
  }

  /** Returns the {@code i}-th close price. */
  public double close(int i) {
    return closes[index(i)];
  }

  /**
   * Returns the {@code i}-th open price.
   *
   * @throws InvalidInputException when the history has no opens
   */
  public double open(int i) {
    if (opens == null) {
      throw new InvalidInputException(
          asset.ticker()
              + ": the source gave no open prices; use"
              + " close prices, or a source whose files or answers have an open column");
    }
    return opens[index(i)];
  }

  /** Returns the first date; the history must not be empty. */
  public LocalDate firstDate() {
    return date(0);
  }

  /** Returns the last date; the history must not be empty. */
  public LocalDate lastDate() {
    return date(size() - 1);
  }

  /** Returns a copy of the dates as epoch days. */
  public int[] epochDays() {
    return Arrays.copyOfRange(days, from, to);
  }

  /** Returns a copy of the close prices. */
  public double[] closes() {
    return Arrays.copyOfRange(closes, from, to);
  }

  /** Returns a copy of the open prices, or an empty array when there are none. */
  public double[] opens() {
    return opens == null ? new double[0] : Arrays.copyOfRange(opens, from, to);
  }

  /**
   * Returns the prices with dates in {@code range} (ends included) as a view that shares this
   * history's arrays.
   */
  public PriceHistory slice(DateRange range) {
    int lo = lowerBound(range.startEpochDay());
    int hi = lowerBound(range.endEpochDay() + 1);
    return new PriceHistory(asset, days, opens, closes, lo, Math.max(lo, hi));
  }

  /** Returns the position of {@code date} in this history, or -1 when it is absent. */
  public int indexOf(LocalDate date) {
    int day = Math.toIntExact(date.toEpochDay());
    int i = lowerBound(day);
    return i < to && days[i] == day ? i - from : -1;
  }

  /**
   * Returns the history with the other's rows added; where both have a date, {@code other}'s row
   * wins. Both must belong to the same asset. The result is a compact history (arrays of exactly
   * its rows): a new one, or one of the two unchanged when the other is empty and it is compact
   * already (nothing to copy).
   *
   * @throws InvalidInputException when the other history belongs to another asset
   */
  public PriceHistory merge(PriceHistory other) {
    Objects.requireNonNull(other, "other");
    if (!asset.equals(other.asset)) {
      throw new InvalidInputException(
          "cannot merge the prices of "
              + asset
              + " with those of "
              + other.asset
              + ": merge histories of one asset");
    }
    // the rows of one side alone, already compact, are the result as they are (same opens flag)
    if (other.isEmpty() && !isEmpty() && isCompact()) {
      return this;
    }
    if (isEmpty() && !other.isEmpty() && other.isCompact()) {
      return other;
    }
    boolean withOpens = (hasOpens() || isEmpty()) && (other.hasOpens() || other.isEmpty());
    int n = size() + other.size();
    int[] d = new int[n];
    double[] o = withOpens ? new double[n] : null;
    double[] c = new double[n];
    int i = 0;
    int j = 0;
    int k = 0;
    while (i < size() || j < other.size()) {
      boolean takeOther;
      if (i >= size()) {
        takeOther = true;
      } else if (j >= other.size()) {
        takeOther = false;
      } else {
        takeOther = other.epochDay(j) <= epochDay(i);
        if (other.epochDay(j) == epochDay(i)) {
          i++; // the other's row replaces this one
        }
      }
      PriceHistory src = takeOther ? other : this;
      int idx = takeOther ? j++ : i++;
      d[k] = src.epochDay(idx);
      c[k] = src.close(idx);
      if (o != null) {
        o[k] = src.open(idx);
      }
      k++;
    }
    return k == n
        ? new PriceHistory(asset, d, o, c, 0, k)
        : new PriceHistory(
            asset,
            Arrays.copyOf(d, k),
            o == null ? null : Arrays.copyOf(o, k),
            Arrays.copyOf(c, k),
            0,
            k);
  }

  /** Whether the arrays hold exactly this history's rows (not a view of a longer history). */
  private boolean isCompact() {
    return from == 0 && to == days.length;
  }

  private int index(int i) {
    if (i < 0 || i >= size()) {
      throw new IndexOutOfBoundsException("index " + i + " of " + size() + " prices");
    }
    return from + i;
  }

  /** First absolute index in [from, to) whose day is >= day. */
  private int lowerBound(int day) {
    int lo = from;
    int hi = to;
    while (lo < hi) {
      int mid = (lo + hi) >>> 1;
      if (days[mid] < day) {
        lo = mid + 1;
      } else {
        hi = mid;
      }
    }
    return lo;
  }

  @Override
  public boolean equals(Object o) {
    if (this == o) {
      return true;
    }
    if (!(o instanceof PriceHistory)) {
      return false;
    }
    PriceHistory h = (PriceHistory) o;
    return asset.equals(h.asset)
        && hasOpens() == h.hasOpens()
        && Arrays.equals(days, from, to, h.days, h.from, h.to)
        && Arrays.equals(closes, from, to, h.closes, h.from, h.to)
        && (opens == null || Arrays.equals(opens, from, to, h.opens, h.from, h.to));
  }

  @Override
  public int hashCode() {
    int h = asset.hashCode();
    for (int i = from; i < to; i++) {
      h = 31 * h + days[i];
      h = 31 * h + Double.hashCode(closes[i]);
    }
    return h;
  }

  @Override
  public String toString() {
    return isEmpty()
        ? "PriceHistory[" + asset + ", empty]"
        : "PriceHistory["
            + asset
            + ", "
            + size()
            + " prices, "
            + firstDate()
            + ".."
            + lastDate()
            + "]";
  }
}
