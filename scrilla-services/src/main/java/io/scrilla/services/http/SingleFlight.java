package io.scrilla.services.http;

import io.scrilla.api.error.ServiceException;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.concurrent.ExecutionException;
import java.util.function.Supplier;

/**
 * Makes concurrent calls with equal keys share one execution: the first caller runs the work, the
 * others wait for its result (or its exception); thread-safe.
 *
 * <p>Nothing is remembered after the work finishes: a later call runs the work again. Caching is
 * the caller's business (the facade caches what a source returned).
 *
 * <pre>{@code
 * SingleFlight<String, PriceHistory> flights = new SingleFlight<>();
 * PriceHistory h = flights.run("SPY|TIME_SERIES_DAILY|full", () -> fetch("SPY"));
 * }</pre>
 *
 * @param <K> the key type, with {@code equals}/{@code hashCode}
 * @param <V> the result type
 */
public final class SingleFlight<K, V> {
  private final ConcurrentMap<K, CompletableFuture<V>> inFlight = new ConcurrentHashMap<>();

  /** Creates an empty group. */
  public SingleFlight() {}

  /**
   * Runs {@code work} unless a call with an equal key is already running, in which case waits for
   * that call and returns its result.
   *
   * @param key what identifies the work, e.g. ticker, function and output size
   * @param work the work, run on the calling thread of the first caller
   * @return the result of the (shared) work
   * @throws RuntimeException whatever the work threw, rethrown to every waiting caller
   * @throws ServiceException when the thread is interrupted while waiting
   */
  public V run(K key, Supplier<V> work) {
    Objects.requireNonNull(key, "key");
    Objects.requireNonNull(work, "work");
    CompletableFuture<V> mine = new CompletableFuture<>();
    CompletableFuture<V> running = inFlight.putIfAbsent(key, mine);
    if (running != null) {
      return await(running);
    }
    try {
      V v = work.get();
      mine.complete(v);
      return v;
    } catch (RuntimeException | Error e) {
      mine.completeExceptionally(e);
      throw e;
    } finally {
      inFlight.remove(key, mine);
    }
  }

  /** Returns the number of keys whose work is running now. */
  public int inFlight() {
    return inFlight.size();
  }

  private static <V> V await(CompletableFuture<V> f) {
    try {
      return f.get();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new ServiceException("interrupted while waiting for a shared request", -1, true, null);
    } catch (ExecutionException e) {
      Throwable c = e.getCause();
      if (c instanceof RuntimeException) {
        throw (RuntimeException) c;
      }
      if (c instanceof Error) {
        throw (Error) c;
      }
      throw new ServiceException("shared request failed: " + c, -1, false, c);
    }
  }

  @Override
  public String toString() {
    return "SingleFlight[" + inFlight.size() + " in flight]";
  }
}
