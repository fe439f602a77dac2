package io.scrilla.core.stats;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.scrilla.api.error.InvalidInputException;
import io.scrilla.api.error.SampleSizeException;
import io.scrilla.api.model.Asset;
import io.scrilla.api.model.DateRange;
import io.scrilla.api.model.EstimationMethod;
import io.scrilla.api.model.PriceHistory;
import io.scrilla.core.calendar.TradingCalendar;
import io.scrilla.core.estimate.RecordedPrices;
import java.time.LocalDate;
import org.hipparchus.stat.correlation.PearsonsCorrelation;
import org.junit.jupiter.api.Test;

class CorrelationSeriesTest {
  private static final TradingCalendar NYSE = TradingCalendar.nyse();
  private static final PriceHistory SPY = RecordedPrices.load(Asset.equity("SPY"));
  private static final PriceHistory GLD = RecordedPrices.load(Asset.equity("GLD"));

  /** Pearson correlation of the log returns of the k + 1 prices of each ending at {@code end}. */
  private static double pearson(LocalDate end, int k) {
    int i = SPY.indexOf(end);
    int j = GLD.indexOf(end);
    double[] a = new double[k];
    double[] b = new double[k];
    for (int n = 0; n < k; n++) {
      a[n] = Math.log(SPY.close(i - n) / SPY.close(i - n - 1));
      b[n] = Math.log(GLD.close(j - n) / GLD.close(j - n - 1));
    }
    return new PearsonsCorrelation().correlation(a, b);
  }

  @Test
  void compute_equities_eachDateIsThePearsonCorrelationOfItsTrailingReturns() {
    DateRange window = DateRange.parse("2021-06-01", "2021-06-30");
    CorrelationSeries s =
        CorrelationSeries.compute(SPY, GLD, window, 20, EstimationMethod.MOMENTS, NYSE);
    assertEquals(SPY.slice(window).size(), s.size());
    assertEquals(LocalDate.parse("2021-06-01"), s.date(0));
    for (int d = 0; d < s.size(); d++) {
      assertEquals(pearson(s.date(d), 20), s.value(d), 1e-12, s.date(d).toString());
    }
    assertEquals(s.size(), s.toMap().size());
    assertEquals(20, s.period());
  }

  @Test
  void compute_datesWithoutAFullPeriod_areLeftOut() {
    DateRange june = DateRange.parse("2021-06-01", "2021-06-30");
    PriceHistory a = SPY.slice(june);
    CorrelationSeries s =
        CorrelationSeries.compute(a, GLD.slice(june), june, 5, EstimationMethod.MOMENTS, NYSE);
    assertEquals(a.size() - 5, s.size());
    assertEquals(a.date(5), s.date(0));
    assertEquals(pearson(a.date(5), 5), s.value(0), 1e-12);
  }

  @Test
  void compute_periodTooShortOrNoFullWindow_fails() {
    DateRange window = DateRange.parse("2021-06-01", "2021-06-30");
    assertThrows(
        InvalidInputException.class,
        () -> CorrelationSeries.compute(SPY, GLD, window, 1, EstimationMethod.MOMENTS, NYSE));
    PriceHistory june = SPY.slice(window);
    assertThrows(
        SampleSizeException.class,
        () ->
            CorrelationSeries.compute(
                june, GLD.slice(window), window, 30, EstimationMethod.MOMENTS, NYSE));
  }
}
