package io.scrilla.aws.lambda;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.scrilla.api.error.ScrillaException;
import io.scrilla.commands.Failures;
import io.scrilla.commands.Json;
import java.util.Objects;

/**
 * What the handler answers: the JSON text (a command's {@code --json} output, or an error object)
 * and the HTTP status a proxy response carries.
 *
 * @param status 200, or the status of the error's {@link ErrorType}
 * @param json the JSON text
 */
record Reply(int status, String json) {
  /** Checks the parts. */
  Reply {
    Objects.requireNonNull(json, "json");
  }

  /** Returns a successful answer with the command's JSON. */
  static Reply ok(String json) {
    return new Reply(200, json);
  }

  /**
   * Returns {@code {"error": {"type": ..., "message": ...}}} with the type's status.
   *
   * @param type the kind of failure
   * @param message one line in the caller's terms, already safe to show
   */
  static Reply error(ErrorType type, String message) {
    ObjectNode root = Json.object();
    ObjectNode error = root.putObject("error");
    error.put("type", type.type());
    error.put("message", message);
    return new Reply(type.status(), Json.write(root));
  }

  /**
   * Returns the error answer of a failure: a refusal's or a library failure's own message (written
   * for users, secrets masked), and for anything else only a pointer to the function's log, where
   * the handler writes the details: a fault inside scrilla must not show its internals.
   */
  static Reply failure(Throwable failure) {
    return error(ErrorType.of(failure), message(failure));
  }

  private static String message(Throwable failure) {
    if (failure instanceof Rejection r) {
      return r.getMessage();
    }
    if (failure instanceof ScrillaException) {
      return Failures.message(failure);
    }
    if (failure instanceof OutOfMemoryError) {
      return "the function ran out of memory; ask for less (fewer tickers, a shorter window,"
          + " fewer steps) or give the function more memory (MemorySize)";
    }
    return "internal error in scrilla; the function's log has the details";
  }
}
