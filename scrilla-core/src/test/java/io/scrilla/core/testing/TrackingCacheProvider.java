package io.scrilla.core.testing;

import io.scrilla.api.config.ScrillaConfig;
import io.scrilla.api.spi.Cache;
import io.scrilla.api.spi.CacheProvider;
import io.scrilla.api.spi.CorrelationStore;
import io.scrilla.api.spi.InterestStore;
import io.scrilla.api.spi.PriceStore;
import io.scrilla.api.spi.ProfileStore;
import io.scrilla.core.cache.MemoryCacheProvider;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * A test cache provider ({@code CACHE_MODE=tracking}) that remembers every cache it opened, so a
 * test can see whether the facade closed the cache it created.
 */
public final class TrackingCacheProvider implements CacheProvider {
  /** Every cache opened, in order. */
  public static final List<TrackedCache> OPENED = new CopyOnWriteArrayList<>();

  @Override
  public String name() {
    return "tracking";
  }

  @Override
  public Cache open(ScrillaConfig config) {
    TrackedCache c = new TrackedCache();
    OPENED.add(c);
    return c;
  }

  /** An in-memory cache that records whether it was closed. */
  public static final class TrackedCache implements Cache {
    private final Cache memory = MemoryCacheProvider.create();
    private volatile boolean closed;

    /** Returns whether {@link #close()} was called. */
    public boolean closed() {
      return closed;
    }

    @Override
    public PriceStore prices() {
      return memory.prices();
    }

    @Override
    public InterestStore interest() {
      return memory.interest();
    }

    @Override
    public ProfileStore profiles() {
      return memory.profiles();
    }

    @Override
    public CorrelationStore correlations() {
      return memory.correlations();
    }

    @Override
    public void clear() {
      memory.clear();
    }

    @Override
    public void close() {
      closed = true;
      memory.close();
    }
  }
}
