package io.scrilla.core.service;

import io.scrilla.api.model.PriceHistory;
import io.scrilla.api.model.RiskProfile;
import io.scrilla.core.market.MarketData;
import io.scrilla.core.market.Sample;
import io.scrilla.core.risk.TailEvent;
import io.scrilla.core.risk.TailRisk;
import java.util.Objects;

/**
 * Value at risk and conditional value at risk of one asset as price levels under geometric Brownian
 * motion, from the sample's profile and its last close. Thread-safe.
 */
public final class RiskService {
  private final MarketData market;
  private final StatisticsService statistics;

  /**
   * Creates the service.
   *
   * @param market the samples' prices (the last close)
   * @param statistics the samples' profiles
   */
  public RiskService(MarketData market, StatisticsService statistics) {
    this.market = Objects.requireNonNull(market, "market");
    this.statistics = Objects.requireNonNull(statistics, "statistics");
  }

  /**
   * Returns the value at risk of a single-asset sample as a price level: the p-th quantile of the
   * price after T years, {@code S_0 exp((mu - sigma^2/2) T + sigma sqrt(T) z_p)}, with S_0 the last
   * close in the window ({@link TailRisk#valueAtRiskPrice}).
   *
   * @param event the tail probability p and the horizon T in years
   */
  public double valueAtRisk(Sample sample, TailEvent event) {
    RiskProfile profile = statistics.riskProfile(sample);
    return TailRisk.valueAtRiskPrice(lastClose(sample), profile, event);
  }

  /**
   * Returns the conditional value at risk of a single-asset sample as a price level, the expected
   * price after T years given that it is below the value at risk: {@code S_0 e^(mu T) Phi(z_p -
   * sigma sqrt T) / p} ({@link TailRisk#conditionalValueAtRiskPrice}).
   *
   * @param event the tail probability p and the horizon T in years
   */
  public double conditionalValueAtRisk(Sample sample, TailEvent event) {
    RiskProfile profile = statistics.riskProfile(sample);
    return TailRisk.conditionalValueAtRiskPrice(lastClose(sample), profile, event);
  }

  private double lastClose(Sample sample) {
    PriceHistory p = market.history(sample, sample.asset());
    return p.close(p.size() - 1);
  }
}
