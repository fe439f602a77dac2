package io.scrilla.commands.functions;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.scrilla.commands.Json;
import io.scrilla.commands.Output;
import io.scrilla.commands.Table;
import io.scrilla.core.market.RiskFreeQuote;
import java.util.Map;
import picocli.CommandLine.Command;

/**
 * {@code scrilla risk-free}: the yield of the {@code RISK_FREE} maturity, as a decimal fraction:
 * {@code {"risk_free_rate": r, "maturity": "ONE_YEAR", "date": d}}.
 */
@Command(
    name = "risk-free",
    aliases = "rf",
    description = "The risk-free rate: the RISK_FREE maturity's Treasury yield (decimal).")
public final class RiskFreeCommand extends CurveCommand {
  @Override
  public Integer call() {
    RiskFreeQuote q = scrilla().marketData().riskFreeQuote(date(), context().progress());
    ObjectNode json = Json.object();
    Json.put(json, "risk_free_rate", q.rate());
    json.put("maturity", q.maturity().name());
    json.put("date", q.curveDate().toString());
    Table table = new Table("risk-free rate", "maturity", "date");
    table.row(Output.percent(q.rate()), q.maturity().name(), q.curveDate().toString());
    print(meta(), json, table, Map.of());
    return 0;
  }
}
