package io.scrilla.api.retry;

import java.time.Duration;
import java.util.Objects;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.DoubleSupplier;

/**
 * Runs an operation until it succeeds or its {@link RetryPolicy} says to stop; immutable and
 * thread-safe.
 *
 * <p>Each attempt returns an {@link Outcome}: a success ends the loop; a retryable failure waits
 * (the policy's back-off with jitter, or the wait the failure asks for, such as an HTTP {@code
 * Retry-After}) and tries again; an exception thrown by the attempt is not retried and propagates
 * as it is. An attempt that could not be made yet ({@link Outcome#postpone}) waits and runs again
 * without counting as an attempt. When the attempts or the time are used up, or the thread is
 * interrupted while waiting (its interrupt flag is kept), the caller's {@link GiveUp} turns the
 * last failure into the exception thrown.
 *
 * <pre>{@code
 * Retrier retrier = Retrier.of(new RetryPolicy(4, Duration.ofSeconds(1), Duration.ofSeconds(20),
 *     0.5, Duration.ofMinutes(3)));
 * String body = retrier.call(
 *     attempt -> ok(response) ? Outcome.success(body(response)) : Outcome.retry(code(response)),
 *     (code, stop) -> new IOException("HTTP " + code + " after " + stop.attempts() + " tries"));
 * }</pre>
 */
public final class Retrier {
  private final RetryPolicy policy;
  private final RetryClock clock;
  private final DoubleSupplier random;

  private Retrier(RetryPolicy policy, RetryClock clock, DoubleSupplier random) {
    this.policy = policy;
    this.clock = clock;
    this.random = random;
  }

  /** Returns a retrier of the policy on the system clock, with thread-local random jitter. */
  public static Retrier of(RetryPolicy policy) {
    return of(policy, RetryClock.system(), () -> ThreadLocalRandom.current().nextDouble());
  }

  /**
   * Returns a retrier with its own clock and random numbers; tests use a clock that does not wait.
   *
   * @param policy the limits and waits
   * @param clock the clock and the sleeping
   * @param random uniform random numbers in [0, 1) for the jitter; called from any thread
   * @return the retrier
   */
  public static Retrier of(RetryPolicy policy, RetryClock clock, DoubleSupplier random) {
    return new Retrier(
        Objects.requireNonNull(policy, "policy"),
        Objects.requireNonNull(clock, "clock"),
        Objects.requireNonNull(random, "random"));
  }

  /**
   * Runs the attempt until it succeeds, it throws, or the policy stops the retries.
   *
   * @param attempt one try; receives the number of the attempt, 1 for the first
   * @param giveUp builds the exception thrown when the retries stop, and hears of each retry
   * @param <T> the result
   * @param <F> what a failed attempt reports
   * @param <E> the exception of the caller
   * @return the value of the successful attempt
   * @throws E what the attempt throws, or what {@code giveUp} returns when the retries stop
   */
  public <T, F, E extends Exception> T call(Attempt<T, F, E> attempt, GiveUp<F, E> giveUp)
      throws E {
    Objects.requireNonNull(attempt, "attempt");
    Objects.requireNonNull(giveUp, "giveUp");
    long start = clock.nanoTime();
    int n = 1;
    while (true) {
      Outcome<T, F> outcome = Objects.requireNonNull(attempt.run(n), "outcome");
      if (outcome.succeeded) {
        return outcome.value;
      }
      F failure = outcome.failure;
      // attempts made so far: a postponed attempt was not made
      int made = outcome.postponed ? n - 1 : n;
      if (outcome.counted && n >= policy.maxAttempts()) {
        throw giveUp.giveUp(failure, stop(Reason.ATTEMPTS, made, start, Duration.ZERO));
      }
      Duration wait = outcome.wait != null ? outcome.wait : policy.delay(n, u());
      Duration elapsed = Duration.ofNanos(clock.nanoTime() - start);
      if (wait.compareTo(policy.maxElapsed().minus(elapsed)) > 0) {
        throw giveUp.giveUp(failure, new Stop(Reason.TIME, made, elapsed, wait));
      }
      giveUp.retrying(failure, made, wait);
      try {
        clock.sleep(wait);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw giveUp.giveUp(failure, stop(Reason.INTERRUPTED, made, start, wait));
      }
      n = made + 1;
    }
  }

  private Stop stop(Reason reason, int attempts, long start, Duration wait) {
    return new Stop(reason, attempts, Duration.ofNanos(clock.nanoTime() - start), wait);
  }

  private double u() {
    double u = random.getAsDouble();
    if (!(u >= 0 && u < 1)) {
      throw new IllegalStateException("the random source gave " + u + ", not a number in [0, 1)");
    }
    return u;
  }

  @Override
  public String toString() {
    return "Retrier[" + policy + "]";
  }

  /**
   * One try of the operation.
   *
   * @param <T> the result
   * @param <F> what a failed attempt reports
   * @param <E> what the attempt may throw; thrown at once, never retried
   */
  @FunctionalInterface
  public interface Attempt<T, F, E extends Exception> {
    /**
     * Tries once.
     *
     * @param attempt the number of this attempt, 1 for the first
     * @return a success, or a failure to retry
     * @throws E a failure not to retry
     */
    Outcome<T, F> run(int attempt) throws E;
  }

  /**
   * Builds the exception thrown when the retries stop; may also log each retry.
   *
   * @param <F> what a failed attempt reports
   * @param <E> the exception thrown
   */
  @FunctionalInterface
  public interface GiveUp<F, E extends Exception> {
    /**
     * Returns the exception to throw.
     *
     * @param lastFailure the failure of the last attempt
     * @param stop why and when the retries stopped
     * @return the exception, which {@link #call} throws
     */
    E giveUp(F lastFailure, Stop stop);

    /**
     * Hears of a retry before its wait begins; does nothing unless overridden.
     *
     * @param failure the failure of the attempt that is retried
     * @param attempts the attempts made so far
     * @param wait the wait before the next attempt
     */
    default void retrying(F failure, int attempts, Duration wait) {}
  }

  /** Why the retries stopped. */
  public enum Reason {
    /** The policy's {@link RetryPolicy#maxAttempts()} attempts were made. */
    ATTEMPTS,
    /** The next wait would have ended after the policy's {@link RetryPolicy#maxElapsed()}. */
    TIME,
    /** The thread was interrupted while waiting; its interrupt flag is set again. */
    INTERRUPTED
  }

  /**
   * Why and when the retries stopped.
   *
   * @param reason why
   * @param attempts the attempts made
   * @param elapsed the time since the first attempt began
   * @param nextWait the wait that was refused or interrupted; zero when the attempts ran out
   */
  public record Stop(Reason reason, int attempts, Duration elapsed, Duration nextWait) {
    /** Checks the values. */
    public Stop {
      Objects.requireNonNull(reason, "reason");
      Objects.requireNonNull(elapsed, "elapsed");
      Objects.requireNonNull(nextWait, "nextWait");
    }
  }

  /**
   * The result of one attempt: a success with its value, or a failure to retry.
   *
   * @param <T> the result
   * @param <F> what a failed attempt reports
   */
  public static final class Outcome<T, F> {
    private final boolean succeeded;
    private final T value;
    private final F failure;
    private final Duration wait;
    private final boolean counted;
    private final boolean postponed;

    private Outcome(boolean succeeded, T value, F failure, Duration wait, boolean counted) {
      this(succeeded, value, failure, wait, counted, false);
    }

    private Outcome(
        boolean succeeded, T value, F failure, Duration wait, boolean counted, boolean postponed) {
      this.succeeded = succeeded;
      this.value = value;
      this.failure = failure;
      this.wait = wait;
      this.counted = counted;
      this.postponed = postponed;
    }

    /** Returns a success with its value. */
    public static <T, F> Outcome<T, F> success(T value) {
      return new Outcome<>(true, Objects.requireNonNull(value, "value"), null, null, true);
    }

    /** Returns a success of an attempt without a value; {@link #call} then returns null. */
    public static <F> Outcome<Void, F> done() {
      return new Outcome<>(true, null, null, null, true);
    }

    /** Returns a failure to retry after the policy's back-off. */
    public static <T, F> Outcome<T, F> retry(F failure) {
      return new Outcome<>(false, null, Objects.requireNonNull(failure, "failure"), null, true);
    }

    /**
     * Returns a failure to retry after a wait it asks for (such as an HTTP {@code Retry-After})
     * instead of the policy's back-off; the policy's limits still apply.
     */
    public static <T, F> Outcome<T, F> retryAfter(F failure, Duration wait) {
      return new Outcome<>(
          false, null, Objects.requireNonNull(failure, "failure"), notNegative(wait), true);
    }

    /**
     * Returns a failure that has a limit of its own (such as a service's quota answer, retried a
     * few times by the caller): it is retried after its wait even when the policy's attempts are
     * used up, but only within the policy's {@link RetryPolicy#maxElapsed()}. Its attempt still
     * counts for the attempts of later failures.
     */
    public static <T, F> Outcome<T, F> retryOutsideAttemptLimit(F failure, Duration wait) {
      return new Outcome<>(
          false, null, Objects.requireNonNull(failure, "failure"), notNegative(wait), false);
    }

    /**
     * Returns an attempt that was not made, because something it needs is not available yet (such
     * as a request from a shared budget that is spent for the moment): it is run again after its
     * wait with the same attempt number, so it counts as no attempt and spends none of the policy's
     * {@link RetryPolicy#maxAttempts()}; only {@link RetryPolicy#maxElapsed()} bounds such waits.
     */
    public static <T, F> Outcome<T, F> postpone(F failure, Duration wait) {
      return new Outcome<>(
          false, null, Objects.requireNonNull(failure, "failure"), notNegative(wait), false, true);
    }

    private static Duration notNegative(Duration wait) {
      Objects.requireNonNull(wait, "wait");
      if (wait.isNegative()) {
        throw new IllegalArgumentException("wait " + wait + " is negative");
      }
      return wait;
    }

    @Override
    public String toString() {
      return succeeded ? "Outcome[success]" : "Outcome[retry " + failure + "]";
    }
  }
}
