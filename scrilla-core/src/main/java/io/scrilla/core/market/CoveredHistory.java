package io.scrilla.core.market;

import io.scrilla.api.model.PriceHistory;
import java.util.Objects;

/**
 * The prices of one asset of a sample, as {@link MarketData#history(Sample,
 * io.scrilla.api.model.Asset)} returns them, with how much of the sample's window they cover
 * ({@link MarketData#coverage}); immutable.
 *
 * @param prices the prices
 * @param coverage their coverage of the sample's window
 */
public record CoveredHistory(PriceHistory prices, Coverage coverage) {

  /** Validates: both present. */
  public CoveredHistory {
    Objects.requireNonNull(prices, "prices");
    Objects.requireNonNull(coverage, "coverage");
  }
}
