package io.scrilla.commands.functions;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.scrilla.api.model.Asset;
import io.scrilla.api.model.RiskProfile;
import io.scrilla.commands.Computed;
import io.scrilla.commands.Json;
import io.scrilla.commands.Output;
import io.scrilla.core.Result;
import io.scrilla.core.risk.AssetStatistics;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.OptionalDouble;
import picocli.CommandLine.Command;

/**
 * {@code scrilla risk-profile T...}: annual return and volatility of each ticker.
 *
 * <p>JSON: {@code {"T": {"annual_return": r, "annual_volatility": v, "sharpe_ratio": s,
 * "asset_beta": b, "equity_cost": c}}}; the last three only when a risk-free rate and the market
 * proxy's prices are available.
 */
@Command(
    name = "risk-profile",
    aliases = "rp",
    description = "Annual return and volatility of each ticker (geometric Brownian motion).")
public class RiskProfileCommand extends WindowCommand {
  /**
   * Returns the statistics of each ticker with the window and method they were estimated on (what
   * {@code plot-rp} draws).
   */
  protected final Computed<Map<Asset, Result<AssetStatistics>>> statistics() {
    Request r = request();
    return new Computed<>(
        r.scrilla().assetStatistics(r.assets(), r.range(), r.method(), r.riskFreeRate()),
        r.range(),
        r.method());
  }

  @Override
  public Integer call() {
    var ctx = context();
    Map<Asset, Result<AssetStatistics>> results = statistics().value();

    ObjectNode json = Json.object();
    List<List<String>> table = new ArrayList<>();
    table.add(
        List.of(
            "ticker",
            "annual_return",
            "annual_volatility",
            "sharpe_ratio",
            "asset_beta",
            "equity_cost"));
    results.forEach(
        (asset, result) -> {
          if (result instanceof Result.Success<AssetStatistics> s) {
            AssetStatistics st = s.value();
            RiskProfile p = st.profile();
            ObjectNode node = json.putObject(asset.ticker());
            Json.put(node, "annual_return", p.annualReturn());
            Json.put(node, "annual_volatility", p.annualVolatility());
            st.sharpeRatio().ifPresent(v -> Json.put(node, "sharpe_ratio", v));
            st.beta().ifPresent(v -> Json.put(node, "asset_beta", v));
            st.costOfEquity().ifPresent(v -> Json.put(node, "equity_cost", v));
            table.add(
                List.of(
                    asset.ticker(),
                    Output.fmt(p.annualReturn()),
                    Output.fmt(p.annualVolatility()),
                    fmt(st.sharpeRatio()),
                    fmt(st.beta()),
                    fmt(st.costOfEquity())));
            for (String note : st.notes()) {
              ctx.err().println("note: " + asset.ticker() + ": " + note);
            }
          }
        });
    if (json.size() > 0) {
      Output.print(ctx, options, json, table);
    }
    return Tickers.reportFailures(ctx, results);
  }

  private static String fmt(OptionalDouble v) {
    return v.isPresent() ? Output.fmt(v.getAsDouble()) : "-";
  }
}
