package io.scrilla.commands.functions;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.scrilla.api.error.ScrillaException;
import io.scrilla.commands.Computed;
import io.scrilla.commands.Json;
import io.scrilla.commands.Output;
import io.scrilla.core.stats.CorrelationMatrix;
import java.util.ArrayList;
import java.util.List;
import picocli.CommandLine.Command;

/**
 * {@code scrilla correlation T...}: the correlation matrix in the order given, {@code {"tickers":
 * [...], "matrix": [[...]]}}; a ticker without prices is left out and reported.
 */
@Command(
    name = "correlation",
    aliases = "cor",
    description = "Correlation matrix of the tickers' returns.")
public class CorrelationCommand extends WindowCommand {
  /**
   * Returns the correlation matrix of the tickers with its window and method (what {@code
   * plot-cors} draws); tickers that failed are in its {@link CorrelationMatrix#failures()}.
   */
  protected final Computed<CorrelationMatrix> matrix() {
    Request r = request();
    return new Computed<>(
        r.scrilla().correlationMatrix(r.assets(), r.range(), r.method()), r.range(), r.method());
  }

  @Override
  public Integer call() {
    CorrelationMatrix m = matrix().value();
    ObjectNode json = Json.object();
    ArrayNode names = json.putArray("tickers");
    ArrayNode rows = json.putArray("matrix");
    // the text table only when it is printed: formatting 250,000 entries costs seconds
    boolean text = !options.json();
    List<List<String>> table = new ArrayList<>();
    if (text) {
      List<String> header = new ArrayList<>();
      header.add("");
      header.addAll(m.tickers());
      table.add(header);
    }
    for (int i = 0; i < m.size(); i++) {
      names.add(m.tickers().get(i));
      ArrayNode row = rows.addArray();
      List<String> line = new ArrayList<>();
      line.add(m.tickers().get(i));
      for (int j = 0; j < m.size(); j++) {
        double v = m.get(i, j);
        row.add(Json.number(v));
        if (text) {
          line.add(Output.fmt(v));
        }
      }
      if (text) {
        table.add(line);
      }
    }
    if (m.size() > 0) {
      Output.print(context(), options, json, table);
    }
    for (ScrillaException e : m.failures().values()) {
      context().err().println("error: " + e.getMessage());
    }
    return m.failures().isEmpty() ? 0 : 1;
  }
}
