package io.scrilla.commands.functions;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.scrilla.api.model.Maturity;
import io.scrilla.api.model.YieldCurve;
import io.scrilla.commands.Json;
import io.scrilla.commands.Output;
import io.scrilla.commands.Table;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

/**
 * {@code scrilla yield-curve [M...]}: the Treasury par yield curve on a date (the latest published
 * on or before {@code --date}, default the latest available), as decimal fractions: {@code {"date":
 * d, "ONE_MONTH": r, ..., "THIRTY_YEAR": r}}, all maturities or those named. The history over a
 * window is {@code interest}'s ({@link InterestCommand}).
 */
@Command(
    name = "yield-curve",
    aliases = "yc",
    description =
        "Treasury par yields (decimal fractions) on a date, all maturities or those named.")
public class YieldCurveCommand extends CurveCommand {
  @Parameters(
      arity = "0..*",
      paramLabel = "MATURITY",
      description = "e.g. ONE_YEAR TEN_YEAR (default: all)")
  List<String> maturities = new ArrayList<>();

  /**
   * Returns the curve of the date asked for, holding the maturities asked for (all by default) that
   * were published that day (what {@code plot-yield} draws).
   */
  protected final YieldCurve selectedCurve() {
    YieldCurve curve = curve();
    Map<Maturity, Double> rates = new EnumMap<>(Maturity.class);
    for (Maturity m : wanted()) {
      curve.rate(m).ifPresent(r -> rates.put(m, r));
    }
    return new YieldCurve(curve.date(), rates);
  }

  private List<Maturity> wanted() {
    return maturities.isEmpty()
        ? Arrays.asList(Maturity.values())
        : maturities.stream().map(Maturity::parse).toList();
  }

  @Override
  public Integer call() {
    List<Maturity> wanted = wanted();
    YieldCurve curve = curve();
    ObjectNode json = Json.object();
    json.put("date", curve.date().toString());
    Table table = new Table("maturity", "yield on " + curve.date());
    for (Maturity m : wanted) {
      curve
          .rate(m)
          .ifPresent(
              r -> {
                Json.put(json, m.name(), r);
                table.row(m.name(), Output.percent(r));
              });
    }
    print(meta(), json, table, Map.of());
    return 0;
  }
}
