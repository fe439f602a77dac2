package io.scrilla.commands.functions;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.scrilla.api.model.Asset;
import io.scrilla.commands.Json;
import io.scrilla.commands.Output;
import io.scrilla.core.Result;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * A command computing one number per ticker over a window, printed as {@code {"T": {"field":
 * value}}}; failures of single tickers are reported per ticker.
 */
abstract class TickerCommand extends WindowCommand {
  /** Returns the JSON field name of the number. */
  abstract String field();

  /** Computes the number of each ticker. */
  abstract Map<Asset, Result<Double>> compute(Request request);

  @Override
  public Integer call() {
    Map<Asset, Result<Double>> results = compute(request());
    ObjectNode json = Json.object();
    List<List<String>> table = new ArrayList<>();
    table.add(List.of("ticker", field()));
    results.forEach(
        (asset, result) -> {
          if (result instanceof Result.Success<Double> s) {
            Json.put(json.putObject(asset.ticker()), field(), s.value());
            table.add(List.of(asset.ticker(), Output.fmt(s.value())));
          }
        });
    if (json.size() > 0) {
      Output.print(context(), options, json, table);
    }
    return Tickers.reportFailures(context(), results);
  }
}
