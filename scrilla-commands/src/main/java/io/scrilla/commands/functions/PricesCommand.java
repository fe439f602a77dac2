package io.scrilla.commands.functions;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.scrilla.api.model.Asset;
import io.scrilla.api.model.PriceHistory;
import io.scrilla.commands.Json;
import io.scrilla.commands.Output;
import io.scrilla.core.Result;
import io.scrilla.core.Scrilla;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import picocli.CommandLine.Command;

/**
 * {@code scrilla prices T...}: daily prices in the window, ascending.
 *
 * <p>JSON: {@code {"T": [{"date": d, "open": o, "close": c}]}} ({@code open} only when the source
 * has opens). Without dates, each ticker's default window ends at its own latest price.
 */
@Command(name = "prices", description = "Daily open and close prices in the window, oldest first.")
public final class PricesCommand extends WindowCommand {
  @Override
  public Integer call() {
    Scrilla scrilla = context().scrilla();
    List<Asset> assets = Tickers.resolve(tickers, crypto);
    range(scrilla, assets); // fails with the user's dates when the window holds no data
    Map<Asset, Result<PriceHistory>> results =
        Result.each(assets, a -> scrilla.prices(a, scrilla.range(List.of(a), options.window())));
    ObjectNode json = Json.object();
    List<List<String>> table = new ArrayList<>();
    table.add(List.of("ticker", "date", "open", "close"));
    results.forEach(
        (asset, result) -> {
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
              table.add(
                  List.of(
                      asset.ticker(),
                      h.date(i).toString(),
                      h.hasOpens() ? Double.toString(h.open(i)) : "",
                      Double.toString(h.close(i))));
            }
          }
        });
    if (json.size() > 0) {
      Output.print(context(), options, json, table);
    }
    return Tickers.reportFailures(context(), results);
  }
}
