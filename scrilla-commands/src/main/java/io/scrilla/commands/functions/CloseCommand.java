package io.scrilla.commands.functions;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.scrilla.api.model.Asset;
import io.scrilla.api.model.PriceHistory;
import io.scrilla.commands.EndOptions;
import io.scrilla.commands.Json;
import io.scrilla.commands.Output;
import io.scrilla.commands.Table;
import io.scrilla.core.Result;
import io.scrilla.core.Scrilla;
import java.util.List;
import java.util.Map;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

/**
 * {@code scrilla close T...}: the last close of each ticker in the window, by default its latest
 * settled close (each ticker's default window ends at its own latest price); {@code --end D} gives
 * the last close on or before D: {@code {"T": {"date": d, "close": c}}}.
 */
@Command(
    name = "close",
    aliases = "cl",
    description = "The last close on or before --end (default: the latest close) and its date.")
public final class CloseCommand extends WindowCommand {
  @Mixin EndOptions end;

  @Override
  EndOptions dates() {
    return end;
  }

  @Override
  public Integer call() {
    Scrilla scrilla = scrilla();
    List<Asset> assets = assets();
    range(scrilla, assets); // fails with the user's dates when the window holds no data
    Map<Asset, Result<PriceHistory>> results =
        each(assets, a -> scrilla.prices(a, scrilla.range(List.of(a), end.window())));
    Map<Asset, String> labels = Tickers.labels(results.keySet());
    ObjectNode json = Json.object();
    Table table = new Table("ticker", "date", "close");
    results.forEach(
        (asset, result) -> {
          if (result instanceof Result.Success<PriceHistory> s) {
            PriceHistory h = s.value();
            int last = h.size() - 1;
            String label = labels.get(asset);
            ObjectNode node = json.putObject(label).put("date", h.date(last).toString());
            Json.put(node, "close", h.close(last));
            table.row(label, h.date(last).toString(), Output.money(h.close(last)));
          }
        });
    Map<String, String> errors = Tickers.errors(context(), results, labels);
    if (json.size() > 0) {
      print(new Used(context()).meta(), json, table, errors);
    }
    return Output.reportErrors(context(), errors);
  }
}
