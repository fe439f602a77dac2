package io.scrilla.commands.functions;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.scrilla.api.error.InvalidInputException;
import io.scrilla.api.model.Asset;
import io.scrilla.api.model.DateRange;
import io.scrilla.commands.Json;
import io.scrilla.commands.Meta;
import io.scrilla.commands.Output;
import io.scrilla.commands.Table;
import io.scrilla.core.stats.CorrelationSeries;
import java.util.Map;
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
public final class CorrelationsCommand extends StatisticCommand {
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
    Map<Asset, String> labels = Tickers.labels(r.assets());
    String first = labels.get(s.first());
    String second = labels.get(s.second());
    ObjectNode json = Json.object();
    json.putArray("tickers").add(first).add(second);
    json.put("period", n);
    ObjectNode byDate = json.putObject("correlations");
    Table table = new Table("date", first + "/" + second);
    for (int i = 0; i < s.size(); i++) {
      Json.put(byDate, s.date(i).toString(), s.value(i));
      table.row(s.date(i).toString(), Output.ratio(s.value(i)));
    }
    Meta meta = Meta.empty().withSource(r.scrilla().marketData().priceSourceId().value());
    if (s.size() > 0) {
      meta = meta.withWindow(DateRange.of(s.date(0), s.date(s.size() - 1)));
    }
    print(meta.withMethod(r.method()), json, table, Map.of());
    return 0;
  }
}
