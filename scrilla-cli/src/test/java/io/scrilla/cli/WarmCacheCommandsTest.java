package io.scrilla.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.scrilla.api.config.ScrillaConfig;
import io.scrilla.api.model.Asset;
import io.scrilla.api.model.DateRange;
import io.scrilla.api.model.PriceHistory;
import io.scrilla.api.model.SourceId;
import io.scrilla.api.spi.Cache;
import io.scrilla.api.spi.CorrelationStore;
import io.scrilla.api.spi.InterestStore;
import io.scrilla.api.spi.PriceStore;
import io.scrilla.api.spi.ProfileStore;
import io.scrilla.commands.Json;
import io.scrilla.core.Scrilla;
import io.scrilla.core.cache.MemoryCacheProvider;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/**
 * A command over a warm cache reads what it needs: a correlation matrix whose correlations are all
 * cached reads no price history again (only the cached prices on the windows' ends).
 */
class WarmCacheCommandsTest {
  private static final ScrillaConfig CONFIG = ScrillaConfig.builder().cacheMode("memory").build();

  private static final String[] MATRIX = {
    "correlation", "SPY", "GLD", "DIS", "--start", "2021-03-01", "--end", "2021-06-30", "--json"
  };

  /** The cache's reads of more than one day's prices, counted; everything else is passed on. */
  private static final class CountingCache implements Cache {
    private final Cache delegate;
    private final AtomicInteger historyReads = new AtomicInteger();

    CountingCache(Cache delegate) {
      this.delegate = delegate;
    }

    @Override
    public PriceStore prices() {
      PriceStore p = delegate.prices();
      return new PriceStore() {
        @Override
        public void put(SourceId source, PriceHistory history) {
          p.put(source, history);
        }

        @Override
        public PriceHistory get(SourceId source, Asset asset, DateRange range) {
          if (!range.start().equals(range.end())) {
            historyReads.incrementAndGet();
          }
          return p.get(source, asset, range);
        }
      };
    }

    @Override
    public InterestStore interest() {
      return delegate.interest();
    }

    @Override
    public ProfileStore profiles() {
      return delegate.profiles();
    }

    @Override
    public CorrelationStore correlations() {
      return delegate.correlations();
    }

    @Override
    public void clear() {
      delegate.clear();
    }

    @Override
    public void close() {
      delegate.close();
    }
  }

  private static CliHarness.Run run(Cache cache) {
    return CliHarness.run(
        CONFIG,
        c ->
            Scrilla.builder()
                .config(c)
                .priceSource(RiskProfileCommandTest.SOURCE)
                .cache(cache)
                .build(),
        MATRIX);
  }

  @Test
  void correlation_warmCache_readsNoPriceHistoryAgain() {
    Cache backend = MemoryCacheProvider.create();
    CountingCache cold = new CountingCache(backend);
    CliHarness.Run first = run(cold);
    assertEquals(0, first.code(), first.err());
    assertTrue(cold.historyReads.get() > 0, "a cold run reads the histories it computes from");

    CountingCache warm = new CountingCache(backend);
    CliHarness.Run second = run(warm);
    assertEquals(0, second.code(), second.err());
    assertEquals(
        Json.parse(first.out()).get("matrix"),
        Json.parse(second.out()).get("matrix"),
        "the same matrix, from the cache");
    assertEquals(0, warm.historyReads.get(), "only the prices on the window's ends are read");
  }
}
