package io.scrilla.core.risk;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.scrilla.api.error.InvalidInputException;
import io.scrilla.api.model.Asset;
import io.scrilla.api.model.DateRange;
import io.scrilla.api.model.PriceHistory;
import io.scrilla.api.model.RiskProfile;
import io.scrilla.core.calendar.TradingCalendar;
import io.scrilla.core.estimate.CorrelationEstimators;
import io.scrilla.core.estimate.PairSample;
import io.scrilla.core.estimate.ProfileEstimators;
import io.scrilla.core.estimate.RecordedPrices;
import org.hipparchus.stat.regression.SimpleRegression;
import org.junit.jupiter.api.Test;

class MarketStatisticsTest {
  private static final TradingCalendar NYSE = TradingCalendar.nyse();

  @Test
  void beta_momentsOnCompleteHistories_isOlsSlopeOfLogReturns() {
    DateRange r = DateRange.parse("2021-01-04", "2021-11-19");
    PriceHistory spy = RecordedPrices.load(Asset.equity("SPY")).slice(r);
    PriceHistory dis = RecordedPrices.load(Asset.equity("DIS")).slice(r);
    SimpleRegression ols = new SimpleRegression();
    for (int i = 1; i < spy.size(); i++) {
      ols.addData(
          Math.log(spy.close(i) / spy.close(i - 1)), Math.log(dis.close(i) / dis.close(i - 1)));
    }
    PairSample pair = PairSample.of(dis, spy, NYSE);
    double rho = CorrelationEstimators.moments(pair);
    double beta =
        MarketStatistics.beta(
            rho,
            ProfileEstimators.moments(pair.first()).annualVolatility(),
            ProfileEstimators.moments(pair.second()).annualVolatility());
    assertEquals(ols.getSlope(), beta, 1e-12 * Math.abs(beta));
  }

  @Test
  void sharpeAndCapm_handValues() {
    RiskProfile p = new RiskProfile(0.10, 0.20);
    assertEquals(0.4, MarketStatistics.sharpeRatio(p, 0.02), 1e-15);
    assertEquals(0.08, MarketStatistics.marketPremium(p, 0.02), 1e-15);
    assertEquals(0.02 + 1.5 * 0.08, MarketStatistics.costOfEquity(0.02, 1.5, 0.10), 1e-15);
    assertEquals(0.3 * 0.2 * 0.5, MarketStatistics.covariance(0.3, 0.2, 0.5), 1e-16);
    assertEquals(1.0, MarketStatistics.beta(1, 0.17, 0.17), 0);
  }

  @Test
  void sharpe_zeroVolatility_throws() {
    assertThrows(
        InvalidInputException.class,
        () -> MarketStatistics.sharpeRatio(new RiskProfile(0.1, 0), 0.01));
    assertThrows(InvalidInputException.class, () -> MarketStatistics.beta(1.2, 0.1, 0.1));
  }
}
