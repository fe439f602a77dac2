package io.scrilla.commands.functions;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.scrilla.core.optimize.Portfolio;
import io.scrilla.core.optimize.Solution;
import io.scrilla.core.service.PortfolioService;
import java.util.Map;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code scrilla optimize-portfolio T... [--sharpe] [--target R] [--invest AMOUNT] [--bounds
 * LO,HI]}: the minimum-variance portfolio, or with {@code --sharpe} the maximum-Sharpe portfolio
 * (risk-free rate of {@code RISK_FREE} at the window's end, or {@code --risk-free-rate}).
 */
@Command(
    name = "optimize-portfolio",
    aliases = "opt",
    description = "Minimum-variance (or, with --sharpe, maximum-Sharpe) portfolio weights.")
public final class OptimizePortfolioCommand extends PortfolioCommand {
  @Option(
      names = {"--sharpe", "-sharpe", "--sh", "-sh"},
      description = "maximize the Sharpe ratio instead of minimizing variance")
  boolean sharpe;

  @Option(
      names = {"--target", "-target", "--target-return", "-target-return"},
      paramLabel = "R",
      description = "required annual return, decimal")
  Double target;

  @Override
  public Integer call() {
    Request r = request();
    PortfolioService portfolios = portfolios(r);
    Portfolio p = portfolio(r, sharpe);
    Solution s =
        sharpe
            ? portfolios.maximumSharpeRatio(p, constraints(target))
            : portfolios.minimumVariance(p, constraints(target));
    ObjectNode json = json(r.scrilla(), r, s);
    print(meta(r), json, table(json), Map.of());
    return 0;
  }
}
