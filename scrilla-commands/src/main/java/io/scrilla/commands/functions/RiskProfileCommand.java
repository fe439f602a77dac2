package io.scrilla.commands.functions;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.scrilla.api.error.SafeText;
import io.scrilla.api.model.Asset;
import io.scrilla.api.model.RiskProfile;
import io.scrilla.commands.Computed;
import io.scrilla.commands.Json;
import io.scrilla.commands.Meta;
import io.scrilla.commands.Output;
import io.scrilla.commands.RateOptions;
import io.scrilla.commands.Table;
import io.scrilla.core.Result;
import io.scrilla.core.market.RiskFreeRate;
import io.scrilla.core.risk.AssetStatistics;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalDouble;
import java.util.function.DoubleFunction;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

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
public class RiskProfileCommand extends StatisticCommand {
  @Mixin RateOptions rate;

  @Override
  RiskFreeRate riskFreeRate() {
    return rate.riskFreeRate();
  }

  /**
   * Returns the statistics of each ticker with the window and method they were estimated on (what
   * {@code plot-rp} draws).
   */
  protected final Computed<Map<Asset, Result<AssetStatistics>>> statistics() {
    Request r = request();
    return new Computed<>(statistics(r), r.range(), r.method());
  }

  private Map<Asset, Result<AssetStatistics>> statistics(Request r) {
    return each(
        r.assets(),
        a -> r.scrilla().capm().assetStatistics(a, r.range(), r.method(), r.riskFreeRate()));
  }

  @Override
  public Integer call() {
    var ctx = context();
    Request r = request();
    Map<Asset, Result<AssetStatistics>> results = statistics(r);
    Map<Asset, String> labels = Tickers.labels(results.keySet());
    Used used = new Used(ctx);
    ObjectNode json = Json.object();
    Map<String, List<String>> notes = new LinkedHashMap<>();
    Table table =
        new Table(
            "ticker",
            "annual return",
            "annual volatility",
            "sharpe ratio",
            "beta",
            "cost of equity");
    results.forEach(
        (asset, result) -> {
          if (result instanceof Result.Success<AssetStatistics> s) {
            used.dates(r.scrilla().marketData().sample(List.of(asset), r.range(), r.method()));
            AssetStatistics st = s.value();
            RiskProfile p = st.profile();
            String label = labels.get(asset);
            ObjectNode node = json.putObject(label);
            Json.put(node, "annual_return", p.annualReturn());
            Json.put(node, "annual_volatility", p.annualVolatility());
            st.sharpeRatio().ifPresent(v -> Json.put(node, "sharpe_ratio", v));
            st.beta().ifPresent(v -> Json.put(node, "asset_beta", v));
            st.costOfEquity().ifPresent(v -> Json.put(node, "equity_cost", v));
            table.row(
                label,
                Output.percent(p.annualReturn()),
                Output.percent(p.annualVolatility()),
                fmt(st.sharpeRatio(), Output::ratio),
                fmt(st.beta(), Output::ratio),
                fmt(st.costOfEquity(), Output::percent));
            for (String note : st.notes()) {
              notes.computeIfAbsent(note, k -> new ArrayList<>()).add(label);
            }
          }
        });
    // a note shared by many tickers (the market proxy has no prices) is said once, naming them
    notes.forEach(
        (note, tickers) -> ctx.err().println("note: " + SafeText.names(tickers) + ": " + note));
    Meta meta = used.withRate(used.meta().withMethod(r.method()), r.riskFreeRate());
    Map<String, String> errors = Tickers.errors(context(), results, labels);
    if (json.size() > 0) {
      print(meta, json, table, errors);
    }
    return Output.reportErrors(ctx, errors);
  }

  private static String fmt(OptionalDouble v, DoubleFunction<String> format) {
    return v.isPresent() ? format.apply(v.getAsDouble()) : "-";
  }
}
