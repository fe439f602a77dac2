package io.scrilla.api.error;

import java.util.OptionalInt;

/**
 * A remote data service failed: a transport error, an HTTP error status, a quota answer, or a body
 * that cannot be parsed.
 *
 * <p>{@link #retryable()} tells whether the same request may succeed later (connection errors, 5xx,
 * 429, quota notes); {@link #httpStatus()} is present when the service answered with a status. The
 * message never contains an API key.
 */
public class ServiceException extends ScrillaException {
  private static final long serialVersionUID = 1L;
  private final int httpStatus;
  private final boolean retryable;

  /**
   * Creates the exception.
   *
   * @param message what failed, naming the service and ticker, never the key
   * @param httpStatus the HTTP status, or {@code -1} when there was none
   * @param retryable whether the same request may succeed later
   * @param cause the underlying failure, or {@code null}
   */
  public ServiceException(String message, int httpStatus, boolean retryable, Throwable cause) {
    super("SERVICE", message, cause);
    this.httpStatus = httpStatus;
    this.retryable = retryable;
  }

  /**
   * Creates the exception without an HTTP status or cause.
   *
   * @param message what failed
   * @param retryable whether the same request may succeed later
   */
  public ServiceException(String message, boolean retryable) {
    this(message, -1, retryable, null);
  }

  /** Returns the HTTP status the service answered with, if it answered. */
  public OptionalInt httpStatus() {
    return httpStatus < 0 ? OptionalInt.empty() : OptionalInt.of(httpStatus);
  }

  /** Returns whether the same request may succeed later. */
  public boolean retryable() {
    return retryable;
  }
}
