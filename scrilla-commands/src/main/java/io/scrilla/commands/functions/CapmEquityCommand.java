package io.scrilla.commands.functions;

import io.scrilla.api.model.Asset;
import io.scrilla.commands.Output;
import io.scrilla.core.Result;
import java.util.List;
import java.util.Map;
import picocli.CommandLine.Command;

/**
 * {@code scrilla capm-equity T...}: {@code r_f + beta (mu_M - r_f)}, {@code {"T": {"equity_cost":
 * c}}}.
 */
@Command(
    name = "capm-equity",
    aliases = {"capm-e", "equity"},
    description = "CAPM cost of equity: risk-free rate + beta * market premium.")
public final class CapmEquityCommand extends RateTickerCommand {
  @Override
  String field() {
    return "equity_cost";
  }

  @Override
  String column() {
    return "cost of equity";
  }

  @Override
  String format(double value) {
    return Output.percent(value);
  }

  @Override
  List<Asset> group(Request r, Asset asset) {
    return CapmBetaCommand.withMarket(r, asset);
  }

  @Override
  Map<Asset, Result<Double>> compute(Request r) {
    return each(
        r.assets(), a -> r.scrilla().costOfEquity(a, r.range(), r.method(), r.riskFreeRate()));
  }
}
