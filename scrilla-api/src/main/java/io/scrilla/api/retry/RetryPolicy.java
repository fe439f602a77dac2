package io.scrilla.api.retry;

import java.time.Duration;
import java.util.Objects;

/**
 * How often and how long an operation is retried; immutable.
 *
 * <p>The wait before retry {@code k} (1 for the first retry) is {@code min(maxBackoff,
 * initialBackoff * 2^(k-1))}, shortened by a random fraction of at most {@code jitter} so that many
 * clients do not retry in step: with {@code jitter = 0.5} the wait is uniform in {@code (b/2, b]}
 * for the back-off {@code b}; with {@code 0} it is exactly {@code b}. No retry starts when its wait
 * would end more than {@code maxElapsed} after the first attempt began, and there are at most
 * {@code maxAttempts} attempts in all (the first one included).
 *
 * <pre>{@code
 * RetryPolicy p = new RetryPolicy(4, Duration.ofSeconds(1), Duration.ofSeconds(20), 0.5,
 *     Duration.ofMinutes(3));
 * }</pre>
 *
 * @param maxAttempts attempts in all, at least 1; {@link #UNLIMITED_ATTEMPTS} bounds only the time
 * @param initialBackoff the wait before the first retry, before jitter, not negative
 * @param maxBackoff the longest wait, before jitter, not negative
 * @param jitter the largest fraction by which a wait is shortened at random, in [0, 1]
 * @param maxElapsed the longest time from the start of the first attempt to the end of the last
 *     wait, not negative
 */
public record RetryPolicy(
    int maxAttempts,
    Duration initialBackoff,
    Duration maxBackoff,
    double jitter,
    Duration maxElapsed) {

  /** A number of attempts that bounds nothing: the retries end only with {@code maxElapsed}. */
  public static final int UNLIMITED_ATTEMPTS = Integer.MAX_VALUE;

  /** Checks every value. */
  public RetryPolicy {
    notNegative(initialBackoff, "initialBackoff");
    notNegative(maxBackoff, "maxBackoff");
    notNegative(maxElapsed, "maxElapsed");
    if (maxAttempts < 1) {
      throw new IllegalArgumentException(
          "maxAttempts " + maxAttempts + " is not allowed: use 1 (no retry) or more");
    }
    if (!(jitter >= 0 && jitter <= 1)) {
      throw new IllegalArgumentException("jitter " + jitter + " is not allowed: use 0 to 1");
    }
  }

  /**
   * Returns the back-off before retry {@code retry} without jitter: {@code min(maxBackoff,
   * initialBackoff * 2^(retry-1))}.
   *
   * @param retry the number of the retry, at least 1
   * @return the wait before jitter
   */
  public Duration backoff(int retry) {
    if (retry < 1) {
      throw new IllegalArgumentException("retry " + retry + " is not allowed: use 1 or more");
    }
    int shift = Math.min(retry - 1, 62);
    long initial = nanos(initialBackoff);
    long max = nanos(maxBackoff);
    long scaled = initial > (Long.MAX_VALUE >> shift) ? Long.MAX_VALUE : initial << shift;
    return Duration.ofNanos(Math.min(scaled, max));
  }

  /**
   * Returns the wait before retry {@code retry} with jitter: {@link #backoff(int)} times {@code 1 -
   * jitter * u}.
   *
   * @param retry the number of the retry, at least 1
   * @param u a uniform random number in [0, 1)
   * @return the wait
   */
  public Duration delay(int retry, double u) {
    if (!(u >= 0 && u < 1)) {
      throw new IllegalArgumentException("u " + u + " is not in [0, 1)");
    }
    long b = backoff(retry).toNanos();
    return Duration.ofNanos(b - (long) (b * jitter * u));
  }

  private static long nanos(Duration d) {
    return d.compareTo(Duration.ofNanos(Long.MAX_VALUE)) >= 0 ? Long.MAX_VALUE : d.toNanos();
  }

  private static void notNegative(Duration d, String name) {
    Objects.requireNonNull(d, name);
    if (d.isNegative()) {
      throw new IllegalArgumentException(name + " " + d + " is not allowed: use zero or more");
    }
  }
}
