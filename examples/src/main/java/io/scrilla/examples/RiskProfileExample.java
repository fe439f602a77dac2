package io.scrilla.examples;

import io.scrilla.api.model.Asset;
import io.scrilla.api.model.EstimationMethod;
import io.scrilla.api.model.PriceHistory;
import io.scrilla.api.model.RiskProfile;
import io.scrilla.core.Scrilla;
import io.scrilla.core.market.Sample;
import java.io.PrintStream;
import java.util.List;
import java.util.Locale;

/**
 * The daily closes of one asset over a window, and its annual return and volatility under geometric
 * Brownian motion by each of the three estimation methods.
 *
 * <pre>
 * mvn -q -pl examples -am test-compile exec:java \
 *     -Dexec.mainClass=io.scrilla.examples.RiskProfileExample
 * </pre>
 *
 * <p>Argument: a ticker (default {@code SPY}).
 */
public final class RiskProfileExample {
  /** How many of the last closes to list. */
  static final int LAST_CLOSES = 5;

  private RiskProfileExample() {}

  /**
   * Prints the price history and the risk profiles.
   *
   * @param args an optional ticker
   */
  public static void main(String[] args) {
    PrintStream out = System.out;
    Asset asset = Examples.assets(args, "SPY").get(0);
    try (Scrilla scrilla = Examples.open()) {
      // the window actually used: the requested one moved to the asset's sessions
      Sample sample =
          scrilla.marketData().sample(List.of(asset), Examples.WINDOW, EstimationMethod.MOMENTS);
      PriceHistory prices = scrilla.prices(asset, sample.window());

      Examples.header(
          out,
          "Price history and risk profile of " + asset.ticker(),
          sample,
          "moments, percentiles and likelihood (one row each)");
      out.printf(
          Locale.ROOT,
          "  %d closes from %s (%s) to %s (%s)%n",
          prices.size(),
          prices.firstDate(),
          Examples.money(prices.close(0)),
          prices.lastDate(),
          Examples.money(prices.close(prices.size() - 1)));
      out.println();
      out.printf(Locale.ROOT, "%-12s %12s%n", "date", "close");
      for (int i = Math.max(0, prices.size() - LAST_CLOSES); i < prices.size(); i++) {
        out.printf(Locale.ROOT, "%-12s %12s%n", prices.date(i), Examples.money(prices.close(i)));
      }

      out.println();
      out.println("Risk profile of " + asset.ticker() + " (annualized), by estimation method");
      out.printf(Locale.ROOT, "%-12s %10s %11s%n", "estimator", "return", "volatility");
      for (EstimationMethod method : EstimationMethod.values()) {
        RiskProfile p = scrilla.riskProfile(asset, sample.window(), method);
        out.printf(
            Locale.ROOT,
            "%-12s %10s %11s%n",
            method.canonicalName(),
            Examples.percent(p.annualReturn()),
            Examples.percent(p.annualVolatility()));
      }
    }
  }
}
