package io.scrilla.api.model;

import java.time.LocalDate;
import java.util.Objects;

/**
 * The full identity of a cached risk profile: the source of the prices it was computed from, the
 * asset, the window, the estimation method and the {@code weekends} flag. Two profiles are
 * interchangeable only when every field is equal.
 *
 * @param source the price source the statistic was computed from (a statistic depends only on
 *     prices)
 * @param asset the asset
 * @param range the sample window, ends included (already moved to trading days)
 * @param method the estimation method
 * @param weekends whether weekend (non-trading) dates are part of the sample
 */
public record ProfileKey(
    SourceId source, Asset asset, DateRange range, EstimationMethod method, boolean weekends) {

  /** Checks for nulls. */
  public ProfileKey {
    Objects.requireNonNull(source, "source");
    Objects.requireNonNull(asset, "asset");
    Objects.requireNonNull(range, "range");
    Objects.requireNonNull(method, "method");
  }

  /** Returns the first date of the window. */
  public LocalDate start() {
    return range.start();
  }

  /** Returns the last date of the window. */
  public LocalDate end() {
    return range.end();
  }
}
