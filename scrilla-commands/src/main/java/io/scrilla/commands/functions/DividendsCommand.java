package io.scrilla.commands.functions;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.scrilla.api.model.Asset;
import io.scrilla.api.model.Dividend;
import io.scrilla.commands.Json;
import io.scrilla.commands.Meta;
import io.scrilla.commands.Output;
import io.scrilla.commands.Table;
import io.scrilla.core.Result;
import io.scrilla.core.Scrilla;
import java.util.List;
import java.util.Map;
import picocli.CommandLine.Command;

/**
 * {@code scrilla dividends T...}: every known cash dividend, {@code {"T": [{"date": d, "amount":
 * a}]}}.
 */
@Command(
    name = "dividends",
    aliases = "divs",
    description = "Every known cash dividend per share, by payment date, oldest first.")
public final class DividendsCommand extends TickersCommand {
  @Override
  public Integer call() {
    Scrilla scrilla = scrilla();
    Map<Asset, Result<List<Dividend>>> results = each(assets(), scrilla::dividends);
    Map<Asset, String> labels = Tickers.labels(results.keySet());
    ObjectNode json = Json.object();
    Table table = new Table("ticker", "date", "amount");
    results.forEach(
        (asset, result) -> {
          if (result instanceof Result.Success<List<Dividend>> s) {
            String label = labels.get(asset);
            ArrayNode rows = json.putArray(label);
            for (Dividend d : s.value()) {
              Json.put(rows.addObject().put("date", d.date().toString()), "amount", d.amount());
              table.row(label, d.date().toString(), Output.money(d.amount()));
            }
          }
        });
    Map<String, String> errors = Tickers.errors(context(), results, labels);
    if (json.size() > 0) {
      print(dividendSource(scrilla), json, table, errors);
    }
    return Output.reportErrors(context(), errors);
  }

  /** Returns the meta of dividend data: the configured source's name ({@code DIV_MANAGER}). */
  static Meta dividendSource(Scrilla scrilla) {
    return Meta.empty().withSource(scrilla.config().divManager());
  }
}
