package io.scrilla.cli;

import io.scrilla.api.config.ScrillaConfig;
import io.scrilla.api.error.ScrillaException;
import io.scrilla.core.Scrilla;
import java.io.PrintStream;
import java.io.PrintWriter;
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

  /** Runs the command with the configuration from the environment and system properties. */
  public static void main(String[] args) {
    int code;
    try {
      code = run(args, ScrillaConfig.load(), System.out, System.err);
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
   * Runs the command in this process with a given way to build the facade (tests, the Lambda
   * handler).
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

  private static String commandName(CommandLine cl) {
    return cl.getCommandName().equals("scrilla") ? "" : cl.getCommandName();
  }
}
