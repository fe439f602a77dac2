package io.scrilla.api.spi;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class CoordinationTest {
  @Test
  void local_exclusively_runsOneCallerOfAKeyAtATimeAndOtherKeysAlongside() throws Exception {
    Coordination local = Coordination.local();
    AtomicInteger inside = new AtomicInteger();
    AtomicInteger most = new AtomicInteger();
    ExecutorService pool = Executors.newFixedThreadPool(4);
    try {
      List<Future<Integer>> done = new ArrayList<>();
      for (int t = 0; t < 4; t++) {
        int me = t;
        done.add(
            pool.submit(
                () ->
                    local.exclusively(
                        "prices|test|SPY:equity",
                        () -> {
                          most.accumulateAndGet(inside.incrementAndGet(), Math::max);
                          try {
                            Thread.sleep(20);
                          } catch (InterruptedException e) {
                            Thread.currentThread().interrupt();
                          }
                          inside.decrementAndGet();
                          return me;
                        })));
      }
      for (int t = 0; t < 4; t++) {
        assertEquals(t, done.get(t).get(10, TimeUnit.SECONDS));
      }
      assertEquals(1, most.get());
    } finally {
      pool.shutdownNow();
    }
  }

  @Test
  void local_exclusively_anotherKeyRunsWhileOneIsHeld() throws Exception {
    Coordination local = Coordination.local();
    CountDownLatch held = new CountDownLatch(1);
    CountDownLatch release = new CountDownLatch(1);
    ExecutorService pool = Executors.newSingleThreadExecutor();
    try {
      Future<?> holder =
          pool.submit(
              () ->
                  local.exclusively(
                      "prices|test|SPY:equity",
                      () -> {
                        held.countDown();
                        try {
                          return release.await(10, TimeUnit.SECONDS);
                        } catch (InterruptedException e) {
                          Thread.currentThread().interrupt();
                          return false;
                        }
                      }));
      held.await(10, TimeUnit.SECONDS);
      assertEquals("ran", local.exclusively("prices|test|GLD:equity", () -> "ran"));
      release.countDown();
      assertEquals(true, holder.get(10, TimeUnit.SECONDS));
    } finally {
      pool.shutdownNow();
    }
  }

  @Test
  void local_budget_isUnlimited() {
    RequestBudget b = Coordination.local().budget("alpha_vantage:abc", 5, Duration.ofMinutes(1));
    assertSame(RequestBudget.unlimited(), b);
    for (int i = 0; i < 100; i++) {
      assertEquals(Duration.ZERO, b.tryTake());
    }
  }

  @Test
  void local_badKeysAndLimits_areRefused() {
    Coordination local = Coordination.local();
    assertThrows(IllegalArgumentException.class, () -> local.exclusively("", () -> 1));
    assertThrows(IllegalArgumentException.class, () -> local.exclusively("a\nb", () -> 1));
    assertThrows(
        IllegalArgumentException.class, () -> local.exclusively("x".repeat(1001), () -> 1));
    assertThrows(IllegalArgumentException.class, () -> local.budget("k", 0, Duration.ofMinutes(1)));
    assertThrows(IllegalArgumentException.class, () -> local.budget("k", 5, Duration.ZERO));
  }
}
