package io.scrilla.aws.lambda;

import io.scrilla.api.config.ScrillaConfig;
import io.scrilla.api.error.SafeText;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * The function's log: slf4j writes through {@code java.util.logging} to stderr, which Lambda sends
 * to CloudWatch, one line per record ({@code LEVEL logger: message}, then the stack trace if any).
 * {@code LOG_LEVEL} (trace, debug, info, warn, error, off; default info) sets the level.
 */
final class LambdaLogging {
  /** The JDK property holding the line format of {@code java.util.logging}'s console. */
  static final String FORMAT_PROPERTY = "java.util.logging.SimpleFormatter.format";

  private static final Map<String, Level> LEVELS =
      Map.of(
          "trace", Level.FINEST,
          "debug", Level.FINE,
          "info", Level.INFO,
          "warn", Level.WARNING,
          "warning", Level.WARNING,
          "error", Level.SEVERE,
          "off", Level.OFF);

  private LambdaLogging() {}

  /**
   * Sets the line format (unless set already) and the level; call before the first log line. An
   * unknown level is reported on stderr and the default kept: logging must not stop the function.
   */
  static void configure(ScrillaConfig config) {
    if (System.getProperty(FORMAT_PROPERTY) == null) {
      System.setProperty(FORMAT_PROPERTY, "%4$s %3$s: %5$s%6$s%n");
    }
    Optional<String> name = config.get(ScrillaConfig.LOG_LEVEL);
    if (name.isEmpty()) {
      return;
    }
    Level level = LEVELS.get(name.get().toLowerCase(Locale.ROOT));
    if (level == null) {
      System.err.println(
          "WARNING "
              + ScrillaConfig.LOG_LEVEL
              + "="
              + SafeText.quote(name.get())
              + " is not a level (trace, debug, info, warn, error, off): logging at info");
      return;
    }
    Logger root = Logger.getLogger("");
    root.setLevel(level);
    for (Handler h : root.getHandlers()) {
      h.setLevel(level);
    }
  }
}
