package io.scrilla.aws.lambda;

import io.scrilla.commands.Failures;
import java.util.Objects;

/** The handler refuses an event: its type and a one-line message in the caller's terms. */
final class Rejection extends RuntimeException {
  private static final long serialVersionUID = 1L;

  /** The type of the refusal. */
  private final ErrorType type;

  /**
   * Creates the refusal.
   *
   * @param type its type, e.g. {@link ErrorType#UNKNOWN_FUNCTION}
   * @param message what is wrong and how to fix it; made safe ({@link Failures#oneLine})
   */
  Rejection(ErrorType type, String message) {
    super(Failures.oneLine(message), null, false, false);
    this.type = Objects.requireNonNull(type, "type");
  }

  /** Returns the type. */
  ErrorType type() {
    return type;
  }
}
