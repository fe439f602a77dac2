package io.scrilla.services.http;

import io.scrilla.api.retry.RetryClock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A {@link RetryClock} whose sleeps return at once but advance its clock, and are recorded; for
 * tests.
 */
public final class FakeTime implements RetryClock {
  private final AtomicLong offset = new AtomicLong();
  private final List<Duration> sleeps = new ArrayList<>();

  @Override
  public long nanoTime() {
    return System.nanoTime() + offset.get();
  }

  @Override
  public synchronized void sleep(Duration duration) {
    sleeps.add(duration);
    offset.addAndGet(duration.toNanos());
  }

  /** Returns every wait asked for, in order. */
  public synchronized List<Duration> sleeps() {
    return new ArrayList<>(sleeps);
  }

  /** Returns the sum of the waits asked for. */
  public synchronized Duration slept() {
    return sleeps.stream().reduce(Duration.ZERO, Duration::plus);
  }
}
