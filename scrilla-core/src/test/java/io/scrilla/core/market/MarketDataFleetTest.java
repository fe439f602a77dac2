package io.scrilla.core.market;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.scrilla.api.config.ScrillaConfig;
import io.scrilla.api.model.Asset;
import io.scrilla.api.model.DateRange;
import io.scrilla.api.model.PriceHistory;
import io.scrilla.api.model.YieldCurve;
import io.scrilla.api.spi.Cache;
import io.scrilla.api.spi.Coordination;
import io.scrilla.api.spi.CorrelationStore;
import io.scrilla.api.spi.InterestStore;
import io.scrilla.api.spi.PriceSource;
import io.scrilla.api.spi.PriceStore;
import io.scrilla.api.spi.ProfileStore;
import io.scrilla.api.spi.ProgressListener;
import io.scrilla.api.spi.RequestBudget;
import io.scrilla.core.cache.LayeredCache;
import io.scrilla.core.cache.MemoryCacheProvider;
import io.scrilla.core.calendar.TradingCalendar;
import io.scrilla.core.market.MarketDataTest.Curves;
import io.scrilla.core.testing.FakePriceSource;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;

/**
 * Fetches on a cache miss run under the cache's coordination, and read the cache again afresh
 * inside it: what another process stored while this one waited is used, not fetched again.
 */
class MarketDataFleetTest {
  private static final Asset SPY = Asset.equity("SPY");
  private static final DateRange HISTORY = DateRange.parse("2021-01-04", "2021-11-19");
  private static final DateRange WANTED = DateRange.parse("2021-06-01", "2021-11-19");
  private static final Clock CLOCK =
      Clock.fixed(Instant.parse("2021-11-23T12:00:00Z"), ZoneOffset.UTC);

  private final FakePriceSource prices =
      new FakePriceSource().with(FakePriceSource.walk(SPY, HISTORY, 1));
  private final Curves rates = new Curves(LocalDate.of(2021, 1, 1), LocalDate.of(2021, 11, 22));
  private final Cache backend = MemoryCacheProvider.create();

  /**
   * A coordination that records the keys asked for and, before running the work, lets "another
   * process" act on the shared backend, as if this one had waited for its lease.
   */
  private static final class OtherProcessFirst implements Coordination {
    final List<String> keys = new ArrayList<>();
    Runnable otherProcess = () -> {};
    boolean inLease;

    @Override
    public <T> T exclusively(String key, Supplier<T> work) {
      keys.add(key);
      otherProcess.run();
      inLease = true;
      try {
        return work.get();
      } finally {
        inLease = false;
      }
    }

    @Override
    public RequestBudget budget(String name, int requests, Duration period) {
      return RequestBudget.unlimited();
    }
  }

  /** The shared backend with the test's coordination. */
  private static final class Shared implements Cache {
    private final Cache backend;
    private final Coordination coordination;

    Shared(Cache backend, Coordination coordination) {
      this.backend = backend;
      this.coordination = coordination;
    }

    @Override
    public PriceStore prices() {
      return backend.prices();
    }

    @Override
    public InterestStore interest() {
      return backend.interest();
    }

    @Override
    public ProfileStore profiles() {
      return backend.profiles();
    }

    @Override
    public CorrelationStore correlations() {
      return backend.correlations();
    }

    @Override
    public Coordination coordination() {
      return coordination;
    }

    @Override
    public void clear() {
      backend.clear();
    }

    @Override
    public void close() {
      backend.close();
    }
  }

  private MarketData market(OtherProcessFirst coordination) {
    LayeredCache layered = new LayeredCache(new Shared(backend, coordination));
    assertTrue(layered.coordination() == coordination, "the layer hands out the backend's");
    return new MarketData(
        prices, rates, layered, TradingCalendar.nyse(), CLOCK, ScrillaConfig.defaults());
  }

  @Test
  void prices_anotherProcessStoredThemMeanwhile_readsThemAfreshWithoutFetching() {
    OtherProcessFirst coordination = new OtherProcessFirst();
    MarketData m = market(coordination);
    PriceHistory theirs = FakePriceSource.walk(SPY, HISTORY, 1);
    coordination.otherProcess = () -> backend.prices().put(m.priceSourceId(), theirs.slice(WANTED));
    PriceHistory h = m.prices(SPY, WANTED);
    assertEquals(theirs.slice(WANTED), h);
    assertEquals(0, prices.calls());
    assertEquals(List.of("prices|" + m.priceSourceId().value() + "|SPY:equity"), coordination.keys);
    // the memory layer now remembers what was read afresh: no second lease, no fetch
    assertEquals(theirs.slice(WANTED), m.prices(SPY, WANTED));
    assertEquals(1, coordination.keys.size());
    assertEquals(0, prices.calls());
  }

  @Test
  void prices_nobodyStoredThem_fetchesOnceWhileHoldingTheLease() {
    OtherProcessFirst coordination = new OtherProcessFirst();
    List<Boolean> fetchedInLease = new ArrayList<>();
    FakePriceSource source = prices;
    MarketData m =
        new MarketData(
            new PriceSource() {
              @Override
              public PriceHistory prices(Asset asset, DateRange range) {
                fetchedInLease.add(coordination.inLease);
                return source.prices(asset, range);
              }

              @Override
              public LocalDate latestDate(Asset asset) {
                return source.latestDate(asset);
              }
            },
            rates,
            new LayeredCache(new Shared(backend, coordination)),
            TradingCalendar.nyse(),
            CLOCK,
            ScrillaConfig.defaults());
    assertEquals(FakePriceSource.walk(SPY, HISTORY, 1).slice(WANTED), m.prices(SPY, WANTED));
    assertEquals(List.of(true), fetchedInLease);
    assertEquals(1, coordination.keys.size());
  }

  @Test
  void yieldCurves_anotherProcessStoredThemMeanwhile_readsThemAfreshWithoutFetching() {
    OtherProcessFirst coordination = new OtherProcessFirst();
    MarketData m = market(coordination);
    DateRange range = DateRange.parse("2021-06-01", "2021-06-30");
    List<YieldCurve> theirs = rates.yieldCurves(range, ProgressListener.none());
    int before = rates.calls.get();
    coordination.otherProcess = () -> backend.interest().put(rates.sourceId(), theirs);
    assertEquals(theirs, m.yieldCurves(range, ProgressListener.none()));
    assertEquals(before, rates.calls.get());
    assertEquals(List.of("interest|" + rates.sourceId().value()), coordination.keys);
  }
}
