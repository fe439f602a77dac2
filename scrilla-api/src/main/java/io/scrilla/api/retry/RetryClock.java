package io.scrilla.api.retry;

import java.time.Duration;

/**
 * The monotonic clock and the sleeping of a {@link Retrier}. Tests pass one whose sleeps return at
 * once and advance its clock, so that back-off waits take no real time.
 */
public interface RetryClock {
  /** Returns a monotonic time in nanoseconds, as {@link System#nanoTime()}. */
  long nanoTime();

  /**
   * Waits for the given duration.
   *
   * @param duration how long to wait, not negative
   * @throws InterruptedException when the thread is interrupted while waiting
   */
  void sleep(Duration duration) throws InterruptedException;

  /** Returns the system clock with {@link Thread#sleep(long, int)}. */
  static RetryClock system() {
    return SystemClock.INSTANCE;
  }
}

/** The real clock. */
enum SystemClock implements RetryClock {
  INSTANCE;

  @Override
  public long nanoTime() {
    return System.nanoTime();
  }

  @Override
  public void sleep(Duration duration) throws InterruptedException {
    long nanos = duration.toNanos();
    if (nanos > 0) {
      Thread.sleep(nanos / 1_000_000L, (int) (nanos % 1_000_000L));
    }
  }
}
