package io.scrilla.cli;

import io.scrilla.api.config.ScrillaConfig;
import io.scrilla.api.error.ConfigurationException;
import io.scrilla.api.error.SafeText;
import io.scrilla.api.error.ScrillaException;
import io.scrilla.api.spi.ProgressListener;
import io.scrilla.cli.plot.Plots;
import io.scrilla.commands.Context;
import io.scrilla.commands.Failures;
import io.scrilla.commands.ScrillaCommand;
import io.scrilla.core.Scrilla;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.function.Function;
import picocli.CommandLine;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.UnmatchedArgumentException;

/**
 * Runs the {@code scrilla} command: {@code java -jar scrilla.jar COMMAND [TICKER...] [OPTIONS]}.
 *
 * <p>Exit code 0 on success, 1 when a command fails, 2 for a usage error. A failure prints one line
 * on stderr starting with {@code error: }, in the user's terms: never the name of a Java exception
 * class, and a stack trace only with {@code --debug}.
 */
public final class Main {
  /** Exit code of a failed command. */
  public static final int FAILURE = 1;

  /** Exit code of a usage error. */
  public static final int USAGE = 2;

  /** The option that shows stack traces and debug logs (defined by {@link ScrillaCommand}). */
  static final String DEBUG = ScrillaCommand.DEBUG;

  private static final String CSV = "csv";

  private static final String HEADLESS = "java.awt.headless";

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
    // the plot commands draw without a display, also where one is configured
    if (System.getProperty(HEADLESS) == null) {
      System.setProperty(HEADLESS, "true");
    }
    int code;
    try (ProgressBars progress = ProgressBars.stderr()) {
      ScrillaConfig config = ScrillaConfig.load();
      applyLogLevel(config, debug(args));
      code = run(args, config, System.out, System.err, progress);
    } catch (ScrillaException e) { // a bad configuration value
      System.err.println(errorLine(e));
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
    return run(args, config, out, err, ProgressListener.none());
  }

  /**
   * Runs the command as {@link #run(String[], ScrillaConfig, PrintStream, PrintStream)} does,
   * reporting the progress of long work to {@code progress}.
   */
  static int run(
      String[] args,
      ScrillaConfig config,
      PrintStream out,
      PrintStream err,
      ProgressListener progress) {
    return run(
        args,
        config,
        out,
        err,
        c -> {
          sampleDataNote(c).ifPresent(err::println);
          return Scrilla.create(c);
        },
        progress);
  }

  /**
   * Returns the note saying which kinds of data come from the sample bundled with scrilla (the
   * {@code csv} sources without {@code SCRILLA_DATA_DIR}), naming exactly those kinds, or empty
   * when none does.
   */
  static Optional<String> sampleDataNote(ScrillaConfig config) {
    if (config.dataDir().isPresent()) {
      return Optional.empty();
    }
    List<String> kinds = new ArrayList<>();
    List<String> variables = new ArrayList<>();
    if (config.priceManager().equals(CSV)) {
      kinds.add("prices");
      variables.add(ScrillaConfig.PRICE_MANAGER);
    }
    if (config.statManager().equals(CSV)) {
      kinds.add("Treasury yields");
      variables.add(ScrillaConfig.STAT_MANAGER);
    }
    if (config.divManager().equals(CSV)) {
      kinds.add("dividends");
      variables.add(ScrillaConfig.DIV_MANAGER);
    }
    if (kinds.isEmpty()) {
      return Optional.empty();
    }
    String fix =
        kinds.size() == 3
            ? "set SCRILLA_DATA_DIR or ALPHA_VANTAGE_KEY to use your own"
            : "set SCRILLA_DATA_DIR to a folder of your own, or "
                + String.join(" and ", variables)
                + " to a live source";
    return Optional.of(
        "note: the "
            + and(kinds)
            + " come from the sample data bundled with"
            + " scrilla (daily data up to 2021-11-19); "
            + fix);
  }

  private static String and(List<String> words) {
    if (words.size() == 1) {
      return words.get(0);
    }
    return String.join(", ", words.subList(0, words.size() - 1))
        + " and "
        + words.get(words.size() - 1);
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
  public static int run(
      String[] args,
      ScrillaConfig config,
      PrintStream out,
      PrintStream err,
      Function<ScrillaConfig, Scrilla> factory) {
    return run(args, config, out, err, factory, ProgressListener.none());
  }

  /**
   * Returns whether {@value #DEBUG} is on the command line: read before parsing, for the log level
   * and for failures of the parsing itself.
   */
  static boolean debug(String[] args) {
    return Arrays.asList(args).contains(DEBUG);
  }

  private static int run(
      String[] args,
      ScrillaConfig config,
      PrintStream out,
      PrintStream err,
      Function<ScrillaConfig, Scrilla> factory,
      ProgressListener progress) {
    boolean debug = debug(args);
    try (Context ctx = new Context(config, out, err, factory, progress)) {
      CommandLine cl = commandLine(ctx);
      cl.setOut(new PrintWriter(out, true));
      cl.setErr(new PrintWriter(err, true));
      cl.setExecutionExceptionHandler((ex, commandLine, parseResult) -> fail(ex, err, debug));
      cl.setParameterExceptionHandler(
          (ex, a) -> {
            err.println(usageError(ex));
            if (debug) {
              ex.printStackTrace(err);
            }
            return USAGE;
          });
      return cl.execute(args);
    } catch (RuntimeException | OutOfMemoryError | StackOverflowError e) {
      // not from a command's call (picocli hands those to the handler above), e.g. closing
      return fail(e, err, debug);
    }
  }

  /**
   * Returns the command line of every command this front end runs (tests walk its commands).
   *
   * @param ctx the context of the commands
   */
  static CommandLine commandLine(Context ctx) {
    List<Object> more = new ArrayList<>(UserCommands.all());
    more.addAll(Plots.commands());
    return ScrillaCommand.commandLine(ctx, more);
  }

  /**
   * Prints a failure as one line on {@code err} in the user's terms, with the stack trace only when
   * {@code debug}; returns {@link #FAILURE}.
   */
  static int fail(Throwable ex, PrintStream err, boolean debug) {
    err.println(errorLine(ex));
    if (debug) {
      ex.printStackTrace(err);
    }
    return FAILURE;
  }

  /**
   * Returns the one-line message of a failure, starting with {@code "error: "} ({@link
   * Failures#message}).
   */
  static String errorLine(Throwable ex) {
    return "error: " + Failures.message(ex);
  }

  /** Returns {@code "error: "} and the message on one line, control characters escaped. */
  static String errorLine(String message) {
    return "error: " + Failures.oneLine(message);
  }

  /**
   * Sets slf4j-simple's level from {@code LOG_LEVEL} (one of {@link #LOG_LEVELS}, any case), unless
   * {@value #SIMPLE_LOGGER_LEVEL} is already set as a system property; has an effect only before
   * the first logger is created.
   *
   * @param config the configuration
   * @throws ConfigurationException naming the value and the levels allowed
   */
  static void applyLogLevel(ScrillaConfig config) {
    applyLogLevel(config, false);
  }

  /**
   * Sets slf4j-simple's level as {@link #applyLogLevel(ScrillaConfig)} does; with {@code debug}
   * ({@code --debug} on the command line) and no {@code LOG_LEVEL}, the level is {@code debug}, so
   * that the causes the library logs (a failed Treasury fetch behind a missing Sharpe ratio) are
   * shown with their stack traces.
   *
   * @param config the configuration
   * @param debug whether {@code --debug} was given
   * @throws ConfigurationException naming the value and the levels allowed
   */
  static void applyLogLevel(ScrillaConfig config, boolean debug) {
    Optional<String> level = config.get(ScrillaConfig.LOG_LEVEL);
    if (level.isEmpty()) {
      if (debug && System.getProperty(SIMPLE_LOGGER_LEVEL) == null) {
        System.setProperty(SIMPLE_LOGGER_LEVEL, "debug");
      }
      return;
    }
    String l = level.get().toLowerCase(Locale.ROOT);
    if (l.equals("warning")) {
      l = "warn";
    }
    if (!LOG_LEVELS.contains(l)) {
      throw new ConfigurationException(
          ScrillaConfig.LOG_LEVEL
              + "="
              + SafeText.quote(level.get())
              + " is not allowed: use one of "
              + String.join(", ", LOG_LEVELS));
    }
    if (System.getProperty(SIMPLE_LOGGER_LEVEL) == null) {
      System.setProperty(SIMPLE_LOGGER_LEVEL, l);
    }
  }

  /**
   * Returns the one line of a usage error: for a word where a command belongs, {@code unknown
   * command 'foo'} with picocli's suggestions; otherwise picocli's message (an unknown option, a
   * missing or invalid value) and where to read the command's options.
   */
  static String usageError(ParameterException ex) {
    CommandLine cl = ex.getCommandLine();
    if (ex instanceof UnmatchedArgumentException u
        && cl.getCommandSpec().parent() == null
        && !u.getUnmatched().isEmpty()
        && !u.getUnmatched().get(0).startsWith("-")) {
      List<String> suggestions = u.getSuggestions();
      return "error: unknown command "
          + SafeText.quote(u.getUnmatched().get(0))
          + (suggestions.isEmpty()
              ? "; run 'scrilla help' for the commands"
              : "; did you mean " + String.join(" or ", suggestions) + "?");
    }
    String name = cl.getCommandSpec().parent() == null ? "" : " " + cl.getCommandName();
    return errorLine(ex.getMessage()) + "; run 'scrilla help" + name + "' for the options";
  }
}
