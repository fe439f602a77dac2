package io.scrilla.aws.lambda;

import com.fasterxml.jackson.databind.JsonNode;
import io.scrilla.api.config.ScrillaConfig;
import io.scrilla.api.error.ConfigurationException;
import io.scrilla.api.error.SafeText;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Which of scrilla's functions a deployment serves: every function that computes or retrieves,
 * limited by {@value #SCRILLA_FUNCTIONS_ALLOWED} and fixed by {@value #SCRILLA_FUNCTION}.
 *
 * <p>Functions are named as the commands of the command line, by their full names only; the
 * commands that print help or the version or empty the cache are not served.
 */
final class Functions {
  /** Variable fixing the one function a deployment serves. */
  static final String SCRILLA_FUNCTION = "SCRILLA_FUNCTION";

  /** Variable limiting the functions served: a comma-separated list of names. */
  static final String SCRILLA_FUNCTIONS_ALLOWED = "SCRILLA_FUNCTIONS_ALLOWED";

  /** The functions a deployment can serve, by their command names. */
  static final List<String> ALL =
      List.of(
          "risk-profile",
          "correlation",
          "optimize-portfolio",
          "optimize-cvar",
          "efficient-frontier",
          "max-return",
          "var",
          "cvar",
          "sharpe-ratio",
          "capm-beta",
          "capm-equity",
          "discount-dividend-model",
          "prices",
          "dividends",
          "yield-curve",
          "risk-free",
          "mov-averages");

  /** The event key naming the function. */
  static final String KEY = "function";

  private final Optional<String> fixed;
  private final Set<String> allowed;

  private Functions(Optional<String> fixed, Set<String> allowed) {
    this.fixed = fixed;
    this.allowed = allowed;
  }

  /**
   * Reads the functions served from the configuration.
   *
   * @throws ConfigurationException for a name that is not one of {@link #ALL}, or a fixed function
   *     that the allowed list leaves out
   */
  static Functions from(ScrillaConfig config) {
    Set<String> allowed = new LinkedHashSet<>(ALL);
    Optional<String> list = config.get(SCRILLA_FUNCTIONS_ALLOWED);
    if (list.isPresent()) {
      allowed.clear();
      for (String name : list.get().split(",")) {
        String n = name.strip();
        if (!n.isEmpty()) {
          allowed.add(known(SCRILLA_FUNCTIONS_ALLOWED, n));
        }
      }
      if (allowed.isEmpty()) {
        throw new ConfigurationException(
            SCRILLA_FUNCTIONS_ALLOWED
                + " names no function: list some of "
                + String.join(", ", ALL));
      }
    }
    Optional<String> fixed = config.get(SCRILLA_FUNCTION).map(f -> known(SCRILLA_FUNCTION, f));
    if (fixed.isPresent() && !allowed.contains(fixed.get())) {
      throw new ConfigurationException(
          SCRILLA_FUNCTION
              + "="
              + fixed.get()
              + " is not in "
              + SCRILLA_FUNCTIONS_ALLOWED
              + "="
              + list.orElse(""));
    }
    return new Functions(fixed, Set.copyOf(allowed));
  }

  private static String known(String variable, String name) {
    if (!ALL.contains(name)) {
      throw new ConfigurationException(
          variable
              + ": "
              + SafeText.quote(name)
              + " is not a function the handler serves; use one of "
              + String.join(", ", ALL));
    }
    return name;
  }

  /**
   * Returns the function an event asks for: its {@code "function"}, or the fixed one.
   *
   * @param event the event (an object)
   * @param commands the names of every command of the command line (to tell a refused command from
   *     an unknown name)
   * @throws Rejection {@link ErrorType#UNKNOWN_FUNCTION} for a missing or unknown name, {@link
   *     ErrorType#FORBIDDEN_FUNCTION} for a command not served here
   */
  String resolve(JsonNode event, Set<String> commands) {
    JsonNode node = event.get(KEY);
    if (node == null || node.isNull()) {
      return fixed.orElseThrow(
          () ->
              new Rejection(
                  ErrorType.UNKNOWN_FUNCTION,
                  "the event names no \"function\": give one of " + String.join(", ", served())));
    }
    if (!node.isTextual()) {
      throw new Rejection(
          ErrorType.UNKNOWN_FUNCTION,
          "\"function\" must be a name such as \"risk-profile\", not "
              + SafeText.quote(node.toString()));
    }
    String name = node.textValue();
    if (fixed.isPresent() && !fixed.get().equals(name)) {
      throw new Rejection(
          ErrorType.FORBIDDEN_FUNCTION,
          "this deployment serves only "
              + fixed.get()
              + " ("
              + SCRILLA_FUNCTION
              + "), not "
              + SafeText.quote(name)
              + "; leave out \"function\" or give \""
              + fixed.get()
              + "\"");
    }
    if (!ALL.contains(name)) {
      if (commands.contains(name)) {
        throw new Rejection(
            ErrorType.FORBIDDEN_FUNCTION,
            SafeText.quote(name)
                + " is not served by the Lambda handler, which serves these functions by their"
                + " full names: "
                + String.join(", ", served()));
      }
      throw new Rejection(
          ErrorType.UNKNOWN_FUNCTION,
          SafeText.quote(name)
              + " is not a function of scrilla; use one of "
              + String.join(", ", served()));
    }
    if (!allowed.contains(name)) {
      throw new Rejection(
          ErrorType.FORBIDDEN_FUNCTION,
          "this deployment does not serve "
              + name
              + " ("
              + SCRILLA_FUNCTIONS_ALLOWED
              + "); it serves "
              + String.join(", ", served()));
    }
    return name;
  }

  /** Returns the functions served, in the order of {@link #ALL}. */
  List<String> served() {
    if (fixed.isPresent()) {
      return List.of(fixed.get());
    }
    List<String> out = new ArrayList<>(ALL);
    out.retainAll(allowed);
    return out;
  }
}
