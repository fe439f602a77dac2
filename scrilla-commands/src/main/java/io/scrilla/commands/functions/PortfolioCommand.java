package io.scrilla.commands.functions;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.scrilla.api.error.InvalidInputException;
import io.scrilla.api.error.ScrillaException;
import io.scrilla.api.model.Asset;
import io.scrilla.commands.Json;
import io.scrilla.commands.Meta;
import io.scrilla.commands.Output;
import io.scrilla.commands.RateOptions;
import io.scrilla.commands.Table;
import io.scrilla.core.Scrilla;
import io.scrilla.core.allocate.Allocation;
import io.scrilla.core.market.MarketData;
import io.scrilla.core.market.RiskFreeRate;
import io.scrilla.core.market.Sample;
import io.scrilla.core.optimize.Bounds;
import io.scrilla.core.optimize.Constraints;
import io.scrilla.core.optimize.Portfolio;
import io.scrilla.core.optimize.Solution;
import io.scrilla.core.optimize.SolutionStatus;
import io.scrilla.core.service.PortfolioService;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * A command that optimizes a portfolio of the tickers: {@code --bounds LO,HI}, {@code --target R},
 * {@code --invest AMOUNT}; prints {@code {"allocation": {"T": w}, "annual_return": r,
 * "annual_volatility": v, "sharpe_ratio": s}} and, with {@code --invest}, {@code "shares"}, {@code
 * "total"} and {@code "cash_left"}. {@code "sharpe_ratio"} is left out, with a note on stderr, when
 * no risk-free rate is available and the command does not need one.
 *
 * <p>Every solution printed is certified ({@link #certified}): a portfolio the optimizer could not
 * prove optimal ends the command with an error (exit code 1) instead.
 */
abstract class PortfolioCommand extends StatisticCommand {
  @Mixin RateOptions rate;

  @Option(
      names = {"--bounds", "-bounds"},
      paramLabel = "LO,HI",
      description =
          "bounds of every weight, default 0,1 (long only); e.g. -1,2 allows shorting and leverage")
  String bounds;

  @Option(
      names = {"--invest", "-invest", "--investment", "-investment"},
      paramLabel = "AMOUNT",
      description = "buy whole shares for at most this amount at the last close")
  BigDecimal invest;

  /** The largest amount {@code --invest} accepts: a trillion. */
  static final BigDecimal MAX_INVEST = new BigDecimal("1e12");

  private static final Logger LOG = LoggerFactory.getLogger(PortfolioCommand.class);

  /** Whether the configured source had no risk-free rate (the Sharpe ratio is left out). */
  private boolean noRiskFreeRate;

  /** The prices the portfolio was computed from, for the meta. */
  private Used used;

  @Override
  RiskFreeRate riskFreeRate() {
    return rate.riskFreeRate();
  }

  /**
   * Builds the request and checks the options of every portfolio command before any data is read.
   *
   * @throws InvalidInputException for an {@code --invest} amount that is negative or above {@link
   *     #MAX_INVEST}
   */
  @Override
  Request request() {
    if (invest != null && (invest.signum() < 0 || invest.compareTo(MAX_INVEST) > 0)) {
      throw new InvalidInputException(
          "--invest "
              + invest
              + " is not allowed: give an amount"
              + " from 0 to "
              + MAX_INVEST.toPlainString());
    }
    return super.request();
  }

  /** Returns the bounds asked for (long only by default). */
  Bounds bounds() {
    return bounds == null ? Bounds.longOnly() : Bounds.parse(bounds);
  }

  /** Returns the constraints: bounds and an optional target return. */
  Constraints constraints(Double target) {
    Constraints c = Constraints.of(bounds());
    if (target != null) {
      if (!Double.isFinite(target)) {
        throw new InvalidInputException("--target " + target + " is not a number");
      }
      c = c.withTargetReturn(target);
    }
    return c;
  }

  /**
   * Returns the portfolio of the request with the explicit risk-free rate when given, else the
   * configured one. When the command does not need the rate ({@code needsRate} false: it only feeds
   * the printed Sharpe ratio) and the configured source has none, the portfolio is still built and
   * the Sharpe ratio is left out of the output, with a note on stderr saying why.
   *
   * @param r the request
   * @param needsRate whether the optimization itself uses the risk-free rate (maximum Sharpe)
   */
  Portfolio portfolio(Request r, boolean needsRate) {
    Scrilla scrilla = r.scrilla();
    prefetch(r);
    if (needsRate || r.riskFreeRate() instanceof RiskFreeRate.Fixed) {
      Portfolio p = scrilla.portfolio(r.assets(), r.range(), r.method(), r.riskFreeRate());
      used(r);
      return p;
    }
    // the statistics first: their failures come before the rate's, as with a fixed rate
    Portfolio p = scrilla.portfolio(r.assets(), r.range(), r.method(), RiskFreeRate.of(0));
    MarketData market = scrilla.marketData();
    LocalDate end = used(r).window().end();
    try {
      return p.withRiskFreeRate(market.riskFreeRate(r.riskFreeRate(), end));
    } catch (ScrillaException e) {
      LOG.debug("no risk-free rate for the window ending {}", end, e);
      noRiskFreeRate = true;
      context().err().println("note: sharpe_ratio is left out: " + e.getMessage());
      return p;
    }
  }

  /** Records the prices of the portfolio's sample for the meta, and returns the sample. */
  private Sample used(Request r) {
    Sample sample = r.scrilla().marketData().sample(r.assets(), r.range(), r.method());
    used = new Used(context());
    used.dates(sample);
    return sample;
  }

  /** Returns the meta of the portfolio: window, method, risk-free rate (when printed), source. */
  Meta meta(Request r) {
    Meta m = used.meta().withMethod(r.method());
    return noRiskFreeRate ? m : used.withRate(m, r.riskFreeRate());
  }

  /** Returns whether the portfolio has a risk-free rate, so that its Sharpe ratio is printed. */
  boolean hasRiskFreeRate() {
    return !noRiskFreeRate;
  }

  /**
   * Returns the solution when it is certified ({@link SolutionStatus#isCertified()}); otherwise
   * fails saying in the user's terms what happened, so that an uncertified portfolio never reaches
   * the output. The one place where the commands check a solver's status.
   *
   * @param s the solution
   * @param what names the portfolio in the message, e.g. {@code "the portfolio"}
   * @return {@code s}
   * @throws InvalidInputException when the status is not certified
   */
  static Solution certified(Solution s, String what) {
    if (s.status().isCertified()) {
      return s;
    }
    String why =
        switch (s.status()) {
          case ITERATION_LIMIT ->
              "the optimizer stopped at its iteration limit before proving " + what + " optimal";
          case STALLED ->
              "the optimizer stalled at a corner of the bounds before proving " + what + " optimal";
          case CHECK_FAILED ->
              "the optimizer could not confirm its answer for "
                  + what
                  + " (weights summing to 1 within the bounds, optimality conditions), so it may be"
                  + " wrong";
          default -> "the optimizer did not prove " + what + " optimal (" + s.status() + ")";
        };
    throw new InvalidInputException(
        why + "; try narrower bounds, fewer tickers or a longer" + " window");
  }

  /** Returns the portfolio service of the facade. */
  static PortfolioService portfolios(Request r) {
    return r.scrilla().portfolios();
  }

  /** Returns the JSON of a solution, with the share allocation when {@code --invest} was given. */
  ObjectNode json(Scrilla scrilla, Request r, Solution s) {
    certified(s, "the portfolio");
    ObjectNode node = Json.object();
    ObjectNode weights = node.putObject("allocation");
    List<String> labels = labels(s);
    double[] w = s.weights();
    for (int i = 0; i < w.length; i++) {
      Json.put(weights, labels.get(i), w[i]);
    }
    Json.put(node, "annual_return", s.annualReturn());
    Json.put(node, "annual_volatility", s.annualVolatility());
    if (!noRiskFreeRate) {
      Json.put(node, "sharpe_ratio", s.sharpeRatio());
    }
    if (invest != null) {
      Allocation a = scrilla.allocate(s, r.range(), invest);
      ObjectNode shares = node.putObject("shares");
      for (int i = 0; i < a.units().size(); i++) {
        shares.put(labels.get(i), a.units().get(i).stripTrailingZeros());
      }
      Json.put(node, "total", a.invested().doubleValue());
      Json.put(node, "cash_left", a.cashLeft().doubleValue());
    }
    return node;
  }

  /** Returns the labels of the solution's assets, in the order of its weights. */
  static List<String> labels(Solution s) {
    Map<Asset, String> labels = Tickers.labels(s.assets());
    return s.assets().stream().map(labels::get).toList();
  }

  /** The numbers of a portfolio below its weights, with their formats. */
  private static final Map<String, Function<JsonNode, String>> SUMMARY = summary();

  private static Map<String, Function<JsonNode, String>> summary() {
    Map<String, Function<JsonNode, String>> m = new LinkedHashMap<>();
    m.put("annual_return", n -> Output.percent(n.doubleValue()));
    m.put("annual_volatility", n -> Output.percent(n.doubleValue()));
    m.put("sharpe_ratio", n -> Output.ratio(n.doubleValue()));
    m.put("conditional_value_at_risk", n -> Output.percent(n.doubleValue()));
    m.put("total", n -> Output.money(n.doubleValue()));
    m.put("cash_left", n -> Output.money(n.doubleValue()));
    return m;
  }

  /**
   * Returns the table of a solution's JSON: one line per ticker with its weight (and shares), then
   * the portfolio's numbers.
   */
  static Table table(ObjectNode json) {
    boolean shares = json.has("shares");
    Table t = shares ? new Table("ticker", "weight", "shares") : new Table("ticker", "weight");
    json.get("allocation")
        .fields()
        .forEachRemaining(
            e -> {
              String w = Output.percent(e.getValue().doubleValue());
              if (shares) {
                t.row(
                    e.getKey(), w, Output.units(json.get("shares").get(e.getKey()).decimalValue()));
              } else {
                t.row(e.getKey(), w);
              }
            });
    SUMMARY.forEach(
        (field, format) -> {
          if (json.has(field)) {
            t.row(field.replace('_', ' '), format.apply(json.get(field)));
          }
        });
    return t;
  }

  /** Returns the portfolio's numbers of a solution's JSON, formatted, in the order of the table. */
  static List<String> summaryCells(ObjectNode json, List<String> fields) {
    List<String> cells = new ArrayList<>();
    for (String f : fields) {
      cells.add(json.has(f) ? SUMMARY.get(f).apply(json.get(f)) : "-");
    }
    return cells;
  }
}
