package io.scrilla.cli.plot;

import io.scrilla.api.model.Asset;
import io.scrilla.commands.Computed;
import io.scrilla.commands.functions.MovingAveragesCommand;
import io.scrilla.core.Result;
import io.scrilla.core.stats.MovingAverages;
import io.scrilla.plot.Charts;
import java.nio.file.Path;
import java.util.Map;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

/** {@code scrilla plot-mas T}: a ticker's closes with its moving averages of annual return. */
@Command(
    name = "plot-moving-averages",
    aliases = "plot-mas",
    description =
        "Chart of one ticker's closes and moving averages (the options of mov-averages) written to"
            + " --plot FILE.")
public final class PlotMovingAveragesCommand extends MovingAveragesCommand {
  @Mixin PlotFile plot;

  @Override
  public Integer call() {
    Path file = plot.target();
    plot.requireOneTicker();
    Computed<Map<Asset, Result<MovingAverages>>> averages = averages();
    for (Map.Entry<Asset, Result<MovingAverages>> e : averages.value().entrySet()) {
      if (e.getValue() instanceof Result.Success<MovingAverages> s) {
        var prices = context().scrilla().prices(e.getKey(), averages.window());
        PlotFile.write(Charts.movingAverages(prices, s.value()), file, context().out());
      }
    }
    return reportFailures(averages.value());
  }
}
