package io.scrilla.commands.functions;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.scrilla.api.error.ScrillaException;
import io.scrilla.api.model.Asset;
import io.scrilla.api.model.DateRange;
import io.scrilla.api.model.EstimationMethod;
import io.scrilla.api.model.PriceHistory;
import io.scrilla.commands.CryptoOptions;
import io.scrilla.commands.EndOptions;
import io.scrilla.commands.Json;
import io.scrilla.commands.Output;
import io.scrilla.commands.Table;
import io.scrilla.commands.WindowOptions;
import io.scrilla.core.Result;
import io.scrilla.core.Scrilla;
import java.util.List;
import java.util.Map;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

/**
 * {@code scrilla prices T...}: daily prices in the window, ascending.
 *
 * <p>JSON: {@code {"T": [{"date": d, "open": o, "close": c}]}} ({@code open} only when the source
 * has opens). Without dates, each ticker's default window ends at its own latest price.
 */
@Command(
    name = "prices",
    aliases = "pr",
    description = "Daily open and close prices in the window, oldest first.")
public final class PricesCommand extends WindowCommand {
  @Mixin WindowOptions window;

  @Mixin CryptoOptions types;

  @Override
  EndOptions dates() {
    return window;
  }

  @Override
  boolean crypto() {
    return types.crypto();
  }

  @Override
  public Integer call() {
    Scrilla scrilla = scrilla();
    List<Asset> assets = assets();
    range(scrilla, assets); // fails with the user's dates when the window holds no data
    Map<Asset, Result<PriceHistory>> results =
        each(assets, a -> scrilla.prices(a, scrilla.range(List.of(a), window.window())));
    Map<Asset, String> labels = Tickers.labels(results.keySet());
    Used used = new Used(context());
    ObjectNode json = Json.object();
    Table table = new Table("ticker", "date", "open", "close");
    results.forEach(
        (asset, result) -> {
          if (result instanceof Result.Success<PriceHistory> s) {
            PriceHistory h = s.value();
            used.rows(asset, window(scrilla, asset), h.firstDate(), h.lastDate());
            String label = labels.get(asset);
            ArrayNode rows = json.putArray(label);
            for (int i = 0; i < h.size(); i++) {
              ObjectNode row = rows.addObject();
              row.put("date", h.date(i).toString());
              if (h.hasOpens()) {
                Json.put(row, "open", h.open(i));
              }
              Json.put(row, "close", h.close(i));
              table.row(
                  label,
                  h.date(i).toString(),
                  h.hasOpens() ? Output.money(h.open(i)) : "-",
                  Output.money(h.close(i)));
            }
          }
        });
    Map<String, String> errors = Tickers.errors(context(), results, labels);
    if (json.size() > 0) {
      print(used.meta(), json, table, errors);
    }
    return Output.reportErrors(context(), errors);
  }

  /** Returns the window as the statistics would use it: cut to settled days, on sessions. */
  private DateRange window(Scrilla scrilla, Asset asset) {
    DateRange range = scrilla.range(List.of(asset), window.window());
    try {
      return scrilla.marketData().sample(List.of(asset), range, EstimationMethod.MOMENTS).window();
    } catch (ScrillaException e) {
      return range;
    }
  }
}
