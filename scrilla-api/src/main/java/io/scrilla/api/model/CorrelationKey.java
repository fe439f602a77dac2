package io.scrilla.api.model;

import java.util.Objects;

/**
 * The full identity of a cached correlation: the source of the prices it was computed from, an
 * unordered pair of assets, the window, the estimation method and the {@code weekends} flag.
 *
 * <p>The pair is stored in canonical order ({@code first <= second} by ticker, then type), so the
 * key of (A, B) equals the key of (B, A). Build keys with {@link #of}.
 *
 * @param source the price source the correlation was computed from
 * @param first the smaller asset of the pair
 * @param second the larger asset of the pair
 * @param range the sample window, ends included
 * @param method the estimation method
 * @param weekends whether weekend dates are part of the sample
 */
public record CorrelationKey(
    SourceId source,
    Asset first,
    Asset second,
    DateRange range,
    EstimationMethod method,
    boolean weekends) {
  /** An odd 64-bit multiplier (the golden ratio's fraction) for {@link #hashCode()}. */
  private static final long MIX = 0x9E3779B97F4A7C15L;

  /** Checks for nulls and puts the pair in canonical order. */
  public CorrelationKey {
    Objects.requireNonNull(source, "source");
    Objects.requireNonNull(first, "first");
    Objects.requireNonNull(second, "second");
    Objects.requireNonNull(range, "range");
    Objects.requireNonNull(method, "method");
    if (first.compareTo(second) > 0) {
      Asset t = first;
      first = second;
      second = t;
    }
  }

  /**
   * Returns a hash code that spreads the pairs of a matrix over a hash table. The record's own
   * ({@code 31 * h + ...} over the components) gave the 124,750 pairs of tickers {@code T000} to
   * {@code T499} only 10,882 distinct values, so maps of a matrix's keys degraded to tree bins.
   */
  @Override
  public int hashCode() {
    long h = source.hashCode();
    h = h * MIX + first.hashCode();
    h = h * MIX + second.hashCode();
    h = h * MIX + range.hashCode();
    h = h * MIX + method.hashCode();
    h = h * MIX + (weekends ? 1 : 0);
    h = (h ^ (h >>> 33)) * 0xff51afd7ed558ccdL;
    return (int) (h ^ (h >>> 32));
  }

  /** Returns the key of the unordered pair {@code {a, b}} computed from {@code source}'s prices. */
  public static CorrelationKey of(
      SourceId source,
      Asset a,
      Asset b,
      DateRange range,
      EstimationMethod method,
      boolean weekends) {
    return new CorrelationKey(source, a, b, range, method, weekends);
  }
}
