package io.scrilla.api.error;

/** The configured source has no price (or rate, or dividend) for the ticker and dates asked for. */
public class PriceUnavailableException extends ScrillaException {
  private static final long serialVersionUID = 1L;

  /**
   * Creates the exception.
   *
   * @param message what is wrong and how to fix it
   */
  public PriceUnavailableException(String message) {
    super(ErrorCode.PRICE_UNAVAILABLE, message);
  }

  /**
   * Creates the exception with a cause.
   *
   * @param message what is wrong and how to fix it
   * @param cause the underlying failure
   */
  public PriceUnavailableException(String message, Throwable cause) {
    super(ErrorCode.PRICE_UNAVAILABLE, message, cause);
  }
}
