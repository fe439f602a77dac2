package io.scrilla.core.cache;

import io.scrilla.api.model.Asset;
import io.scrilla.api.model.CorrelationKey;
import io.scrilla.api.model.DateRange;
import io.scrilla.api.model.Maturity;
import io.scrilla.api.model.PriceHistory;
import io.scrilla.api.model.ProfileKey;
import io.scrilla.api.model.RiskProfile;
import io.scrilla.api.model.YieldCurve;
import io.scrilla.api.spi.Cache;
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
 * <p>Profiles and correlations are remembered under their full key, so a lookup can never return
 * a value stored for a different key. Prices and yield curves are remembered together with the
 * date ranges that were read from the backend in full; a later read inside such a range is served
 * from memory, any other read goes to the backend. Writes go to the backend first and are
 * remembered only when the backend accepted them.
 */
public final class LayeredCache implements Cache {
  private final Cache backend;
  private final Map<Asset, Remembered> prices = new ConcurrentHashMap<>();
  private final Map<ProfileKey, RiskProfile> profiles = new ConcurrentHashMap<>();
  private final Map<CorrelationKey, Double> correlations = new ConcurrentHashMap<>();
  private final Object curveLock = new Object();
  private final TreeMap<LocalDate, YieldCurve> curves = new TreeMap<>();
  private final List<DateRange> curveRanges = new ArrayList<>();

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

  /** Forgets what this layer remembers, without touching the backend. */
  public void forget() {
    prices.clear();
    profiles.clear();
    correlations.clear();
    synchronized (curveLock) {
      curves.clear();
      curveRanges.clear();
    }
  }

  @Override
  public void close() {
    forget();
    backend.close();
  }

  /** Reads a statistic through this layer: memory, else the backend (remembered when found). */
  private static <K, V> Optional<V> remembered(
      Map<K, V> memory, K key, Function<K, Optional<V>> backendRead) {
    return ReadThrough.get(key, k -> Optional.ofNullable(memory.get(k)).map(Optional::of),
        backendRead, (k, read) -> read.ifPresent(v -> memory.put(k, v)));
  }

  private static boolean enclosed(List<DateRange> ranges, DateRange r) {
    for (DateRange known : ranges) {
      if (known.encloses(r)) {
        return true;
      }
    }
    return false;
  }

  /** Rows of one asset read from or written to the backend, and the ranges read in full. */
  private static final class Remembered {
    PriceHistory rows;
    final List<DateRange> complete = new ArrayList<>();

    Remembered(Asset asset) {
      rows = PriceHistory.empty(asset);
    }
  }

  private final class Prices implements PriceStore {
    @Override
    public void put(PriceHistory history) {
      backend.prices().put(history);
      Remembered r = prices.computeIfAbsent(history.asset(), Remembered::new);
      synchronized (r) {
        r.rows = r.rows.merge(history);
      }
    }

    @Override
    public PriceHistory get(Asset asset, DateRange range) {
      Remembered r = prices.computeIfAbsent(asset, Remembered::new);
      synchronized (r) {
        if (enclosed(r.complete, range)) {
          return r.rows.slice(range);
        }
      }
      PriceHistory read = backend.prices().get(asset, range);
      synchronized (r) {
        r.rows = r.rows.merge(read);
        r.complete.add(range);
        return r.rows.slice(range);
      }
    }
  }

  private final class Interest implements InterestStore {
    @Override
    public void put(List<YieldCurve> list) {
      backend.interest().put(list);
      synchronized (curveLock) {
        for (YieldCurve c : list) {
          curves.merge(c.date(), c, LayeredCache::mergeCurves);
        }
      }
    }

    @Override
    public List<YieldCurve> get(DateRange range) {
      synchronized (curveLock) {
        if (enclosed(curveRanges, range)) {
          return new ArrayList<>(curves.subMap(range.start(), true, range.end(), true).values());
        }
      }
      List<YieldCurve> read = backend.interest().get(range);
      synchronized (curveLock) {
        for (YieldCurve c : read) {
          curves.merge(c.date(), c, LayeredCache::mergeCurves);
        }
        curveRanges.add(range);
        return new ArrayList<>(curves.subMap(range.start(), true, range.end(), true).values());
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
      Optional<Double> d = remembered(correlations, key, k -> {
        OptionalDouble read = backend.correlations().get(k);
        return read.isPresent() ? Optional.of(read.getAsDouble()) : Optional.empty();
      });
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
        Double d = correlations.get(k);
        if (d != null) {
          found.put(k, d);
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
  }
}
