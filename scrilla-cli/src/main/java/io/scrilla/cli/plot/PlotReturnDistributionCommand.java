package io.scrilla.cli.plot;

import io.scrilla.api.model.PriceHistory;
import io.scrilla.api.model.RiskProfile;
import io.scrilla.commands.Computed;
import io.scrilla.plot.Charts;
import org.knowm.xchart.XYChart;
import picocli.CommandLine.Command;

/** {@code scrilla plot-dist T}: a histogram of a ticker's daily log returns. */
@Command(
    name = "plot-return-distribution",
    aliases = "plot-dist",
    description =
        "Histogram of one ticker's daily log returns with the fitted normal density (the options"
            + " of risk-profile) written to --plot FILE.")
public final class PlotReturnDistributionCommand extends ReturnPlot {
  @Override
  XYChart chart(PriceHistory prices, RiskProfile fitted, Computed<?> estimate) {
    return Charts.returnDistribution(prices, fitted, estimate.method());
  }
}
