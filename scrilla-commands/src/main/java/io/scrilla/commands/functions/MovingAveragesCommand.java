package io.scrilla.commands.functions;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.scrilla.api.model.Asset;
import io.scrilla.commands.Computed;
import io.scrilla.commands.Json;
import io.scrilla.commands.Output;
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
public class MovingAveragesCommand extends WindowCommand {
  /**
   * Returns the moving averages of each ticker with the window and method (what {@code plot-mas}
   * draws).
   */
  protected final Computed<Map<Asset, Result<MovingAverages>>> averages() {
    return averages(request());
  }

  private static Computed<Map<Asset, Result<MovingAverages>>> averages(Request r) {
    return new Computed<>(
        Result.each(r.assets(), a -> r.scrilla().movingAverages(a, r.range(), r.method())),
        r.range(),
        r.method());
  }

  @Override
  public Integer call() {
    Request r = request();
    Map<Asset, Result<MovingAverages>> results = averages(r).value();
    ObjectNode json = Json.object();
    List<List<String>> table = new ArrayList<>();
    int[] periods = r.scrilla().config().movingAveragePeriods();
    List<String> header = new ArrayList<>(List.of("ticker", "date"));
    for (int p : periods) {
      header.add("MA_" + p);
    }
    table.add(header);
    results.forEach(
        (asset, result) -> {
          if (result instanceof Result.Success<MovingAverages> s) {
            ObjectNode byDate = json.putObject(asset.ticker());
            s.value()
                .toMap()
                .forEach(
                    (date, row) -> {
                      ObjectNode node = byDate.putObject(date.toString());
                      List<String> line = new ArrayList<>(List.of(asset.ticker(), date.toString()));
                      for (int p : periods) {
                        Double v = row.get(p);
                        if (v != null) {
                          Json.put(node, "MA_" + p, v);
                        }
                        line.add(v == null ? "-" : Output.fmt(v));
                      }
                      table.add(line);
                    });
          }
        });
    if (json.size() > 0) {
      Output.print(context(), options, json, table);
    }
    return Tickers.reportFailures(context(), results);
  }
}
