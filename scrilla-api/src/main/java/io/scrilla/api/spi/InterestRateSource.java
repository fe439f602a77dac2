package io.scrilla.api.spi;

import io.scrilla.api.model.DateRange;
import io.scrilla.api.model.SourceId;
import io.scrilla.api.model.YieldCurve;
import java.time.LocalDate;
import java.util.List;

/** A source of US Treasury daily par yield curves. Thread-safe. */
public interface InterestRateSource {
  /**
   * Returns the published curves with dates in {@code range}, ascending, rates as decimal
   * fractions.
   *
   * @param range the dates wanted
   * @param listener told of progress, e.g. once per yearly page
   * @throws io.scrilla.api.error.ServiceException when a remote service fails
   */
  List<YieldCurve> yieldCurves(DateRange range, ProgressListener listener);

  /** Returns {@link #yieldCurves(DateRange, ProgressListener)} without progress reports. */
  default List<YieldCurve> yieldCurves(DateRange range) {
    return yieldCurves(range, ProgressListener.none());
  }

  /**
   * Returns the latest date for which a curve may be published (the last row of a file, or today).
   */
  LocalDate latestDate();

  /**
   * Returns the identity of this source: the namespace of what the cache keeps from it (see {@link
   * SourceId}). Two instances whose curves may differ must return different identities; an
   * instance's identity does not change while it is used. The default is the implementation's class
   * name.
   */
  default SourceId sourceId() {
    return SourceId.of(getClass().getName());
  }
}
