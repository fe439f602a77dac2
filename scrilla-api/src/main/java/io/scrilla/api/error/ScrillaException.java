package io.scrilla.api.error;

import java.util.Objects;

/**
 * Root of every exception this library throws; unchecked.
 *
 * <p>Each exception carries a stable {@link #code()} that callers and scripts can match on; the
 * message states the value seen, what is allowed and how to fix it. Every message is made safe on
 * construction by {@link SafeText#of}: registered secrets (API keys) are masked in every form and
 * control characters (terminal escape sequences) are escaped, wherever the text came from.
 */
public class ScrillaException extends RuntimeException {
  private static final long serialVersionUID = 1L;
  private final ErrorCode code;

  /**
   * Creates an exception.
   *
   * @param code the stable kind of failure, e.g. {@link ErrorCode#INVALID_INPUT}
   * @param message what is wrong and how to fix it
   */
  public ScrillaException(ErrorCode code, String message) {
    super(SafeText.of(message));
    this.code = Objects.requireNonNull(code, "code");
  }

  /**
   * Creates an exception with a cause.
   *
   * @param code the stable kind of failure
   * @param message what is wrong and how to fix it
   * @param cause the underlying failure
   */
  public ScrillaException(ErrorCode code, String message, Throwable cause) {
    super(SafeText.of(message), cause);
    this.code = Objects.requireNonNull(code, "code");
  }

  /** Returns the stable kind of this failure, e.g. {@link ErrorCode#CONFIGURATION}. */
  public ErrorCode code() {
    return code;
  }
}
