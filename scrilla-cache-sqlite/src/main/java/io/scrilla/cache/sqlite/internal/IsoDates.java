package io.scrilla.cache.sqlite.internal;

import io.scrilla.api.error.InvalidInputException;
import java.time.DateTimeException;
import java.time.LocalDate;

/**
 * Converts epoch days to and from the ISO text {@code YYYY-MM-DD} stored in the date columns.
 *
 * <p>Formatting is {@link LocalDate#toString()}. Parsing, on the read path of every cached price,
 * checks the fixed shape and lets {@link LocalDate#of} validate the day: parsing with {@code
 * LocalDate.parse} (the {@code ISO_LOCAL_DATE} formatter) took about 0.7 us a date, ten times as
 * long, which would add about half again to a warm read of 1,260 prices.
 *
 * <p>Only years 0000 to 9999 are allowed: in that range the text has a fixed width, so comparing
 * the raw column as text orders it by date and an index on it serves range reads and {@code ORDER
 * BY date}.
 */
final class IsoDates {
  /** Epoch day of 0000-01-01. */
  static final long MIN_EPOCH_DAY = LocalDate.of(0, 1, 1).toEpochDay();

  /** Epoch day of 9999-12-31. */
  static final long MAX_EPOCH_DAY = LocalDate.of(9999, 12, 31).toEpochDay();

  private IsoDates() {}

  /**
   * Formats an epoch day as {@code YYYY-MM-DD}.
   *
   * @throws InvalidInputException when the year is outside 0000..9999
   */
  static String format(long epochDay) {
    if (epochDay < MIN_EPOCH_DAY || epochDay > MAX_EPOCH_DAY) {
      throw new InvalidInputException(
          "date "
              + LocalDate.ofEpochDay(epochDay)
              + " cannot be cached: the SQLite cache holds dates from 0000-01-01 to 9999-12-31");
    }
    // LocalDate writes years 0 to 9999 with four digits and no sign
    return LocalDate.ofEpochDay(epochDay).toString();
  }

  /** Formats a date as {@code YYYY-MM-DD}; see {@link #format(long)}. */
  static String format(LocalDate date) {
    return format(date.toEpochDay());
  }

  /**
   * Parses {@code YYYY-MM-DD} to an epoch day.
   *
   * @return the epoch day, or {@link Long#MIN_VALUE} when the text is not a valid ISO date
   */
  static long parse(String text) {
    if (text == null || text.length() != 10) {
      return Long.MIN_VALUE;
    }
    for (int i = 0; i < 10; i++) {
      char c = text.charAt(i);
      if (i == 4 || i == 7 ? c != '-' : c < '0' || c > '9') {
        return Long.MIN_VALUE;
      }
    }
    try {
      return LocalDate.of(
              Integer.parseInt(text, 0, 4, 10),
              Integer.parseInt(text, 5, 7, 10),
              Integer.parseInt(text, 8, 10, 10))
          .toEpochDay();
    } catch (DateTimeException e) {
      return Long.MIN_VALUE; // no such day, e.g. 2021-02-30
    }
  }
}
