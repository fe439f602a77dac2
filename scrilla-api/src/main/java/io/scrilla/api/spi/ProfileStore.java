package io.scrilla.api.spi;

import io.scrilla.api.model.ProfileKey;
import io.scrilla.api.model.RiskProfile;
import java.util.Optional;

/** Cached risk profiles keyed by their full identity. Thread-safe. */
public interface ProfileStore {
  /**
   * Stores a profile, replacing any under the same key.
   *
   * @throws io.scrilla.api.error.CacheException when the write fails
   */
  void put(ProfileKey key, RiskProfile profile);

  /**
   * Returns the profile stored under exactly this key (source, asset, type, start, end, method,
   * weekends).
   *
   * @throws io.scrilla.api.error.CacheException when the read fails
   */
  Optional<RiskProfile> get(ProfileKey key);
}
