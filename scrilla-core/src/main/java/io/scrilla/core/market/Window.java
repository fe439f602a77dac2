package io.scrilla.core.market;

import io.scrilla.api.model.DateRange;
import java.time.LocalDate;
import java.util.Objects;

/**
 * A sample window as a caller asks for it, before it is resolved against the data: both ends, only
 * one end, or neither (the latest default window). {@link MarketData#range(java.util.List, Window)}
 * turns it into a {@link DateRange}; immutable.
 */
public sealed interface Window {

  /** Returns the default window: the latest {@code DEFAULT_ANALYSIS_PERIOD} sessions. */
  static Window latest() {
    return Latest.INSTANCE;
  }

  /** Returns the window {@code [start, end]}. */
  static Window between(LocalDate start, LocalDate end) {
    return new Between(DateRange.of(start, end));
  }

  /** Returns the window of the given range. */
  static Window of(DateRange range) {
    return new Between(range);
  }

  /** Returns the default length of window ending on {@code end}. */
  static Window endingOn(LocalDate end) {
    return new EndingOn(end);
  }

  /** Returns the window from {@code start} to the latest date with prices. */
  static Window startingOn(LocalDate start) {
    return new StartingOn(start);
  }

  /** The default window. */
  enum Latest implements Window {
    /** The only instance. */
    INSTANCE
  }

  /**
   * Both ends given.
   *
   * @param range the window
   */
  record Between(DateRange range) implements Window {
    /** Checks for null. */
    public Between {
      Objects.requireNonNull(range, "range");
    }
  }

  /**
   * Only the end given.
   *
   * @param end the last date
   */
  record EndingOn(LocalDate end) implements Window {
    /** Checks for null. */
    public EndingOn {
      Objects.requireNonNull(end, "end");
    }
  }

  /**
   * Only the start given.
   *
   * @param start the first date
   */
  record StartingOn(LocalDate start) implements Window {
    /** Checks for null. */
    public StartingOn {
      Objects.requireNonNull(start, "start");
    }
  }
}
