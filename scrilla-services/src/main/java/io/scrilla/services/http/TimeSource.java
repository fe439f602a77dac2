package io.scrilla.services.http;

import io.scrilla.api.retry.RetryClock;
import java.time.Duration;

/**
 * The monotonic clock and the sleeping used by the retry loop of {@link HttpFetcher}; tests
 * replace it so that back-off waits take no real time.
 */
public interface TimeSource extends RetryClock {
  /** Returns a monotonic time in nanoseconds, as {@link System#nanoTime()}. */
  @Override
  long nanoTime();

  /**
   * Waits for the given duration.
   *
   * @param duration how long to wait, not negative
   * @throws InterruptedException when the thread is interrupted while waiting
   */
  @Override
  void sleep(Duration duration) throws InterruptedException;

  /** Returns the system clock with {@link Thread#sleep(long)}. */
  static TimeSource system() {
    return SystemTime.INSTANCE;
  }
}

/** The real clock. */
enum SystemTime implements TimeSource {
  INSTANCE;

  @Override
  public long nanoTime() {
    return System.nanoTime();
  }

  @Override
  public void sleep(Duration duration) throws InterruptedException {
    long ms = duration.toMillis();
    if (ms > 0) {
      Thread.sleep(ms);
    }
  }
}
