package io.scrilla.api.spi;

import io.scrilla.api.model.DateRange;
import io.scrilla.api.model.SourceId;
import io.scrilla.api.model.YieldCurve;
import java.util.List;

/**
 * Cached daily yield curves keyed by (source, maturity, date). Rates stored for one source are
 * never returned for another. Thread-safe.
 */
public interface InterestStore {
  /**
   * Stores the curves under {@code source}, replacing rates with the same (source, maturity, date).
   * All or nothing.
   *
   * @param source the interest-rate source the curves came from
   * @param curves the curves to store, rates as decimal fractions
   * @throws io.scrilla.api.error.CacheException when the write fails
   */
  void put(SourceId source, List<YieldCurve> curves);

  /**
   * Returns the curves stored under {@code source} with dates in {@code range}, ascending by date;
   * empty when none.
   *
   * @param source the interest-rate source whose curves are wanted
   * @param range the dates, ends included
   * @throws io.scrilla.api.error.CacheException when the read fails
   */
  List<YieldCurve> get(SourceId source, DateRange range);
}
