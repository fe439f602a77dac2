package io.scrilla.cli.commands;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.scrilla.api.error.PriceUnavailableException;
import io.scrilla.api.model.Maturity;
import io.scrilla.api.model.YieldCurve;
import io.scrilla.cli.Json;
import io.scrilla.cli.Output;
import io.scrilla.core.Scrilla;
import java.util.List;
import picocli.CommandLine.Command;

/**
 * {@code scrilla risk-free}: the yield of the {@code RISK_FREE} maturity, as a decimal fraction:
 * {@code {"risk_free_rate": r, "maturity": "ONE_YEAR", "date": d}}.
 */
@Command(name = "risk-free", description = "The risk-free rate: the RISK_FREE maturity's Treasury yield (decimal).")
public final class RiskFreeCommand extends CurveCommand {
  @Override
  public Integer call() {
    var ctx = context();
    Scrilla scrilla = ctx.scrilla();
    Maturity m = scrilla.config().riskFree();
    YieldCurve curve = curve();
    double r = curve.rate(m).orElseThrow(() -> new PriceUnavailableException(
        "the Treasury published no " + m + " yield on " + curve.date() + "; set RISK_FREE to another maturity"));
    ObjectNode json = Json.object();
    Json.put(json, "risk_free_rate", r);
    json.put("maturity", m.name());
    json.put("date", curve.date().toString());
    Output.print(ctx, options, json, List.of(List.of("risk_free_rate", "maturity", "date"),
        List.of(Output.fmt(r), m.name(), curve.date().toString())));
    return 0;
  }
}
