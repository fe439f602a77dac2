package io.scrilla.commands.functions;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.scrilla.api.error.InvalidInputException;
import io.scrilla.api.model.Asset;
import io.scrilla.api.model.DateRange;
import io.scrilla.api.model.PriceHistory;
import io.scrilla.commands.CommonOptions;
import io.scrilla.commands.Context;
import io.scrilla.commands.Json;
import io.scrilla.commands.Output;
import io.scrilla.commands.ScrillaCommand;
import io.scrilla.core.Result;
import io.scrilla.core.Scrilla;
import io.scrilla.core.valuation.DividendValuation;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;

/**
 * {@code scrilla screen [T...] [--discount-rate R] [--margin M]}: the tickers whose discount
 * dividend model value today (at R, default each ticker's CAPM cost of equity, as {@code ddm})
 * exceeds their latest close by more than the margin, {@code model_price > spot_price * (1 + M)}:
 * {@code {"T": {"spot_price": p, "price_date": d, "model_price": v, "discount": v - p,
 * "discount_rate": r}}}, in the order screened; tickers that do not pass are left out, tickers that
 * cannot be valued are reported on stderr.
 *
 * <p>Without tickers, {@link #defaultTickers} supplies them: none here (the command fails asking
 * for tickers); the command line screens the user's watchlist.
 */
@Command(
    name = "screen",
    aliases = "scr",
    description =
        "Tickers whose dividend discount model value exceeds their latest close by more than"
            + " --margin.")
public class ScreenCommand implements Callable<Integer> {
  @ParentCommand ScrillaCommand parent;

  @Mixin CommonOptions options;

  @Option(
      names = {"--crypto"},
      description = "treat bare tickers as crypto")
  boolean crypto;

  @Option(
      names = {"--discount-rate", "-discount"},
      paramLabel = "R",
      description = "annual discount rate, decimal (default: each ticker's CAPM cost of equity)")
  Double discountRate;

  @Option(
      names = {"--margin", "-margin"},
      paramLabel = "M",
      description =
          "how far the model value must exceed the price, as a decimal fraction of the price"
              + " (0.1: by more than 10%); default 0")
  double margin;

  @Parameters(arity = "0..*", paramLabel = "TICKER", description = "e.g. ALLY BX")
  List<String> tickers = new ArrayList<>();

  /** Creates the command. */
  public ScreenCommand() {}

  /**
   * Returns the tickers to screen when none are named.
   *
   * @param ctx the command context
   * @return the tickers; this implementation fails asking for them
   * @throws InvalidInputException always, here
   */
  protected List<String> defaultTickers(Context ctx) {
    throw new InvalidInputException("name the tickers to screen, e.g. 'screen ALLY BX'");
  }

  /** One ticker that passed: its latest close and its model value. */
  private record Pass(LocalDate date, double spot, DividendValuation model) {}

  @Override
  public Integer call() {
    Context ctx = parent.context();
    if (margin <= -1) {
      throw new InvalidInputException(
          "--margin " + margin + " is out of range: use a fraction above -1, e.g. 0.1");
    }
    List<String> names = tickers.isEmpty() ? defaultTickers(ctx) : tickers;
    Scrilla scrilla = ctx.scrilla();
    LocalDate today = scrilla.today();
    Map<Asset, Result<Optional<Pass>>> results =
        Result.each(
            Tickers.resolve(names, crypto),
            a -> {
              LocalDate last = scrilla.marketData().latestDate(a);
              PriceHistory h = scrilla.prices(a, DateRange.of(last, last));
              double spot = h.close(h.size() - 1);
              DividendValuation v =
                  discountRate == null
                      ? scrilla.discountDividendModel(a, today)
                      : scrilla.discountDividendModel(a, today, discountRate);
              return v.netPresentValue() > spot * (1 + margin)
                  ? Optional.of(new Pass(h.date(h.size() - 1), spot, v))
                  : Optional.empty();
            });
    ObjectNode json = Json.object();
    List<List<String>> table = new ArrayList<>();
    table.add(
        List.of("ticker", "price_date", "spot_price", "model_price", "discount", "discount_rate"));
    results.forEach(
        (asset, result) -> {
          if (result instanceof Result.Success<Optional<Pass>> s && s.value().isPresent()) {
            Pass p = s.value().get();
            double model = p.model().netPresentValue();
            ObjectNode node = json.putObject(asset.ticker());
            Json.put(node, "spot_price", p.spot());
            node.put("price_date", p.date().toString());
            Json.put(node, "model_price", model);
            Json.put(node, "discount", model - p.spot());
            Json.put(node, "discount_rate", p.model().discountRate());
            table.add(
                List.of(
                    asset.ticker(),
                    p.date().toString(),
                    Double.toString(p.spot()),
                    Output.fmt(model),
                    Output.fmt(model - p.spot()),
                    Output.fmt(p.model().discountRate())));
          }
        });
    Output.print(ctx, options, json, table);
    if (json.isEmpty()) {
      ctx.err()
          .println(
              "note: no ticker passed: none has a model value above its latest close by more"
                  + " than the margin of "
                  + margin);
    }
    return Tickers.reportFailures(ctx, results);
  }
}
