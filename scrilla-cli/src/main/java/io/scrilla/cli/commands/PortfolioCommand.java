package io.scrilla.cli.commands;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.scrilla.api.error.InvalidInputException;
import io.scrilla.cli.Json;
import io.scrilla.core.Scrilla;
import io.scrilla.core.allocate.Allocation;
import io.scrilla.core.optimize.Bounds;
import io.scrilla.core.optimize.Constraints;
import io.scrilla.core.optimize.Portfolio;
import io.scrilla.core.optimize.Solution;
import io.scrilla.core.service.PortfolioService;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import picocli.CommandLine.Option;

/**
 * A command that optimizes a portfolio of the tickers: {@code --bounds LO,HI}, {@code --target R},
 * {@code --invest AMOUNT}; prints {@code {"allocation": {"T": w}, "annual_return": r,
 * "annual_volatility": v, "sharpe_ratio": s}} and, with {@code --invest}, {@code "shares"},
 * {@code "total"} and {@code "cash_left"}.
 */
abstract class PortfolioCommand extends WindowCommand {
  @Option(names = {"--bounds", "-bounds"}, paramLabel = "LO,HI",
      description = "bounds of every weight, default 0,1 (long only); e.g. -1,2 allows shorting and leverage")
  String bounds;

  @Option(names = {"--invest", "-invest"}, paramLabel = "AMOUNT",
      description = "buy whole shares for at most this amount at the last close")
  BigDecimal invest;

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

  /** Returns the portfolio of the request, with the explicit risk-free rate when given. */
  Portfolio portfolio(Request r) {
    return r.scrilla().portfolio(r.assets(), r.range(), r.method(), r.riskFreeRate());
  }

  /** Returns the portfolio service of the facade. */
  static PortfolioService portfolios(Request r) {
    return r.scrilla().portfolios();
  }

  /** Returns the JSON of a solution, with the share allocation when {@code --invest} was given. */
  ObjectNode json(Scrilla scrilla, Request r, Solution s) {
    ObjectNode node = Json.object();
    ObjectNode weights = node.putObject("allocation");
    for (Map.Entry<String, Double> e : s.allocation().entrySet()) {
      Json.put(weights, e.getKey(), e.getValue());
    }
    Json.put(node, "annual_return", s.annualReturn());
    Json.put(node, "annual_volatility", s.annualVolatility());
    Json.put(node, "sharpe_ratio", s.sharpeRatio());
    if (invest != null) {
      if (invest.signum() < 0) {
        throw new InvalidInputException("--invest " + invest + " must not be negative");
      }
      Allocation a = scrilla.allocate(s, r.range(), invest);
      ObjectNode shares = node.putObject("shares");
      a.shares().forEach((t, n) -> shares.put(t, n.stripTrailingZeros()));
      Json.put(node, "total", a.invested().doubleValue());
      Json.put(node, "cash_left", a.cashLeft().doubleValue());
    }
    return node;
  }

  /** Returns table rows of a solution: one line per ticker, then the portfolio's numbers. */
  static List<List<String>> table(ObjectNode json) {
    List<List<String>> rows = new ArrayList<>();
    boolean shares = json.has("shares");
    rows.add(shares ? List.of("ticker", "weight", "shares") : List.of("ticker", "weight"));
    json.get("allocation").fields().forEachRemaining(e -> {
      List<String> line = new ArrayList<>(List.of(e.getKey(), e.getValue().asText()));
      if (shares) {
        line.add(json.get("shares").get(e.getKey()).asText());
      }
      rows.add(line);
    });
    for (String f : new String[] {"annual_return", "annual_volatility", "sharpe_ratio",
        "conditional_value_at_risk", "total", "cash_left"}) {
      if (json.has(f)) {
        rows.add(List.of(f, json.get(f).asText()));
      }
    }
    return rows;
  }
}
