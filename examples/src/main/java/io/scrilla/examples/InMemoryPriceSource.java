package io.scrilla.examples;

import io.scrilla.api.error.PriceUnavailableException;
import io.scrilla.api.model.Asset;
import io.scrilla.api.model.DateRange;
import io.scrilla.api.model.PriceHistory;
import io.scrilla.api.model.SourceId;
import io.scrilla.api.spi.PriceSource;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * A price source a user writes: daily closes held in memory, for example prices computed by the
 * user's own program or read from a database the library does not know. Plug it in with {@code
 * Scrilla.builder().priceSource(source)}; immutable and thread-safe.
 *
 * <p>A source implements the two methods of {@link PriceSource} and names itself by {@link
 * #sourceId()}, the namespace under which the cache keeps what it delivered.
 */
public final class InMemoryPriceSource implements PriceSource {
  private final SourceId id;
  private final Map<Asset, PriceHistory> histories;

  /**
   * Creates the source.
   *
   * @param id its identity, distinct from every other source's whose prices may differ
   * @param histories the prices of each asset
   */
  public InMemoryPriceSource(SourceId id, Map<Asset, PriceHistory> histories) {
    this.id = Objects.requireNonNull(id, "id");
    this.histories = Map.copyOf(new LinkedHashMap<>(histories));
  }

  @Override
  public PriceHistory prices(Asset asset, DateRange range) {
    return history(asset).slice(range);
  }

  @Override
  public LocalDate latestDate(Asset asset) {
    return history(asset).lastDate();
  }

  @Override
  public SourceId sourceId() {
    return id;
  }

  private PriceHistory history(Asset asset) {
    PriceHistory h = histories.get(Objects.requireNonNull(asset, "asset"));
    if (h == null || h.isEmpty()) {
      throw new PriceUnavailableException(
          "no prices of " + asset.ticker() + " in " + id + ": it holds " + histories.keySet());
    }
    return h;
  }
}
