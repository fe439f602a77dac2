package io.scrilla.cli.plot;

import io.scrilla.api.error.ScrillaException;
import io.scrilla.commands.Computed;
import io.scrilla.commands.functions.CorrelationCommand;
import io.scrilla.core.stats.CorrelationMatrix;
import io.scrilla.plot.Charts;
import java.nio.file.Path;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

/**
 * {@code scrilla plot-cors T...}: the correlation matrix as a heatmap; a ticker that fails is
 * reported on stderr (exit code 1) and the others are drawn.
 */
@Command(
    name = "plot-correlations",
    aliases = "plot-cors",
    description =
        "Heatmap of the correlation matrix (the options of correlation) written to --plot FILE.")
public final class PlotCorrelationsCommand extends CorrelationCommand {
  @Mixin PlotFile plot;

  @Override
  public Integer call() {
    Path file = plot.target();
    Computed<CorrelationMatrix> m = matrix();
    if (m.value().size() > 0) {
      PlotFile.write(Charts.correlations(m.value(), m.window(), m.method()), file, context().out());
    }
    for (ScrillaException e : m.value().failures().values()) {
      context().err().println("error: " + e.getMessage());
    }
    return m.value().failures().isEmpty() ? 0 : 1;
  }
}
