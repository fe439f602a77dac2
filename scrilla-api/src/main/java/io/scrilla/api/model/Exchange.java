package io.scrilla.api.model;

import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Objects;

/**
 * The exchange whose clock the library follows: the New York Stock Exchange. Its time zone decides
 * what "today" is for every source and for the facade.
 */
public final class Exchange {
  /** The exchange's time zone, {@code America/New_York}. */
  public static final ZoneId TIME_ZONE = ZoneId.of("America/New_York");

  private Exchange() {}

  /**
   * Returns today's date in the exchange's time zone.
   *
   * @param clock the clock, in any zone
   * @return the date in New York at the clock's instant
   */
  public static LocalDate today(Clock clock) {
    return LocalDate.now(Objects.requireNonNull(clock, "clock").withZone(TIME_ZONE));
  }
}
