package io.scrilla.api.error;

/** A cache backend failed to read or write; no partial write is reported as success. */
public class CacheException extends ScrillaException {
  private static final long serialVersionUID = 1L;

  /**
   * Creates the exception.
   *
   * @param message what is wrong and how to fix it
   */
  public CacheException(String message) {
    super(ErrorCode.CACHE, message);
  }

  /**
   * Creates the exception with a cause.
   *
   * @param message what is wrong and how to fix it
   * @param cause the underlying failure
   */
  public CacheException(String message, Throwable cause) {
    super(ErrorCode.CACHE, message, cause);
  }
}
