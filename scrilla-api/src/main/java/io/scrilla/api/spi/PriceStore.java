package io.scrilla.api.spi;

import io.scrilla.api.model.Asset;
import io.scrilla.api.model.DateRange;
import io.scrilla.api.model.PriceHistory;
import io.scrilla.api.model.SourceId;

/**
 * Cached daily prices keyed by (source, asset, date). Rows stored for one source are never returned
 * for another. Thread-safe.
 */
public interface PriceStore {
  /**
   * Stores every row of the history under {@code source}, replacing rows with the same (source,
   * asset, date). All or nothing: on failure no row of this call is visible.
   *
   * @param source the price source the history came from
   * @param history the rows to store
   * @throws io.scrilla.api.error.CacheException when the write fails
   */
  void put(SourceId source, PriceHistory history);

  /**
   * Returns the rows stored under {@code source} for the asset with dates in {@code range},
   * ascending; an empty history when there are none. Open prices are present only when every
   * returned row has one.
   *
   * @param source the price source whose rows are wanted
   * @param asset the asset
   * @param range the dates, ends included
   * @throws io.scrilla.api.error.CacheException when the read fails
   */
  PriceHistory get(SourceId source, Asset asset, DateRange range);
}
