package io.scrilla.core.service;

import io.scrilla.api.error.InvalidInputException;
import io.scrilla.api.model.Asset;
import io.scrilla.api.model.AssetType;
import io.scrilla.api.model.DateRange;
import io.scrilla.api.model.EstimationMethod;
import io.scrilla.api.model.PriceHistory;
import io.scrilla.api.model.RiskProfile;
import io.scrilla.core.allocate.Allocation;
import io.scrilla.core.allocate.ShareAllocator;
import io.scrilla.core.market.MarketData;
import io.scrilla.core.market.RiskFreeRate;
import io.scrilla.core.market.Sample;
import io.scrilla.core.optimize.Bounds;
import io.scrilla.core.optimize.Constraints;
import io.scrilla.core.optimize.CvarSolution;
import io.scrilla.core.optimize.FrontierSpacing;
import io.scrilla.core.optimize.Portfolio;
import io.scrilla.core.optimize.PortfolioOptimizer;
import io.scrilla.core.optimize.Solution;
import io.scrilla.core.risk.TailEvent;
import io.scrilla.core.stats.CorrelationMatrix;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;

/**
 * Portfolios: assembled from one sample's cached statistics, optimized ({@link
 * PortfolioOptimizer}), and allocated in whole shares at the window's last closes. Thread-safe.
 */
public final class PortfolioService {
  private final MarketData market;
  private final StatisticsService statistics;
  private final PortfolioOptimizer optimizer;

  /**
   * Creates the service.
   *
   * @param market samples, the risk-free rate and the closes of an allocation
   * @param statistics profiles and the correlation matrix
   * @param optimizer the optimizer
   */
  public PortfolioService(
      MarketData market, StatisticsService statistics, PortfolioOptimizer optimizer) {
    this.market = Objects.requireNonNull(market, "market");
    this.statistics = Objects.requireNonNull(statistics, "statistics");
    this.optimizer = Objects.requireNonNull(optimizer, "optimizer");
  }

  /**
   * Returns the portfolio of the assets: each asset's risk profile and the correlation matrix, all
   * from one sample (weekends kept only when every asset is crypto), with the risk-free rate of the
   * window's end date (scrilla used 0 here, bug B12) or the fixed rate.
   *
   * @throws InvalidInputException for no asset or a repeated one
   * @throws io.scrilla.api.error.ScrillaException the failure of the first asset that has no
   *     statistics, naming it
   */
  public Portfolio portfolio(
      List<Asset> assets, DateRange range, EstimationMethod method, RiskFreeRate riskFree) {
    Objects.requireNonNull(assets, "assets");
    if (assets.isEmpty()) {
      throw new InvalidInputException("a portfolio needs at least one ticker");
    }
    if (new HashSet<>(assets).size() != assets.size()) {
      throw new InvalidInputException("a ticker is repeated in " + assets + ": give each once");
    }
    Sample sample = market.sample(assets, range, method);
    double rf = market.riskFreeRate(riskFree, sample.window().end());
    CorrelationMatrix matrix = statistics.correlationMatrix(sample);
    if (!matrix.failures().isEmpty()) {
      throw matrix.failures().values().iterator().next();
    }
    List<RiskProfile> profiles = new ArrayList<>();
    for (Asset a : assets) {
      profiles.add(statistics.riskProfile(sample.of(a)));
    }
    return Portfolio.builder()
        .assets(assets)
        .profiles(profiles)
        .correlation(matrix.toArray())
        .riskFreeRate(rf)
        .build();
  }

  /** Returns the minimum-variance portfolio under the constraints. */
  public Solution minimumVariance(Portfolio portfolio, Constraints constraints) {
    return optimizer.minimumVariance(portfolio, constraints);
  }

  /**
   * Returns the maximum-Sharpe-ratio portfolio under the constraints.
   *
   * @throws InvalidInputException when no asset's return exceeds the risk-free rate
   */
  public Solution maximumSharpeRatio(Portfolio portfolio, Constraints constraints) {
    return optimizer.maximumSharpeRatio(portfolio, constraints);
  }

  /** Returns the maximum-return portfolio under the bounds. */
  public Solution maximumReturn(Portfolio portfolio, Bounds bounds) {
    return optimizer.maximumReturn(portfolio, bounds);
  }

  /** Returns the portfolio of least conditional value at risk (a loss fraction) in the event. */
  public CvarSolution minimumConditionalValueAtRisk(
      Portfolio portfolio, Constraints constraints, TailEvent event) {
    return optimizer.minimumConditionalValueAtRisk(portfolio, constraints, event);
  }

  /**
   * Returns {@code steps} efficient portfolios, lowest return first, from the minimum-variance
   * return; {@link FrontierSpacing#SCRILLA} stops one step short of the maximum return, {@link
   * FrontierSpacing#INCLUSIVE} ends at it.
   */
  public List<Solution> efficientFrontier(
      Portfolio portfolio, Bounds bounds, int steps, FrontierSpacing spacing) {
    return optimizer.efficientFrontier(portfolio, bounds, steps, spacing);
  }

  /**
   * Buys whole shares (fractional units with 8 decimals for crypto) of a solution's assets for at
   * most {@code amount}, at each asset's last close in its window (scrilla used the open, B17).
   *
   * @param range the window whose last closes are the prices
   * @param amount the amount to invest, not negative
   */
  public Allocation allocate(Solution solution, DateRange range, BigDecimal amount) {
    List<Asset> assets = solution.assets();
    double[] closes = new double[assets.size()];
    int[] scales = new int[assets.size()];
    for (int i = 0; i < assets.size(); i++) {
      Asset a = assets.get(i);
      Sample sample = market.sample(List.of(a), range, EstimationMethod.MOMENTS);
      PriceHistory p = market.history(sample, a);
      closes[i] = p.close(p.size() - 1);
      scales[i] =
          a.type() == AssetType.CRYPTO
              ? ShareAllocator.CRYPTO_UNIT_SCALE
              : ShareAllocator.WHOLE_UNITS;
    }
    return ShareAllocator.create()
        .allocate(solution.tickers(), solution.weights(), closes, scales, amount);
  }
}
