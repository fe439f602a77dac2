package io.scrilla.examples;

import io.scrilla.api.model.Asset;
import io.scrilla.api.model.Dividend;
import io.scrilla.api.model.EstimationMethod;
import io.scrilla.api.model.PriceHistory;
import io.scrilla.core.Result;
import io.scrilla.core.Scrilla;
import io.scrilla.core.market.Sample;
import io.scrilla.core.market.Window;
import io.scrilla.core.valuation.DividendValuation;
import java.io.PrintStream;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The discount dividend model: each stock's projected dividends (a linear trend of its past
 * payments) discounted at its CAPM cost of equity, beside its last close.
 *
 * <pre>
 * mvn -q -pl examples -am test-compile exec:java \
 *     -Dexec.mainClass=io.scrilla.examples.DividendDiscountModelExample
 * </pre>
 *
 * <p>Arguments: tickers with dividends in the sample data (default {@code ALLY BX DIS}).
 */
public final class DividendDiscountModelExample {
  private DividendDiscountModelExample() {}

  /**
   * Prints each stock's dividend value.
   *
   * @param args optional tickers
   */
  public static void main(String[] args) {
    PrintStream out = System.out;
    List<Asset> assets = Examples.assets(args, "ALLY", "BX", "DIS");
    LocalDate asOf = Examples.WINDOW.end();
    EstimationMethod method = EstimationMethod.MOMENTS;
    try (Scrilla scrilla = Examples.open()) {
      // the cost of equity r_f + beta (mu_M - r_f): beta and the market's return over the default
      // window (DEFAULT_ANALYSIS_PERIOD sessions) ending on the valuation date
      List<Asset> market = List.of(scrilla.marketProxy());
      Sample sample =
          scrilla.marketData().sample(market, scrilla.range(market, Window.endingOn(asOf)), method);
      Examples.header(
          out,
          "Discount dividend model, valued on " + asOf + " at the CAPM cost of equity",
          sample);
      out.println("  market  " + scrilla.marketProxy().ticker());
      Examples.riskFree(out, scrilla, sample);
      out.println();
      out.printf(
          Locale.ROOT,
          "%-8s %9s %10s %10s %12s %12s%n",
          "ticker",
          "payments",
          "last paid",
          "discount",
          "value",
          "last close");
      // one stock without enough payments does not stop the others
      Map<Asset, Result<DividendValuation>> values =
          Result.each(
              assets,
              a ->
                  scrilla.discountDividendModel(
                      a, asOf, scrilla.costOfEquity(a, sample.window(), method)));
      values.forEach(
          (asset, result) -> {
            if (result instanceof Result.Failure<DividendValuation> f) {
              out.println("not valued: " + f.error().getMessage());
              return;
            }
            DividendValuation v = result.orElseThrow();
            List<Dividend> paid =
                scrilla.dividends(asset).stream().filter(d -> !d.date().isAfter(asOf)).toList();
            PriceHistory prices = scrilla.prices(asset, sample.window());
            out.printf(
                Locale.ROOT,
                "%-8s %9d %10s %10s %12s %12s%n",
                asset.ticker(),
                paid.size(),
                Examples.money(paid.get(paid.size() - 1).amount()),
                Examples.percent(v.discountRate()),
                Examples.money(v.netPresentValue()),
                Examples.money(prices.close(prices.size() - 1)));
          });
    }
  }
}
