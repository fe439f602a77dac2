package io.scrilla.core;

import io.scrilla.api.model.DateRange;
import io.scrilla.api.model.Maturity;
import io.scrilla.api.model.YieldCurve;
import io.scrilla.api.spi.InterestRateSource;
import io.scrilla.api.spi.ProgressListener;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** Flat test yield curves. */
final class MarketDataCurves {
  private MarketDataCurves() {}

  /** Returns a source of {@link #weekdays} curves, or of none when {@code rate} is NaN. */
  static InterestRateSource source(double rate) {
    return new InterestRateSource() {
      @Override
      public List<YieldCurve> yieldCurves(DateRange range, ProgressListener listener) {
        return Double.isNaN(rate) ? List.of() : weekdays(range, rate);
      }

      @Override
      public LocalDate latestDate() {
        return LocalDate.of(2021, 11, 22);
      }
    };
  }

  /** Returns a curve with the ONE_YEAR yield {@code rate} on every weekday of the range. */
  static List<YieldCurve> weekdays(DateRange range, double rate) {
    List<YieldCurve> out = new ArrayList<>();
    for (LocalDate d = range.start(); !d.isAfter(range.end()); d = d.plusDays(1)) {
      if (d.getDayOfWeek() != DayOfWeek.SATURDAY && d.getDayOfWeek() != DayOfWeek.SUNDAY) {
        out.add(new YieldCurve(d, Map.of(Maturity.ONE_YEAR, rate)));
      }
    }
    return out;
  }
}
