package io.scrilla.api.retry;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * A clock that stands still except when slept on: sleeps return at once, advance it and are
 * recorded. Shared with the cache modules' tests through the test jar.
 */
public final class FakeClock implements RetryClock {
  private long now = 1_000_000_000L;
  private final List<Duration> sleeps = new ArrayList<>();

  @Override
  public synchronized long nanoTime() {
    return now;
  }

  @Override
  public synchronized void sleep(Duration duration) {
    sleeps.add(duration);
    now += duration.toNanos();
  }

  /** Moves the clock on, as an attempt that takes time would. */
  public synchronized void advance(Duration d) {
    now += d.toNanos();
  }

  /** Returns every wait asked for, in order. */
  public synchronized List<Duration> sleeps() {
    return new ArrayList<>(sleeps);
  }
}
