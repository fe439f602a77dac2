package io.scrilla.core.cache;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.scrilla.api.model.Asset;
import io.scrilla.api.model.DateRange;
import io.scrilla.api.model.PriceHistory;
import io.scrilla.api.spi.Cache;
import io.scrilla.api.spi.CacheContractTest;
import org.junit.jupiter.api.Test;

/** The cache contract through the in-memory layer, plus what the layer itself promises. */
class LayeredCacheTest extends CacheContractTest {
  @Override
  protected Cache openCache() {
    return new LayeredCache(MemoryCacheProvider.create());
  }

  @Test
  void prices_rangeReadInFull_isServedWithoutTheBackend() {
    Cache backend = MemoryCacheProvider.create();
    LayeredCache layered = new LayeredCache(backend);
    Asset spy = Asset.equity("SPY");
    PriceHistory h = history(spy, 20, 100);
    backend.prices().put(SRC, h);
    DateRange all = DateRange.of(D0, D0.plusDays(19));
    assertEquals(h, layered.prices().get(SRC, spy, all));
    backend.clear(); // the layer must not need the backend any more for this range
    assertEquals(h.slice(DateRange.of(D0.plusDays(2), D0.plusDays(5))),
        layered.prices().get(SRC, spy, DateRange.of(D0.plusDays(2), D0.plusDays(5))));
    // a range not read in full goes to the backend (now empty); rows remembered earlier stay true
    assertEquals(h.slice(DateRange.of(D0.plusDays(15), D0.plusDays(19))),
        layered.prices().get(SRC, spy, DateRange.of(D0.plusDays(15), D0.plusDays(30))));
  }

  @Test
  void prices_writtenThroughLayer_reachBackend() {
    Cache backend = MemoryCacheProvider.create();
    LayeredCache layered = new LayeredCache(backend);
    Asset gld = Asset.equity("GLD");
    PriceHistory h = history(gld, 5, 170);
    layered.prices().put(SRC, h);
    assertEquals(h, backend.prices().get(SRC, gld, DateRange.of(D0, D0.plusDays(4))));
  }
}
