package io.scrilla.cli;

import io.scrilla.cli.commands.CapmBetaCommand;
import io.scrilla.cli.commands.CapmEquityCommand;
import io.scrilla.cli.commands.ClearCacheCommand;
import io.scrilla.cli.commands.CorrelationCommand;
import io.scrilla.cli.commands.CvarCommand;
import io.scrilla.cli.commands.DiscountDividendModelCommand;
import io.scrilla.cli.commands.DividendsCommand;
import io.scrilla.cli.commands.EfficientFrontierCommand;
import io.scrilla.cli.commands.MaxReturnCommand;
import io.scrilla.cli.commands.MovingAveragesCommand;
import io.scrilla.cli.commands.OptimizeCvarCommand;
import io.scrilla.cli.commands.OptimizePortfolioCommand;
import io.scrilla.cli.commands.PricesCommand;
import io.scrilla.cli.commands.RiskFreeCommand;
import io.scrilla.cli.commands.RiskProfileCommand;
import io.scrilla.cli.commands.SharpeRatioCommand;
import io.scrilla.cli.commands.VarCommand;
import io.scrilla.cli.commands.VersionCommand;
import io.scrilla.cli.commands.YieldCurveCommand;
import picocli.CommandLine.Command;
import picocli.CommandLine.HelpCommand;

/** The {@code scrilla} command; each subcommand is one of scrilla's functions (README.md). */
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
    })
public final class ScrillaCommand {
  final Context context;

  ScrillaCommand(Context context) {
    this.context = context;
  }

  /** Returns the shared context. */
  public Context context() {
    return context;
  }
}
