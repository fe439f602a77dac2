package io.scrilla.cli;

import io.scrilla.cli.commands.ClearCacheCommand;
import io.scrilla.cli.commands.DividendsCommand;
import io.scrilla.cli.commands.PricesCommand;
import io.scrilla.cli.commands.RiskFreeCommand;
import io.scrilla.cli.commands.YieldCurveCommand;
import io.scrilla.cli.commands.RiskProfileCommand;
import io.scrilla.cli.commands.VersionCommand;
import picocli.CommandLine.Command;
import picocli.CommandLine.HelpCommand;

/** The {@code scrilla} command; each subcommand is one of scrilla's functions (CLI.md). */
@Command(
    name = "scrilla",
    mixinStandardHelpOptions = false,
    description = "Portfolio analytics: risk profiles, correlations, risk measures and optimized portfolios.",
    subcommands = {
      HelpCommand.class,
      VersionCommand.class,
      ClearCacheCommand.class,
      RiskProfileCommand.class,
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
