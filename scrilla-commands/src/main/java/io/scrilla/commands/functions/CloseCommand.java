package io.scrilla.commands.functions;

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
 * {@code scrilla close T...}: the last close of each ticker in the window, by default its latest
 * settled close (each ticker's default window ends at its own latest price); {@code --end D} gives
 * the last close on or before D: {@code {"T": {"date": d, "close": c}}}.
 */
@Command(
    name = "close",
    aliases = "cl",
    description = "The last close in the window (default: the latest close) and its date.")
public final class CloseCommand extends WindowCommand {
  @Override
  public Integer call() {
    Scrilla scrilla = context().scrilla();
    List<Asset> assets = Tickers.resolve(tickers, crypto);
    range(scrilla, assets); // fails with the user's dates when the window holds no data
    Map<Asset, Result<PriceHistory>> results =
        Result.each(assets, a -> scrilla.prices(a, scrilla.range(List.of(a), options.window())));
    ObjectNode json = Json.object();
    List<List<String>> table = new ArrayList<>();
    table.add(List.of("ticker", "date", "close"));
    results.forEach(
        (asset, result) -> {
          if (result instanceof Result.Success<PriceHistory> s) {
            PriceHistory h = s.value();
            int last = h.size() - 1;
            ObjectNode node = json.putObject(asset.ticker()).put("date", h.date(last).toString());
            Json.put(node, "close", h.close(last));
            table.add(
                List.of(asset.ticker(), h.date(last).toString(), Double.toString(h.close(last))));
          }
        });
    if (json.size() > 0) {
      Output.print(context(), options, json, table);
    }
    return Tickers.reportFailures(context(), results);
  }
}
