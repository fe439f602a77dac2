package io.scrilla.api.spi;

import java.time.Duration;
import java.util.function.Supplier;

/**
 * Coordinates the processes that share a cache, so that a fleet (many AWS Lambda containers, or
 * command-line runs on several machines) fetches each missing history once and stays, as a whole,
 * within a data service's request quota. Thread-safe.
 *
 * <p>A {@link Cache} returns its coordination from {@link Cache#coordination()}: a backend that
 * only one process uses (SQLite, memory) returns {@link #local()}, which coordinates the threads of
 * this process alone and sets no budget; the DynamoDB backend keeps leases and budgets in a table
 * of its own, shared by every process that uses the same tables.
 *
 * <ul>
 *   <li>Single flight: {@link #exclusively} runs a fetch while holding a lease that at most one
 *       caller in the fleet holds at a time; the others wait for it and then read the cache again.
 *   <li>Request budget: {@link #budget} gives the fleet's shared allowance of requests to one
 *       service account, which a client asks before each request it sends.
 * </ul>
 *
 * <pre>{@code
 * PriceHistory h = cache.coordination().exclusively("prices|alpha_vantage|SPY", () -> {
 *   // another holder may have stored the prices meanwhile
 *   PriceHistory again = cache.prices().get(source, spy, range);
 *   return covers(again, range) ? again : fetchAndStore(spy, range);
 * });
 * }</pre>
 */
public interface Coordination {
  /** The longest lease key allowed, in characters. */
  int MAX_KEY_LENGTH = 1000;

  /**
   * Runs {@code work} while holding the lease named {@code key}, which at most one caller among all
   * the processes sharing this coordination holds at a time. When another caller holds it, this one
   * waits until it is released or has expired, then takes it; the work should therefore first read
   * the cache again, since the previous holder may have stored what is missing. A holder that dies
   * without releasing its lease blocks the others only until the lease expires. Leases are not
   * reentrant: a thread must not ask again for a key it holds.
   *
   * @param key what the work fetches, e.g. {@code prices|alpha_vantage|SPY}: printable characters,
   *     1 to {@value #MAX_KEY_LENGTH}
   * @param work runs on the calling thread while the lease is held
   * @param <T> the result
   * @return what {@code work} returned
   * @throws io.scrilla.api.error.ServiceException (retryable) when another holder keeps the lease
   *     longer than this coordination waits
   * @throws io.scrilla.api.error.CacheException when the shared store of the leases fails
   */
  <T> T exclusively(String key, Supplier<T> work);

  /**
   * Returns the shared budget of at most {@code requests} requests in any {@code period} to the
   * account named {@code name}, kept for every process of the fleet.
   *
   * @param name identifies the account, e.g. a hash of an API key (never a secret itself):
   *     printable characters, 1 to 200
   * @param requests the requests allowed in any one period, at least 1
   * @param period the length of the period, at least one millisecond
   * @return the budget
   */
  RequestBudget budget(String name, int requests, Duration period);

  /**
   * Returns the coordination of one process: {@link #exclusively} serializes the callers of this
   * process that ask for the same key, and every {@link #budget} is {@link
   * RequestBudget#unlimited() unlimited}.
   */
  static Coordination local() {
    return LocalCoordination.INSTANCE;
  }

  /**
   * Checks a lease key or budget name.
   *
   * @param what {@code key} or {@code name}, for the message
   * @param text the text
   * @param max its longest length
   * @return the text
   * @throws IllegalArgumentException when it is empty, too long or not printable
   */
  static String checkName(String what, String text, int max) {
    if (text == null || text.isEmpty() || text.length() > max) {
      throw new IllegalArgumentException(
          "a coordination " + what + " must have 1 to " + max + " characters: " + text);
    }
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (c < 0x20 || c == 0x7f) {
        throw new IllegalArgumentException(
            "a coordination " + what + " must be printable, but has U+" + (int) c);
      }
    }
    return text;
  }

  /**
   * Checks the limits of a budget.
   *
   * @param requests at least 1
   * @param period at least one millisecond
   * @throws IllegalArgumentException when either is out of range
   */
  static void checkBudget(int requests, Duration period) {
    if (requests < 1) {
      throw new IllegalArgumentException("a budget needs at least 1 request, not " + requests);
    }
    if (period == null || period.toMillis() < 1) {
      throw new IllegalArgumentException("a budget's period must be at least 1 ms: " + period);
    }
  }
}
