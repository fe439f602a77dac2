package io.scrilla.core.testing;

import io.scrilla.api.model.Asset;
import io.scrilla.api.model.CorrelationKey;
import io.scrilla.api.model.DateRange;
import io.scrilla.api.model.PriceHistory;
import io.scrilla.api.model.ProfileKey;
import io.scrilla.api.model.RiskProfile;
import io.scrilla.api.model.SourceId;
import io.scrilla.api.spi.Cache;
import io.scrilla.api.spi.CorrelationStore;
import io.scrilla.api.spi.InterestStore;
import io.scrilla.api.spi.PriceStore;
import io.scrilla.api.spi.ProfileStore;
import java.util.Collection;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.concurrent.atomic.AtomicInteger;

/** A cache that counts the reads and writes of each store before passing them to a backend. */
public final class CountingCache implements Cache {
  private final Cache backend;

  /** Price store reads. */
  public final AtomicInteger priceReads = new AtomicInteger();

  /** Price store writes. */
  public final AtomicInteger priceWrites = new AtomicInteger();

  /** Profile store reads. */
  public final AtomicInteger profileReads = new AtomicInteger();

  /** Profile store writes (one per computed profile). */
  public final AtomicInteger profileWrites = new AtomicInteger();

  /** Correlation store reads (keys read). */
  public final AtomicInteger correlationReads = new AtomicInteger();

  /** Correlation store writes (keys written: one per computed correlation). */
  public final AtomicInteger correlationWrites = new AtomicInteger();

  /** Single-key correlation writes ({@code put} calls). */
  public final AtomicInteger correlationPuts = new AtomicInteger();

  /** Batch correlation reads ({@code getAll} calls). */
  public final AtomicInteger correlationGetAlls = new AtomicInteger();

  /** Batch correlation writes ({@code putAll} calls). */
  public final AtomicInteger correlationPutAlls = new AtomicInteger();

  /** Wraps a backend. */
  public CountingCache(Cache backend) {
    this.backend = backend;
  }

  /** Returns the wrapped backend. */
  public Cache backend() {
    return backend;
  }

  @Override
  public PriceStore prices() {
    return new PriceStore() {
      @Override
      public void put(SourceId source, PriceHistory history) {
        priceWrites.incrementAndGet();
        backend.prices().put(source, history);
      }

      @Override
      public PriceHistory get(SourceId source, Asset asset, DateRange range) {
        priceReads.incrementAndGet();
        return backend.prices().get(source, asset, range);
      }
    };
  }

  @Override
  public InterestStore interest() {
    return backend.interest();
  }

  @Override
  public ProfileStore profiles() {
    return new ProfileStore() {
      @Override
      public void put(ProfileKey key, RiskProfile profile) {
        profileWrites.incrementAndGet();
        backend.profiles().put(key, profile);
      }

      @Override
      public Optional<RiskProfile> get(ProfileKey key) {
        profileReads.incrementAndGet();
        return backend.profiles().get(key);
      }
    };
  }

  @Override
  public CorrelationStore correlations() {
    return new CorrelationStore() {
      @Override
      public void put(CorrelationKey key, double correlation) {
        correlationPuts.incrementAndGet();
        correlationWrites.incrementAndGet();
        backend.correlations().put(key, correlation);
      }

      @Override
      public OptionalDouble get(CorrelationKey key) {
        correlationReads.incrementAndGet();
        return backend.correlations().get(key);
      }

      @Override
      public void putAll(Map<CorrelationKey, Double> values) {
        correlationPutAlls.incrementAndGet();
        correlationWrites.addAndGet(values.size());
        backend.correlations().putAll(values);
      }

      @Override
      public Map<CorrelationKey, Double> getAll(Collection<CorrelationKey> keys) {
        correlationGetAlls.incrementAndGet();
        correlationReads.addAndGet(keys.size());
        return backend.correlations().getAll(keys);
      }
    };
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
