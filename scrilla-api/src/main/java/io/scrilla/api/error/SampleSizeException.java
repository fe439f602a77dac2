package io.scrilla.api.error;

/**
 * The sample is too small for the requested statistic, e.g. fewer than two prices for a return, or
 * fewer than three dividend payments for the discount dividend model.
 */
public class SampleSizeException extends ScrillaException {
  private static final long serialVersionUID = 1L;

  /**
   * Creates the exception.
   *
   * @param message what is wrong and how to fix it
   */
  public SampleSizeException(String message) {
    super(ErrorCode.SAMPLE_TOO_SMALL, message);
  }

  /**
   * Creates the exception with a cause.
   *
   * @param message what is wrong and how to fix it
   * @param cause the underlying failure
   */
  public SampleSizeException(String message, Throwable cause) {
    super(ErrorCode.SAMPLE_TOO_SMALL, message, cause);
  }
}
