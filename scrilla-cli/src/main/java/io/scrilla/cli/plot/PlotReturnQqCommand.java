package io.scrilla.cli.plot;

import io.scrilla.api.model.PriceHistory;
import io.scrilla.api.model.RiskProfile;
import io.scrilla.commands.Computed;
import io.scrilla.plot.Charts;
import org.knowm.xchart.XYChart;
import picocli.CommandLine.Command;

/** {@code scrilla plot-rets T}: a normal QQ plot of a ticker's daily log returns. */
@Command(
    name = "plot-return-qq",
    aliases = {"plot-rets", "plot-qq"},
    description =
        "QQ plot of one ticker's daily log returns against the fitted normal (the options of"
            + " risk-profile) written to --plot FILE.")
public final class PlotReturnQqCommand extends ReturnPlot {
  @Override
  XYChart chart(PriceHistory prices, RiskProfile fitted, Computed<?> estimate) {
    return Charts.returnQq(prices, fitted, estimate.method());
  }
}
