package io.scrilla.benchmarks;

import io.scrilla.api.config.ScrillaConfig;
import io.scrilla.api.error.PriceUnavailableException;
import io.scrilla.api.model.Asset;
import io.scrilla.api.model.DateRange;
import io.scrilla.api.model.PriceHistory;
import io.scrilla.api.spi.PriceSource;
import io.scrilla.core.Scrilla;
import java.time.Clock;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * A {@link PriceSource} over histories held in memory, and the facade the benchmarks time: a {@link
 * Scrilla} reading it, with {@code CACHE_MODE=memory} and a clock fixed after the data's last date.
 * Thread-safe (immutable).
 */
final class MemoryPrices implements PriceSource {
  private final Map<String, PriceHistory> histories = new LinkedHashMap<>();
  private final List<Asset> assets = new ArrayList<>();

  /**
   * Holds the histories, found by ticker.
   *
   * @param histories one per ticker
   */
  MemoryPrices(List<PriceHistory> histories) {
    for (PriceHistory h : histories) {
      this.histories.put(h.asset().ticker(), h);
      assets.add(h.asset());
    }
  }

  /** Returns the assets, in the order given. */
  List<Asset> assets() {
    return List.copyOf(assets);
  }

  /** Returns the dates from the first to the last date of any history. */
  DateRange span() {
    int first = Integer.MAX_VALUE;
    int last = Integer.MIN_VALUE;
    for (PriceHistory h : histories.values()) {
      first = Math.min(first, h.epochDay(0));
      last = Math.max(last, h.epochDay(h.size() - 1));
    }
    return DateRange.of(LocalDate.ofEpochDay(first), LocalDate.ofEpochDay(last));
  }

  /**
   * Returns a new facade over this source with an empty memory cache, so every statistic is
   * computed (nothing is cached from an earlier call).
   */
  Scrilla facade() {
    Clock clock =
        Clock.fixed(
            Problems.PANEL_END.plusDays(14).atTime(LocalTime.NOON).toInstant(ZoneOffset.UTC),
            ZoneOffset.UTC);
    return Scrilla.builder()
        .config(ScrillaConfig.builder().cacheMode("memory").build())
        .priceSource(this)
        .clock(clock)
        .build();
  }

  @Override
  public PriceHistory prices(Asset asset, DateRange range) {
    Objects.requireNonNull(range, "range");
    return history(asset);
  }

  @Override
  public LocalDate latestDate(Asset asset) {
    return history(asset).lastDate();
  }

  private PriceHistory history(Asset asset) {
    PriceHistory h = histories.get(asset.ticker());
    if (h == null) {
      throw new PriceUnavailableException("no prices of " + asset.ticker() + " in memory");
    }
    return h;
  }
}
