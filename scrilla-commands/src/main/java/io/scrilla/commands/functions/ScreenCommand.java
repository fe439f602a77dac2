package io.scrilla.commands.functions;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.scrilla.api.error.InvalidInputException;
import io.scrilla.api.model.Asset;
import io.scrilla.api.model.DateRange;
import io.scrilla.api.model.EstimationMethod;
import io.scrilla.api.model.PriceHistory;
import io.scrilla.api.model.RiskProfile;
import io.scrilla.commands.Context;
import io.scrilla.commands.Json;
import io.scrilla.commands.Meta;
import io.scrilla.commands.MethodOptions;
import io.scrilla.commands.Output;
import io.scrilla.commands.RateOptions;
import io.scrilla.commands.Table;
import io.scrilla.commands.WindowOptions;
import io.scrilla.core.Result;
import io.scrilla.core.Scrilla;
import io.scrilla.core.market.RiskFreeRate;
import io.scrilla.core.valuation.DividendValuation;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.DoubleFunction;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParseResult;

/**
 * {@code scrilla screen [T...] [--criteria C]}: the tickers that pass a screen, in the order
 * screened; tickers that do not pass are left out, tickers that cannot be judged are reported under
 * {@code errors} and on stderr. The criteria ({@code --criteria}, default {@code ddm}):
 *
 * <ul>
 *   <li>{@code ddm}: the discount dividend model value today exceeds the latest close by more than
 *       the margin, {@code model_price > spot_price * (1 + M)} ({@code --margin M}, default 0). The
 *       dividends are discounted at {@code --discount-rate R}, or else at each ticker's CAPM cost
 *       of equity over the window ({@code --start/--end}, the method, {@code --risk-free-rate}), as
 *       {@code ddm} does; JSON {@code {"T": {"spot_price": p, "price_date": d, "model_price": v,
 *       "discount": v - p, "discount_rate": r}}}.
 *   <li>{@code sharpe}: the Sharpe ratio over the window is above {@code --threshold X} (default
 *       0); JSON {@code {"T": {"sharpe_ratio": s}}}.
 *   <li>{@code return}: the annual return over the window (annualized, decimal fraction) is above
 *       {@code --threshold X} (default 0); JSON {@code {"T": {"annual_return": r}}}.
 *   <li>{@code volatility}: the annual volatility over the window is below {@code --threshold X}
 *       (required); JSON {@code {"T": {"annual_volatility": v}}}.
 * </ul>
 *
 * <p>Each ticker is judged on its own window (with the market proxy's for the cost of equity). An
 * option the criterion does not use is refused: {@code --margin} and {@code --discount-rate} with
 * another criterion than {@code ddm}, {@code --threshold} with {@code ddm}, the window, method and
 * rate options beside {@code --discount-rate} (which replaces the cost of equity they estimate),
 * and {@code --risk-free-rate} with {@code return} or {@code volatility}.
 *
 * <p>Without tickers, {@link #defaultTickers} supplies them: none here (the command fails asking
 * for tickers); the command line screens the user's watchlist.
 */
@Command(
    name = "screen",
    aliases = "scr",
    description =
        "Tickers that pass a screen (--criteria): dividend discount model value above the latest"
            + " close by more than --margin (ddm, the default), or Sharpe ratio, annual return"
            + " above, or annual volatility below --threshold.")
public class ScreenCommand extends OutputCommand {
  @Option(
      names = {"--criteria", "-criteria", "--crit", "-crit"},
      paramLabel = "C",
      description =
          "ddm (default), sharpe, return or volatility: what a ticker must pass (see the command's"
              + " description)")
  String criteria;

  @Option(
      names = {"--threshold", "-threshold"},
      paramLabel = "X",
      description =
          "the Sharpe ratio or annual return (decimal) a ticker must exceed (default 0), or the"
              + " annual volatility (decimal) it must stay below (required); not for ddm")
  Double threshold;

  @Option(
      names = {"--discount-rate", "-discount-rate", "--discount", "-discount"},
      paramLabel = "R",
      description =
          "annual discount rate, decimal (default: each ticker's CAPM cost of equity over the"
              + " window); ddm only")
  Double discountRate;

  @Option(
      names = {"--margin", "-margin"},
      paramLabel = "M",
      description =
          "how far the model value must exceed the price, as a decimal fraction of the price"
              + " (0.1: by more than 10%); default 0; ddm only")
  Double margin;

  @Mixin WindowOptions window;

  @Mixin MethodOptions methods;

  @Mixin RateOptions rate;

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

  /** What a ticker is screened on. */
  private enum Criterion {
    DDM("ddm"),
    SHARPE("sharpe_ratio"),
    RETURN("annual_return"),
    VOLATILITY("annual_volatility");

    private final String field;

    Criterion(String field) {
      this.field = field;
    }

    static Criterion parse(String name) {
      for (Criterion c : values()) {
        if (c.name().equalsIgnoreCase(name.strip())) {
          return c;
        }
      }
      throw new InvalidInputException(
          "--criteria '" + name + "' is not one of ddm, sharpe, return, volatility");
    }

    String label() {
      return name().toLowerCase(Locale.ROOT);
    }
  }

  /** One ticker that passed the ddm screen: its latest close and its model value. */
  private record Pass(LocalDate date, double spot, DividendValuation model) {}

  private static final List<String> ESTIMATE_OPTIONS =
      List.of("--start", "--end", "--method", "--moments", "--percentiles", "--likelihood");

  @Override
  public Integer call() {
    Context ctx = context();
    Criterion c = criteria == null ? Criterion.DDM : Criterion.parse(criteria);
    checkOptions(c);
    List<Asset> assets = Tickers.resolve(tickers.isEmpty() ? defaultTickers(ctx) : tickers, false);
    Scrilla scrilla = ctx.scrilla();
    EstimationMethod method = methods.method(scrilla.config().defaultMethod());
    RiskFreeRate riskFree = rate.riskFreeRate();
    Used used = new Used(ctx);
    return c == Criterion.DDM
        ? screenDdm(scrilla, assets, method, riskFree, used)
        : screenStatistic(c, scrilla, assets, method, riskFree, used);
  }

  /** Refuses, in one line, an option the criterion does not use. */
  private void checkOptions(Criterion c) {
    if (c == Criterion.DDM) {
      refuse(
          List.of("--threshold"),
          "by --criteria ddm, which screens by --margin; --threshold is for sharpe, return and"
              + " volatility");
      if (discountRate != null) {
        List<String> unused = new ArrayList<>(ESTIMATE_OPTIONS);
        unused.add("--risk-free-rate");
        refuse(
            unused,
            "beside --discount-rate, which replaces the CAPM cost of equity they estimate; give"
                + " one or the other");
      }
      if (discountRate != null && !Double.isFinite(discountRate)) {
        throw new InvalidInputException("--discount-rate " + discountRate + " is not a number");
      }
      if (margin != null && !(margin > -1 && Double.isFinite(margin))) {
        throw new InvalidInputException(
            "--margin " + margin + " is out of range: use a fraction above -1, e.g. 0.1");
      }
      return;
    }
    refuse(
        List.of("--margin", "--discount-rate"),
        "by --criteria "
            + c.label()
            + ", which screens by --threshold; --margin and --discount-rate are for --criteria"
            + " ddm");
    if (c != Criterion.SHARPE) {
      refuse(
          List.of("--risk-free-rate"),
          "by --criteria " + c.label() + ", which does not depend on the risk-free rate");
    }
    if (threshold != null && !Double.isFinite(threshold)) {
      throw new InvalidInputException("--threshold " + threshold + " is not a number");
    }
    if (c == Criterion.VOLATILITY && threshold == null) {
      throw new InvalidInputException(
          "--criteria volatility needs --threshold, the highest annual volatility that passes,"
              + " e.g. 0.3");
    }
  }

  /** Fails naming the options of the list that were given: "{@code --x is not used <why>}". */
  private void refuse(List<String> names, String why) {
    ParseResult parsed = spec.commandLine().getParseResult();
    List<String> given = names.stream().filter(parsed::hasMatchedOption).toList();
    if (!given.isEmpty()) {
      throw new InvalidInputException(
          String.join(", ", given) + (given.size() == 1 ? " is" : " are") + " not used " + why);
    }
  }

  private int screenDdm(
      Scrilla scrilla,
      List<Asset> assets,
      EstimationMethod method,
      RiskFreeRate riskFree,
      Used used) {
    LocalDate today = scrilla.today();
    double m = margin == null ? 0 : margin;
    Map<Asset, Result<Optional<Pass>>> results =
        each(
            assets,
            a -> {
              LocalDate last = scrilla.marketData().latestDate(a);
              PriceHistory h = scrilla.prices(a, DateRange.of(last, last));
              double spot = h.close(h.size() - 1);
              double r;
              if (discountRate != null) {
                r = discountRate;
              } else {
                List<Asset> group = List.of(a, scrilla.marketProxy());
                DateRange range = scrilla.range(group, window.window());
                r = scrilla.costOfEquity(a, range, method, riskFree);
                used.dates(scrilla.marketData().sample(group, range, method));
              }
              DividendValuation v = scrilla.discountDividendModel(a, today, r);
              return v.netPresentValue() > spot * (1 + m)
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
      meta = used.withRate(meta.withMethod(method), riskFree);
      Optional<DateRange> w = used.window();
      if (w.isPresent()) {
        meta = meta.withWindow(w.get());
      }
    }
    return finish(
        meta,
        json,
        table,
        Tickers.errors(context(), results, labels),
        results.size(),
        "a model value above its latest close by more than the margin of " + Output.percent(m));
  }

  private int screenStatistic(
      Criterion c,
      Scrilla scrilla,
      List<Asset> assets,
      EstimationMethod method,
      RiskFreeRate riskFree,
      Used used) {
    double x = threshold == null ? 0 : threshold;
    Map<Asset, Result<Optional<Double>>> results =
        each(
            assets,
            a -> {
              DateRange range = scrilla.range(List.of(a), window.window());
              double value =
                  switch (c) {
                    case SHARPE -> scrilla.sharpeRatio(a, range, method, riskFree);
                    case RETURN -> profile(scrilla, a, range, method).annualReturn();
                    case VOLATILITY -> profile(scrilla, a, range, method).annualVolatility();
                    case DDM -> throw new IllegalStateException("ddm is screened by screenDdm");
                  };
              used.dates(scrilla.marketData().sample(List.of(a), range, method));
              boolean passes = c == Criterion.VOLATILITY ? value < x : value > x;
              return passes ? Optional.of(value) : Optional.empty();
            });
    DoubleFunction<String> format = c == Criterion.SHARPE ? Output::ratio : Output::percent;
    String test = (c == Criterion.VOLATILITY ? " below " : " above ") + format.apply(x);
    String column = c.field.replace('_', ' ');
    Map<Asset, String> labels = Tickers.labels(results.keySet());
    ObjectNode json = Json.object();
    Table table = new Table("ticker", column + test);
    results.forEach(
        (asset, result) -> {
          if (result instanceof Result.Success<Optional<Double>> s && s.value().isPresent()) {
            Json.put(json.putObject(labels.get(asset)), c.field, s.value().get());
            table.row(labels.get(asset), format.apply(s.value().get()));
          }
        });
    Meta meta = used.meta().withMethod(method);
    if (c == Criterion.SHARPE) {
      meta = used.withRate(meta, riskFree);
    }
    return finish(
        meta,
        json,
        table,
        Tickers.errors(context(), results, labels),
        results.size(),
        (column.startsWith("a") ? "an " : "a ") + column + test);
  }

  private static RiskProfile profile(
      Scrilla scrilla, Asset asset, DateRange range, EstimationMethod method) {
    return scrilla.riskProfile(asset, range, method);
  }

  /**
   * Prints what passed, notes when nothing did although some ticker was judged, and returns the
   * exit code.
   */
  private int finish(
      Meta meta,
      ObjectNode json,
      Table table,
      Map<String, String> errors,
      int screened,
      String test) {
    boolean nonePassed = json.isEmpty() && errors.size() < screened;
    print(meta, json, table, errors);
    if (nonePassed) {
      context().err().println("note: no ticker passed: none has " + test);
    }
    return Output.reportErrors(context(), errors);
  }
}
