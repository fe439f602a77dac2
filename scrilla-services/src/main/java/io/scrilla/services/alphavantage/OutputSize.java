package io.scrilla.services.alphavantage;

import java.util.Locale;

/** How much history {@code TIME_SERIES_DAILY} returns. */
public enum OutputSize {
  /** The latest 100 data points (a small answer). */
  COMPACT,
  /** The whole history, 20 years and more (a large answer). */
  FULL;

  /** Returns the value of the {@code outputsize} parameter, e.g. {@code compact}. */
  public String parameter() {
    return name().toLowerCase(Locale.ROOT);
  }
}
