package io.scrilla.cli.commands;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.scrilla.api.error.PriceUnavailableException;
import io.scrilla.api.model.DateRange;
import io.scrilla.api.model.Maturity;
import io.scrilla.api.model.YieldCurve;
import io.scrilla.cli.CommonOptions;
import io.scrilla.cli.Json;
import io.scrilla.cli.Output;
import io.scrilla.cli.ScrillaCommand;
import io.scrilla.core.Scrilla;
import java.time.LocalDate;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;

/**
 * {@code scrilla risk-free}: the yield of the {@code RISK_FREE} maturity, as a decimal fraction:
 * {@code {"risk_free_rate": r, "maturity": "ONE_YEAR", "date": d}}.
 */
@Command(name = "risk-free", description = "The risk-free rate: the RISK_FREE maturity's Treasury yield (decimal).")
public final class RiskFreeCommand implements Callable<Integer> {
  @ParentCommand
  ScrillaCommand parent;

  @Mixin
  CommonOptions options;

  @Option(names = {"--date", "-date"}, paramLabel = "YYYY-MM-DD", description = "the date (default: latest)")
  String date;

  @Override
  public Integer call() {
    var ctx = parent.context();
    Scrilla scrilla = ctx.scrilla();
    Maturity m = scrilla.config().riskFree();
    LocalDate d = date == null ? scrilla.latestRateDate() : DateRange.parseDate(date, "--date");
    YieldCurve curve = scrilla.yieldCurve(d, ctx.progress());
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
