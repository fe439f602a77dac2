package io.scrilla.services.http;

import io.scrilla.api.error.ErrorCode;
import io.scrilla.api.error.ServiceException;
import java.time.Duration;
import java.util.Optional;

/**
 * A service refused a request because the caller's quota is used up: an HTTP 429, or an
 * AlphaVantage answer holding a rate-limit note. Always {@linkplain #retryable() retryable}.
 *
 * <p>{@link #shortTerm()} tells whether the limit resets within minutes (a per-minute or per-second
 * limit, or an HTTP 429) so that waiting in-process is worthwhile; a daily limit is not waited for.
 * Code {@link ErrorCode#QUOTA_EXCEEDED}. The message never contains an API key.
 */
public class QuotaExceededException extends ServiceException {
  private static final long serialVersionUID = 1L;
  private final Duration retryAfter; // null when the service named no wait
  private final boolean shortTerm;

  /**
   * Creates the exception.
   *
   * @param message what was refused and how to cope, never the key
   * @param httpStatus the HTTP status, or -1
   * @param retryAfter the wait the service asked for, or {@code null}
   * @param shortTerm whether the limit resets within minutes
   */
  public QuotaExceededException(
      String message, int httpStatus, Duration retryAfter, boolean shortTerm) {
    this(message, httpStatus, retryAfter, shortTerm, null);
  }

  /**
   * Creates the exception with a cause.
   *
   * @param message what was refused and how to cope, never the key
   * @param httpStatus the HTTP status, or -1
   * @param retryAfter the wait the service asked for, or {@code null}
   * @param shortTerm whether the limit resets within minutes
   * @param cause the underlying failure, or {@code null}
   */
  public QuotaExceededException(
      String message, int httpStatus, Duration retryAfter, boolean shortTerm, Throwable cause) {
    super(ErrorCode.QUOTA_EXCEEDED, message, httpStatus, true, cause);
    this.retryAfter = retryAfter;
    this.shortTerm = shortTerm;
  }

  /** Returns the wait the service asked for ({@code Retry-After}), if it named one. */
  public Optional<Duration> retryAfter() {
    return Optional.ofNullable(retryAfter);
  }

  /** Returns whether the limit resets within minutes, so that a retry after a wait may succeed. */
  public boolean shortTerm() {
    return shortTerm;
  }

  /**
   * Returns a copy with a new message (e.g. saying how many retries were made), keeping the status,
   * wait and kind.
   *
   * @param message the new message
   * @return the copy, with this exception as its cause
   */
  public QuotaExceededException withMessage(String message) {
    int status = httpStatus().orElse(-1);
    return new QuotaExceededException(message, status, retryAfter, shortTerm, this);
  }
}
