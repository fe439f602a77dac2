package io.scrilla.api.spi;

/**
 * An open cache backend with its four stores. Implementations are thread-safe.
 *
 * <p>A cache may forget, but never lie: every lookup matches the full identity of what was stored,
 * including the {@link io.scrilla.api.model.SourceId} of the source the data came from, so data
 * cached from one source is never served for another.
 */
public interface Cache extends AutoCloseable {
  /** Returns the store of daily prices. */
  PriceStore prices();

  /** Returns the store of daily yield curves. */
  InterestStore interest();

  /** Returns the store of risk profiles. */
  ProfileStore profiles();

  /** Returns the store of pairwise correlations. */
  CorrelationStore correlations();

  /**
   * Returns the coordination of the processes that share this cache (see {@link Coordination}):
   * {@link Coordination#local()} unless the backend is shared by several processes and overrides
   * this.
   */
  default Coordination coordination() {
    return Coordination.local();
  }

  /**
   * Empties all four stores.
   *
   * @throws io.scrilla.api.error.CacheException when the backend fails
   */
  void clear();

  /** Releases connections and clients; the cache cannot be used afterwards. */
  @Override
  void close();
}
