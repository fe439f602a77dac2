package io.scrilla.core.cache;

import io.scrilla.api.config.ScrillaConfig;
import io.scrilla.api.model.Asset;
import io.scrilla.api.model.CorrelationBlock;
import io.scrilla.api.model.CorrelationKey;
import io.scrilla.api.model.DateRange;
import io.scrilla.api.model.EstimationMethod;
import io.scrilla.api.model.PriceHistory;
import io.scrilla.api.model.ProfileKey;
import io.scrilla.api.model.RiskProfile;
import io.scrilla.api.model.YieldCurve;
import io.scrilla.api.spi.Cache;
import io.scrilla.api.spi.CacheProvider;
import io.scrilla.api.spi.CorrelationStore;
import io.scrilla.api.spi.InterestStore;
import io.scrilla.api.spi.PriceStore;
import io.scrilla.api.spi.ProfileStore;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentSkipListMap;

/**
 * The {@code memory} cache backend: everything in this process's heap, gone when it ends. For
 * notebooks, tests and short-lived runs ({@code CACHE_MODE=memory}).
 */
public final class MemoryCacheProvider implements CacheProvider {

  /** Creates the provider (called by {@link java.util.ServiceLoader}). */
  public MemoryCacheProvider() {}

  @Override
  public String name() {
    return "memory";
  }

  @Override
  public Cache open(ScrillaConfig config) {
    return new MemoryCache();
  }

  /** Returns a new, empty in-memory cache. */
  public static Cache create() {
    return new MemoryCache();
  }

  private static final class MemoryCache implements Cache, PriceStore, InterestStore, ProfileStore, CorrelationStore {
    private final Map<Asset, PriceHistory> prices = new ConcurrentHashMap<>();
    private final ConcurrentSkipListMap<LocalDate, YieldCurve> curves = new ConcurrentSkipListMap<>();
    private final Map<ProfileKey, RiskProfile> profiles = new ConcurrentHashMap<>();
    private final CorrelationMemory correlations = new CorrelationMemory();

    @Override
    public PriceStore prices() {
      return this;
    }

    @Override
    public InterestStore interest() {
      return this;
    }

    @Override
    public ProfileStore profiles() {
      return this;
    }

    @Override
    public CorrelationStore correlations() {
      return this;
    }

    @Override
    public void clear() {
      prices.clear();
      curves.clear();
      profiles.clear();
      correlations.clear();
    }

    @Override
    public void close() {
      clear();
    }

    @Override
    public void put(PriceHistory history) {
      prices.merge(history.asset(), history, PriceHistory::merge);
    }

    @Override
    public PriceHistory get(Asset asset, DateRange range) {
      PriceHistory h = prices.get(asset);
      return h == null ? PriceHistory.empty(asset) : h.slice(range);
    }

    @Override
    public void put(List<YieldCurve> list) {
      for (YieldCurve c : list) {
        curves.merge(c.date(), c, (old, neu) -> {
          var m = new java.util.EnumMap<io.scrilla.api.model.Maturity, Double>(io.scrilla.api.model.Maturity.class);
          m.putAll(old.rates());
          m.putAll(neu.rates());
          return new YieldCurve(c.date(), m);
        });
      }
    }

    @Override
    public List<YieldCurve> get(DateRange range) {
      return new ArrayList<>(curves.subMap(range.start(), true, range.end(), true).values());
    }

    @Override
    public void put(ProfileKey key, RiskProfile profile) {
      profiles.put(key, profile);
    }

    @Override
    public Optional<RiskProfile> get(ProfileKey key) {
      return Optional.ofNullable(profiles.get(key));
    }

    @Override
    public void put(CorrelationKey key, double correlation) {
      correlations.put(key, correlation);
    }

    @Override
    public OptionalDouble get(CorrelationKey key) {
      return correlations.get(key);
    }

    @Override
    public void putAll(Map<CorrelationKey, Double> values) {
      correlations.putAll(values);
    }

    @Override
    public CorrelationBlock getBlock(List<Asset> assets, DateRange range, EstimationMethod method,
        boolean weekends) {
      return CorrelationBlock.of(assets, range, method, weekends,
          correlations.lookup(assets, range, method, weekends));
    }

    @Override
    public void putBlock(CorrelationBlock block) {
      correlations.putBlock(block);
    }
  }
}
