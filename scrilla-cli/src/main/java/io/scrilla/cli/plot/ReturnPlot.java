package io.scrilla.cli.plot;

import io.scrilla.api.model.Asset;
import io.scrilla.api.model.PriceHistory;
import io.scrilla.api.model.RiskProfile;
import io.scrilla.commands.Computed;
import io.scrilla.commands.functions.RiskProfileCommand;
import io.scrilla.core.Result;
import io.scrilla.core.risk.AssetStatistics;
import java.nio.file.Path;
import java.util.Map;
import org.knowm.xchart.XYChart;
import picocli.CommandLine.Mixin;

/**
 * A chart of one ticker's daily log returns against the normal its risk profile fits (the options
 * of {@code risk-profile}).
 */
abstract class ReturnPlot extends RiskProfileCommand {
  @Mixin PlotFile plot;

  /** Draws the returns of the prices against the fitted profile. */
  abstract XYChart chart(PriceHistory prices, RiskProfile fitted, Computed<?> estimate);

  @Override
  public Integer call() {
    Path file = plot.target();
    plot.requireOneTicker();
    Computed<Map<Asset, Result<AssetStatistics>>> stats = statistics();
    for (Map.Entry<Asset, Result<AssetStatistics>> e : stats.value().entrySet()) {
      if (e.getValue() instanceof Result.Success<AssetStatistics> s) {
        PriceHistory prices = context().scrilla().prices(e.getKey(), stats.window());
        PlotFile.write(chart(prices, s.value().profile(), stats), file, context().out());
      }
    }
    return reportFailures(stats.value());
  }
}
