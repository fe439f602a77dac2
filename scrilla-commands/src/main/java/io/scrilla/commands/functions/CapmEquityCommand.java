package io.scrilla.commands.functions;

import io.scrilla.api.model.Asset;
import io.scrilla.core.Result;
import java.util.Map;
import picocli.CommandLine.Command;

/**
 * {@code scrilla capm-equity T...}: {@code r_f + beta (mu_M - r_f)}, {@code {"T": {"equity_cost":
 * c}}}.
 */
@Command(
    name = "capm-equity",
    aliases = "equity",
    description = "CAPM cost of equity: risk-free rate + beta * market premium.")
public final class CapmEquityCommand extends TickerCommand {
  @Override
  String field() {
    return "equity_cost";
  }

  @Override
  Map<Asset, Result<Double>> compute(Request r) {
    return Result.each(
        r.assets(), a -> r.scrilla().costOfEquity(a, r.range(), r.method(), r.riskFreeRate()));
  }
}
