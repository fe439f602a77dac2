package io.scrilla.cli.plot;

import io.scrilla.api.model.Asset;
import io.scrilla.commands.functions.DiscountDividendModelCommand;
import io.scrilla.core.Result;
import io.scrilla.core.valuation.DividendValuation;
import io.scrilla.plot.Charts;
import java.nio.file.Path;
import java.util.Map;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

/**
 * {@code scrilla plot-divs T}: a ticker's dividends with the trend of the dividend discount model
 * ({@code discount-dividend-model}'s options: {@code --discount-rate}, {@code --as-of}).
 */
@Command(
    name = "plot-dividends",
    aliases = "plot-divs",
    description =
        "Chart of one ticker's dividends and the dividend model's trend (the options of"
            + " discount-dividend-model) written to --plot FILE.")
public final class PlotDividendsCommand extends DiscountDividendModelCommand {
  @Mixin PlotFile plot;

  @Override
  public Integer call() {
    Path file = plot.target();
    plot.requireOneTicker();
    Map<Asset, Result<DividendValuation>> valuations = valuations();
    for (Map.Entry<Asset, Result<DividendValuation>> e : valuations.entrySet()) {
      if (e.getValue() instanceof Result.Success<DividendValuation> s) {
        Asset asset = e.getKey();
        PlotFile.write(
            Charts.dividends(asset, context().scrilla().dividends(asset), s.value()),
            file,
            context().out());
      }
    }
    return reportFailures(valuations);
  }
}
