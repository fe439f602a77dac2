package io.scrilla.cache.sqlite.internal;

import io.scrilla.api.error.InvalidInputException;
import java.time.DateTimeException;
import java.time.LocalDate;

/**
 * Converts epoch days to and from the ISO text {@code YYYY-MM-DD} stored in the date columns.
 *
 * <p>Only years 0000 to 9999 are allowed: in that range the text has a fixed width, so comparing
 * the raw column as text orders it by date and an index on it serves range reads and
 * {@code ORDER BY date}.
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
          "date " + LocalDate.ofEpochDay(epochDay)
              + " cannot be cached: the SQLite cache holds dates from 0000-01-01 to 9999-12-31");
    }
    LocalDate d = LocalDate.ofEpochDay(epochDay);
    int y = d.getYear();
    int m = d.getMonthValue();
    int day = d.getDayOfMonth();
    char[] c = new char[10];
    c[0] = (char) ('0' + y / 1000);
    c[1] = (char) ('0' + y / 100 % 10);
    c[2] = (char) ('0' + y / 10 % 10);
    c[3] = (char) ('0' + y % 10);
    c[4] = '-';
    c[5] = (char) ('0' + m / 10);
    c[6] = (char) ('0' + m % 10);
    c[7] = '-';
    c[8] = (char) ('0' + day / 10);
    c[9] = (char) ('0' + day % 10);
    return new String(c);
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
    if (text == null || text.length() != 10 || text.charAt(4) != '-' || text.charAt(7) != '-') {
      return Long.MIN_VALUE;
    }
    int y = digits(text, 0, 4);
    int m = digits(text, 5, 7);
    int d = digits(text, 8, 10);
    if (y < 0 || m < 0 || d < 0) {
      return Long.MIN_VALUE;
    }
    try {
      return LocalDate.of(y, m, d).toEpochDay();
    } catch (DateTimeException e) {
      return Long.MIN_VALUE;
    }
  }

  private static int digits(String s, int from, int to) {
    int v = 0;
    for (int i = from; i < to; i++) {
      int c = s.charAt(i) - '0';
      if (c < 0 || c > 9) {
        return -1;
      }
      v = v * 10 + c;
    }
    return v;
  }
}
