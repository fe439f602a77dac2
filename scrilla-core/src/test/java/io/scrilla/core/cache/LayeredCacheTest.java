package io.scrilla.core.cache;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.scrilla.api.model.Asset;
import io.scrilla.api.model.CorrelationBlock;
import io.scrilla.api.model.CorrelationKey;
import io.scrilla.api.model.DateRange;
import io.scrilla.api.model.EstimationMethod;
import io.scrilla.api.model.PriceHistory;
import io.scrilla.api.spi.Cache;
import io.scrilla.api.spi.CacheContractTest;
import java.util.List;
import java.util.OptionalDouble;
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
    assertEquals(
        h.slice(DateRange.of(D0.plusDays(2), D0.plusDays(5))),
        layered.prices().get(SRC, spy, DateRange.of(D0.plusDays(2), D0.plusDays(5))));
    // a range not read in full goes to the backend (now empty); rows remembered earlier stay true
    assertEquals(
        h.slice(DateRange.of(D0.plusDays(15), D0.plusDays(19))),
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

  private static final EstimationMethod MO = EstimationMethod.MOMENTS;
  private static final List<Asset> ABC =
      List.of(Asset.equity("C"), Asset.equity("A"), Asset.equity("B"));

  @Test
  void correlations_latestWriteWins_betweenBlocksAndSingleKeys() {
    LayeredCache layered = new LayeredCache(MemoryCacheProvider.create());
    DateRange r = DateRange.of(D0, D0.plusDays(30));
    CorrelationBlock first =
        CorrelationBlock.of(SRC, ABC, r, MO, false, new double[] {0.1, 0.2, 0.3});
    layered.correlations().putBlock(first);
    CorrelationKey ca = first.key(0, 1);
    layered.correlations().put(ca, 0.9);
    assertEquals(OptionalDouble.of(0.9), layered.correlations().get(ca));
    assertEquals(
        0.9,
        layered.correlations().getBlock(SRC, ABC, r, EstimationMethod.MOMENTS, false).get(0, 1));
    layered
        .correlations()
        .putBlock(
            CorrelationBlock.of(
                SRC, ABC, r, MO, false, new double[] {-0.1, Double.NaN, Double.NaN}));
    assertEquals(OptionalDouble.of(-0.1), layered.correlations().get(ca));
    assertArrayEquals(
        new double[] {-0.1, 0.2, 0.3},
        layered.correlations().getBlock(SRC, ABC, r, EstimationMethod.MOMENTS, false).values());
  }

  @Test
  void correlations_blockHeldInFull_isServedWithoutTheBackend() {
    Cache backend = MemoryCacheProvider.create();
    LayeredCache layered = new LayeredCache(backend);
    DateRange r = DateRange.of(D0, D0.plusDays(30));
    backend
        .correlations()
        .putBlock(CorrelationBlock.of(SRC, ABC, r, MO, false, new double[] {0.1, 0.2, 0.3}));
    assertArrayEquals(
        new double[] {0.1, 0.2, 0.3},
        layered.correlations().getBlock(SRC, ABC, r, EstimationMethod.MOMENTS, false).values());
    backend.clear();
    List<Asset> bca = List.of(ABC.get(2), ABC.get(0), ABC.get(1));
    // (B, C), (B, A), (C, A)
    assertArrayEquals(
        new double[] {0.2, 0.3, 0.1},
        layered.correlations().getBlock(SRC, bca, r, EstimationMethod.MOMENTS, false).values());
    assertEquals(
        OptionalDouble.of(0.3),
        layered
            .correlations()
            .get(
                CorrelationKey.of(
                    SRC, ABC.get(1), ABC.get(2), r, EstimationMethod.MOMENTS, false)));
  }
}
