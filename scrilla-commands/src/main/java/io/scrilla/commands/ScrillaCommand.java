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
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.HelpCommand;

/**
 * The {@code scrilla} command; each subcommand is one of scrilla's functions (README.md).
 *
 * <p>The command line and the AWS Lambda handler both run these commands through {@link
 * #commandLine(Context)}: one definition of each function's options, validation and JSON.
 */
@Command(
    name = "scrilla",
    mixinStandardHelpOptions = false,
    description =
        "Portfolio analytics: risk profiles, correlations, risk measures and optimized portfolios.",
    subcommands = {
      HelpCommand.class,
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
public final class ScrillaCommand {
  final Context context;

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
    for (Object command : more) {
      CommandLine sub = command instanceof CommandLine c ? c : new CommandLine(command);
      cl.getCommandSpec().removeSubcommand(sub.getCommandName());
      cl.addSubcommand(sub);
    }
    cl.setCaseInsensitiveEnumValuesAllowed(true);
    Converters.register(cl);
    return cl;
  }

  /** Returns the shared context. */
  public Context context() {
    return context;
  }
}
