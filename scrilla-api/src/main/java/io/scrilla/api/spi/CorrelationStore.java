package io.scrilla.api.spi;

import io.scrilla.api.model.Asset;
import io.scrilla.api.model.CorrelationBlock;
import io.scrilla.api.model.CorrelationKey;
import io.scrilla.api.model.DateRange;
import io.scrilla.api.model.EstimationMethod;
import io.scrilla.api.model.SourceId;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalDouble;

/**
 * Cached correlations keyed by their full identity (the price source, an unordered pair, window,
 * method, weekends). Thread-safe.
 */
public interface CorrelationStore {
  /**
   * Stores a correlation in [-1, 1], replacing any under the same key.
   *
   * @throws io.scrilla.api.error.CacheException when the write fails
   */
  void put(CorrelationKey key, double correlation);

  /**
   * Returns the correlation stored under exactly this key.
   *
   * @throws io.scrilla.api.error.CacheException when the read fails
   */
  OptionalDouble get(CorrelationKey key);

  /**
   * Stores many correlations; backends override this to write in batches. All or nothing where the
   * backend allows it; otherwise a failure throws and reports which part was written in the
   * message.
   */
  default void putAll(Map<CorrelationKey, Double> correlations) {
    correlations.forEach(this::put);
  }

  /**
   * Returns the stored correlations among {@code keys}; keys not stored are absent from the map.
   * Backends override this to read in batches.
   */
  default Map<CorrelationKey, Double> getAll(Collection<CorrelationKey> keys) {
    Map<CorrelationKey, Double> found = new LinkedHashMap<>();
    for (CorrelationKey k : keys) {
      get(k).ifPresent(v -> found.put(k, v));
    }
    return found;
  }

  /**
   * Returns the stored correlations of every pair of {@code assets} computed from one source's
   * prices on one window, method and flag, NaN for a pair without one: what {@link #getAll} returns
   * for the pairs' keys, in one flat array. Backends override this to read a whole matrix without a
   * key per pair.
   *
   * @throws io.scrilla.api.error.CacheException when the read fails
   */
  default CorrelationBlock getBlock(
      SourceId source,
      List<Asset> assets,
      DateRange range,
      EstimationMethod method,
      boolean weekends) {
    CorrelationBlock empty = CorrelationBlock.empty(source, assets, range, method, weekends);
    return empty.size() < 2
        ? empty
        : CorrelationBlock.of(source, assets, range, method, weekends, getAll(empty.toKeys()));
  }

  /**
   * Stores the pairs of a block that have a value, as {@link #putAll} of their keys would. Backends
   * override this to write a whole matrix without a key per pair.
   *
   * @throws io.scrilla.api.error.CacheException when the write fails
   */
  default void putBlock(CorrelationBlock block) {
    Map<CorrelationKey, Double> values = block.toMap();
    if (!values.isEmpty()) {
      putAll(values);
    }
  }
}
