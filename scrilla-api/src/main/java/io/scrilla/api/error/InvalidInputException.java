package io.scrilla.api.error;

/**
 * Input a caller can correct: an unknown ticker or method, dates in the wrong order, an empty
 * window, a non-positive price, a NaN.
 */
public class InvalidInputException extends ScrillaException {
  private static final long serialVersionUID = 1L;

  /**
   * Creates the exception.
   *
   * @param message what is wrong and how to fix it
   */
  public InvalidInputException(String message) {
    super(ErrorCode.INVALID_INPUT, message);
  }

  /**
   * Creates the exception with a cause.
   *
   * @param message what is wrong and how to fix it
   * @param cause the underlying failure
   */
  public InvalidInputException(String message, Throwable cause) {
    super(ErrorCode.INVALID_INPUT, message, cause);
  }
}
