package io.scrilla.api.spi;

import io.scrilla.api.model.DateRange;
import io.scrilla.api.model.YieldCurve;
import java.util.List;

/** Cached daily yield curves keyed by (maturity, date). Thread-safe. */
public interface InterestStore {
  /**
   * Stores the curves, replacing rates with the same (maturity, date). All or nothing.
   *
   * @throws io.scrilla.api.error.CacheException when the write fails
   */
  void put(List<YieldCurve> curves);

  /**
   * Returns the stored curves with dates in {@code range}, ascending by date; empty when none.
   *
   * @throws io.scrilla.api.error.CacheException when the read fails
   */
  List<YieldCurve> get(DateRange range);
}
