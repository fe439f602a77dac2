package io.scrilla.commands.functions;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.scrilla.api.error.InvalidInputException;
import io.scrilla.api.model.Asset;
import io.scrilla.api.model.DateRange;
import io.scrilla.commands.Json;
import io.scrilla.commands.Meta;
import io.scrilla.commands.Output;
import io.scrilla.commands.Table;
import io.scrilla.core.Result;
import io.scrilla.core.valuation.DividendValuation;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code scrilla discount-dividend-model T... [--discount-rate R] [--as-of DATE]}: the net present
 * value of the dividends projected by a linear trend, discounted at R (default: the CAPM cost of
 * equity); {@code {"T": {"net_present_value": x, "discount_rate": r}}}.
 */
@Command(
    name = "discount-dividend-model",
    aliases = "ddm",
    description =
        "Present value of future dividends (linear trend), discounted at --discount-rate or the"
            + " CAPM cost of equity.")
public class DiscountDividendModelCommand extends TickersCommand {
  @Option(
      names = {"--discount-rate", "-discount-rate", "--discount", "-discount"},
      paramLabel = "R",
      description = "annual discount rate, decimal (default: the CAPM cost of equity)")
  Double discountRate;

  @Option(
      names = {"--as-of", "-as-of"},
      paramLabel = "YYYY-MM-DD",
      description = "valuation date (default: today)")
  String asOf;

  /**
   * Returns the dividend model of each ticker as the options ask (what {@code plot-divs} draws).
   */
  protected final Map<Asset, Result<DividendValuation>> valuations() {
    var scrilla = scrilla();
    List<Asset> assets = assets();
    LocalDate date = date();
    if (discountRate != null) {
      if (!Double.isFinite(discountRate)) {
        throw new InvalidInputException("--discount-rate " + discountRate + " is not a number");
      }
      double rate = discountRate;
      return each(assets, a -> scrilla.discountDividendModel(a, date, rate));
    }
    return each(assets, a -> scrilla.discountDividendModel(a, date));
  }

  private LocalDate date() {
    return asOf == null ? scrilla().today() : DateRange.parseDate(asOf, "--as-of");
  }

  @Override
  public Integer call() {
    var scrilla = scrilla();
    Map<Asset, Result<DividendValuation>> results = valuations();
    LocalDate date = date();
    Meta meta = DividendsCommand.dividendSource(scrilla);
    if (discountRate == null) {
      meta = meta.withMethod(scrilla.config().defaultMethod());
    }
    Map<Asset, String> labels = Tickers.labels(results.keySet());
    ObjectNode json = Json.object();
    Table table = new Table("ticker", "as of", "net present value", "discount rate");
    results.forEach(
        (asset, result) -> {
          if (result instanceof Result.Success<DividendValuation> s) {
            String label = labels.get(asset);
            ObjectNode node = json.putObject(label);
            Json.put(node, "net_present_value", s.value().netPresentValue());
            Json.put(node, "discount_rate", s.value().discountRate());
            table.row(
                label,
                date.toString(),
                Output.money(s.value().netPresentValue()),
                Output.percent(s.value().discountRate()));
          }
        });
    Map<String, String> errors = Tickers.errors(context(), results, labels);
    if (json.size() > 0) {
      print(meta, json, table, errors);
    }
    return Output.reportErrors(context(), errors);
  }
}
