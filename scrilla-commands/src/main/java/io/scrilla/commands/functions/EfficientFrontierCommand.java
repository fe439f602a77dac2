package io.scrilla.commands.functions;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.scrilla.api.config.ScrillaConfig;
import io.scrilla.api.error.InvalidInputException;
import io.scrilla.commands.Computed;
import io.scrilla.commands.Json;
import io.scrilla.commands.Output;
import io.scrilla.core.optimize.FrontierSpacing;
import io.scrilla.core.optimize.Solution;
import java.util.ArrayList;
import java.util.List;
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
      names = {"--steps", "-steps"},
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
    List<List<String>> table = new ArrayList<>();
    List<String> header = new ArrayList<>(List.of("annual_return", "annual_volatility"));
    if (hasRiskFreeRate()) {
      header.add("sharpe_ratio");
    }
    header.addAll(frontier.get(0).tickers());
    table.add(header);
    for (Solution s : frontier) {
      ObjectNode node = json(r.scrilla(), r, s);
      json.add(node);
      List<String> line =
          new ArrayList<>(List.of(Output.fmt(s.annualReturn()), Output.fmt(s.annualVolatility())));
      if (hasRiskFreeRate()) {
        line.add(Output.fmt(s.sharpeRatio()));
      }
      for (double w : s.weights()) {
        line.add(Output.fmt(w));
      }
      table.add(line);
    }
    Output.print(context(), options, json, table);
    return 0;
  }
}
