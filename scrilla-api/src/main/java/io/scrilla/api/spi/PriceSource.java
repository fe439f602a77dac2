package io.scrilla.api.spi;

import io.scrilla.api.model.Asset;
import io.scrilla.api.model.DateRange;
import io.scrilla.api.model.PriceHistory;
import io.scrilla.api.model.SourceId;
import java.time.LocalDate;

/** A source of daily prices, such as AlphaVantage or a CSV folder. Thread-safe. */
public interface PriceSource {
  /**
   * Returns the daily prices of the asset covering at least every date in {@code range} that the
   * source has; it may return more (for example a service's whole output), never prices of another
   * asset.
   *
   * @throws io.scrilla.api.error.PriceUnavailableException when the source does not know the asset
   * @throws io.scrilla.api.error.ServiceException when a remote service fails
   */
  PriceHistory prices(Asset asset, DateRange range);

  /**
   * Returns the latest date for which the source can deliver a close of the asset: the last row of
   * a file, or today's date in New York for a live service (the caller moves it back to a completed
   * trading day).
   *
   * @throws io.scrilla.api.error.PriceUnavailableException when the source does not know the asset
   */
  LocalDate latestDate(Asset asset);

  /**
   * Returns the identity of this source: the namespace of what the cache keeps from it (see {@link
   * SourceId}). Two instances whose prices may differ (another folder, another account, another
   * endpoint) must return different identities; an instance's identity does not change while it is
   * used.
   *
   * <p>The default is the implementation's class name, which is right only for a source whose data
   * does not depend on how it was configured; such sources should override it anyway with a short
   * stable name.
   */
  default SourceId sourceId() {
    return SourceId.of(getClass().getName());
  }
}
