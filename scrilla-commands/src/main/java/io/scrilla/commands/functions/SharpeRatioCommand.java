package io.scrilla.commands.functions;

import io.scrilla.api.model.Asset;
import io.scrilla.core.Result;
import java.util.Map;
import picocli.CommandLine.Command;

/**
 * {@code scrilla sharpe-ratio T...}: {@code (mu - r_f) / sigma}, {@code {"T": {"sharpe_ratio":
 * s}}}.
 */
@Command(
    name = "sharpe-ratio",
    aliases = "sharpe",
    description = "Sharpe ratio (annual return - risk-free rate) / annual volatility.")
public final class SharpeRatioCommand extends TickerCommand {
  @Override
  String field() {
    return "sharpe_ratio";
  }

  @Override
  Map<Asset, Result<Double>> compute(Request r) {
    return Result.each(
        r.assets(), a -> r.scrilla().sharpeRatio(a, r.range(), r.method(), r.riskFreeRate()));
  }
}
