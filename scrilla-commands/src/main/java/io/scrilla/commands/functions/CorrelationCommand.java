package io.scrilla.commands.functions;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.scrilla.api.model.Asset;
import io.scrilla.commands.Computed;
import io.scrilla.commands.Json;
import io.scrilla.commands.Output;
import io.scrilla.commands.Table;
import io.scrilla.core.stats.CorrelationMatrix;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import picocli.CommandLine.Command;

/**
 * {@code scrilla correlation T...}: the correlation matrix in the order given, {@code {"tickers":
 * [...], "matrix": [[...]]}}; a ticker without prices is left out and reported.
 */
@Command(
    name = "correlation",
    aliases = "cor",
    description = "Correlation matrix of the tickers' returns.")
public class CorrelationCommand extends StatisticCommand {
  /**
   * Returns the correlation matrix of the tickers with its window and method (what {@code
   * plot-cors} draws); tickers that failed are in its {@link CorrelationMatrix#failures()}.
   */
  protected final Computed<CorrelationMatrix> matrix() {
    Request r = request();
    return new Computed<>(matrix(r), r.range(), r.method());
  }

  private CorrelationMatrix matrix(Request r) {
    prefetch(r);
    return r.scrilla().correlationMatrix(r.assets(), r.range(), r.method());
  }

  @Override
  public Integer call() {
    Request r = request();
    CorrelationMatrix m = matrix(r);
    List<Asset> all = new ArrayList<>(new LinkedHashSet<>(r.assets()));
    Map<Asset, String> labels = Tickers.labels(all);
    Used used = new Used(context());
    if (m.size() > 0) {
      used.dates(r.scrilla().marketData().sample(all, r.range(), r.method()));
    }
    ObjectNode json = Json.object();
    ArrayNode names = json.putArray("tickers");
    ArrayNode rows = json.putArray("matrix");
    // the text table only when it is printed: formatting 250,000 entries costs seconds
    boolean text = !output.json() && !output.quiet();
    List<String> header = new ArrayList<>();
    header.add("");
    for (Asset a : m.assets()) {
      header.add(labels.get(a));
    }
    Table table = new Table(header);
    for (int i = 0; i < m.size(); i++) {
      String label = labels.get(m.assets().get(i));
      names.add(label);
      ArrayNode row = rows.addArray();
      List<String> line = new ArrayList<>();
      line.add(label);
      for (int j = 0; j < m.size(); j++) {
        double v = m.get(i, j);
        row.add(Json.number(v));
        if (text) {
          line.add(Output.ratio(v));
        }
      }
      if (text) {
        table.row(line);
      }
    }
    Map<String, String> errors = Tickers.failures(context(), m.failures(), labels);
    if (m.size() > 0) {
      print(used.meta().withMethod(r.method()), json, table, errors);
    }
    return Output.reportErrors(context(), errors);
  }
}
