package io.scrilla.commands.functions;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.scrilla.api.error.PriceUnavailableException;
import io.scrilla.api.model.DateRange;
import io.scrilla.api.model.Maturity;
import io.scrilla.api.model.YieldCurve;
import io.scrilla.commands.CommonOptions;
import io.scrilla.commands.Context;
import io.scrilla.commands.Json;
import io.scrilla.commands.Output;
import io.scrilla.commands.ScrillaCommand;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.OptionalDouble;
import java.util.Set;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;

/**
 * {@code scrilla interest M... [--start D] [--end D]}: scrilla's interest-rate history, the
 * Treasury par yields of the maturities named on each date of the window (default: {@code
 * DEFAULT_ANALYSIS_PERIOD} sessions up to the latest curve), as decimal fractions: {@code
 * {"ONE_YEAR": {"YYYY-MM-DD": r, ...}, "TEN_YEAR": {...}}}, maturities in the order named, dates
 * ascending; a date on which a maturity was not published is left out of that maturity's object.
 */
@Command(
    name = "interest",
    aliases = "int",
    description =
        "Treasury yield history (decimal fractions) over the window, one column per maturity"
            + " named (ONE_MONTH ... THIRTY_YEAR).")
public final class InterestCommand implements Callable<Integer> {
  @ParentCommand ScrillaCommand parent;

  @Mixin CommonOptions options;

  @Parameters(
      arity = "1..*",
      paramLabel = "MATURITY",
      description =
          "ONE_MONTH, TWO_MONTH, THREE_MONTH, FOUR_MONTH, SIX_MONTH, ONE_YEAR, TWO_YEAR,"
              + " THREE_YEAR, FIVE_YEAR, SEVEN_YEAR, TEN_YEAR, TWENTY_YEAR, THIRTY_YEAR (any case)")
  List<String> maturities;

  @Override
  public Integer call() {
    Context ctx = parent.context();
    Set<Maturity> wanted = new LinkedHashSet<>();
    for (String m : maturities) {
      wanted.add(Maturity.parse(m));
    }
    DateRange range = ctx.scrilla().marketData().rateRange(options.window());
    List<YieldCurve> curves = ctx.scrilla().marketData().yieldCurves(range, ctx.progress());
    ObjectNode json = Json.object();
    for (Maturity m : wanted) {
      json.putObject(m.name());
    }
    List<List<String>> table = new ArrayList<>();
    List<String> header = new ArrayList<>(List.of("date"));
    wanted.forEach(m -> header.add(m.name()));
    table.add(header);
    for (YieldCurve c : curves) {
      List<String> line = new ArrayList<>(List.of(c.date().toString()));
      boolean any = false;
      for (Maturity m : wanted) {
        OptionalDouble r = c.rate(m);
        if (r.isPresent()) {
          Json.put((ObjectNode) json.get(m.name()), c.date().toString(), r.getAsDouble());
          any = true;
        }
        line.add(r.isPresent() ? Output.fmt(r.getAsDouble()) : "-");
      }
      if (any) {
        table.add(line);
      }
    }
    if (table.size() == 1) {
      throw new PriceUnavailableException(
          "no Treasury yield of "
              + String.join(", ", wanted.stream().map(Maturity::name).toList())
              + " was published from "
              + range.start()
              + " to "
              + range.end()
              + "; choose another window or maturity");
    }
    Output.print(ctx, options, json, table);
    return 0;
  }
}
