package io.scrilla.core.cache;

import io.scrilla.api.model.Asset;
import io.scrilla.api.model.CorrelationBlock;
import io.scrilla.api.model.CorrelationKey;
import io.scrilla.api.model.DateRange;
import io.scrilla.api.model.EstimationMethod;
import io.scrilla.api.model.Maturity;
import io.scrilla.api.model.PriceHistory;
import io.scrilla.api.model.ProfileKey;
import io.scrilla.api.model.RiskProfile;
import io.scrilla.api.model.SourceId;
import io.scrilla.api.model.YieldCurve;
import io.scrilla.api.spi.Cache;
import io.scrilla.api.spi.Coordination;
import io.scrilla.api.spi.CorrelationStore;
import io.scrilla.api.spi.InterestStore;
import io.scrilla.api.spi.PriceStore;
import io.scrilla.api.spi.ProfileStore;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;

/**
 * A small in-memory layer in front of a cache backend, so that repeated lookups in one process do
 * not touch the file or the network. Thread-safe.
 *
 * <p>Profiles and correlations are remembered under their full key, so a lookup can never return a
 * value stored for a different key. Prices and yield curves are remembered per source (prices per
 * asset too) together with the date ranges that were read from the backend in full; a later read
 * inside such a range is served from memory, any other read goes to the backend. Writes go to the
 * backend first and are remembered only when the backend accepted them.
 *
 * <p>Other processes may write to a shared backend: a caller that must see their writes (after
 * waiting for another process's fetch, see {@link Coordination}) first makes this layer forget what
 * it remembers of that data ({@link #forgetPrices}, {@link #forgetCurves}).
 */
public final class LayeredCache implements Cache {
  private final Cache backend;
  private final Map<SourcedAsset, Remembered> prices = new ConcurrentHashMap<>();
  private final Map<ProfileKey, RiskProfile> profiles = new ConcurrentHashMap<>();
  private final CorrelationMemory correlations = new CorrelationMemory();
  private final Map<SourceId, RememberedCurves> curves = new ConcurrentHashMap<>();

  private final PriceStore priceStore = new Prices();
  private final InterestStore interestStore = new Interest();
  private final ProfileStore profileStore = new Profiles();
  private final CorrelationStore correlationStore = new Correlations();

  /** Wraps {@code backend}; closing this cache closes the backend. */
  public LayeredCache(Cache backend) {
    this.backend = Objects.requireNonNull(backend, "backend");
  }

  /** Returns the wrapped backend. */
  public Cache backend() {
    return backend;
  }

  @Override
  public PriceStore prices() {
    return priceStore;
  }

  @Override
  public InterestStore interest() {
    return interestStore;
  }

  @Override
  public ProfileStore profiles() {
    return profileStore;
  }

  @Override
  public CorrelationStore correlations() {
    return correlationStore;
  }

  @Override
  public void clear() {
    forget();
    backend.clear();
  }

  /** Returns the backend's coordination. */
  @Override
  public Coordination coordination() {
    return backend.coordination();
  }

  /**
   * Forgets the prices of one source's asset that this layer remembers, so that the next read asks
   * the backend again.
   */
  public void forgetPrices(SourceId source, Asset asset) {
    prices.remove(new SourcedAsset(source, asset));
  }

  /**
   * Forgets the yield curves of one source that this layer remembers, so that the next read asks
   * the backend again.
   */
  public void forgetCurves(SourceId source) {
    curves.remove(Objects.requireNonNull(source, "source"));
  }

  /** Forgets what this layer remembers, without touching the backend. */
  public void forget() {
    prices.clear();
    profiles.clear();
    correlations.clear();
    curves.clear();
  }

  @Override
  public void close() {
    forget();
    backend.close();
  }

  /** Reads a statistic through this layer: memory, else the backend (remembered when found). */
  private static <K, V> Optional<V> remembered(
      Map<K, V> memory, K key, Function<K, Optional<V>> backendRead) {
    return ReadThrough.get(
        key,
        k -> Optional.ofNullable(memory.get(k)).map(Optional::of),
        k -> ReadThrough.Loaded.complete(backendRead.apply(k)),
        (k, read) -> read.ifPresent(v -> memory.put(k, v)));
  }

  private static boolean hasNaN(double[] values) {
    for (double v : values) {
      if (Double.isNaN(v)) {
        return true;
      }
    }
    return false;
  }

  private static boolean enclosed(List<DateRange> ranges, DateRange r) {
    for (DateRange known : ranges) {
      if (known.encloses(r)) {
        return true;
      }
    }
    return false;
  }

  /** An asset in the namespace of one source. */
  private record SourcedAsset(SourceId source, Asset asset) {
    SourcedAsset {
      Objects.requireNonNull(source, "source");
      Objects.requireNonNull(asset, "asset");
    }
  }

  /** Rows of one source's asset read from or written to the backend, and ranges read in full. */
  private static final class Remembered {
    PriceHistory rows;
    final List<DateRange> complete = new ArrayList<>();

    Remembered(SourcedAsset key) {
      rows = PriceHistory.empty(key.asset());
    }
  }

  /** Curves of one source read from or written to the backend, and the ranges read in full. */
  private static final class RememberedCurves {
    final TreeMap<LocalDate, YieldCurve> byDate = new TreeMap<>();
    final List<DateRange> complete = new ArrayList<>();

    List<YieldCurve> slice(DateRange range) {
      return new ArrayList<>(byDate.subMap(range.start(), true, range.end(), true).values());
    }

    void merge(List<YieldCurve> list) {
      for (YieldCurve c : list) {
        byDate.merge(c.date(), c, LayeredCache::mergeCurves);
      }
    }
  }

  private final class Prices implements PriceStore {
    @Override
    public void put(SourceId source, PriceHistory history) {
      backend.prices().put(source, history);
      Remembered r =
          prices.computeIfAbsent(new SourcedAsset(source, history.asset()), Remembered::new);
      synchronized (r) {
        r.rows = r.rows.merge(history);
      }
    }

    @Override
    public PriceHistory get(SourceId source, Asset asset, DateRange range) {
      Remembered r = prices.computeIfAbsent(new SourcedAsset(source, asset), Remembered::new);
      synchronized (r) {
        if (enclosed(r.complete, range)) {
          return r.rows.slice(range);
        }
      }
      PriceHistory read = backend.prices().get(source, asset, range);
      synchronized (r) {
        r.rows = r.rows.merge(read);
        r.complete.add(range);
        return r.rows.slice(range);
      }
    }
  }

  private final class Interest implements InterestStore {
    @Override
    public void put(SourceId source, List<YieldCurve> list) {
      backend.interest().put(source, list);
      RememberedCurves r = curves.computeIfAbsent(source, s -> new RememberedCurves());
      synchronized (r) {
        r.merge(list);
      }
    }

    @Override
    public List<YieldCurve> get(SourceId source, DateRange range) {
      Objects.requireNonNull(source, "source");
      RememberedCurves r = curves.computeIfAbsent(source, s -> new RememberedCurves());
      synchronized (r) {
        if (enclosed(r.complete, range)) {
          return r.slice(range);
        }
      }
      List<YieldCurve> read = backend.interest().get(source, range);
      synchronized (r) {
        r.merge(read);
        r.complete.add(range);
        return r.slice(range);
      }
    }
  }

  private static YieldCurve mergeCurves(YieldCurve old, YieldCurve neu) {
    Map<Maturity, Double> m = new EnumMap<>(Maturity.class);
    m.putAll(old.rates());
    m.putAll(neu.rates());
    return new YieldCurve(neu.date(), m);
  }

  private final class Profiles implements ProfileStore {
    @Override
    public void put(ProfileKey key, RiskProfile profile) {
      backend.profiles().put(key, profile);
      profiles.put(key, profile);
    }

    @Override
    public Optional<RiskProfile> get(ProfileKey key) {
      return remembered(profiles, key, backend.profiles()::get);
    }
  }

  private final class Correlations implements CorrelationStore {
    @Override
    public void put(CorrelationKey key, double correlation) {
      backend.correlations().put(key, correlation);
      correlations.put(key, correlation);
    }

    @Override
    public OptionalDouble get(CorrelationKey key) {
      Optional<Double> d =
          ReadThrough.get(
              key,
              k -> {
                OptionalDouble held = correlations.get(k);
                return held.isPresent()
                    ? Optional.of(Optional.of(held.getAsDouble()))
                    : Optional.empty();
              },
              k -> {
                OptionalDouble read = backend.correlations().get(k);
                return ReadThrough.Loaded.complete(
                    read.isPresent() ? Optional.of(read.getAsDouble()) : Optional.<Double>empty());
              },
              (k, read) -> read.ifPresent(v -> correlations.put(k, v)));
      return d.isPresent() ? OptionalDouble.of(d.get()) : OptionalDouble.empty();
    }

    @Override
    public void putAll(Map<CorrelationKey, Double> values) {
      backend.correlations().putAll(values);
      correlations.putAll(values);
    }

    @Override
    public Map<CorrelationKey, Double> getAll(Collection<CorrelationKey> keys) {
      Map<CorrelationKey, Double> found = new LinkedHashMap<>();
      List<CorrelationKey> missing = new ArrayList<>();
      for (CorrelationKey k : keys) {
        OptionalDouble d = correlations.get(k);
        if (d.isPresent()) {
          found.put(k, d.getAsDouble());
        } else {
          missing.add(k);
        }
      }
      if (!missing.isEmpty()) {
        Map<CorrelationKey, Double> read = backend.correlations().getAll(missing);
        correlations.putAll(read);
        found.putAll(read);
      }
      return found;
    }

    /**
     * Memory first; the backend is asked only when a pair is missing, for the whole block, and its
     * block is returned as it is when memory holds nothing of the window.
     */
    @Override
    public CorrelationBlock getBlock(
        SourceId source,
        List<Asset> assets,
        DateRange range,
        EstimationMethod method,
        boolean weekends) {
      if (assets.size() < 2) {
        return CorrelationBlock.empty(source, assets, range, method, weekends); // no pair
      }
      Optional<double[]> memory = correlations.lookup(source, assets, range, method, weekends);
      if (memory.isPresent() && !hasNaN(memory.get())) {
        return CorrelationBlock.of(source, assets, range, method, weekends, memory.get());
      }
      CorrelationBlock read =
          backend.correlations().getBlock(source, assets, range, method, weekends);
      if (read.count() > 0) {
        correlations.putRead(read);
      }
      if (memory.isEmpty()) {
        return read;
      }
      double[] held = memory.get();
      double[] stored = read.values();
      for (int i = 0; i < held.length; i++) {
        if (Double.isNaN(held[i])) {
          held[i] = stored[i];
        }
      }
      return CorrelationBlock.of(source, assets, range, method, weekends, held);
    }

    @Override
    public void putBlock(CorrelationBlock block) {
      backend.correlations().putBlock(block);
      correlations.putBlock(block);
    }
  }
}
