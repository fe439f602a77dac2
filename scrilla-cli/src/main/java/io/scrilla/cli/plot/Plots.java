package io.scrilla.cli.plot;

import java.util.ArrayList;
import java.util.List;
import picocli.CommandLine;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.OptionSpec;

/**
 * The plot commands of the {@code scrilla} command line, each with the options of the command it
 * draws less those a chart has no use for ({@code --json}, {@code --save}, and any that would not
 * change the chart): those are unknown options of the plot command, so its help lists exactly what
 * it takes.
 */
public final class Plots {
  private static final List<String> OUTPUT = List.of("--json", "--save", "--quiet");
  private static final List<String> RATE = List.of("--risk-free-rate");
  private static final List<String> INVEST = List.of("--invest");

  private Plots() {}

  /**
   * Returns the plot commands, to add under the root command ({@code
   * ScrillaCommand.commandLine(context, more)}).
   *
   * @return a new command line for each plot command
   */
  public static List<CommandLine> commands() {
    return List.of(
        without(new PlotEfficientFrontierCommand(), OUTPUT, INVEST),
        without(new PlotRiskProfileCommand(), OUTPUT, RATE),
        without(new PlotMovingAveragesCommand(), OUTPUT),
        without(new PlotYieldCurveCommand(), OUTPUT),
        without(new PlotDividendsCommand(), OUTPUT),
        without(new PlotReturnQqCommand(), OUTPUT, RATE),
        without(new PlotReturnDistributionCommand(), OUTPUT, RATE),
        without(new PlotCorrelationsCommand(), OUTPUT));
  }

  @SafeVarargs
  private static CommandLine without(Object command, List<String>... unused) {
    CommandLine cl = new CommandLine(command);
    CommandSpec spec = cl.getCommandSpec();
    List<String> names = new ArrayList<>();
    for (List<String> u : unused) {
      names.addAll(u);
    }
    for (String name : names) {
      OptionSpec option = spec.findOption(name);
      if (option == null) {
        throw new IllegalStateException(spec.name() + " has no option " + name + " to remove");
      }
      spec.remove(option);
    }
    return cl;
  }
}
