package io.scrilla.core.market;

import io.scrilla.api.model.Asset;
import io.scrilla.api.model.DateRange;
import java.util.Objects;

/**
 * How much of a sample's window the prices of one asset cover: the days the window needs (NYSE
 * sessions, or every calendar day for a sample that keeps weekends) and how many of them have no
 * price. A statistic is stored in the cache only when every history it used is {@link #complete()}
 * (see {@link MarketData#coverage(Sample, io.scrilla.api.model.PriceHistory)}); immutable.
 *
 * @param asset the asset
 * @param window the sample's window
 * @param expected the number of days of the window that need a price
 * @param missing how many of them have none, {@code 0 <= missing <= expected}
 * @param sessions whether the days are NYSE sessions (else calendar days)
 */
public record Coverage(Asset asset, DateRange window, int expected, int missing, boolean sessions) {

  /** Validates the counts. */
  public Coverage {
    Objects.requireNonNull(asset, "asset");
    Objects.requireNonNull(window, "window");
    if (expected < 0 || missing < 0 || missing > expected) {
      throw new IllegalArgumentException(
          "coverage of " + expected + " days with " + missing + " missing");
    }
  }

  /** Returns whether every day of the window that needs a price has one. */
  public boolean complete() {
    return missing == 0;
  }

  /**
   * Returns the warning of an incomplete history, naming the ticker, the window and how many days
   * lack a price.
   */
  public String describe() {
    String days = sessions ? "NYSE sessions" : "days";
    return asset.ticker()
        + ": "
        + missing
        + " of the "
        + expected
        + " "
        + days
        + " from "
        + window.start()
        + " to "
        + window.end()
        + " have no price; statistics of this window"
        + " use the "
        + (expected - missing)
        + " prices there are and are not cached";
  }
}
