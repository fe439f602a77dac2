package io.scrilla.commands.functions;

import io.scrilla.api.model.Asset;
import io.scrilla.core.Result;
import java.util.Map;
import picocli.CommandLine.Command;

/**
 * {@code scrilla capm-beta T...}: beta against {@code MARKET_PROXY}, {@code {"T": {"asset_beta":
 * b}}}.
 */
@Command(
    name = "capm-beta",
    aliases = "beta",
    description = "CAPM beta against the market proxy (MARKET_PROXY, default SPY).")
public final class CapmBetaCommand extends TickerCommand {
  @Override
  String field() {
    return "asset_beta";
  }

  @Override
  Map<Asset, Result<Double>> compute(Request r) {
    return Result.each(r.assets(), a -> r.scrilla().marketBeta(a, r.range(), r.method()));
  }
}
