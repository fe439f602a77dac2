package io.scrilla.core.cache;

import io.scrilla.api.config.ScrillaConfig;
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
import io.scrilla.api.spi.CacheProvider;
import io.scrilla.api.spi.CorrelationStore;
import io.scrilla.api.spi.InterestStore;
import io.scrilla.api.spi.PriceStore;
import io.scrilla.api.spi.ProfileStore;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentSkipListMap;

/**
 * The {@code memory} cache backend: everything in this process's heap, gone when it ends. For
 * notebooks, tests and short-lived runs ({@code CACHE_MODE=memory}). Prices and yield curves are
 * kept per {@link SourceId}; profile and correlation keys carry theirs.
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

  private static final class MemoryCache
      implements Cache, PriceStore, InterestStore, ProfileStore, CorrelationStore {
    private final Map<SourceId, Map<Asset, PriceHistory>> prices = new ConcurrentHashMap<>();
    private final Map<SourceId, ConcurrentSkipListMap<LocalDate, YieldCurve>> curves =
        new ConcurrentHashMap<>();
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
    public void put(SourceId source, PriceHistory history) {
      Objects.requireNonNull(history, "history");
      prices
          .computeIfAbsent(Objects.requireNonNull(source, "source"), s -> new ConcurrentHashMap<>())
          .merge(history.asset(), history, PriceHistory::merge);
    }

    @Override
    public PriceHistory get(SourceId source, Asset asset, DateRange range) {
      Objects.requireNonNull(asset, "asset");
      Map<Asset, PriceHistory> bySource = prices.get(Objects.requireNonNull(source, "source"));
      PriceHistory h = bySource == null ? null : bySource.get(asset);
      return h == null ? PriceHistory.empty(asset) : h.slice(range);
    }

    @Override
    public void put(SourceId source, List<YieldCurve> list) {
      ConcurrentSkipListMap<LocalDate, YieldCurve> byDate =
          curves.computeIfAbsent(
              Objects.requireNonNull(source, "source"), s -> new ConcurrentSkipListMap<>());
      for (YieldCurve c : list) {
        byDate.merge(
            c.date(),
            c,
            (old, neu) -> {
              Map<Maturity, Double> m = new EnumMap<>(Maturity.class);
              m.putAll(old.rates());
              m.putAll(neu.rates());
              return new YieldCurve(c.date(), m);
            });
      }
    }

    @Override
    public List<YieldCurve> get(SourceId source, DateRange range) {
      ConcurrentSkipListMap<LocalDate, YieldCurve> byDate =
          curves.get(Objects.requireNonNull(source, "source"));
      return byDate == null
          ? new ArrayList<>()
          : new ArrayList<>(byDate.subMap(range.start(), true, range.end(), true).values());
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
    public CorrelationBlock getBlock(
        SourceId source,
        List<Asset> assets,
        DateRange range,
        EstimationMethod method,
        boolean weekends) {
      return correlations
          .lookup(source, assets, range, method, weekends)
          .map(held -> CorrelationBlock.of(source, assets, range, method, weekends, held))
          .orElseGet(() -> CorrelationBlock.empty(source, assets, range, method, weekends));
    }

    @Override
    public void putBlock(CorrelationBlock block) {
      correlations.putBlock(block);
    }
  }
}
