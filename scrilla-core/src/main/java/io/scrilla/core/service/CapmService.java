package io.scrilla.core.service;

import io.scrilla.api.error.ScrillaException;
import io.scrilla.api.model.Asset;
import io.scrilla.api.model.DateRange;
import io.scrilla.api.model.EstimationMethod;
import io.scrilla.api.model.RiskProfile;
import io.scrilla.core.market.MarketData;
import io.scrilla.core.market.RiskFreeRate;
import io.scrilla.core.market.Sample;
import io.scrilla.core.risk.AssetStatistics;
import io.scrilla.core.risk.MarketStatistics;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.OptionalDouble;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The capital asset pricing model against the market proxy ({@code MARKET_PROXY}): Sharpe ratio,
 * market premium, beta and cost of equity, each on one resolved sample and with the risk-free rate
 * of that sample's end date (or a fixed rate). Thread-safe.
 */
public final class CapmService {
  private static final Logger LOG = LoggerFactory.getLogger(CapmService.class);
  private final MarketData market;
  private final StatisticsService statistics;
  private final Asset proxy;

  /**
   * Creates the service.
   *
   * @param market samples and the risk-free rate
   * @param statistics profiles and correlations
   * @param marketProxy the market of the beta
   */
  public CapmService(MarketData market, StatisticsService statistics, Asset marketProxy) {
    this.market = Objects.requireNonNull(market, "market");
    this.statistics = Objects.requireNonNull(statistics, "statistics");
    this.proxy = Objects.requireNonNull(marketProxy, "marketProxy");
  }

  /** Returns the market proxy. */
  public Asset marketProxy() {
    return proxy;
  }

  private Sample single(Asset asset, DateRange range, EstimationMethod method) {
    return market.sample(List.of(asset), range, method);
  }

  /** The sample of the asset with the market (one asset when it is the market). */
  private Sample withMarket(Asset asset, DateRange range, EstimationMethod method) {
    return market.sample(
        asset.equals(proxy) ? List.of(asset) : List.of(asset, proxy), range, method);
  }

  /**
   * Returns the Sharpe ratio {@code (mu - r_f) / sigma} of the asset's profile, with r_f the
   * risk-free rate of the window's end date (or the fixed rate).
   */
  public double sharpeRatio(
      Asset asset, DateRange range, EstimationMethod method, RiskFreeRate riskFree) {
    Sample sample = single(asset, range, method);
    double rf = market.riskFreeRate(riskFree, sample.window().end());
    return MarketStatistics.sharpeRatio(statistics.riskProfile(sample), rf);
  }

  /** Returns the market premium {@code mu_M - r_f}, r_f of the window's end date. */
  public double marketPremium(DateRange range, EstimationMethod method, RiskFreeRate riskFree) {
    Sample sample = single(proxy, range, method);
    double rf = market.riskFreeRate(riskFree, sample.window().end());
    return MarketStatistics.marketPremium(statistics.riskProfile(sample), rf);
  }

  /**
   * Returns the CAPM beta {@code rho_{A,M} sigma_A / sigma_M}, the correlation and both
   * volatilities by the same method on the same sample of the asset with the market. The beta of
   * the market with itself is 1.
   */
  public double marketBeta(Asset asset, DateRange range, EstimationMethod method) {
    return beta(withMarket(asset, range, method), asset);
  }

  private double beta(Sample withMarket, Asset asset) {
    double rho = statistics.correlation(withMarket);
    return MarketStatistics.beta(
        rho,
        statistics.riskProfile(withMarket.of(asset)).annualVolatility(),
        statistics.riskProfile(withMarket.of(proxy)).annualVolatility());
  }

  /**
   * Returns the CAPM cost of equity {@code r_f + beta (mu_M - r_f)}, r_f of the end date of the
   * asset's sample with the market, beta and the market return by the same method on it.
   */
  public double costOfEquity(
      Asset asset, DateRange range, EstimationMethod method, RiskFreeRate riskFree) {
    Sample sample = withMarket(asset, range, method);
    double rf = market.riskFreeRate(riskFree, sample.window().end());
    double beta = beta(sample, asset);
    return MarketStatistics.costOfEquity(
        rf, beta, statistics.riskProfile(sample.of(proxy)).annualReturn());
  }

  /**
   * Returns the asset's risk profile with its Sharpe ratio, CAPM beta and cost of equity where they
   * can be computed: the ratio and the cost need the risk-free rate (of the end of the asset's own
   * window), the beta and the cost need the market proxy's prices. What cannot be had is absent and
   * {@link AssetStatistics#notes()} says why; only a failure of the profile itself fails the call.
   */
  public AssetStatistics assetStatistics(
      Asset asset, DateRange range, EstimationMethod method, RiskFreeRate riskFree) {
    Sample sample = single(asset, range, method);
    List<String> notes = new ArrayList<>();
    OptionalDouble rf = OptionalDouble.empty();
    try {
      rf = OptionalDouble.of(market.riskFreeRate(riskFree, sample.window().end()));
    } catch (ScrillaException e) {
      LOG.debug("{}: no risk-free rate", asset.ticker(), e);
      notes.add("sharpe_ratio and equity_cost: " + e.getMessage());
    }
    RiskProfile profile = statistics.riskProfile(sample);
    OptionalDouble sharpe = OptionalDouble.empty();
    if (rf.isPresent() && profile.annualVolatility() > 0) {
      sharpe = OptionalDouble.of(MarketStatistics.sharpeRatio(profile, rf.getAsDouble()));
    } else if (rf.isPresent()) {
      notes.add("sharpe_ratio: the annual volatility is 0");
    }
    OptionalDouble beta = OptionalDouble.empty();
    OptionalDouble cost = OptionalDouble.empty();
    try {
      beta = OptionalDouble.of(marketBeta(asset, range, method));
      if (rf.isPresent()) {
        cost =
            OptionalDouble.of(
                costOfEquity(asset, range, method, RiskFreeRate.of(rf.getAsDouble())));
      }
    } catch (ScrillaException e) {
      LOG.debug("{}: no beta against {}", asset.ticker(), proxy.ticker(), e);
      notes.add(
          "asset_beta and equity_cost: the market proxy "
              + proxy.ticker()
              + " (MARKET_PROXY) gives no beta: "
              + e.getMessage());
    }
    return new AssetStatistics(profile, rf, sharpe, beta, cost, notes);
  }
}
