package io.scrilla.commands.functions;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.scrilla.api.model.Asset;
import io.scrilla.api.model.Dividend;
import io.scrilla.commands.Json;
import io.scrilla.commands.Output;
import io.scrilla.core.Result;
import io.scrilla.core.Scrilla;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import picocli.CommandLine.Command;

/**
 * {@code scrilla dividends T...}: every known cash dividend, {@code {"T": [{"date": d, "amount":
 * a}]}}.
 */
@Command(
    name = "dividends",
    description = "Cash dividends per share by payment date, oldest first.")
public final class DividendsCommand extends WindowCommand {
  @Override
  public Integer call() {
    Scrilla scrilla = context().scrilla();
    Map<Asset, Result<List<Dividend>>> results =
        Result.each(Tickers.resolve(tickers, crypto), scrilla::dividends);
    ObjectNode json = Json.object();
    List<List<String>> table = new ArrayList<>();
    table.add(List.of("ticker", "date", "amount"));
    results.forEach(
        (asset, result) -> {
          if (result instanceof Result.Success<List<Dividend>> s) {
            ArrayNode rows = json.putArray(asset.ticker());
            for (Dividend d : s.value()) {
              Json.put(rows.addObject().put("date", d.date().toString()), "amount", d.amount());
              table.add(List.of(asset.ticker(), d.date().toString(), Double.toString(d.amount())));
            }
          }
        });
    if (json.size() > 0) {
      Output.print(context(), options, json, table);
    }
    return Tickers.reportFailures(context(), results);
  }
}
