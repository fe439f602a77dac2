package io.scrilla.commands.functions;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Map;
import picocli.CommandLine.Command;

/** {@code scrilla max-return T...}: the portfolio of highest return within the bounds. */
@Command(
    name = "max-return",
    aliases = "max",
    description =
        "Portfolio of maximum return within the bounds (all in the best asset when long only).")
public final class MaxReturnCommand extends PortfolioCommand {
  @Override
  public Integer call() {
    Request r = request();
    ObjectNode json =
        json(r.scrilla(), r, portfolios(r).maximumReturn(portfolio(r, false), bounds()));
    print(meta(r), json, table(json), Map.of());
    return 0;
  }
}
