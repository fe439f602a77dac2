package io.scrilla.commands.functions;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.scrilla.api.error.InvalidInputException;
import io.scrilla.commands.Json;
import io.scrilla.commands.Output;
import io.scrilla.core.stats.CorrelationSeries;
import java.util.ArrayList;
import java.util.List;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code scrilla correlations A B [--period N]}: the rolling correlation of a pair, on each date of
 * the window the correlation of the trailing N returns ending there ({@link CorrelationSeries}),
 * with the estimation method asked for: {@code {"tickers": [A, B], "period": N, "correlations":
 * {"YYYY-MM-DD": rho, ...}}}, dates ascending.
 */
@Command(
    name = "correlations",
    aliases = "cors",
    description =
        "Rolling correlation of two tickers: on each date of the window, the correlation of the"
            + " trailing --period returns.")
public final class CorrelationsCommand extends WindowCommand {
  @Option(
      names = {"--period", "-period"},
      paramLabel = "N",
      description =
          "returns in each correlation: NYSE sessions (calendar days for two cryptos), at least 2;"
              + " default DEFAULT_ANALYSIS_PERIOD (100)")
  Integer period;

  @Override
  public Integer call() {
    if (tickers.size() != 2) {
      throw new InvalidInputException(
          "correlations takes two tickers, got "
              + tickers.size()
              + "; for a matrix of several use 'scrilla correlation'");
    }
    Request r = request();
    if (r.assets().get(0).equals(r.assets().get(1))) {
      throw new InvalidInputException(
          "correlations needs two different tickers, got " + r.assets().get(0).ticker() + " twice");
    }
    int n = period == null ? r.scrilla().config().analysisPeriod() : period;
    if (n < 2) {
      throw new InvalidInputException("--period " + n + " is too short: use at least 2 returns");
    }
    CorrelationSeries s =
        r.scrilla()
            .correlationSeries(r.assets().get(0), r.assets().get(1), r.range(), r.method(), n);
    ObjectNode json = Json.object();
    json.putArray("tickers").add(s.first().ticker()).add(s.second().ticker());
    json.put("period", n);
    ObjectNode byDate = json.putObject("correlations");
    List<List<String>> table = new ArrayList<>();
    table.add(List.of("date", s.first().ticker() + "/" + s.second().ticker()));
    for (int i = 0; i < s.size(); i++) {
      Json.put(byDate, s.date(i).toString(), s.value(i));
      table.add(List.of(s.date(i).toString(), Output.fmt(s.value(i))));
    }
    Output.print(context(), options, json, table);
    return 0;
  }
}
