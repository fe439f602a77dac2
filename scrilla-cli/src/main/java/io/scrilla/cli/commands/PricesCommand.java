package io.scrilla.cli.commands;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.scrilla.api.model.Asset;
import io.scrilla.api.model.DateRange;
import io.scrilla.api.model.PriceHistory;
import io.scrilla.cli.CommonOptions;
import io.scrilla.cli.Json;
import io.scrilla.cli.Output;
import io.scrilla.cli.ScrillaCommand;
import io.scrilla.core.Result;
import io.scrilla.core.Scrilla;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;

/**
 * {@code scrilla prices T...}: daily prices in the window, ascending.
 *
 * <p>JSON: {@code {"T": [{"date": d, "open": o, "close": c}]}} ({@code open} only when the source
 * has opens).
 */
@Command(name = "prices", description = "Daily open and close prices in the window, oldest first.")
public final class PricesCommand implements Callable<Integer> {
  @ParentCommand
  ScrillaCommand parent;

  @Mixin
  CommonOptions options;

  @Option(names = "--crypto", description = "treat bare tickers as crypto")
  boolean crypto;

  @Parameters(arity = "1..*", paramLabel = "TICKER")
  List<String> tickers;

  @Override
  public Integer call() {
    var ctx = parent.context();
    Scrilla scrilla = ctx.scrilla();
    List<Asset> assets = Tickers.resolve(tickers, crypto);
    Map<Asset, Result<PriceHistory>> results = new LinkedHashMap<>();
    for (Asset a : assets) {
      results.put(a, Tickers.attempt(() -> {
        DateRange r = scrilla.resolveRange(List.of(a), options.start(), options.end());
        return scrilla.prices(a, r);
      }));
    }
    ObjectNode json = Json.object();
    List<List<String>> table = new ArrayList<>();
    table.add(List.of("ticker", "date", "open", "close"));
    results.forEach((asset, result) -> {
      if (result instanceof Result.Success<PriceHistory> s) {
        PriceHistory h = s.value();
        ArrayNode rows = json.putArray(asset.ticker());
        for (int i = 0; i < h.size(); i++) {
          ObjectNode row = rows.addObject();
          row.put("date", h.date(i).toString());
          if (h.hasOpens()) {
            Json.put(row, "open", h.open(i));
          }
          Json.put(row, "close", h.close(i));
          table.add(List.of(asset.ticker(), h.date(i).toString(), h.hasOpens() ? Double.toString(h.open(i)) : "",
              Double.toString(h.close(i))));
        }
      }
    });
    if (json.size() > 0) {
      Output.print(ctx, options, json, table);
    }
    return Tickers.reportFailures(ctx, results);
  }
}
