package io.scrilla.api.spi;

import io.scrilla.api.model.Asset;
import io.scrilla.api.model.DateRange;
import io.scrilla.api.model.PriceHistory;

/** Cached daily prices keyed by (asset, date). Thread-safe. */
public interface PriceStore {
  /**
   * Stores every row of the history, replacing rows with the same (asset, date). All or nothing:
   * on failure no row of this call is visible.
   *
   * @throws io.scrilla.api.error.CacheException when the write fails
   */
  void put(PriceHistory history);

  /**
   * Returns the stored rows of the asset with dates in {@code range}, ascending; an empty history
   * when there are none. Open prices are present only when every returned row has one.
   *
   * @throws io.scrilla.api.error.CacheException when the read fails
   */
  PriceHistory get(Asset asset, DateRange range);
}
