package io.scrilla.cli.plot;

import io.scrilla.api.model.Asset;
import io.scrilla.api.model.RiskProfile;
import io.scrilla.commands.Computed;
import io.scrilla.commands.functions.RiskProfileCommand;
import io.scrilla.core.Result;
import io.scrilla.core.risk.AssetStatistics;
import io.scrilla.plot.Charts;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

/**
 * {@code scrilla plot-rp T...}: each ticker's annual volatility against its annual return; a ticker
 * that fails is reported on stderr (exit code 1) and the others are drawn.
 */
@Command(
    name = "plot-risk-profile",
    aliases = "plot-rp",
    description =
        "Chart of each ticker's risk and return (the options of risk-profile) written to --plot"
            + " FILE.")
public final class PlotRiskProfileCommand extends RiskProfileCommand {
  @Mixin PlotFile plot;

  @Override
  public Integer call() {
    Path file = plot.target();
    Computed<Map<Asset, Result<AssetStatistics>>> stats = statistics();
    Map<Asset, RiskProfile> profiles = new LinkedHashMap<>();
    stats
        .value()
        .forEach(
            (asset, result) -> {
              if (result instanceof Result.Success<AssetStatistics> s) {
                profiles.put(asset, s.value().profile());
              }
            });
    if (!profiles.isEmpty()) {
      PlotFile.write(
          Charts.riskReturn(profiles, stats.window(), stats.method()), file, context().out());
    }
    return reportFailures(stats.value());
  }
}
