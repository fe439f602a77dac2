package io.scrilla.commands.functions;

import io.scrilla.api.model.Asset;
import io.scrilla.commands.Output;
import io.scrilla.core.Result;
import java.util.Map;
import picocli.CommandLine.Command;

/**
 * {@code scrilla sharpe-ratio T...}: {@code (mu - r_f) / sigma}, {@code {"T": {"sharpe_ratio":
 * s}}}.
 */
@Command(
    name = "sharpe-ratio",
    aliases = {"sr", "sharpe"},
    description = "Sharpe ratio (annual return - risk-free rate) / annual volatility.")
public final class SharpeRatioCommand extends RateTickerCommand {
  @Override
  String field() {
    return "sharpe_ratio";
  }

  @Override
  String column() {
    return "sharpe ratio";
  }

  @Override
  String format(double value) {
    return Output.ratio(value);
  }

  @Override
  Map<Asset, Result<Double>> compute(Request r) {
    return each(
        r.assets(), a -> r.scrilla().sharpeRatio(a, r.range(), r.method(), r.riskFreeRate()));
  }
}
