package io.scrilla.core.testing;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.Objects;

/** A clock that tests set and advance by hand; thread-safe. */
public final class MutableClock extends Clock {
  private volatile Instant now;

  /** Starts at {@code now}. */
  public MutableClock(Instant now) {
    this.now = Objects.requireNonNull(now, "now");
  }

  /** Starts at an ISO instant, such as {@code 2021-11-23T15:00:00Z}. */
  public static MutableClock at(String instant) {
    return new MutableClock(Instant.parse(instant));
  }

  /** Moves the clock to {@code instant}. */
  public void set(String instant) {
    now = Instant.parse(instant);
  }

  /** Moves the clock forward. */
  public void advance(Duration d) {
    now = now.plus(d);
  }

  @Override
  public ZoneId getZone() {
    return ZoneOffset.UTC;
  }

  @Override
  public Clock withZone(ZoneId zone) {
    return Clock.fixed(now, zone);
  }

  @Override
  public Instant instant() {
    return now;
  }
}
