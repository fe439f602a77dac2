package io.scrilla.api.retry;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class RetryPolicyTest {
  private static final RetryPolicy POLICY =
      new RetryPolicy(
          10, Duration.ofMillis(50), Duration.ofSeconds(2), 0.5, Duration.ofSeconds(30));

  @Test
  void backoff_doublesFromInitialUpToMax() {
    long[] expectedMillis = {50, 100, 200, 400, 800, 1600, 2000, 2000};
    for (int k = 1; k <= expectedMillis.length; k++) {
      assertEquals(Duration.ofMillis(expectedMillis[k - 1]), POLICY.backoff(k), "retry " + k);
    }
  }

  @Test
  void backoff_hugeRetryNumberOrDurations_capsWithoutOverflow() {
    assertEquals(Duration.ofSeconds(2), POLICY.backoff(Integer.MAX_VALUE));
    RetryPolicy huge =
        new RetryPolicy(
            3, Duration.ofDays(365_000), Duration.ofDays(3_650_000), 0, Duration.ofDays(1));
    assertEquals(Duration.ofNanos(Long.MAX_VALUE), huge.backoff(40));
  }

  @Test
  void wait_jitterHalf_staysWithinHalfToFullBackoff() {
    for (int k = 1; k <= 8; k++) {
      Duration b = POLICY.backoff(k);
      assertEquals(b, POLICY.delay(k, 0.0), "u = 0 keeps the back-off");
      Duration shortest = POLICY.delay(k, Math.nextDown(1.0));
      assertTrue(shortest.compareTo(b.dividedBy(2)) >= 0, shortest + " for " + b);
      assertTrue(shortest.toNanos() - b.toNanos() / 2 <= 1, shortest + " for " + b);
      assertEquals(b.toNanos() - b.toNanos() / 4, POLICY.delay(k, 0.5).toNanos());
    }
  }

  @Test
  void wait_noJitter_isTheBackoff() {
    RetryPolicy exact =
        new RetryPolicy(5, Duration.ofMillis(5), Duration.ofMillis(200), 0, Duration.ofSeconds(30));
    assertEquals(Duration.ofMillis(40), exact.delay(4, 0.99));
    assertEquals(Duration.ofMillis(200), exact.delay(7, 0.5));
  }

  @Test
  void constructor_invalidValues_throw() {
    Duration s = Duration.ofSeconds(1);
    assertThrows(IllegalArgumentException.class, () -> new RetryPolicy(0, s, s, 0, s));
    assertThrows(IllegalArgumentException.class, () -> new RetryPolicy(1, s.negated(), s, 0, s));
    assertThrows(IllegalArgumentException.class, () -> new RetryPolicy(1, s, s, 1.5, s));
    assertThrows(IllegalArgumentException.class, () -> new RetryPolicy(1, s, s, Double.NaN, s));
    assertThrows(IllegalArgumentException.class, () -> new RetryPolicy(1, s, s, 0, s.negated()));
    assertThrows(NullPointerException.class, () -> new RetryPolicy(1, null, s, 0, s));
    assertThrows(IllegalArgumentException.class, () -> POLICY.backoff(0));
    assertThrows(IllegalArgumentException.class, () -> POLICY.delay(1, 1.0));
  }
}
