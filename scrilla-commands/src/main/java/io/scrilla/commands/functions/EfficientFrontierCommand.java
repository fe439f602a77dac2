package io.scrilla.commands.functions;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.scrilla.api.config.ScrillaConfig;
import io.scrilla.api.error.InvalidInputException;
import io.scrilla.commands.Computed;
import io.scrilla.commands.Json;
import io.scrilla.commands.Meta;
import io.scrilla.commands.Output;
import io.scrilla.commands.Table;
import io.scrilla.core.optimize.FrontierSpacing;
import io.scrilla.core.optimize.Solution;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code scrilla efficient-frontier T... [--steps N] [--inclusive]}: a JSON array of
 * optimize-portfolio objects, lowest return first. scrilla's spacing stops one step short of the
 * maximum return; {@code --inclusive} ends at it.
 */
@Command(
    name = "efficient-frontier",
    aliases = "ef",
    description =
        "Efficient frontier: FRONTIER_STEPS (or --steps) minimum-variance portfolios, lowest return"
            + " first.")
public class EfficientFrontierCommand extends PortfolioCommand {
  @Option(
      names = {"--steps", "-steps", "--frontier-steps", "-frontier-steps"},
      paramLabel = "N",
      description = "number of portfolios, 2 to 1000 (default FRONTIER_STEPS)")
  Integer steps;

  @Option(
      names = {"--inclusive", "-inclusive"},
      description = "end the frontier at the maximum-return portfolio")
  boolean inclusive;

  /**
   * Returns the frontier the options ask for, every portfolio certified, with its window and method
   * (what {@code plot-ef} draws).
   */
  protected final Computed<List<Solution>> frontier() {
    int n = steps();
    Request r = request();
    return new Computed<>(frontier(r, n), r.range(), r.method());
  }

  /** Returns the number of portfolios asked for, checked before any data is read. */
  private int steps() {
    int n = steps == null ? context().config().frontierSteps() : steps;
    if (n < ScrillaConfig.MIN_FRONTIER_STEPS || n > ScrillaConfig.MAX_FRONTIER_STEPS) {
      throw new InvalidInputException(
          "--steps "
              + n
              + " is not allowed: give a whole number of"
              + " portfolios from "
              + ScrillaConfig.MIN_FRONTIER_STEPS
              + " to "
              + ScrillaConfig.MAX_FRONTIER_STEPS);
    }
    return n;
  }

  /** Returns the n portfolios of the frontier of the request, each certified. */
  private List<Solution> frontier(Request r, int n) {
    List<Solution> frontier =
        portfolios(r)
            .efficientFrontier(
                portfolio(r, false),
                bounds(),
                n,
                inclusive ? FrontierSpacing.INCLUSIVE : FrontierSpacing.SCRILLA);
    for (int i = 0; i < frontier.size(); i++) {
      certified(frontier.get(i), "portfolio " + (i + 1) + " of " + n + " on the frontier");
    }
    return frontier;
  }

  @Override
  public Integer call() {
    int n = steps();
    Request r = request();
    List<Solution> frontier = frontier(r, n);
    ArrayNode json = Json.array();
    Meta meta = meta(r);
    List<String> labels = labels(frontier.get(0));
    List<String> fields = new ArrayList<>(List.of("annual_return", "annual_volatility"));
    if (hasRiskFreeRate()) {
      fields.add("sharpe_ratio");
    }
    List<String> header = new ArrayList<>();
    fields.forEach(f -> header.add(f.replace('_', ' ')));
    header.addAll(labels);
    if (invest != null) {
      labels.forEach(l -> header.add(l + " shares"));
      header.addAll(List.of("total", "cash left"));
    }
    Table table = new Table(header);
    for (Solution s : frontier) {
      ObjectNode node = json(r.scrilla(), r, s);
      List<String> line = summaryCells(node, fields);
      node.get("allocation").forEach(w -> line.add(Output.percent(w.doubleValue())));
      if (invest != null) {
        node.get("shares").forEach(u -> line.add(Output.units(u.decimalValue())));
        line.addAll(summaryCells(node, List.of("total", "cash_left")));
      }
      // each portfolio of the array carries the meta, as an optimize-portfolio object does
      node.set("meta", meta.json());
      json.add(node);
      table.row(line);
    }
    print(meta, json, table, Map.of());
    return 0;
  }
}
