package io.scrilla.api.spi;

import io.scrilla.api.model.CorrelationKey;
import java.util.Collection;
import java.util.LinkedHashMap;
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
   * backend allows it; otherwise a failure throws and reports which part was written in the message.
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
}
