package io.scrilla.commands.functions;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.scrilla.commands.Json;
import io.scrilla.commands.Output;
import io.scrilla.core.market.RiskFreeQuote;
import java.util.List;
import picocli.CommandLine.Command;

/**
 * {@code scrilla risk-free}: the yield of the {@code RISK_FREE} maturity, as a decimal fraction:
 * {@code {"risk_free_rate": r, "maturity": "ONE_YEAR", "date": d}}.
 */
@Command(
    name = "risk-free",
    description = "The risk-free rate: the RISK_FREE maturity's Treasury yield (decimal).")
public final class RiskFreeCommand extends CurveCommand {
  @Override
  public Integer call() {
    var ctx = context();
    RiskFreeQuote q = ctx.scrilla().marketData().riskFreeQuote(date(), ctx.progress());
    ObjectNode json = Json.object();
    Json.put(json, "risk_free_rate", q.rate());
    json.put("maturity", q.maturity().name());
    json.put("date", q.curveDate().toString());
    Output.print(
        ctx,
        options,
        json,
        List.of(
            List.of("risk_free_rate", "maturity", "date"),
            List.of(Output.fmt(q.rate()), q.maturity().name(), q.curveDate().toString())));
    return 0;
  }
}
