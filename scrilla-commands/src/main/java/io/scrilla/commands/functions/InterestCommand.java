package io.scrilla.commands.functions;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.scrilla.api.error.PriceUnavailableException;
import io.scrilla.api.model.DateRange;
import io.scrilla.api.model.Maturity;
import io.scrilla.api.model.YieldCurve;
import io.scrilla.commands.Context;
import io.scrilla.commands.Json;
import io.scrilla.commands.Meta;
import io.scrilla.commands.Output;
import io.scrilla.commands.Table;
import io.scrilla.commands.WindowOptions;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.OptionalDouble;
import java.util.Set;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Parameters;

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
public final class InterestCommand extends OutputCommand {
  @Mixin WindowOptions window;

  @Parameters(
      arity = "1..*",
      paramLabel = "MATURITY",
      description =
          "ONE_MONTH, TWO_MONTH, THREE_MONTH, FOUR_MONTH, SIX_MONTH, ONE_YEAR, TWO_YEAR,"
              + " THREE_YEAR, FIVE_YEAR, SEVEN_YEAR, TEN_YEAR, TWENTY_YEAR, THIRTY_YEAR (any case)")
  List<String> maturities;

  @Override
  public Integer call() {
    Context ctx = context();
    Set<Maturity> wanted = new LinkedHashSet<>();
    for (String m : maturities) {
      wanted.add(Maturity.parse(m));
    }
    DateRange range = ctx.scrilla().marketData().rateRange(window.window());
    List<YieldCurve> curves = ctx.scrilla().marketData().yieldCurves(range, ctx.progress());
    ObjectNode json = Json.object();
    for (Maturity m : wanted) {
      json.putObject(m.name());
    }
    List<String> header = new ArrayList<>(List.of("date"));
    wanted.forEach(m -> header.add(m.name()));
    Table table = new Table(header);
    LocalDate first = null;
    LocalDate last = null;
    for (YieldCurve c : curves) {
      List<String> line = new ArrayList<>(List.of(c.date().toString()));
      boolean any = false;
      for (Maturity m : wanted) {
        OptionalDouble r = c.rate(m);
        if (r.isPresent()) {
          Json.put((ObjectNode) json.get(m.name()), c.date().toString(), r.getAsDouble());
          any = true;
        }
        line.add(r.isPresent() ? Output.percent(r.getAsDouble()) : "-");
      }
      if (any) {
        table.row(line);
        first = first == null ? c.date() : first;
        last = c.date();
      }
    }
    if (first == null) {
      throw new PriceUnavailableException(
          "no Treasury yield of "
              + String.join(", ", wanted.stream().map(Maturity::name).toList())
              + " was published from "
              + range.start()
              + " to "
              + range.end()
              + "; choose another window or maturity");
    }
    Meta meta =
        Meta.empty()
            .withWindow(DateRange.of(first, last))
            .withSource(ctx.scrilla().marketData().rateSourceId().value());
    print(meta, json, table, Map.of());
    return 0;
  }
}
