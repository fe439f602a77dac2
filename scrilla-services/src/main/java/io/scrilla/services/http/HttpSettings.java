package io.scrilla.services.http;

import io.scrilla.api.error.ConfigurationException;
import io.scrilla.api.retry.RetryPolicy;
import java.time.Duration;
import java.util.Objects;

/**
 * Timeouts and retry limits of the live data sources; immutable and thread-safe.
 *
 * <p>Failed attempts (connection errors, timeouts, HTTP 5xx and 429) are retried as {@link
 * #retryPolicy()} says: up to {@link #maxAttempts()} attempts in all, with the exponential back-off
 * and jitter of {@link RetryPolicy}; an HTTP 429 with {@code Retry-After: s} waits {@code s}
 * seconds instead. A quota answer (AlphaVantage's "Note") waits {@link #quotaWait()} and is retried
 * at most {@link #quotaRetries()} times. No retry starts when its wait would end more than {@link
 * #maxRetryTime()} after the first attempt began.
 *
 * <pre>{@code
 * HttpSettings s =
 *     HttpSettings.builder().requestTimeout(Duration.ofSeconds(10)).quotaRetries(0).build();
 * }</pre>
 *
 * @param connectTimeout the limit for opening a connection
 * @param requestTimeout the limit for one whole request, from sending to the last body byte
 * @param maxAttempts attempts in all for transport errors, 5xx and 429, at least 1
 * @param initialBackoff the wait before the first retry, before jitter
 * @param maxBackoff the longest wait between two attempts, before jitter
 * @param maxRetryTime the longest time from the first attempt to the start of the last one
 * @param quotaWait the wait after a quota answer that gives no {@code Retry-After}
 * @param quotaRetries how many times a quota answer is retried, 0 or more
 * @param userAgent the {@code User-Agent} header
 */
public record HttpSettings(
    Duration connectTimeout,
    Duration requestTimeout,
    int maxAttempts,
    Duration initialBackoff,
    Duration maxBackoff,
    Duration maxRetryTime,
    Duration quotaWait,
    int quotaRetries,
    String userAgent) {

  /** Default connect timeout: 10 s. */
  public static final Duration DEFAULT_CONNECT_TIMEOUT = Duration.ofSeconds(10);

  /** Default request timeout: 60 s (a full AlphaVantage history is several megabytes). */
  public static final Duration DEFAULT_REQUEST_TIMEOUT = Duration.ofSeconds(60);

  /** Default number of attempts: 4. */
  public static final int DEFAULT_MAX_ATTEMPTS = 4;

  /** Default first back-off: 1 s. */
  public static final Duration DEFAULT_INITIAL_BACKOFF = Duration.ofSeconds(1);

  /** Default longest back-off: 20 s. */
  public static final Duration DEFAULT_MAX_BACKOFF = Duration.ofSeconds(20);

  /** Default bound on the whole retry loop: 3 minutes. */
  public static final Duration DEFAULT_MAX_RETRY_TIME = Duration.ofMinutes(3);

  /** Default wait after a quota answer: 60 s (AlphaVantage's per-minute window). */
  public static final Duration DEFAULT_QUOTA_WAIT = Duration.ofSeconds(60);

  /** Default number of retries after quota answers: 2. */
  public static final int DEFAULT_QUOTA_RETRIES = 2;

  /** Default user agent. */
  public static final String DEFAULT_USER_AGENT = "scrilla-jvm";

  /** The largest random fraction by which a back-off is shortened: waits lie in (b/2, b]. */
  private static final double JITTER = 0.5;

  /** Checks every value. */
  public HttpSettings {
    positive(connectTimeout, "connectTimeout");
    positive(requestTimeout, "requestTimeout");
    notNegative(initialBackoff, "initialBackoff");
    notNegative(maxBackoff, "maxBackoff");
    notNegative(maxRetryTime, "maxRetryTime");
    notNegative(quotaWait, "quotaWait");
    Objects.requireNonNull(userAgent, "userAgent");
    if (maxAttempts < 1) {
      throw new ConfigurationException(
          "HTTP maxAttempts " + maxAttempts + " is not allowed: use 1 (no retry) or more");
    }
    if (quotaRetries < 0) {
      throw new ConfigurationException(
          "HTTP quotaRetries " + quotaRetries + " is not allowed: use 0 (no retry) or more");
    }
    if (userAgent.isBlank()) {
      throw new ConfigurationException("HTTP userAgent is blank: give a product name");
    }
  }

  /** Returns the defaults listed on the constants of this class. */
  public static HttpSettings defaults() {
    return builder().build();
  }

  /** Returns a builder starting from the defaults. */
  public static Builder builder() {
    return new Builder();
  }

  /** Returns a builder starting from these settings. */
  public Builder toBuilder() {
    return new Builder()
        .connectTimeout(connectTimeout)
        .requestTimeout(requestTimeout)
        .maxAttempts(maxAttempts)
        .initialBackoff(initialBackoff)
        .maxBackoff(maxBackoff)
        .maxRetryTime(maxRetryTime)
        .quotaWait(quotaWait)
        .quotaRetries(quotaRetries)
        .userAgent(userAgent);
  }

  /**
   * Returns the retry policy of these settings: {@link #maxAttempts()}, the back-off from {@link
   * #initialBackoff()} doubling up to {@link #maxBackoff()} with jitter 0.5 (a back-off {@code b}
   * waits between {@code b/2} and {@code b}), and {@link #maxRetryTime()} in all. The quota retries
   * are counted by {@link HttpFetcher} itself.
   *
   * @return the policy the fetcher's retries follow
   */
  public RetryPolicy retryPolicy() {
    return new RetryPolicy(maxAttempts, initialBackoff, maxBackoff, JITTER, maxRetryTime);
  }

  private static void positive(Duration d, String name) {
    Objects.requireNonNull(d, name);
    if (d.isNegative() || d.isZero()) {
      throw new ConfigurationException(
          "HTTP " + name + " " + d + " is not allowed: use a positive duration");
    }
  }

  private static void notNegative(Duration d, String name) {
    Objects.requireNonNull(d, name);
    if (d.isNegative()) {
      throw new ConfigurationException(
          "HTTP " + name + " " + d + " is not allowed: use zero or more");
    }
  }

  /** Builds {@link HttpSettings}; starts from the defaults. */
  public static final class Builder {
    private Duration connectTimeout = DEFAULT_CONNECT_TIMEOUT;
    private Duration requestTimeout = DEFAULT_REQUEST_TIMEOUT;
    private int maxAttempts = DEFAULT_MAX_ATTEMPTS;
    private Duration initialBackoff = DEFAULT_INITIAL_BACKOFF;
    private Duration maxBackoff = DEFAULT_MAX_BACKOFF;
    private Duration maxRetryTime = DEFAULT_MAX_RETRY_TIME;
    private Duration quotaWait = DEFAULT_QUOTA_WAIT;
    private int quotaRetries = DEFAULT_QUOTA_RETRIES;
    private String userAgent = DEFAULT_USER_AGENT;

    private Builder() {}

    /** Sets the connect timeout. */
    public Builder connectTimeout(Duration d) {
      this.connectTimeout = d;
      return this;
    }

    /** Sets the timeout of one whole request. */
    public Builder requestTimeout(Duration d) {
      this.requestTimeout = d;
      return this;
    }

    /** Sets the number of attempts in all (1 disables retries). */
    public Builder maxAttempts(int n) {
      this.maxAttempts = n;
      return this;
    }

    /** Sets the wait before the first retry. */
    public Builder initialBackoff(Duration d) {
      this.initialBackoff = d;
      return this;
    }

    /** Sets the longest wait between attempts. */
    public Builder maxBackoff(Duration d) {
      this.maxBackoff = d;
      return this;
    }

    /** Sets the bound on the whole retry loop. */
    public Builder maxRetryTime(Duration d) {
      this.maxRetryTime = d;
      return this;
    }

    /** Sets the wait after a quota answer. */
    public Builder quotaWait(Duration d) {
      this.quotaWait = d;
      return this;
    }

    /** Sets the number of retries after quota answers (0 disables them). */
    public Builder quotaRetries(int n) {
      this.quotaRetries = n;
      return this;
    }

    /** Sets the {@code User-Agent} header. */
    public Builder userAgent(String agent) {
      this.userAgent = agent;
      return this;
    }

    /**
     * Builds and checks the settings.
     *
     * @throws ConfigurationException naming a value that is out of range
     */
    public HttpSettings build() {
      return new HttpSettings(
          connectTimeout,
          requestTimeout,
          maxAttempts,
          initialBackoff,
          maxBackoff,
          maxRetryTime,
          quotaWait,
          quotaRetries,
          userAgent);
    }
  }
}
