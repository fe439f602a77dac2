package io.scrilla.commands;

import io.scrilla.api.error.SafeText;
import io.scrilla.api.error.ScrillaException;

/**
 * The user's view of a failure: one line in the user's terms, the same for the command line and the
 * AWS Lambda handler.
 */
public final class Failures {
  private Failures() {}

  /**
   * Returns the one-line message of a failure: a {@link ScrillaException}'s message (written for
   * users), or for anything else an internal error with its message but not the name of its class;
   * line breaks become {@code "; "} and control characters are escaped.
   *
   * @param ex the failure
   * @return the message, without a prefix
   */
  public static String message(Throwable ex) {
    if (ex instanceof ScrillaException) {
      return oneLine(ex.getMessage());
    }
    if (ex instanceof OutOfMemoryError) {
      return oneLine(
          "the command ran out of memory; ask for less (fewer tickers, a shorter"
              + " window, fewer --steps) or give Java more memory (java -Xmx2g -jar ...)");
    }
    String m = ex.getMessage();
    return oneLine(
        "internal error"
            + (m == null || m.isBlank() ? "" : ": " + m)
            + "; run with --debug for details");
  }

  /**
   * Returns a message on one line: stripped, line breaks replaced by {@code "; "}, control
   * characters escaped ({@link SafeText}).
   *
   * @param message the message, or null
   * @return the line ({@code "failed"} for null)
   */
  public static String oneLine(String message) {
    String m = message == null ? "failed" : message.strip().replaceAll("\\s*\\R\\s*", "; ");
    return SafeText.of(m);
  }
}
