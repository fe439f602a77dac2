package io.scrilla.commands.functions;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.scrilla.api.model.Asset;
import io.scrilla.api.model.PriceHistory;
import io.scrilla.commands.Json;
import io.scrilla.commands.Meta;
import io.scrilla.commands.Output;
import io.scrilla.commands.Table;
import io.scrilla.core.Result;
import io.scrilla.core.market.Sample;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * A command computing one number per ticker over a window, printed as {@code {"T": {"field":
 * value}}}; failures of single tickers are reported per ticker.
 */
abstract class TickerCommand extends StatisticCommand {
  /** Returns the JSON field name of the number. */
  abstract String field();

  /** Returns the table's name of the number. */
  abstract String column();

  /** Formats the number for the table. */
  abstract String format(double value);

  /** Computes the number of each ticker (with {@link #each}, which reports progress). */
  abstract Map<Asset, Result<Double>> compute(Request request);

  /** Returns the assets of the sample a ticker's number is computed from. */
  List<Asset> group(Request r, Asset asset) {
    return List.of(asset);
  }

  /** Returns whether the number uses the risk-free rate (so that the meta names it). */
  boolean usesRate() {
    return false;
  }

  /** Returns the names of the columns between the ticker and the number. */
  List<String> extraColumns() {
    return List.of();
  }

  /** Returns the cells of {@link #extraColumns()} for a ticker's prices. */
  List<String> extraCells(PriceHistory prices) {
    return List.of();
  }

  @Override
  public Integer call() {
    Request r = request();
    Map<Asset, Result<Double>> results = compute(r);
    Map<Asset, String> labels = Tickers.labels(results.keySet());
    Used used = new Used(context());
    ObjectNode json = Json.object();
    List<String> header = new ArrayList<>(List.of("ticker"));
    header.addAll(extraColumns());
    header.add(column());
    Table table = new Table(header);
    results.forEach(
        (asset, result) -> {
          if (result instanceof Result.Success<Double> s) {
            Sample sample = r.scrilla().marketData().sample(group(r, asset), r.range(), r.method());
            Json.put(json.putObject(labels.get(asset)), field(), s.value());
            List<String> row = new ArrayList<>(List.of(labels.get(asset)));
            if (extraColumns().isEmpty()) {
              used.dates(sample);
            } else {
              row.addAll(extraCells(used.sample(sample).get(asset)));
            }
            row.add(format(s.value()));
            table.row(row);
          }
        });
    Meta meta = used.meta().withMethod(r.method());
    if (usesRate()) {
      meta = used.withRate(meta, r.riskFreeRate());
    }
    Map<String, String> errors = Tickers.errors(context(), results, labels);
    if (json.size() > 0) {
      print(meta, json, table, errors);
    }
    return Output.reportErrors(context(), errors);
  }
}
