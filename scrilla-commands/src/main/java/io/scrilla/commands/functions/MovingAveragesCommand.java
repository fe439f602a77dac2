package io.scrilla.commands.functions;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.scrilla.api.model.Asset;
import io.scrilla.commands.Computed;
import io.scrilla.commands.Json;
import io.scrilla.commands.Output;
import io.scrilla.commands.Table;
import io.scrilla.core.Result;
import io.scrilla.core.stats.MovingAverages;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import picocli.CommandLine.Command;

/**
 * {@code scrilla mov-averages T...}: for each date of the window, the annual return over the
 * trailing {@code MA_1}, {@code MA_2}, {@code MA_3} periods: {@code {"T": {"YYYY-MM-DD": {"MA_20":
 * x, "MA_60": y, "MA_100": z}}}}.
 */
@Command(
    name = "mov-averages",
    aliases = "mas",
    description = "Moving averages of the annual return over MA_1, MA_2, MA_3 trailing periods.")
public class MovingAveragesCommand extends StatisticCommand {
  /**
   * Returns the moving averages of each ticker with the window and method (what {@code plot-mas}
   * draws).
   */
  protected final Computed<Map<Asset, Result<MovingAverages>>> averages() {
    Request r = request();
    return new Computed<>(averages(r), r.range(), r.method());
  }

  private Map<Asset, Result<MovingAverages>> averages(Request r) {
    return each(r.assets(), a -> r.scrilla().movingAverages(a, r.range(), r.method()));
  }

  @Override
  public Integer call() {
    Request r = request();
    Map<Asset, Result<MovingAverages>> results = averages(r);
    Map<Asset, String> labels = Tickers.labels(results.keySet());
    Used used = new Used(context());
    ObjectNode json = Json.object();
    int[] periods = r.scrilla().config().movingAveragePeriods();
    List<String> header = new ArrayList<>(List.of("ticker", "date"));
    for (int p : periods) {
      header.add("MA_" + p);
    }
    Table table = new Table(header);
    results.forEach(
        (asset, result) -> {
          if (result instanceof Result.Success<MovingAverages> s) {
            used.dates(r.scrilla().marketData().sample(List.of(asset), r.range(), r.method()));
            String label = labels.get(asset);
            ObjectNode byDate = json.putObject(label);
            s.value()
                .toMap()
                .forEach(
                    (date, row) -> {
                      ObjectNode node = byDate.putObject(date.toString());
                      List<String> line = new ArrayList<>(List.of(label, date.toString()));
                      for (int p : periods) {
                        Double v = row.get(p);
                        if (v != null) {
                          Json.put(node, "MA_" + p, v);
                        }
                        line.add(v == null ? "-" : Output.percent(v));
                      }
                      table.row(line);
                    });
          }
        });
    Map<String, String> errors = Tickers.errors(context(), results, labels);
    if (json.size() > 0) {
      print(used.meta().withMethod(r.method()), json, table, errors);
    }
    return Output.reportErrors(context(), errors);
  }
}
