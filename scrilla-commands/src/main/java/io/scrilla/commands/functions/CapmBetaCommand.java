package io.scrilla.commands.functions;

import io.scrilla.api.model.Asset;
import io.scrilla.commands.Output;
import io.scrilla.core.Result;
import java.util.List;
import java.util.Map;
import picocli.CommandLine.Command;

/**
 * {@code scrilla capm-beta T...}: beta against {@code MARKET_PROXY}, {@code {"T": {"asset_beta":
 * b}}}.
 */
@Command(
    name = "capm-beta",
    aliases = {"capm-b", "beta"},
    description = "CAPM beta against the market proxy (MARKET_PROXY, default SPY).")
public final class CapmBetaCommand extends TickerCommand {
  @Override
  String field() {
    return "asset_beta";
  }

  @Override
  String column() {
    return "beta";
  }

  @Override
  String format(double value) {
    return Output.ratio(value);
  }

  @Override
  List<Asset> group(Request r, Asset asset) {
    return withMarket(r, asset);
  }

  /** Returns the asset with the market proxy, as the CAPM statistics sample them. */
  static List<Asset> withMarket(Request r, Asset asset) {
    Asset proxy = r.scrilla().marketProxy();
    return asset.equals(proxy) ? List.of(asset) : List.of(asset, proxy);
  }

  @Override
  Map<Asset, Result<Double>> compute(Request r) {
    return each(r.assets(), a -> r.scrilla().marketBeta(a, r.range(), r.method()));
  }
}
