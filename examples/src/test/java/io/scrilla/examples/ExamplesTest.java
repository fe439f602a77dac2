package io.scrilla.examples;

import static io.scrilla.examples.Printed.assertDecimal;
import static io.scrilla.examples.Printed.assertMoney;
import static io.scrilla.examples.Printed.assertPercent;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.scrilla.api.config.ScrillaConfig;
import io.scrilla.api.error.SampleSizeException;
import io.scrilla.api.model.Asset;
import io.scrilla.api.model.DateRange;
import io.scrilla.api.model.EstimationMethod;
import io.scrilla.api.model.PriceHistory;
import io.scrilla.api.model.RiskProfile;
import io.scrilla.api.spi.ProgressListener;
import io.scrilla.core.Scrilla;
import io.scrilla.core.allocate.Allocation;
import io.scrilla.core.calendar.TradingCalendar;
import io.scrilla.core.estimate.CorrelationEstimators;
import io.scrilla.core.estimate.PairSample;
import io.scrilla.core.estimate.ProfileEstimators;
import io.scrilla.core.estimate.ReturnSample;
import io.scrilla.core.market.Sample;
import io.scrilla.core.market.Window;
import io.scrilla.core.optimize.Bounds;
import io.scrilla.core.optimize.Constraints;
import io.scrilla.core.optimize.CvarSolution;
import io.scrilla.core.optimize.FrontierSpacing;
import io.scrilla.core.optimize.Portfolio;
import io.scrilla.core.optimize.Solution;
import io.scrilla.core.risk.TailRisk;
import io.scrilla.core.valuation.DividendValuation;
import io.scrilla.plot.ChartWriter;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Runs each example's {@code main} and checks what it printed against the library computed here, by
 * another route where there is one (the estimators on the raw prices, the one-call facade method
 * the example spells out, the closed forms of the risk measures): the header's window, method and
 * source, and every printed number within the rounding of its last digit.
 */
class ExamplesTest {
  private static final TradingCalendar NYSE = TradingCalendar.nyse();
  private static final EstimationMethod MOMENTS = EstimationMethod.MOMENTS;

  private Scrilla scrilla;

  @BeforeEach
  void open() {
    scrilla = Scrilla.create(ScrillaConfig.builder().cacheMode("memory").build());
  }

  @AfterEach
  void close() {
    scrilla.close();
  }

  @Test
  void riskProfileExample_printsPricesAndEachMethodsProfile() {
    Printed out = Printed.run(RiskProfileExample::main);
    Asset spy = Scrilla.asset("SPY");
    Sample sample = scrilla.marketData().sample(List.of(spy), Examples.WINDOW, MOMENTS);
    out.assertHeader(sample, "moments, percentiles and likelihood (one row each)");
    PriceHistory prices = scrilla.prices(spy, sample.window());

    List<String> summary = out.words(prices.size() + "");
    assertEquals(List.of("closes", "from", prices.firstDate().toString()), summary.subList(1, 4));
    assertMoney(prices.close(0), summary.get(4).replaceAll("[()]", ""));
    assertEquals(prices.lastDate().toString(), summary.get(6));
    assertMoney(prices.close(prices.size() - 1), summary.get(7).replaceAll("[()]", ""));
    for (int i = prices.size() - RiskProfileExample.LAST_CLOSES; i < prices.size(); i++) {
      assertMoney(prices.close(i), out.words(prices.date(i).toString()).get(1));
    }

    ReturnSample returns = ReturnSample.of(prices, NYSE);
    for (EstimationMethod method : EstimationMethod.values()) {
      RiskProfile expected = ProfileEstimators.estimate(returns, method);
      List<String> row = out.words(method.canonicalName());
      assertPercent(expected.annualReturn(), row.get(1));
      assertPercent(expected.annualVolatility(), row.get(2));
    }
  }

  @Test
  void riskProfileExample_takesTheTickerFromItsArgument() {
    Printed out = Printed.run(RiskProfileExample::main, "GLD");
    Asset gld = Scrilla.asset("GLD");
    Sample sample = scrilla.marketData().sample(List.of(gld), Examples.WINDOW, MOMENTS);
    assertPercent(
        scrilla.riskProfile(gld, sample.window(), MOMENTS).annualVolatility(),
        out.words("moments").get(2));
  }

  @Test
  void correlationMatrixExample_printsEachPairsCorrelation() {
    Printed out = Printed.run(CorrelationMatrixExample::main);
    List<Asset> assets = Examples.assets(new String[0], "SPY", "GLD", "DIS", "BX", "ALLY", "BTC");
    Sample sample = scrilla.marketData().sample(assets, Examples.WINDOW, MOMENTS);
    out.assertHeader(sample, "moments");

    List<String> columns = out.words("ticker");
    assertEquals(assets.stream().map(Asset::ticker).toList(), columns.subList(1, columns.size()));
    for (Asset a : assets) {
      List<String> row = out.words(a.ticker());
      assertEquals(assets.size() + 1, row.size(), row::toString);
      for (int j = 0; j < assets.size(); j++) {
        // the pair on its own, through the pairwise estimator: the matrix is computed apart
        double expected = scrilla.correlation(a, assets.get(j), sample.window(), MOMENTS, false);
        assertDecimal(expected, row.get(j + 1));
      }
    }
  }

  @Test
  void portfolioExample_printsBothPortfoliosAndWholeShares() {
    Printed out = Printed.run(PortfolioExample::main);
    List<Asset> assets = Examples.assets(new String[0], "SPY", "GLD", "DIS", "BX", "ALLY");
    Sample sample = scrilla.marketData().sample(assets, Examples.WINDOW, MOMENTS);
    out.assertHeader(sample, "moments");
    double riskFree =
        scrilla.marketData().riskFreeQuote(sample.window().end(), ProgressListener.none()).rate();
    assertPercent(riskFree, out.words("risk-free").get(1));

    Solution minVar =
        scrilla.minimumVariance(assets, sample.window(), MOMENTS, Constraints.longOnly());
    Solution maxSharpe =
        scrilla.maximumSharpeRatio(assets, sample.window(), MOMENTS, Constraints.longOnly());
    checkPortfolio(
        out.section("Minimum variance portfolio, $10000.00 in whole shares"), sample, minVar);
    checkPortfolio(
        out.section("Maximum Sharpe ratio portfolio, $10000.00 in whole shares"),
        sample,
        maxSharpe);
    // the tangency portfolio's Sharpe ratio, from its own return and volatility
    assertEquals(
        (maxSharpe.annualReturn() - riskFree) / maxSharpe.annualVolatility(),
        maxSharpe.sharpeRatio(),
        1e-9);
  }

  private void checkPortfolio(Printed section, Sample sample, Solution expected) {
    List<String> stats = section.words("return");
    assertPercent(expected.annualReturn(), stats.get(1));
    assertPercent(expected.annualVolatility(), stats.get(3));
    assertDecimal(expected.sharpeRatio(), stats.get(6));
    Allocation allocation = scrilla.allocate(expected, sample.window(), PortfolioExample.AMOUNT);
    BigDecimal spent = BigDecimal.ZERO;
    for (int i = 0; i < expected.assets().size(); i++) {
      Asset asset = expected.assets().get(i);
      List<String> row = section.words(asset.ticker());
      assertPercent(expected.weights()[i], row.get(1));
      BigDecimal shares = new BigDecimal(row.get(2));
      assertEquals(0, allocation.units().get(i).compareTo(shares), row::toString);
      assertTrue(shares.stripTrailingZeros().scale() <= 0, () -> "whole shares: " + shares);
      PriceHistory prices = scrilla.prices(asset, sample.window());
      double close = prices.close(prices.size() - 1);
      assertMoney(close, row.get(3));
      assertMoney(shares.doubleValue() * close, row.get(4));
      spent = spent.add(shares.multiply(new BigDecimal(close)));
    }
    List<String> totals = section.words("invested");
    assertMoney(allocation.invested(), totals.get(1).replace(",", ""));
    assertMoney(allocation.cashLeft(), totals.get(4));
    assertEquals(0, spent.compareTo(allocation.invested()));
    assertTrue(spent.compareTo(PortfolioExample.AMOUNT) <= 0);
  }

  @Test
  void efficientFrontierExample_printsTheFrontierAndWritesItsPlot(@TempDir Path dir)
      throws IOException {
    Path file = dir.resolve("frontier.png");
    Printed out = Printed.run(EfficientFrontierExample::main, file.toString());
    List<Asset> assets = EfficientFrontierExample.TICKERS.stream().map(Scrilla::asset).toList();
    Sample sample = scrilla.marketData().sample(assets, Examples.WINDOW, MOMENTS);
    out.assertHeader(sample, "moments");

    List<Solution> frontier =
        scrilla.efficientFrontier(
            assets,
            sample.window(),
            MOMENTS,
            Bounds.longOnly(),
            EfficientFrontierExample.STEPS,
            FrontierSpacing.INCLUSIVE);
    assertEquals(
        EfficientFrontierExample.TICKERS, out.words("point").subList(4, 4 + assets.size()));
    for (int i = 0; i < frontier.size(); i++) {
      Solution s = frontier.get(i);
      List<String> row = out.words(Integer.toString(i + 1));
      assertPercent(s.annualReturn(), row.get(1));
      assertPercent(s.annualVolatility(), row.get(2));
      assertDecimal(s.sharpeRatio(), row.get(3));
      for (int j = 0; j < assets.size(); j++) {
        assertPercent(s.weights()[j], row.get(4 + j));
      }
    }
    // the frontier runs from the minimum-variance portfolio to the highest return
    Solution minVar =
        scrilla.minimumVariance(assets, sample.window(), MOMENTS, Constraints.longOnly());
    assertEquals(minVar.annualVolatility(), frontier.get(0).annualVolatility(), 1e-9);

    assertEquals("plot written to " + file.toAbsolutePath(), out.line("plot"));
    BufferedImage image = ImageIO.read(file.toFile());
    assertEquals(ChartWriter.DEFAULT_WIDTH, image.getWidth());
    assertEquals(ChartWriter.DEFAULT_HEIGHT, image.getHeight());
  }

  @Test
  void portfolioRiskExample_printsTheClosedFormsOfVarAndCvar() {
    Printed out = Printed.run(PortfolioRiskExample::main);
    List<Asset> assets = PortfolioRiskExample.TICKERS.stream().map(Scrilla::asset).toList();
    Sample sample = scrilla.marketData().sample(assets, Examples.WINDOW, MOMENTS);
    out.assertHeader(sample, "moments");
    double[] w = PortfolioRiskExample.WEIGHTS;
    double value = PortfolioRiskExample.VALUE;

    Portfolio portfolio = scrilla.portfolio(assets, sample.window(), MOMENTS);
    RiskProfile profile = new RiskProfile(portfolio.expectedReturn(w), portfolio.volatility(w));
    double var = TailRisk.valueAtRiskLoss(profile, PortfolioRiskExample.EVENT);
    double cvar = TailRisk.conditionalValueAtRiskLoss(profile, PortfolioRiskExample.EVENT);
    Printed mine = out.section("Portfolio of $10000.00");
    for (int i = 0; i < assets.size(); i++) {
      assertPercent(w[i], mine.words(assets.get(i).ticker()).get(1));
    }
    assertPercent(profile.annualReturn(), mine.words("return").get(1));
    assertPercent(profile.annualVolatility(), mine.words("return").get(3));
    assertPercent(var, mine.words("VaR").get(2));
    assertMoney(var * value, mine.words("VaR").get(3).replaceAll("[()]", ""));
    assertPercent(cvar, mine.words("CVaR").get(2));
    assertMoney(cvar * value, mine.words("CVaR").get(3).replaceAll("[()]", ""));

    Printed alone = out.section("Each asset alone: price levels from its last close");
    for (Asset asset : assets) {
      PriceHistory prices = scrilla.prices(asset, sample.window());
      double close = prices.close(prices.size() - 1);
      RiskProfile p = ProfileEstimators.estimate(ReturnSample.of(prices, NYSE), MOMENTS);
      List<String> row = alone.words(asset.ticker());
      assertMoney(close, row.get(1));
      assertMoney(TailRisk.valueAtRiskPrice(close, p, PortfolioRiskExample.EVENT), row.get(2));
      assertMoney(
          TailRisk.conditionalValueAtRiskPrice(close, p, PortfolioRiskExample.EVENT), row.get(3));
    }

    CvarSolution least =
        scrilla.minimumConditionalValueAtRisk(
            assets,
            sample.window(),
            MOMENTS,
            Constraints.longOnly().withTargetReturn(profile.annualReturn()),
            PortfolioRiskExample.EVENT);
    Printed best = out.section("Long-only portfolio of least CVaR with the same expected return");
    for (int i = 0; i < assets.size(); i++) {
      assertPercent(least.solution().weights()[i], best.words(assets.get(i).ticker()).get(1));
    }
    assertPercent(least.valueAtRiskLoss(), best.words("VaR").get(2));
    assertPercent(least.conditionalValueAtRiskLoss(), best.words("CVaR").get(2));
    // at the same return, the least CVaR is no more than our portfolio's
    assertTrue(least.conditionalValueAtRiskLoss() <= cvar + 1e-12);
  }

  @Test
  void dividendDiscountModelExample_printsTheOneCallValuation() {
    Printed out = Printed.run(DividendDiscountModelExample::main);
    LocalDate asOf = Examples.WINDOW.end();
    List<Asset> market = List.of(scrilla.marketProxy());
    DateRange window = scrilla.range(market, Window.endingOn(asOf));
    out.assertHeader(scrilla.marketData().sample(market, window, MOMENTS), "moments");
    assertEquals(List.of("market", "SPY"), out.words("market"));

    for (String ticker : List.of("ALLY", "BX")) {
      Asset asset = Scrilla.asset(ticker);
      // the facade's own choice of window and rate, which the example spells out
      DividendValuation expected = scrilla.discountDividendModel(asset, asOf);
      List<String> row = out.words(ticker);
      assertEquals(
          scrilla.dividends(asset).stream().filter(d -> !d.date().isAfter(asOf)).count(),
          Long.parseLong(row.get(1)));
      assertPercent(expected.discountRate(), row.get(3));
      assertMoney(expected.netPresentValue(), row.get(4));
      PriceHistory prices = scrilla.prices(asset, window);
      assertMoney(prices.close(prices.size() - 1), row.get(5));
    }
    SampleSizeException dis =
        assertThrows(
            SampleSizeException.class,
            () -> scrilla.discountDividendModel(Scrilla.asset("DIS"), asOf));
    assertEquals("not valued: " + dis.getMessage(), out.line("not"));
  }

  @Test
  void customPriceSourceExample_printsProfilesOfItsOwnPrices() {
    Printed out = Printed.run(CustomPriceSourceExample::main);
    InMemoryPriceSource source = CustomPriceSourceExample.source();
    DateRange window = NYSE.toTradingDays(Examples.WINDOW);
    assertEquals(
        "window  " + window.start() + " to " + window.end() + " (NYSE sessions)",
        out.line("window").trim());
    assertEquals("source  " + CustomPriceSourceExample.SOURCE, out.line("source").trim());
    assertEquals("method  moments", out.line("method").trim());

    Asset acme = Asset.equity("ACME");
    Asset initech = Asset.equity("INITECH");
    for (Asset asset : List.of(acme, initech)) {
      PriceHistory prices = source.prices(asset, window);
      RiskProfile expected = ProfileEstimators.estimate(ReturnSample.of(prices, NYSE), MOMENTS);
      List<String> row = out.words(asset.ticker());
      assertEquals(prices.size(), Integer.parseInt(row.get(1)));
      assertPercent(expected.annualReturn(), row.get(2));
      assertPercent(expected.annualVolatility(), row.get(3));
    }
    double rho =
        CorrelationEstimators.estimate(
            PairSample.of(source.prices(acme, window), source.prices(initech, window), NYSE),
            MOMENTS);
    assertDecimal(rho, out.words("correlation").get(5));
  }
}
