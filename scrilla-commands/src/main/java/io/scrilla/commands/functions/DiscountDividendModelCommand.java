package io.scrilla.commands.functions;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.scrilla.api.error.InvalidInputException;
import io.scrilla.api.model.Asset;
import io.scrilla.api.model.DateRange;
import io.scrilla.commands.Json;
import io.scrilla.commands.Output;
import io.scrilla.core.Result;
import io.scrilla.core.valuation.DividendValuation;
import java.time.LocalDate;
import java.util.ArrayList;
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
public class DiscountDividendModelCommand extends WindowCommand {
  @Option(
      names = {"--discount-rate", "-discount"},
      paramLabel = "R",
      description = "annual discount rate, decimal")
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
    var scrilla = context().scrilla();
    List<Asset> assets = Tickers.resolve(tickers, crypto);
    LocalDate date = asOf == null ? scrilla.today() : DateRange.parseDate(asOf, "--as-of");
    if (discountRate != null) {
      if (!Double.isFinite(discountRate)) {
        throw new InvalidInputException("--discount-rate " + discountRate + " is not a number");
      }
      double rate = discountRate;
      return Result.each(assets, a -> scrilla.discountDividendModel(a, date, rate));
    }
    return Result.each(assets, a -> scrilla.discountDividendModel(a, date));
  }

  @Override
  public Integer call() {
    Map<Asset, Result<DividendValuation>> results = valuations();
    ObjectNode json = Json.object();
    List<List<String>> table = new ArrayList<>();
    table.add(List.of("ticker", "net_present_value", "discount_rate"));
    results.forEach(
        (asset, result) -> {
          if (result instanceof Result.Success<DividendValuation> s) {
            ObjectNode node = json.putObject(asset.ticker());
            Json.put(node, "net_present_value", s.value().netPresentValue());
            Json.put(node, "discount_rate", s.value().discountRate());
            table.add(
                List.of(
                    asset.ticker(),
                    Output.fmt(s.value().netPresentValue()),
                    Output.fmt(s.value().discountRate())));
          }
        });
    if (json.size() > 0) {
      Output.print(context(), options, json, table);
    }
    return Tickers.reportFailures(context(), results);
  }
}
