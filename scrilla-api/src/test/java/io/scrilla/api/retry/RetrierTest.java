package io.scrilla.api.retry;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.scrilla.api.retry.Retrier.Outcome;
import io.scrilla.api.retry.Retrier.Reason;
import io.scrilla.api.retry.Retrier.Stop;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;

class RetrierTest {
  private final FakeClock clock = new FakeClock();

  /** The exception the callers of these tests throw when the retries stop. */
  static final class GaveUp extends Exception {
    private static final long serialVersionUID = 1L;
    final transient String lastFailure;
    final transient Stop stop;

    GaveUp(String lastFailure, Stop stop) {
      super(lastFailure + " " + stop);
      this.lastFailure = lastFailure;
      this.stop = stop;
    }
  }

  private Retrier retrier(int attempts, double jitter, Duration maxElapsed, double u) {
    RetryPolicy p =
        new RetryPolicy(
            attempts, Duration.ofMillis(100), Duration.ofSeconds(1), jitter, maxElapsed);
    return Retrier.of(p, clock, () -> u);
  }

  @Test
  void call_succeedsAtThirdAttempt_waitsTheGrowingBackoffs() throws GaveUp {
    List<Integer> numbers = new ArrayList<>();
    String v =
        retrier(5, 0, Duration.ofMinutes(1), 0.3)
            .call(
                n -> {
                  numbers.add(n);
                  return n < 3 ? Outcome.retry("busy " + n) : Outcome.success("ok");
                },
                GaveUp::new);
    assertEquals("ok", v);
    assertEquals(List.of(1, 2, 3), numbers);
    assertEquals(List.of(Duration.ofMillis(100), Duration.ofMillis(200)), clock.sleeps());
  }

  @Test
  void call_firstAttemptSucceeds_neverSleeps() throws GaveUp {
    Integer seven =
        retrier(3, 0.5, Duration.ofMinutes(1), 0.9)
            .call(n -> Outcome.<Integer, String>success(7), GaveUp::new);
    assertEquals(7, seven);
    assertEquals(List.of(), clock.sleeps());
    assertNull(
        retrier(3, 0.5, Duration.ofMinutes(1), 0.9).call(n -> Outcome.<String>done(), GaveUp::new));
  }

  @Test
  void call_alwaysFails_givesUpAfterMaxAttemptsWithTheLastFailure() {
    GaveUp e =
        assertThrows(
            GaveUp.class,
            () ->
                retrier(4, 0, Duration.ofMinutes(1), 0)
                    .call(n -> Outcome.retry("failure " + n), GaveUp::new));
    assertEquals("failure 4", e.lastFailure);
    assertEquals(Reason.ATTEMPTS, e.stop.reason());
    assertEquals(4, e.stop.attempts());
    assertEquals(Duration.ZERO, e.stop.nextWait());
    // 100 + 200 + 400 ms waited between the four attempts
    assertEquals(Duration.ofMillis(700), e.stop.elapsed());
    assertEquals(3, clock.sleeps().size());
  }

  @Test
  void call_jitter_shortensEachWaitByTheRandomFraction() {
    // u = 0.5 with jitter 0.5 shortens every wait by a quarter
    assertThrows(
        GaveUp.class,
        () ->
            retrier(5, 0.5, Duration.ofMinutes(1), 0.5).call(n -> Outcome.retry("x"), GaveUp::new));
    assertEquals(
        List.of(
            Duration.ofMillis(75),
            Duration.ofMillis(150),
            Duration.ofMillis(300),
            Duration.ofMillis(600)),
        clock.sleeps());
  }

  @Test
  void call_realRandom_waitsStayWithinTheJitterBounds() {
    RetryPolicy p =
        new RetryPolicy(
            12, Duration.ofMillis(100), Duration.ofSeconds(1), 0.5, Duration.ofHours(1));
    Retrier r = Retrier.of(p, clock, () -> ThreadLocalRandom.current().nextDouble());
    assertThrows(GaveUp.class, () -> r.call(n -> Outcome.retry("x"), GaveUp::new));
    List<Duration> sleeps = clock.sleeps();
    assertEquals(11, sleeps.size());
    for (int k = 1; k <= sleeps.size(); k++) {
      Duration b = p.backoff(k);
      Duration w = sleeps.get(k - 1);
      assertTrue(w.compareTo(b) <= 0 && w.compareTo(b.dividedBy(2)) >= 0, w + " for " + b);
    }
  }

  @Test
  void call_nextWaitWouldPassTheDeadline_givesUpWithoutWaiting() {
    // waits 100, 200, 400 (700 ms in all); the next one, 800 ms, would end after 1.2 s
    GaveUp e =
        assertThrows(
            GaveUp.class,
            () ->
                retrier(RetryPolicy.UNLIMITED_ATTEMPTS, 0, Duration.ofMillis(1200), 0)
                    .call(n -> Outcome.retry("n" + n), GaveUp::new));
    assertEquals(Reason.TIME, e.stop.reason());
    assertEquals(4, e.stop.attempts());
    assertEquals(Duration.ofMillis(800), e.stop.nextWait());
    assertEquals(Duration.ofMillis(700), e.stop.elapsed());
    assertEquals("n4", e.lastFailure);
    assertEquals(3, clock.sleeps().size());
  }

  @Test
  void call_slowAttempts_countTowardsTheDeadline() {
    GaveUp e =
        assertThrows(
            GaveUp.class,
            () ->
                retrier(10, 0, Duration.ofSeconds(1), 0)
                    .call(
                        n -> {
                          clock.advance(Duration.ofMillis(450));
                          return Outcome.retry("slow");
                        },
                        GaveUp::new));
    // 450 elapsed + 100 wait fits; 550 + 450 = 1000 elapsed, + 200 does not
    assertEquals(2, e.stop.attempts());
    assertEquals(Duration.ofMillis(1000), e.stop.elapsed());
  }

  @Test
  void call_retryAfter_waitsWhatTheFailureAsksWithoutJitter() throws GaveUp {
    String v =
        retrier(3, 0.5, Duration.ofMinutes(1), 0.9)
            .call(
                n ->
                    n == 1
                        ? Outcome.retryAfter("429", Duration.ofSeconds(7))
                        : Outcome.success("ok"),
                GaveUp::new);
    assertEquals("ok", v);
    assertEquals(List.of(Duration.ofSeconds(7)), clock.sleeps());
  }

  @Test
  void call_retryAfterBeyondDeadline_givesUp() {
    GaveUp e =
        assertThrows(
            GaveUp.class,
            () ->
                retrier(3, 0, Duration.ofSeconds(5), 0)
                    .call(
                        n -> Outcome.retryAfter("429", Duration.ofDays(365 * 1000)), GaveUp::new));
    assertEquals(Reason.TIME, e.stop.reason());
    assertEquals(1, e.stop.attempts());
  }

  @Test
  void call_failuresOutsideTheAttemptLimit_areRetriedPastItButCountForOthers() throws GaveUp {
    // two attempts allowed; a quota-like failure retried twice past that limit, then success
    String v =
        retrier(2, 0, Duration.ofMinutes(5), 0)
            .call(
                n ->
                    n <= 3
                        ? Outcome.retryOutsideAttemptLimit("quota", Duration.ofSeconds(60))
                        : Outcome.success("ok"),
                GaveUp::new);
    assertEquals("ok", v);
    assertEquals(3, clock.sleeps().size());
    // a counted failure after a quota retry: attempt 2 reaches the limit of 2
    GaveUp e =
        assertThrows(
            GaveUp.class,
            () ->
                retrier(2, 0, Duration.ofMinutes(5), 0)
                    .call(
                        n ->
                            n == 1
                                ? Outcome.retryOutsideAttemptLimit("quota", Duration.ofSeconds(1))
                                : Outcome.retry("5xx"),
                        GaveUp::new));
    assertEquals("5xx", e.lastFailure);
    assertEquals(Reason.ATTEMPTS, e.stop.reason());
    assertEquals(2, e.stop.attempts());
  }

  @Test
  void call_postponedAttempts_spendNoAttemptAndKeepTheirNumber() throws GaveUp {
    // two attempts allowed: three postponements, then a failure and a success still fit
    List<Integer> numbers = new ArrayList<>();
    AtomicInteger runs = new AtomicInteger();
    String v =
        retrier(2, 0, Duration.ofMinutes(5), 0)
            .call(
                n -> {
                  numbers.add(n);
                  int r = runs.incrementAndGet();
                  if (r <= 3) {
                    return Outcome.postpone("budget spent", Duration.ofSeconds(7));
                  }
                  return r == 4 ? Outcome.retry("5xx") : Outcome.success("ok");
                },
                GaveUp::new);
    assertEquals("ok", v);
    assertEquals(List.of(1, 1, 1, 1, 2), numbers);
    assertEquals(
        List.of(
            Duration.ofSeconds(7),
            Duration.ofSeconds(7),
            Duration.ofSeconds(7),
            Duration.ofMillis(100)),
        clock.sleeps());
  }

  @Test
  void call_postponedBeyondDeadline_givesUpHavingMadeNoAttempt() {
    GaveUp e =
        assertThrows(
            GaveUp.class,
            () ->
                retrier(3, 0, Duration.ofSeconds(10), 0)
                    .call(
                        n -> Outcome.postpone("budget spent", Duration.ofSeconds(4)), GaveUp::new));
    assertEquals(Reason.TIME, e.stop.reason());
    assertEquals(0, e.stop.attempts());
    assertEquals(List.of(Duration.ofSeconds(4), Duration.ofSeconds(4)), clock.sleeps());
  }

  @Test
  void call_attemptThrows_propagatesAtOnceWithoutRetry() {
    AtomicInteger calls = new AtomicInteger();
    IllegalStateException e =
        assertThrows(
            IllegalStateException.class,
            () ->
                retrier(5, 0, Duration.ofMinutes(1), 0)
                    .call(
                        n -> {
                          calls.incrementAndGet();
                          throw new IllegalStateException("not retryable");
                        },
                        GaveUp::new));
    assertEquals("not retryable", e.getMessage());
    assertEquals(1, calls.get());
    assertEquals(List.of(), clock.sleeps());
  }

  @Test
  void call_checkedExceptionOfTheAttempt_propagatesAsItIs() {
    GaveUp thrown = new GaveUp("mine", new Stop(Reason.ATTEMPTS, 1, Duration.ZERO, Duration.ZERO));
    GaveUp e =
        assertThrows(
            GaveUp.class,
            () ->
                retrier(5, 0, Duration.ofMinutes(1), 0)
                    .call(
                        n -> {
                          throw thrown;
                        },
                        GaveUp::new));
    assertSame(thrown, e);
  }

  @Test
  void call_interruptedWhileWaiting_givesUpAndKeepsTheInterruptFlag() {
    RetryClock interrupting =
        new RetryClock() {
          @Override
          public long nanoTime() {
            return 0;
          }

          @Override
          public void sleep(Duration duration) throws InterruptedException {
            throw new InterruptedException("stop");
          }
        };
    Retrier r =
        Retrier.of(
            new RetryPolicy(
                5, Duration.ofMillis(10), Duration.ofMillis(10), 0, Duration.ofMinutes(1)),
            interrupting,
            () -> 0);
    AtomicInteger calls = new AtomicInteger();
    try {
      GaveUp e =
          assertThrows(
              GaveUp.class,
              () ->
                  r.call(
                      n -> {
                        calls.incrementAndGet();
                        return Outcome.retry("busy");
                      },
                      GaveUp::new));
      assertEquals(Reason.INTERRUPTED, e.stop.reason());
      assertEquals(Duration.ofMillis(10), e.stop.nextWait());
      assertEquals(1, calls.get());
      assertTrue(Thread.currentThread().isInterrupted());
    } finally {
      Thread.interrupted(); // clear the flag for the next test on this thread
    }
  }

  @Test
  void call_systemClockInterruptedThread_givesUpAtTheFirstWait() {
    Retrier r =
        Retrier.of(
            new RetryPolicy(5, Duration.ofHours(1), Duration.ofHours(1), 0, Duration.ofDays(1)));
    Thread.currentThread().interrupt();
    try {
      GaveUp e = assertThrows(GaveUp.class, () -> r.call(n -> Outcome.retry("busy"), GaveUp::new));
      assertEquals(Reason.INTERRUPTED, e.stop.reason());
      assertTrue(Thread.currentThread().isInterrupted());
    } finally {
      Thread.interrupted();
    }
  }

  @Test
  void call_retryingHook_hearsEachRetryBeforeItsWait() throws GaveUp {
    List<String> heard = new ArrayList<>();
    AtomicReference<Integer> sleepsAtHook = new AtomicReference<>();
    Retrier.GiveUp<String, GaveUp> handler =
        new Retrier.GiveUp<>() {
          @Override
          public GaveUp giveUp(String lastFailure, Stop stop) {
            return new GaveUp(lastFailure, stop);
          }

          @Override
          public void retrying(String failure, int attempts, Duration wait) {
            heard.add(failure + "@" + attempts + "+" + wait.toMillis());
            sleepsAtHook.set(clock.sleeps().size());
          }
        };
    retrier(5, 0, Duration.ofMinutes(1), 0)
        .call(n -> n < 3 ? Outcome.retry("f" + n) : Outcome.success(n), handler);
    assertEquals(List.of("f1@1+100", "f2@2+200"), heard);
    assertEquals(1, sleepsAtHook.get());
  }

  @Test
  void of_badRandomSource_isReported() {
    Retrier r =
        Retrier.of(
            new RetryPolicy(
                3, Duration.ofMillis(1), Duration.ofMillis(1), 0.5, Duration.ofMinutes(1)),
            clock,
            () -> 1.0);
    assertThrows(IllegalStateException.class, () -> r.call(n -> Outcome.retry("x"), GaveUp::new));
    assertFalse(r.toString().isEmpty());
  }
}
