package io.scrilla.api.error;

/**
 * The stable, machine-readable kind of a failure, carried by every {@link ScrillaException}.
 *
 * <p>Scripts and callers match on the code rather than on the message (whose wording may improve)
 * or on the exception class (a subtype may be added). Codes are never renamed or removed; new ones
 * may be added.
 *
 * <pre>{@code
 * try {
 *   scrilla.riskProfile(asset, range, method);
 * } catch (ScrillaException e) {
 *   if (e.code() == ErrorCode.QUOTA_EXCEEDED) {
 *     // try again tomorrow
 *   }
 * }
 * }</pre>
 */
public enum ErrorCode {
  /** Input the caller can correct: a bad ticker, date, number, option or data file. */
  INVALID_INPUT,
  /** A configuration value (environment variable, system property, builder setting) is invalid. */
  CONFIGURATION,
  /** The sample is too small for the statistic asked for, e.g. fewer than two prices. */
  SAMPLE_TOO_SMALL,
  /** The configured source has no price, rate or dividend for the ticker and dates asked for. */
  PRICE_UNAVAILABLE,
  /**
   * A remote service could not be reached or failed on its side (connection error, timeout, HTTP
   * 5xx); the same request may succeed later.
   */
  SERVICE_UNAVAILABLE,
  /**
   * A remote service refused the request (HTTP 4xx, a rejected API key, a premium-only function);
   * repeating it unchanged will not help.
   */
  SERVICE_REFUSED,
  /** A remote service refused the request because the caller's quota (rate limit) is used up. */
  QUOTA_EXCEEDED,
  /** A remote service's answer cannot be used: cut short, malformed, or holding bad data. */
  PARSE,
  /** A cache backend failed to read or write. */
  CACHE,
  /** A data source or cache broke its contract (for example returned another ticker's prices). */
  INTERNAL
}
