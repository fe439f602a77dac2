package io.scrilla.examples;

import io.scrilla.api.model.Asset;
import io.scrilla.api.model.EstimationMethod;
import io.scrilla.api.model.PriceHistory;
import io.scrilla.core.Scrilla;
import io.scrilla.core.allocate.Allocation;
import io.scrilla.core.market.Sample;
import io.scrilla.core.optimize.Constraints;
import io.scrilla.core.optimize.Solution;
import java.io.PrintStream;
import java.math.BigDecimal;
import java.util.List;
import java.util.Locale;

/**
 * The long-only minimum-variance and maximum-Sharpe-ratio portfolios of a few equities, each bought
 * in whole shares for $10,000 at the window's last closes.
 *
 * <pre>
 * mvn -q -pl examples -am test-compile exec:java \
 *     -Dexec.mainClass=io.scrilla.examples.PortfolioExample
 * </pre>
 *
 * <p>Arguments: tickers (default {@code SPY GLD DIS BX ALLY}).
 */
public final class PortfolioExample {
  /** The amount invested in each portfolio, USD. */
  public static final BigDecimal AMOUNT = new BigDecimal("10000");

  private PortfolioExample() {}

  /**
   * Prints both portfolios and their allocations.
   *
   * @param args optional tickers
   */
  public static void main(String[] args) {
    PrintStream out = System.out;
    List<Asset> assets = Examples.assets(args, "SPY", "GLD", "DIS", "BX", "ALLY");
    EstimationMethod method = EstimationMethod.MOMENTS;
    try (Scrilla scrilla = Examples.open()) {
      Sample sample = scrilla.marketData().sample(assets, Examples.WINDOW, method);
      Examples.header(out, "Optimal portfolios, long only", sample);
      Examples.riskFree(out, scrilla, sample);

      Solution minVar =
          scrilla.minimumVariance(assets, sample.window(), method, Constraints.longOnly());
      print(out, scrilla, sample, "Minimum variance", minVar);
      Solution maxSharpe =
          scrilla.maximumSharpeRatio(assets, sample.window(), method, Constraints.longOnly());
      print(out, scrilla, sample, "Maximum Sharpe ratio", maxSharpe);
    }
  }

  private static void print(
      PrintStream out, Scrilla scrilla, Sample sample, String name, Solution solution) {
    Allocation allocation = scrilla.allocate(solution, sample.window(), AMOUNT);
    out.println();
    out.println(name + " portfolio, " + Examples.money(AMOUNT) + " in whole shares");
    out.printf(
        Locale.ROOT,
        "  return %s  volatility %s  Sharpe ratio %s%n",
        Examples.percent(solution.annualReturn()),
        Examples.percent(solution.annualVolatility()),
        Examples.decimal(solution.sharpeRatio()));
    out.printf(
        Locale.ROOT,
        "%-8s %8s %8s %12s %12s%n",
        "ticker",
        "weight",
        "shares",
        "last close",
        "value");
    for (int i = 0; i < solution.assets().size(); i++) {
      Asset asset = solution.assets().get(i);
      BigDecimal shares = allocation.units().get(i);
      double close = lastClose(scrilla, sample, asset);
      out.printf(
          Locale.ROOT,
          "%-8s %8s %8s %12s %12s%n",
          asset.ticker(),
          Examples.percent(solution.weights()[i]),
          shares.toPlainString(),
          Examples.money(close),
          Examples.money(shares.multiply(BigDecimal.valueOf(close))));
    }
    out.println(
        "  invested "
            + Examples.money(allocation.invested())
            + ", cash left "
            + Examples.money(allocation.cashLeft()));
  }

  private static double lastClose(Scrilla scrilla, Sample sample, Asset asset) {
    PriceHistory prices = scrilla.prices(asset, sample.window());
    return prices.close(prices.size() - 1);
  }
}
