package io.scrilla.api.error;

/**
 * A remote service answered, but its answer cannot be used: not JSON or XML, cut short, or holding
 * bad data (a price that is not a number, a repeated date). Code {@link ErrorCode#PARSE}; no HTTP
 * status (the transfer itself succeeded). Nothing from such an answer is returned or cached.
 *
 * <p>{@link #retryable()} is true when the answer looks cut short or corrupted in transit (a retry
 * may get a whole one), false when well-formed data is wrong.
 */
public class MalformedResponseException extends ServiceException {
  private static final long serialVersionUID = 1L;

  /**
   * Creates the exception.
   *
   * @param message the request, what is wrong with the answer, never the key
   * @param retryable whether fetching again may give a usable answer
   */
  public MalformedResponseException(String message, boolean retryable) {
    super(ErrorCode.PARSE, message, -1, retryable, null);
  }
}
