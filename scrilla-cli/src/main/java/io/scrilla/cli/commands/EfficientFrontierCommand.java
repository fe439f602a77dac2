package io.scrilla.cli.commands;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.scrilla.api.error.InvalidInputException;
import io.scrilla.cli.Json;
import io.scrilla.cli.Output;
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
@Command(name = "efficient-frontier", aliases = "ef",
    description = "Efficient frontier: FRONTIER_STEPS (or --steps) minimum-variance portfolios, lowest return first.")
public final class EfficientFrontierCommand extends PortfolioCommand {
  @Option(names = {"--steps", "-steps"}, paramLabel = "N", description = "number of portfolios (default FRONTIER_STEPS)")
  Integer steps;

  @Option(names = {"--inclusive", "-inclusive"}, description = "end the frontier at the maximum-return portfolio")
  boolean inclusive;

  @Override
  public Integer call() {
    Request r = request();
    int n = steps == null ? r.scrilla().config().frontierSteps() : steps;
    if (n < 2) {
      throw new InvalidInputException("--steps " + n + " must be at least 2");
    }
    List<Solution> frontier = portfolios(r).efficientFrontier(
        portfolio(r), bounds(), n, inclusive ? FrontierSpacing.INCLUSIVE : FrontierSpacing.SCRILLA);
    ArrayNode json = Json.array();
    List<List<String>> table = new ArrayList<>();
    List<String> header = new ArrayList<>(List.of("annual_return", "annual_volatility", "sharpe_ratio"));
    header.addAll(frontier.get(0).tickers());
    table.add(header);
    for (Solution s : frontier) {
      ObjectNode node = json(r.scrilla(), r, s);
      json.add(node);
      List<String> line = new ArrayList<>(List.of(Output.fmt(s.annualReturn()), Output.fmt(s.annualVolatility()),
          Output.fmt(s.sharpeRatio())));
      for (double w : s.weights()) {
        line.add(Output.fmt(w));
      }
      table.add(line);
    }
    Output.print(context(), options, json, table);
    return 0;
  }
}
