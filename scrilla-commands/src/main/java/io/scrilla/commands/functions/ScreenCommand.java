package io.scrilla.commands.functions;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.scrilla.api.error.InvalidInputException;
import io.scrilla.api.model.Asset;
import io.scrilla.api.model.DateRange;
import io.scrilla.api.model.PriceHistory;
import io.scrilla.commands.Context;
import io.scrilla.commands.Json;
import io.scrilla.commands.Meta;
import io.scrilla.commands.Output;
import io.scrilla.commands.Table;
import io.scrilla.core.Result;
import io.scrilla.core.Scrilla;
import io.scrilla.core.valuation.DividendValuation;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

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
public class ScreenCommand extends OutputCommand {
  @Option(
      names = {"--discount-rate", "-discount-rate", "--discount", "-discount"},
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
    Context ctx = context();
    if (margin <= -1) {
      throw new InvalidInputException(
          "--margin " + margin + " is out of range: use a fraction above -1, e.g. 0.1");
    }
    List<String> names = tickers.isEmpty() ? defaultTickers(ctx) : tickers;
    Scrilla scrilla = ctx.scrilla();
    LocalDate today = scrilla.today();
    Map<Asset, Result<Optional<Pass>>> results =
        each(
            Tickers.resolve(names, false),
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
    Map<Asset, String> labels = Tickers.labels(results.keySet());
    ObjectNode json = Json.object();
    Table table =
        new Table("ticker", "price date", "spot price", "model price", "discount", "discount rate");
    results.forEach(
        (asset, result) -> {
          if (result instanceof Result.Success<Optional<Pass>> s && s.value().isPresent()) {
            Pass p = s.value().get();
            double model = p.model().netPresentValue();
            ObjectNode node = json.putObject(labels.get(asset));
            Json.put(node, "spot_price", p.spot());
            node.put("price_date", p.date().toString());
            Json.put(node, "model_price", model);
            Json.put(node, "discount", model - p.spot());
            Json.put(node, "discount_rate", p.model().discountRate());
            table.row(
                labels.get(asset),
                p.date().toString(),
                Output.money(p.spot()),
                Output.money(model),
                Output.money(model - p.spot()),
                Output.percent(p.model().discountRate()));
          }
        });
    Meta meta = DividendsCommand.dividendSource(scrilla);
    if (discountRate == null) {
      meta = meta.withMethod(scrilla.config().defaultMethod());
    }
    Map<String, String> errors = Tickers.errors(context(), results, labels);
    print(meta, json, table, errors);
    if (json.isEmpty()) {
      ctx.err()
          .println(
              "note: no ticker passed: none has a model value above its latest close by more"
                  + " than the margin of "
                  + margin);
    }
    return Output.reportErrors(ctx, errors);
  }
}
