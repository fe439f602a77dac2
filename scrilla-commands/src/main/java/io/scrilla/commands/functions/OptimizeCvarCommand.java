package io.scrilla.commands.functions;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.scrilla.commands.Json;
import io.scrilla.commands.Table;
import io.scrilla.core.optimize.CvarSolution;
import io.scrilla.core.risk.TailEvent;
import java.util.Map;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * {@code scrilla optimize-cvar T... --prob P --expiry YEARS [--target R]}: the portfolio of least
 * conditional value at risk; prints the optimize-portfolio JSON plus {@code
 * "conditional_value_at_risk"}, a loss as a fraction of the value invested.
 */
@Command(
    name = "optimize-cvar",
    aliases = {"opt-cvar", "cvar-opt"},
    description =
        "Portfolio of least conditional value at risk (loss fraction) over --expiry years at"
            + " --prob.")
public final class OptimizeCvarCommand extends PortfolioCommand {
  @Mixin RiskOptions risk;

  @Option(
      names = {"--target", "-target", "--target-return", "-target-return"},
      paramLabel = "R",
      description = "required annual return, decimal")
  Double target;

  @Override
  public Integer call() {
    TailEvent event = risk.event();
    Request r = request();
    CvarSolution s =
        portfolios(r)
            .minimumConditionalValueAtRisk(portfolio(r, false), constraints(target), event);
    ObjectNode json = json(r.scrilla(), r, s.solution());
    Json.put(json, "conditional_value_at_risk", s.conditionalValueAtRiskLoss());
    Table table = table(json);
    for (int i = 0; i < RiskOptions.COLUMNS.size(); i++) {
      table.row(RiskOptions.COLUMNS.get(i), risk.cells().get(i));
    }
    print(meta(r), json, table, Map.of());
    return 0;
  }
}
