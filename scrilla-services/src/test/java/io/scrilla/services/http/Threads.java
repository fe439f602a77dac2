package io.scrilla.services.http;

import java.util.concurrent.TimeUnit;

/** Waits for threads to reach a state; for concurrency tests. */
public final class Threads {
  private Threads() {}

  /** Waits until every thread is blocked waiting (or has ended); fails after 10 s. */
  public static void awaitWaiting(Thread... threads) throws InterruptedException {
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
    for (Thread t : threads) {
      while (t.getState() != Thread.State.WAITING
          && t.getState() != Thread.State.TIMED_WAITING
          && t.getState() != Thread.State.TERMINATED) {
        if (System.nanoTime() > deadline) {
          throw new AssertionError(t.getName() + " did not start waiting; state " + t.getState());
        }
        Thread.sleep(5);
      }
    }
  }
}
