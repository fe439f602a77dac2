package io.scrilla.commands;

import io.scrilla.commands.functions.AssetCommand;
import io.scrilla.commands.functions.CapmBetaCommand;
import io.scrilla.commands.functions.CapmEquityCommand;
import io.scrilla.commands.functions.ClearCacheCommand;
import io.scrilla.commands.functions.CloseCommand;
import io.scrilla.commands.functions.CorrelationCommand;
import io.scrilla.commands.functions.CorrelationsCommand;
import io.scrilla.commands.functions.CvarCommand;
import io.scrilla.commands.functions.DiscountDividendModelCommand;
import io.scrilla.commands.functions.DividendsCommand;
import io.scrilla.commands.functions.EfficientFrontierCommand;
import io.scrilla.commands.functions.InterestCommand;
import io.scrilla.commands.functions.MaxReturnCommand;
import io.scrilla.commands.functions.MovingAveragesCommand;
import io.scrilla.commands.functions.OptimizeCvarCommand;
import io.scrilla.commands.functions.OptimizePortfolioCommand;
import io.scrilla.commands.functions.PricesCommand;
import io.scrilla.commands.functions.RiskFreeCommand;
import io.scrilla.commands.functions.RiskProfileCommand;
import io.scrilla.commands.functions.ScreenCommand;
import io.scrilla.commands.functions.SharpeRatioCommand;
import io.scrilla.commands.functions.VarCommand;
import io.scrilla.commands.functions.VersionCommand;
import io.scrilla.commands.functions.YieldCurveCommand;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.HelpCommand;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ScopeType;
import picocli.CommandLine.Spec;

/**
 * The {@code scrilla} command; each subcommand is one of scrilla's functions (README.md).
 *
 * <p>The command line and the AWS Lambda handler both run these commands through {@link
 * #commandLine(Context)}: one definition of each function's options, validation and JSON.
 *
 * <p>Every command, including those added later, inherits {@code -h/--help}, {@code -V/--version}
 * and {@value #DEBUG}; each declares only the options that change its result, so an option that
 * does not apply is picocli's unknown-option error.
 */
@Command(
    name = "scrilla",
    scope = ScopeType.INHERIT,
    mixinStandardHelpOptions = true,
    abbreviateSynopsis = true,
    versionProvider = VersionProvider.class,
    description =
        "Portfolio analytics: risk profiles, correlations, risk measures and optimized portfolios.",
    subcommands = {
      VersionCommand.class,
      ClearCacheCommand.class,
      RiskProfileCommand.class,
      SharpeRatioCommand.class,
      CapmBetaCommand.class,
      CapmEquityCommand.class,
      CorrelationCommand.class,
      VarCommand.class,
      CvarCommand.class,
      MovingAveragesCommand.class,
      DiscountDividendModelCommand.class,
      OptimizePortfolioCommand.class,
      OptimizeCvarCommand.class,
      MaxReturnCommand.class,
      EfficientFrontierCommand.class,
      PricesCommand.class,
      DividendsCommand.class,
      YieldCurveCommand.class,
      RiskFreeCommand.class,
      InterestCommand.class,
      AssetCommand.class,
      CloseCommand.class,
      CorrelationsCommand.class,
      ScreenCommand.class,
    })
public final class ScrillaCommand implements Callable<Integer> {
  /**
   * The option that shows stack traces and debug logs; the command line reads it before parsing (to
   * set the log level), and every command accepts it.
   */
  public static final String DEBUG = "--debug";

  /** The name of the help command; {@code h} is its short name. */
  public static final String HELP = "help";

  final Context context;

  @Spec CommandSpec spec;

  @Option(
      names = DEBUG,
      scope = ScopeType.INHERIT,
      description = "on failure, print the stack trace; log at debug level (unless LOG_LEVEL)")
  boolean debug;

  private ScrillaCommand(Context context) {
    this.context = context;
  }

  /**
   * Returns the command line of scrilla's functions over the context: the subcommands above, enum
   * values in any case, and the converters of {@link Converters}. Front ends add their own output
   * writers, exception handlers and subcommands.
   *
   * @param context what the commands share (configuration, streams, the facade)
   * @return a new command line
   */
  public static CommandLine commandLine(Context context) {
    return commandLine(context, List.of());
  }

  /**
   * Returns {@link #commandLine(Context)} with a front end's own subcommands added (the command
   * line's commands of the user's configuration folder); one named like a subcommand above replaces
   * it. The converters apply to them too.
   *
   * @param context what the commands share
   * @param more the front end's commands: instances of {@code @Command} classes, or command lines
   *     of them (whose spec the front end adjusted, e.g. the plots' removed options)
   * @return a new command line
   */
  public static CommandLine commandLine(Context context, List<?> more) {
    CommandLine cl = new CommandLine(new ScrillaCommand(context));
    cl.addSubcommand(HELP, new HelpCommand(), "h");
    for (Object command : more) {
      CommandLine sub = command instanceof CommandLine c ? c : new CommandLine(command);
      cl.getCommandSpec().removeSubcommand(sub.getCommandName());
      cl.addSubcommand(sub);
    }
    cl.setCaseInsensitiveEnumValuesAllowed(true);
    Converters.register(cl);
    return cl;
  }

  /** Without a command: prints the usage and returns 2, the exit code of a usage error. */
  @Override
  public Integer call() {
    spec.commandLine().usage(context.out());
    return 2;
  }

  /** Returns the shared context. */
  public Context context() {
    return context;
  }
}
