package io.scrilla.api.spi;

import java.time.Duration;

/**
 * A shared allowance of requests to one service account: at most a number of requests in any period
 * of a given length, counted for every process that shares it (see {@link Coordination#budget}).
 * Thread-safe.
 *
 * <p>A client asks {@link #tryTake()} before each request it sends, retries included: a zero wait
 * means one request was taken and may be sent now; a positive wait means the allowance is spent and
 * nothing was taken, so the client waits that long (or gives up) and asks again.
 */
public interface RequestBudget {
  /**
   * Takes one request from the allowance if one is left.
   *
   * @return {@link Duration#ZERO} when a request was taken and may be sent now; otherwise the wait,
   *     positive, until a request may be left again (nothing was taken)
   * @throws io.scrilla.api.error.CacheException when the shared store of the budget fails
   */
  Duration tryTake();

  /** Returns what this budget allows, for messages, e.g. {@code 5 requests per 60 s}. */
  String description();

  /** Returns the budget that always allows a request at once. */
  static RequestBudget unlimited() {
    return LocalCoordination.UNLIMITED;
  }
}
