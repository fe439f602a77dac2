package io.scrilla.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.scrilla.api.config.ScrillaConfig;
import io.scrilla.api.model.Asset;
import io.scrilla.api.model.DateRange;
import io.scrilla.api.model.EstimationMethod;
import io.scrilla.api.model.RiskProfile;
import io.scrilla.core.Result;
import io.scrilla.core.Scrilla;
import io.scrilla.core.allocate.Allocation;
import io.scrilla.core.market.RiskFreeRate;
import io.scrilla.core.optimize.Bounds;
import io.scrilla.core.optimize.Constraints;
import io.scrilla.core.optimize.FrontierSpacing;
import io.scrilla.core.optimize.Portfolio;
import io.scrilla.core.optimize.PortfolioOptimizer;
import io.scrilla.core.optimize.Solution;
import io.scrilla.core.risk.AssetStatistics;
import io.scrilla.core.risk.TailEvent;
import io.scrilla.core.stats.CorrelationMatrix;
import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The code of the README, run on the bundled sample data so that it stays true. */
class ReadmeExamplesTest {
  @Test
  void readme_libraryExamples_runOnSampleData() {
    try (Scrilla scrilla = Scrilla.create(ScrillaConfig.builder().cacheMode("memory").build())) {
      Asset spy = Scrilla.asset("SPY");
      RiskProfile p =
          scrilla.riskProfile(
              spy, DateRange.parse("2021-01-04", "2021-06-30"), EstimationMethod.MOMENTS);
      assertTrue(p.annualVolatility() > 0);

      DateRange range = DateRange.parse("2021-03-01", "2021-09-30");
      List<Asset> assets =
          List.of(Scrilla.asset("SPY"), Scrilla.asset("GLD"), Scrilla.asset("BTC"));
      CorrelationMatrix m = scrilla.correlationMatrix(assets, range, EstimationMethod.LIKELIHOOD);
      double beta = scrilla.marketBeta(Scrilla.asset("GLD"), range, EstimationMethod.MOMENTS);
      double sharpe = scrilla.sharpeRatio(Scrilla.asset("SPY"), range, EstimationMethod.MOMENTS);
      double fixed =
          scrilla.sharpeRatio(
              Scrilla.asset("SPY"), range, EstimationMethod.MOMENTS, RiskFreeRate.of(0.02));
      double var =
          scrilla.valueAtRisk(
              Scrilla.asset("SPY"), range, EstimationMethod.MOMENTS, TailEvent.of(0.05, 0.5));
      Map<Asset, Result<Double>> betas =
          Result.each(assets, a -> scrilla.marketBeta(a, range, EstimationMethod.MOMENTS));
      Map<Asset, Result<AssetStatistics>> all =
          scrilla.assetStatistics(assets, range, EstimationMethod.MOMENTS);
      assertEquals(3, m.size());
      assertTrue(Double.isFinite(beta) && Double.isFinite(sharpe) && var > 0);
      assertTrue(all.values().stream().allMatch(Result::isSuccess));
      assertTrue(Double.isFinite(fixed) && fixed != sharpe);
      assertEquals(beta, betas.get(Scrilla.asset("GLD")).orElseThrow(), 0);

      Solution minVar =
          scrilla.minimumVariance(assets, range, EstimationMethod.MOMENTS, Constraints.longOnly());
      Solution tangency =
          scrilla.maximumSharpeRatio(
              assets,
              range,
              EstimationMethod.MOMENTS,
              Constraints.of(Bounds.uniform(0, 0.6)).withTargetReturn(0.12));
      List<Solution> frontier =
          scrilla.efficientFrontier(
              assets,
              range,
              EstimationMethod.MOMENTS,
              Bounds.longOnly(),
              5,
              FrontierSpacing.INCLUSIVE);
      Allocation shares = scrilla.allocate(tangency, range, new BigDecimal("10000"));
      assertTrue(minVar.annualVolatility() <= tangency.annualVolatility());
      assertEquals(0.12, tangency.annualReturn(), 1e-12);
      assertEquals(5, frontier.size());
      assertTrue(shares.invested().compareTo(new BigDecimal("10000")) <= 0);

      Portfolio portfolio =
          Portfolio.of(
              List.of("A", "B"),
              new double[] {0.08, 0.12},
              new double[] {0.15, 0.25},
              new double[][] {{1, 0.3}, {0.3, 1}},
              0.02);
      Solution s = PortfolioOptimizer.create().minimumVariance(portfolio);
      assertEquals(1.0, s.weights()[0] + s.weights()[1], 1e-12);
    }
  }
}
