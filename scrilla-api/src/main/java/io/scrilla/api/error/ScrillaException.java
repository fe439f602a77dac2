package io.scrilla.api.error;

/**
 * Root of every exception this library throws; unchecked.
 *
 * <p>Each subtype carries a stable {@link #code()} that callers and scripts can match on; the
 * message states the value seen, what is allowed and how to fix it. Messages never contain a
 * secret such as an API key.
 */
public class ScrillaException extends RuntimeException {
  private static final long serialVersionUID = 1L;
  private final String code;

  /**
   * Creates an exception.
   *
   * @param code stable machine-readable code, e.g. {@code "INVALID_INPUT"}
   * @param message what is wrong and how to fix it
   */
  public ScrillaException(String code, String message) {
    super(message);
    this.code = code;
  }

  /**
   * Creates an exception with a cause.
   *
   * @param code stable machine-readable code
   * @param message what is wrong and how to fix it
   * @param cause the underlying failure
   */
  public ScrillaException(String code, String message, Throwable cause) {
    super(message, cause);
    this.code = code;
  }

  /** Returns the stable code of this kind of failure, e.g. {@code "CONFIGURATION"}. */
  public String code() {
    return code;
  }
}
