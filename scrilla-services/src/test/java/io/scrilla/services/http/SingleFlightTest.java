package io.scrilla.services.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;

class SingleFlightTest {

  @Test
  void run_concurrentEqualKeys_workRunsOnceAndAllGetItsResult() throws Exception {
    SingleFlight<String, Object> flights = new SingleFlight<>();
    AtomicInteger runs = new AtomicInteger();
    CountDownLatch started = new CountDownLatch(1);
    CountDownLatch finish = new CountDownLatch(1);
    Object value = new Object();
    List<Object> results = Collections.synchronizedList(new ArrayList<>());
    Runnable call =
        () ->
            results.add(
                flights.run(
                    "k",
                    () -> {
                      runs.incrementAndGet();
                      started.countDown();
                      try {
                        finish.await();
                      } catch (InterruptedException e) {
                        throw new IllegalStateException(e);
                      }
                      return value;
                    }));
    Thread first = new Thread(call);
    first.start();
    started.await();
    Thread[] others = new Thread[5];
    for (int i = 0; i < others.length; i++) {
      others[i] = new Thread(call);
      others[i].start();
    }
    Threads.awaitWaiting(others);
    finish.countDown();
    first.join();
    for (Thread t : others) {
      t.join();
    }
    assertEquals(1, runs.get());
    assertEquals(6, results.size());
    results.forEach(r -> assertSame(value, r));
    assertEquals(0, flights.inFlight());
  }

  @Test
  void run_afterCompletion_runsTheWorkAgain() {
    SingleFlight<String, Integer> flights = new SingleFlight<>();
    AtomicInteger runs = new AtomicInteger();
    flights.run("k", runs::incrementAndGet);
    flights.run("k", runs::incrementAndGet);
    assertEquals(2, runs.get());
  }

  @Test
  void run_workFails_everyWaiterGetsTheFailure() throws Exception {
    SingleFlight<String, Object> flights = new SingleFlight<>();
    CountDownLatch started = new CountDownLatch(1);
    CountDownLatch finish = new CountDownLatch(1);
    IllegalStateException boom = new IllegalStateException("boom");
    AtomicReference<Throwable> seenByWaiter = new AtomicReference<>();
    Thread first =
        new Thread(
            () -> {
              try {
                flights.run(
                    "k",
                    () -> {
                      started.countDown();
                      try {
                        finish.await();
                      } catch (InterruptedException e) {
                        throw new IllegalStateException(e);
                      }
                      throw boom;
                    });
              } catch (IllegalStateException e) {
                // expected
              }
            });
    first.start();
    started.await();
    Thread waiter =
        new Thread(
            () -> {
              try {
                flights.run("k", () -> "not run");
              } catch (RuntimeException e) {
                seenByWaiter.set(e);
              }
            });
    waiter.start();
    Threads.awaitWaiting(waiter);
    finish.countDown();
    first.join();
    waiter.join();
    assertSame(boom, seenByWaiter.get());
    assertThrows(
        IllegalStateException.class,
        () ->
            flights.run(
                "x",
                () -> {
                  throw new IllegalStateException("direct");
                }));
  }
}
