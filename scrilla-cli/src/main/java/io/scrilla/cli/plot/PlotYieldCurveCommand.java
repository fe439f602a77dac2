package io.scrilla.cli.plot;

import io.scrilla.commands.functions.YieldCurveCommand;
import io.scrilla.plot.Charts;
import java.nio.file.Path;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

/** {@code scrilla plot-yield [M...] [--date D]}: the Treasury par yield curve of a date. */
@Command(
    name = "plot-yield-curve",
    aliases = {"plot-yield", "plot-yc"},
    description =
        "Chart of the Treasury par yield curve (the options of yield-curve) written to --plot"
            + " FILE.")
public final class PlotYieldCurveCommand extends YieldCurveCommand {
  @Mixin PlotFile plot;

  @Override
  public Integer call() {
    Path file = plot.target();
    return PlotFile.write(Charts.yieldCurve(selectedCurve()), file, context().out());
  }
}
