package io.scrilla.core.testing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.scrilla.api.model.Asset;
import io.scrilla.api.model.DateRange;
import io.scrilla.api.model.EstimationMethod;
import io.scrilla.api.spi.Cache;
import io.scrilla.core.Scrilla;
import io.scrilla.core.stats.CorrelationMatrix;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * A 10-ticker correlation matrix computed twice through two facades over one cache backend: the
 * second facade (a new process, as far as the in-memory layer knows) makes no source call and no
 * computation. Each backend module extends this class once. The facades leave the given caches
 * open, so the test closes each backend itself.
 */
public abstract class MatrixCachingContract {
  private static final DateRange HISTORY = DateRange.parse("2021-01-04", "2021-11-19");
  private static final DateRange WINDOW = DateRange.parse("2021-05-03", "2021-10-29");
  private static final Clock LATER =
      Clock.fixed(Instant.parse("2022-01-03T12:00:00Z"), ZoneOffset.UTC);

  /** Returns a backend that later calls may open again (same file, same tables); emptied first. */
  protected abstract Cache openBackend();

  @Test
  void correlationMatrix_tenTickersTwice_secondTimeNoSourceCallNoComputation() {
    List<Asset> assets = new ArrayList<>();
    FakePriceSource source = new FakePriceSource();
    for (int i = 0; i < 10; i++) {
      Asset a = Asset.equity("T" + i);
      assets.add(a);
      source.with(FakePriceSource.walk(a, HISTORY, 100 + i));
    }
    CorrelationMatrix first;
    Cache backend = openBackend();
    backend.clear();
    CountingCache counting = new CountingCache(backend);
    try (counting;
        Scrilla s = Scrilla.builder().priceSource(source).cache(counting).clock(LATER).build()) {
      first = s.correlationMatrix(assets, WINDOW, EstimationMethod.MOMENTS);
    }
    assertEquals(10, source.calls(), "each history fetched once");
    assertEquals(45, counting.correlationWrites.get(), "45 pairs computed and stored");
    assertTrue(first.failures().isEmpty());

    CountingCache again = new CountingCache(openBackend());
    try (again;
        Scrilla s = Scrilla.builder().priceSource(source).cache(again).clock(LATER).build()) {
      CorrelationMatrix second = s.correlationMatrix(assets, WINDOW, EstimationMethod.MOMENTS);
      for (int i = 0; i < 10; i++) {
        for (int j = 0; j < 10; j++) {
          assertEquals(first.get(i, j), second.get(i, j));
        }
      }
    }
    assertEquals(10, source.calls(), "no source call the second time");
    assertEquals(0, again.correlationWrites.get(), "no correlation recomputed");
    assertEquals(0, again.priceReads.get(), "not even prices read");
  }
}
