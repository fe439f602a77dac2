package io.scrilla.examples;

import io.scrilla.api.model.Asset;
import io.scrilla.api.model.EstimationMethod;
import io.scrilla.api.model.PriceHistory;
import io.scrilla.core.Scrilla;
import io.scrilla.core.market.Sample;
import io.scrilla.core.optimize.Constraints;
import io.scrilla.core.optimize.CvarSolution;
import io.scrilla.core.optimize.Portfolio;
import io.scrilla.core.risk.TailEvent;
import java.io.PrintStream;
import java.util.List;
import java.util.Locale;

/**
 * Value at risk and conditional value at risk (expected shortfall) of a portfolio of fixed weights
 * and of each of its assets, over the worst 5% of outcomes in half a year; and for comparison the
 * long-only portfolio of least CVaR among those with the same expected return.
 *
 * <pre>
 * mvn -q -pl examples -am test-compile exec:java \
 *     -Dexec.mainClass=io.scrilla.examples.PortfolioRiskExample
 * </pre>
 *
 * <p>No arguments: the tickers and weights are {@link #TICKERS} and {@link #WEIGHTS}.
 */
public final class PortfolioRiskExample {
  /** The portfolio's tickers. */
  public static final List<String> TICKERS = List.of("SPY", "GLD", "DIS", "BX");

  /** The portfolio's weights, in the order of {@link #TICKERS}, summing to 1. */
  static final double[] WEIGHTS = {0.4, 0.3, 0.2, 0.1};

  /** The amount invested, USD. */
  public static final double VALUE = 10_000;

  /** The worst 5% of outcomes in half a year. */
  public static final TailEvent EVENT = TailEvent.of(0.05, 0.5);

  private PortfolioRiskExample() {}

  /**
   * Prints the risk measures.
   *
   * @param args none
   */
  public static void main(String[] args) {
    PrintStream out = System.out;
    List<Asset> assets = TICKERS.stream().map(Scrilla::asset).toList();
    EstimationMethod method = EstimationMethod.MOMENTS;
    try (Scrilla scrilla = Examples.open()) {
      Sample sample = scrilla.marketData().sample(assets, Examples.WINDOW, method);
      Examples.header(out, "Value at risk of a portfolio", sample);
      out.printf(
          Locale.ROOT,
          "  event   the worst %s of outcomes in %s years%n",
          Examples.percent(EVENT.probability()),
          EVENT.horizon());

      // the portfolio: each asset's return and volatility and their correlations, one sample
      Portfolio portfolio = scrilla.portfolio(assets, sample.window(), method);
      double var = portfolio.valueAtRiskLoss(WEIGHTS, EVENT);
      double cvar = portfolio.conditionalValueAtRiskLoss(WEIGHTS, EVENT);
      out.println();
      out.println("Portfolio of " + Examples.money(VALUE));
      out.printf(Locale.ROOT, "%-8s %8s%n", "ticker", "weight");
      for (int i = 0; i < assets.size(); i++) {
        out.printf(Locale.ROOT, "%-8s %8s%n", assets.get(i).ticker(), Examples.percent(WEIGHTS[i]));
      }
      out.printf(
          Locale.ROOT,
          "  return %s  volatility %s%n",
          Examples.percent(portfolio.expectedReturn(WEIGHTS)),
          Examples.percent(portfolio.volatility(WEIGHTS)));
      out.printf(
          Locale.ROOT, "  VaR loss  %s (%s)%n", Examples.percent(var), Examples.money(var * VALUE));
      out.printf(
          Locale.ROOT,
          "  CVaR loss %s (%s)%n",
          Examples.percent(cvar),
          Examples.money(cvar * VALUE));

      out.println();
      out.println("Each asset alone: price levels from its last close");
      out.printf(Locale.ROOT, "%-8s %12s %12s %12s%n", "ticker", "last close", "VaR", "CVaR");
      for (Asset asset : assets) {
        PriceHistory prices = scrilla.prices(asset, sample.window());
        out.printf(
            Locale.ROOT,
            "%-8s %12s %12s %12s%n",
            asset.ticker(),
            Examples.money(prices.close(prices.size() - 1)),
            Examples.money(scrilla.valueAtRisk(asset, sample.window(), method, EVENT)),
            Examples.money(scrilla.conditionalValueAtRisk(asset, sample.window(), method, EVENT)));
      }

      Constraints sameReturn =
          Constraints.longOnly().withTargetReturn(portfolio.expectedReturn(WEIGHTS));
      CvarSolution least =
          scrilla.minimumConditionalValueAtRisk(assets, sample.window(), method, sameReturn, EVENT);
      out.println();
      out.println("Long-only portfolio of least CVaR with the same expected return");
      out.printf(Locale.ROOT, "%-8s %8s%n", "ticker", "weight");
      for (int i = 0; i < assets.size(); i++) {
        out.printf(
            Locale.ROOT,
            "%-8s %8s%n",
            assets.get(i).ticker(),
            Examples.percent(least.solution().weights()[i]));
      }
      out.printf(
          Locale.ROOT,
          "  VaR loss  %s (%s)%n",
          Examples.percent(least.valueAtRiskLoss()),
          Examples.money(least.valueAtRiskLoss() * VALUE));
      out.printf(
          Locale.ROOT,
          "  CVaR loss %s (%s)%n",
          Examples.percent(least.conditionalValueAtRiskLoss()),
          Examples.money(least.conditionalValueAtRiskLoss() * VALUE));
    }
  }
}
