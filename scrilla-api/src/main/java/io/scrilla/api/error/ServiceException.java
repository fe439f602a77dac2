package io.scrilla.api.error;

import java.util.OptionalInt;

/**
 * A remote data service failed: a transport error, an HTTP error status, a refusal or a quota
 * answer; an answer that cannot be used is the subtype {@link MalformedResponseException}.
 *
 * <p>{@link #retryable()} tells whether the same request may succeed later (connection errors, 5xx,
 * 429, quota notes); {@link #httpStatus()} is present when the service answered with an error
 * status. The {@link #code()} is {@link ErrorCode#SERVICE_UNAVAILABLE} for a retryable failure and
 * {@link ErrorCode#SERVICE_REFUSED} otherwise, unless a subtype names another. The message never
 * contains an API key.
 */
public class ServiceException extends ScrillaException {
  private static final long serialVersionUID = 1L;
  private final int httpStatus;
  private final boolean retryable;

  /**
   * Creates the exception with the code its retryability implies.
   *
   * @param message what failed, naming the service and ticker, never the key
   * @param httpStatus the HTTP status, or {@code -1} when there was none
   * @param retryable whether the same request may succeed later
   * @param cause the underlying failure, or {@code null}
   */
  public ServiceException(String message, int httpStatus, boolean retryable, Throwable cause) {
    this(
        retryable ? ErrorCode.SERVICE_UNAVAILABLE : ErrorCode.SERVICE_REFUSED,
        message,
        httpStatus,
        retryable,
        cause);
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

  /**
   * Creates the exception with an explicit code (for subtypes such as a quota refusal).
   *
   * @param code the stable kind of failure
   * @param message what failed, never the key
   * @param httpStatus the HTTP status, or {@code -1} when there was none
   * @param retryable whether the same request may succeed later
   * @param cause the underlying failure, or {@code null}
   */
  protected ServiceException(
      ErrorCode code, String message, int httpStatus, boolean retryable, Throwable cause) {
    super(code, message, cause);
    this.httpStatus = httpStatus;
    this.retryable = retryable;
  }

  /** Returns the HTTP status the service answered with, if it answered with one that matters. */
  public OptionalInt httpStatus() {
    return httpStatus < 0 ? OptionalInt.empty() : OptionalInt.of(httpStatus);
  }

  /** Returns whether the same request may succeed later. */
  public boolean retryable() {
    return retryable;
  }
}
