package io.scrilla.core.calendar;

import io.scrilla.api.error.InvalidInputException;
import io.scrilla.api.model.AssetType;
import io.scrilla.api.model.DateRange;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.Month;
import java.time.temporal.TemporalAdjusters;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * The New York Stock Exchange trading calendar; immutable and thread-safe.
 *
 * <p>A date is a trading day when it is a weekday and not an NYSE holiday or special closure:
 *
 * <ul>
 *   <li>New Year's Day (a Sunday Jan 1 closes Monday Jan 2; a Saturday Jan 1 closes nothing),
 *       Martin Luther King Jr. Day (third Monday of January, from 1998), Washington's Birthday
 *       (third Monday of February; in 1970 February 22, a Sunday, observed Monday), Good Friday
 *       (two days before Western Easter), Memorial Day (last Monday of May; in 1970 May 30, a
 *       Saturday, not observed), Juneteenth (June 19, from 2022), Independence Day (July 4), Labor
 *       Day (first Monday of September), Election Day of presidential election years up to 1980
 *       (the Tuesday after the first Monday of November), Thanksgiving (fourth Thursday of
 *       November), Christmas (December 25);
 *   <li>Juneteenth, Independence Day and Christmas move from Saturday to Friday and from Sunday to
 *       Monday;
 *   <li>special closures: 2001-09-11 to 2001-09-14, 2004-06-11, 2007-01-02, 2012-10-29, 2012-10-30,
 *       2018-12-05, 2025-01-09; before 1999 also 1972-12-28, 1973-01-25, 1977-07-14, 1985-09-27 and
 *       1994-04-27.
 * </ul>
 *
 * These rules reproduce every session of SPY's daily history from 1999-11-01 to 2021-11-19, and
 * every session of OpenGamma Strata's NYSE calendar from 1970 to 2099 except 2012-10-29 (the first
 * day of the Hurricane Sandy closure, which Strata omits). The Monday holidays of 1971 onwards
 * (Uniform Monday Holiday Act) are applied from 1971; 1970 keeps the fixed dates. Dates from
 * {@value #FIRST_YEAR} to {@value #LAST_YEAR} are supported; all queries are O(1) or O(log n) on
 * precomputed tables.
 */
public final class TradingCalendar {
  /** First supported year. */
  public static final int FIRST_YEAR = 1970;

  /** Last supported year. */
  public static final int LAST_YEAR = 2199;

  /** First year of the Monday holidays of the Uniform Monday Holiday Act. */
  private static final int MONDAY_HOLIDAYS_FROM = 1971;

  /** Last presidential Election Day on which the NYSE closed. */
  private static final int LAST_ELECTION_DAY_CLOSURE = 1980;

  private static final LocalDate[] SPECIAL_CLOSURES = {
    LocalDate.of(1972, 12, 28),
    LocalDate.of(1973, 1, 25),
    LocalDate.of(1977, 7, 14),
    LocalDate.of(1985, 9, 27),
    LocalDate.of(1994, 4, 27),
    LocalDate.of(2001, 9, 11),
    LocalDate.of(2001, 9, 12),
    LocalDate.of(2001, 9, 13),
    LocalDate.of(2001, 9, 14),
    LocalDate.of(2004, 6, 11),
    LocalDate.of(2007, 1, 2),
    LocalDate.of(2012, 10, 29),
    LocalDate.of(2012, 10, 30),
    LocalDate.of(2018, 12, 5),
    LocalDate.of(2025, 1, 9),
  };

  private static final TradingCalendar NYSE = new TradingCalendar();

  private final int firstDay;
  private final int lastDay;

  /** cumulative[i] = number of trading days in [firstDay, firstDay + i]. */
  private final int[] cumulative;

  /** sessions[k] = epoch day of the k-th trading day. */
  private final int[] sessions;

  private TradingCalendar() {
    firstDay = (int) LocalDate.of(FIRST_YEAR, 1, 1).toEpochDay();
    lastDay = (int) LocalDate.of(LAST_YEAR, 12, 31).toEpochDay();
    int n = lastDay - firstDay + 1;
    boolean[] closed = new boolean[n];
    for (int year = FIRST_YEAR; year <= LAST_YEAR; year++) {
      for (LocalDate h : holidays(year)) {
        int i = (int) h.toEpochDay() - firstDay;
        if (i >= 0 && i < n) {
          closed[i] = true;
        }
      }
    }
    for (LocalDate d : SPECIAL_CLOSURES) {
      closed[(int) d.toEpochDay() - firstDay] = true;
    }
    cumulative = new int[n];
    int count = 0;
    int[] s = new int[n];
    for (int i = 0; i < n; i++) {
      // 1970-01-01 was a Thursday: (i + 3) % 7 gives 0 = Monday ... 6 = Sunday
      int dow = Math.floorMod(firstDay + i + 3, 7);
      if (dow < 5 && !closed[i]) {
        s[count++] = firstDay + i;
      }
      cumulative[i] = count;
    }
    sessions = Arrays.copyOf(s, count);
  }

  /** Returns the NYSE calendar. */
  public static TradingCalendar nyse() {
    return NYSE;
  }

  /**
   * Returns the NYSE full-day closures of a year that fall on weekdays, in date order (holidays
   * that fall on a weekend without an observed day are omitted; special closures excluded).
   */
  public static List<LocalDate> holidays(int year) {
    List<LocalDate> h = new ArrayList<>();
    LocalDate newYear = LocalDate.of(year, 1, 1);
    if (newYear.getDayOfWeek() == DayOfWeek.SUNDAY) {
      h.add(newYear.plusDays(1));
    } else if (newYear.getDayOfWeek() != DayOfWeek.SATURDAY) {
      h.add(newYear);
    }
    if (year >= 1998) {
      h.add(nthWeekday(year, Month.JANUARY, DayOfWeek.MONDAY, 3));
    }
    if (year >= MONDAY_HOLIDAYS_FROM) {
      h.add(nthWeekday(year, Month.FEBRUARY, DayOfWeek.MONDAY, 3));
    } else {
      h.add(sundayToMonday(LocalDate.of(year, 2, 22)));
    }
    h.add(easter(year).minusDays(2));
    if (year >= MONDAY_HOLIDAYS_FROM) {
      h.add(LocalDate.of(year, 5, 31).with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY)));
    } else {
      LocalDate memorial = LocalDate.of(year, 5, 30);
      if (memorial.getDayOfWeek() != DayOfWeek.SATURDAY) {
        h.add(sundayToMonday(memorial));
      }
    }
    if (year >= 2022) {
      h.add(observed(LocalDate.of(year, 6, 19)));
    }
    h.add(observed(LocalDate.of(year, 7, 4)));
    h.add(nthWeekday(year, Month.SEPTEMBER, DayOfWeek.MONDAY, 1));
    if (year <= LAST_ELECTION_DAY_CLOSURE && year % 4 == 0) {
      // the Tuesday after the first Monday of November
      h.add(nthWeekday(year, Month.NOVEMBER, DayOfWeek.MONDAY, 1).plusDays(1));
    }
    h.add(nthWeekday(year, Month.NOVEMBER, DayOfWeek.THURSDAY, 4));
    h.add(observed(LocalDate.of(year, 12, 25)));
    h.sort(null);
    return h;
  }

  private static LocalDate sundayToMonday(LocalDate d) {
    return d.getDayOfWeek() == DayOfWeek.SUNDAY ? d.plusDays(1) : d;
  }

  private static LocalDate observed(LocalDate d) {
    switch (d.getDayOfWeek()) {
      case SATURDAY:
        return d.minusDays(1);
      case SUNDAY:
        return d.plusDays(1);
      default:
        return d;
    }
  }

  private static LocalDate nthWeekday(int year, Month month, DayOfWeek dow, int n) {
    return LocalDate.of(year, month, 1).with(TemporalAdjusters.dayOfWeekInMonth(n, dow));
  }

  /** Returns Western (Gregorian) Easter Sunday of a year (anonymous Gregorian algorithm). */
  public static LocalDate easter(int year) {
    int a = year % 19;
    int b = year / 100;
    int c = year % 100;
    int d = b / 4;
    int e = b % 4;
    int f = (b + 8) / 25;
    int g = (b - f + 1) / 3;
    int h = (19 * a + b - d - g + 15) % 30;
    int i = c / 4;
    int k = c % 4;
    int l = (32 + 2 * e + 2 * i - h - k) % 7;
    int m = (a + 11 * h + 22 * l) / 451;
    int month = (h + l - 7 * m + 114) / 31;
    int day = ((h + l - 7 * m + 114) % 31) + 1;
    return LocalDate.of(year, month, day);
  }

  private int offset(int epochDay) {
    if (epochDay < firstDay || epochDay > lastDay) {
      throw new InvalidInputException(
          "date "
              + LocalDate.ofEpochDay(epochDay)
              + " is outside the trading calendar ("
              + FIRST_YEAR
              + " to "
              + LAST_YEAR
              + ")");
    }
    return epochDay - firstDay;
  }

  /** Returns whether the NYSE holds a session on {@code date}. */
  public boolean isTradingDay(LocalDate date) {
    return isTradingDay((int) date.toEpochDay());
  }

  /** Returns whether the NYSE holds a session on the epoch day. */
  public boolean isTradingDay(int epochDay) {
    int i = offset(epochDay);
    return cumulative[i] != (i == 0 ? 0 : cumulative[i - 1]);
  }

  /** Returns whether {@code date} is a trading day for the asset type (every day for crypto). */
  public boolean isTradingDay(LocalDate date, AssetType type) {
    return type == AssetType.CRYPTO || isTradingDay(date);
  }

  /** Returns the latest trading day on or before {@code date}. */
  public LocalDate previousOrSame(LocalDate date) {
    int i = offset((int) date.toEpochDay());
    int k = cumulative[i] - 1;
    if (k < 0) {
      throw new InvalidInputException("no trading day on or before " + date + " in the calendar");
    }
    return LocalDate.ofEpochDay(sessions[k]);
  }

  /** Returns the earliest trading day on or after {@code date}. */
  public LocalDate nextOrSame(LocalDate date) {
    if (isTradingDay(date)) {
      return date;
    }
    int k = cumulative[offset((int) date.toEpochDay())];
    if (k >= sessions.length) {
      throw new InvalidInputException("no trading day on or after " + date + " in the calendar");
    }
    return LocalDate.ofEpochDay(sessions[k]);
  }

  /**
   * Returns the trading day {@code n} sessions before {@code date} moved back to a trading day:
   * {@code minusTradingDays(d, 100)} with {@code d} a trading day starts a window of 101 prices and
   * 100 returns ending at {@code d}.
   *
   * @param date the end; moved back to the previous trading day first when it is not one
   * @param n the number of sessions, not negative
   */
  public LocalDate minusTradingDays(LocalDate date, int n) {
    if (n < 0) {
      throw new IllegalArgumentException("n must not be negative: " + n);
    }
    int k = cumulative[offset((int) date.toEpochDay())] - 1 - n;
    if (k < 0) {
      throw new InvalidInputException(
          n
              + " trading days before "
              + date
              + " is before the calendar's first year "
              + FIRST_YEAR);
    }
    return LocalDate.ofEpochDay(sessions[k]);
  }

  /**
   * Returns the number of trading days in the half-open interval {@code (from, to]}: the number of
   * sessions elapsed between two closes, 1 for consecutive sessions.
   */
  public int sessionsBetween(int fromEpochDay, int toEpochDay) {
    return cumulative[offset(toEpochDay)] - cumulative[offset(fromEpochDay)];
  }

  /** Returns the number of trading days in {@code range}, ends included. */
  public int countTradingDays(DateRange range) {
    int s = offset(range.startEpochDay());
    return cumulative[offset(range.endEpochDay())] - (s == 0 ? 0 : cumulative[s - 1]);
  }

  /**
   * Returns the range with both ends moved back to the previous trading day when they are not
   * trading days (scrilla's {@code validate_dates} rule for equities).
   *
   * @throws InvalidInputException when the window holds no trading day
   */
  public DateRange toTradingDays(DateRange range) {
    if (countTradingDays(range) == 0) {
      throw new InvalidInputException("the window " + range + " holds no trading day");
    }
    LocalDate start = previousOrSame(range.start());
    LocalDate end = previousOrSame(range.end());
    return DateRange.of(start, end);
  }

  /** Returns every trading day in {@code range} as epoch days, ascending. */
  public int[] tradingDays(DateRange range) {
    int s = offset(range.startEpochDay());
    int from = s == 0 ? 0 : cumulative[s - 1];
    int to = cumulative[offset(range.endEpochDay())];
    return Arrays.copyOfRange(sessions, from, to);
  }
}
