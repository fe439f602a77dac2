package io.scrilla.cache.sqlite.internal;

import java.sql.SQLException;

/**
 * Work done on one {@link Session}; may throw {@link SQLException}, which the database wraps in a
 * {@link io.scrilla.api.error.CacheException}.
 *
 * @param <T> the result
 */
@FunctionalInterface
interface SqlWork<T> {
  /** Runs the work on the session. */
  T run(Session session) throws SQLException;
}
