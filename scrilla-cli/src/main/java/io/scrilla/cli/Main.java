package io.scrilla.cli;

import io.scrilla.api.config.ScrillaConfig;
import io.scrilla.api.error.ConfigurationException;
import io.scrilla.api.error.SafeText;
import io.scrilla.api.error.ScrillaException;
import io.scrilla.core.Scrilla;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.function.Function;
import picocli.CommandLine;

/**
 * Runs the {@code scrilla} command: {@code java -jar scrilla.jar COMMAND [TICKER...] [OPTIONS]}.
 *
 * <p>Exit code 0 on success, 1 when a command fails (one line on stderr, a stack trace only with
 * {@code --debug}), 2 for a usage error.
 */
public final class Main {
  /** Exit code of a failed command. */
  public static final int FAILURE = 1;
  /** Exit code of a usage error. */
  public static final int USAGE = 2;

  private Main() {}

  /** The levels {@code LOG_LEVEL} accepts, from the most to the least verbose. */
  static final List<String> LOG_LEVELS = List.of("trace", "debug", "info", "warn", "error", "off");
  /** The slf4j-simple property that sets the default log level. */
  static final String SIMPLE_LOGGER_LEVEL = "org.slf4j.simpleLogger.defaultLogLevel";

  /**
   * Runs the command with the configuration from the environment and system properties; applies
   * {@code LOG_LEVEL} before the first logger is created.
   */
  public static void main(String[] args) {
    int code;
    try {
      ScrillaConfig config = ScrillaConfig.load();
      applyLogLevel(config);
      code = run(args, config, System.out, System.err);
    } catch (ScrillaException e) { // a bad configuration value
      System.err.println("error: " + e.getMessage());
      code = FAILURE;
    }
    System.out.flush();
    System.exit(code);
  }

  /**
   * Runs the command with sources and cache chosen by the configuration; says on {@code err} when
   * the bundled sample data is used.
   *
   * @return the exit code
   */
  public static int run(String[] args, ScrillaConfig config, PrintStream out, PrintStream err) {
    return run(args, config, out, err, c -> {
      if (c.usesSampleData()) {
        err.println("note: using the sample data bundled with scrilla (daily prices up to 2021-11-19);"
            + " set SCRILLA_DATA_DIR or ALPHA_VANTAGE_KEY to use your own");
      }
      return Scrilla.create(c);
    });
  }

  /**
   * Runs the command in this process with a given way to build the facade (tests pass one).
   *
   * @param args the command line
   * @param config the configuration
   * @param out standard output
   * @param err standard error
   * @param factory builds the facade
   * @return the exit code
   */
  public static int run(String[] args, ScrillaConfig config, PrintStream out, PrintStream err,
      Function<ScrillaConfig, Scrilla> factory) {
    boolean debug = java.util.Arrays.asList(args).contains("--debug");
    String[] rest = java.util.Arrays.stream(args).filter(a -> !a.equals("--debug")).toArray(String[]::new);
    try (Context ctx = new Context(config, out, err, factory)) {
      CommandLine cl = new CommandLine(new ScrillaCommand(ctx));
      cl.setOut(new PrintWriter(out, true));
      cl.setErr(new PrintWriter(err, true));
      cl.setCaseInsensitiveEnumValuesAllowed(true);
      cl.setExecutionExceptionHandler((ex, commandLine, parseResult) -> {
        if (ex instanceof ScrillaException) {
          err.println("error: " + ex.getMessage());
        } else {
          err.println("error: " + ex);
        }
        if (debug) {
          ex.printStackTrace(err);
        }
        return FAILURE;
      });
      cl.setParameterExceptionHandler((ex, a) -> {
        err.println("error: " + ex.getMessage());
        err.println("run 'scrilla help " + commandName(ex.getCommandLine()) + "' for the options");
        return USAGE;
      });
      if (rest.length == 0) {
        cl.usage(out);
        return USAGE;
      }
      return cl.execute(rest);
    }
  }

  /**
   * Sets slf4j-simple's level from {@code LOG_LEVEL} (one of {@link #LOG_LEVELS}, any case),
   * unless {@value #SIMPLE_LOGGER_LEVEL} is already set as a system property; has an effect only
   * before the first logger is created.
   *
   * @param config the configuration
   * @throws ConfigurationException naming the value and the levels allowed
   */
  static void applyLogLevel(ScrillaConfig config) {
    Optional<String> level = config.get(ScrillaConfig.LOG_LEVEL);
    if (level.isEmpty()) {
      return;
    }
    String l = level.get().toLowerCase(Locale.ROOT);
    if (l.equals("warning")) {
      l = "warn";
    }
    if (!LOG_LEVELS.contains(l)) {
      throw new ConfigurationException(ScrillaConfig.LOG_LEVEL + "=" + SafeText.quote(level.get())
          + " is not allowed: use one of " + String.join(", ", LOG_LEVELS));
    }
    if (System.getProperty(SIMPLE_LOGGER_LEVEL) == null) {
      System.setProperty(SIMPLE_LOGGER_LEVEL, l);
    }
  }

  private static String commandName(CommandLine cl) {
    return cl.getCommandName().equals("scrilla") ? "" : cl.getCommandName();
  }
}
