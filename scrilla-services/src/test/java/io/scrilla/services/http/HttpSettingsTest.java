package io.scrilla.services.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.scrilla.api.error.ConfigurationException;
import io.scrilla.api.retry.RetryPolicy;
import java.time.Duration;
import org.junit.jupiter.api.Test;

class HttpSettingsTest {

  @Test
  void defaults_areTheDocumentedConstants() {
    HttpSettings s = HttpSettings.defaults();
    assertEquals(Duration.ofSeconds(10), s.connectTimeout());
    assertEquals(Duration.ofSeconds(60), s.quotaWait());
    assertEquals(4, s.maxAttempts());
    assertEquals(2, s.quotaRetries());
    assertEquals(s, s.toBuilder().build());
  }

  @Test
  void retryPolicy_carriesTheLimits_backoffDoublesUpToTheMaximum() {
    HttpSettings s =
        HttpSettings.builder()
            .maxAttempts(7)
            .maxRetryTime(Duration.ofSeconds(40))
            .initialBackoff(Duration.ofMillis(300))
            .maxBackoff(Duration.ofSeconds(5))
            .build();
    RetryPolicy p = s.retryPolicy();
    assertEquals(7, p.maxAttempts());
    assertEquals(Duration.ofSeconds(40), p.maxElapsed());
    assertEquals(0.5, p.jitter());
    long[] expectedMs = {300, 600, 1200, 2400, 4800, 5000, 5000};
    for (int k = 1; k <= expectedMs.length; k++) {
      assertEquals(Duration.ofMillis(expectedMs[k - 1]), p.backoff(k), "retry " + k);
    }
    assertEquals(Duration.ofSeconds(5), p.backoff(200));
  }

  @Test
  void build_zeroAttempts_failsNamingTheSetting() {
    ConfigurationException e =
        assertThrows(
            ConfigurationException.class, () -> HttpSettings.builder().maxAttempts(0).build());
    assertTrue(e.getMessage().contains("maxAttempts"), e.getMessage());
  }

  @Test
  void build_nonPositiveTimeout_failsNamingTheSetting() {
    ConfigurationException e =
        assertThrows(
            ConfigurationException.class,
            () -> HttpSettings.builder().requestTimeout(Duration.ZERO).build());
    assertTrue(e.getMessage().contains("requestTimeout"), e.getMessage());
  }

  @Test
  void build_negativeQuotaRetries_fails() {
    assertThrows(
        ConfigurationException.class, () -> HttpSettings.builder().quotaRetries(-1).build());
  }
}
