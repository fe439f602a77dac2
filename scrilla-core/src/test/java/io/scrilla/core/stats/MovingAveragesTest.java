package io.scrilla.core.stats;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.scrilla.api.model.Asset;
import io.scrilla.api.model.DateRange;
import io.scrilla.api.model.EstimationMethod;
import io.scrilla.api.model.PriceHistory;
import io.scrilla.core.calendar.TradingCalendar;
import io.scrilla.core.estimate.RecordedPrices;
import java.util.Set;
import org.hipparchus.stat.descriptive.DescriptiveStatistics;
import org.junit.jupiter.api.Test;

class MovingAveragesTest {
  private static final TradingCalendar NYSE = TradingCalendar.nyse();
  private static final int[] PERIODS = {20, 60, 100};

  /**
   * For moments: mean log return / tau plus half the annualized sample variance (Ito term, B10
   * fixed).
   */
  private static double expectedMoments(PriceHistory h, int i, int k, double tau) {
    DescriptiveStatistics d = new DescriptiveStatistics();
    for (int j = i - k + 1; j <= i; j++) {
      d.addValue(Math.log(h.close(j) / h.close(j - 1)));
    }
    return d.getMean() / tau + 0.5 * d.getVariance() / tau;
  }

  @Test
  void compute_spyMoments_matchesTrailingWindowsComputedDirectly() {
    PriceHistory spy = RecordedPrices.load(Asset.equity("SPY"));
    DateRange window = DateRange.parse("2021-06-01", "2021-06-30");
    MovingAverages ma =
        MovingAverages.compute(spy, window, PERIODS, EstimationMethod.MOMENTS, NYSE);
    assertEquals(spy.slice(window).size(), ma.size());
    for (int d = 0; d < ma.size(); d++) {
      int i = spy.indexOf(ma.date(d));
      for (int j = 0; j < 3; j++) {
        double expected = expectedMoments(spy, i, PERIODS[j], 1.0 / 252);
        assertEquals(
            expected,
            ma.value(d, j).getAsDouble(),
            1e-12 * Math.abs(expected),
            ma.date(d) + " MA" + PERIODS[j]);
      }
    }
  }

  @Test
  void compute_btc_usesCalendarDays() {
    PriceHistory btc = RecordedPrices.load(Asset.crypto("BTC"));
    DateRange window = DateRange.parse("2021-06-01", "2021-06-07");
    MovingAverages ma =
        MovingAverages.compute(btc, window, PERIODS, EstimationMethod.MOMENTS, NYSE);
    assertEquals(7, ma.size());
    int i = btc.indexOf(ma.date(6));
    assertEquals(expectedMoments(btc, i, 20, 1.0 / 365), ma.value(6, 0).getAsDouble(), 1e-9);
  }

  @Test
  void compute_historyTooShort_leavesAveragesAbsent() {
    PriceHistory spy = RecordedPrices.load(Asset.equity("SPY"));
    MovingAverages ma =
        MovingAverages.compute(
            spy,
            DateRange.parse("1999-11-01", "1999-12-31"),
            PERIODS,
            EstimationMethod.LIKELIHOOD,
            NYSE);
    assertFalse(ma.value(0, 0).isPresent());
    assertTrue(ma.value(ma.size() - 1, 0).isPresent());
    assertFalse(ma.value(ma.size() - 1, 2).isPresent());
    // 1999-12-31 is the 42nd session of the history: only the 20-day average reaches back
    assertEquals(Set.of(20), ma.toMap().get(ma.date(ma.size() - 1)).keySet());
  }
}
