package io.scrilla.cli.plot;

import io.scrilla.commands.Computed;
import io.scrilla.commands.functions.EfficientFrontierCommand;
import io.scrilla.core.optimize.Solution;
import io.scrilla.plot.Charts;
import java.nio.file.Path;
import java.util.List;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

/**
 * {@code scrilla plot-ef T...}: the efficient frontier of {@code efficient-frontier} as a chart.
 */
@Command(
    name = "plot-efficient-frontier",
    aliases = "plot-ef",
    description =
        "Chart of the efficient frontier (the options of efficient-frontier) written to --plot"
            + " FILE.")
public final class PlotEfficientFrontierCommand extends EfficientFrontierCommand {
  @Mixin PlotFile plot;

  @Override
  public Integer call() {
    Path file = plot.target();
    Computed<List<Solution>> frontier = frontier();
    return PlotFile.write(
        Charts.efficientFrontier(frontier.value(), frontier.window(), frontier.method()),
        file,
        context().out());
  }
}
