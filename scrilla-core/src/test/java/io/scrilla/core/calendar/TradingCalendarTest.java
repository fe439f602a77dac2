package io.scrilla.core.calendar;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.opengamma.strata.basics.ReferenceData;
import com.opengamma.strata.basics.date.HolidayCalendar;
import com.opengamma.strata.basics.date.HolidayCalendarIds;
import io.scrilla.api.error.InvalidInputException;
import io.scrilla.api.model.Asset;
import io.scrilla.api.model.AssetType;
import io.scrilla.api.model.DateRange;
import io.scrilla.api.model.PriceHistory;
import io.scrilla.core.estimate.RecordedPrices;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.temporal.TemporalAdjusters;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class TradingCalendarTest {
  private final TradingCalendar nyse = TradingCalendar.nyse();

  @Test
  void isTradingDay_everyDayOfSpyHistory_matchesTheRecordedSessions() {
    PriceHistory spy = RecordedPrices.load(Asset.equity("SPY"));
    assertEquals(LocalDate.of(1999, 11, 1), spy.firstDate());
    assertEquals(LocalDate.of(2021, 11, 19), spy.lastDate());
    List<LocalDate> mismatches = new ArrayList<>();
    int sessions = 0;
    for (LocalDate d = spy.firstDate(); !d.isAfter(spy.lastDate()); d = d.plusDays(1)) {
      boolean traded = spy.indexOf(d) >= 0;
      sessions += traded ? 1 : 0;
      if (traded != nyse.isTradingDay(d)) {
        mismatches.add(d);
      }
    }
    assertEquals(List.of(), mismatches);
    assertEquals(spy.size(), sessions);
    DateRange all = DateRange.of(spy.firstDate(), spy.lastDate());
    assertEquals(spy.size(), nyse.countTradingDays(all));
    int[] days = nyse.tradingDays(all);
    assertEquals(spy.size(), days.length);
    for (int i = 0; i < days.length; i++) {
      assertEquals(spy.epochDay(i), days[i]);
    }
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        // Good Friday
        "2000-04-21",
        "2019-04-19",
        "2020-04-10",
        "2021-04-02",
        "2022-04-15",
        "2024-03-29",
        // Juneteenth from 2022: Sunday 2022-06-19 observed Monday; Saturday 2027-06-19 observed
        // Friday
        "2022-06-20",
        "2023-06-19",
        "2024-06-19",
        "2027-06-18",
        // observed shifts: Christmas, Independence Day, New Year's Day
        "2021-12-24",
        "2022-12-26",
        "2020-07-03",
        "2021-07-05",
        "2017-01-02",
        "2023-01-02",
        "2004-12-24",
        "2010-12-24",
        "2011-12-26",
        "2015-07-03",
        // fixed rules
        "2021-01-01",
        "2021-01-18",
        "2021-02-15",
        "2021-05-31",
        "2021-09-06",
        "2021-11-25",
        "2019-12-25",
        // special closures
        "2001-09-11",
        "2001-09-12",
        "2001-09-13",
        "2001-09-14",
        "2004-06-11",
        "2007-01-02",
        "2012-10-29",
        "2012-10-30",
        "2018-12-05",
        "2025-01-09",
        // closures before the recorded history
        "1985-09-27",
        "1994-04-27",
        "1972-12-28",
        "1973-01-25",
        "1977-07-14",
        // presidential Election Days up to 1980
        "1972-11-07",
        "1976-11-02",
        "1980-11-04",
        // before the Monday holidays of 1971: Washington's Birthday on Sunday 1970-02-22, observed
        "1970-02-23"
      })
  void isTradingDay_nyseClosure_isFalse(String date) {
    LocalDate d = LocalDate.parse(date);
    assertTrue(d.getDayOfWeek().getValue() <= 5, date + " must be a weekday for this test");
    assertFalse(nyse.isTradingDay(d), date);
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        // Juneteenth observed by federal calendars in 2021 but the NYSE traded
        "2021-06-18",
        // a Saturday New Year's Day gives no Friday closure
        "2021-12-31",
        "2010-12-31",
        "2027-12-31",
        // federal holidays on which the NYSE trades
        "2021-10-11",
        "2021-11-11",
        "2020-10-12",
        "2020-11-11",
        // the days around Good Friday
        "2021-04-01",
        "2021-04-05",
        "2020-04-09",
        "2020-04-13",
        // Juneteenth fell before 2022 on a trading day
        "2020-06-19",
        "2019-06-19",
        // Election Days after 1980, and of the years between presidential elections
        "1984-11-06",
        "1974-11-05",
        "1978-11-07",
        // 1970: no third-Monday Washington's Birthday, no last-Monday Memorial Day, and Memorial
        // Day
        // on Saturday 1970-05-30 closed nothing
        "1970-02-16",
        "1970-05-25",
        "1970-05-29"
      })
  void isTradingDay_openWeekday_isTrue(String date) {
    assertTrue(nyse.isTradingDay(LocalDate.parse(date)), date);
  }

  @Test
  void isTradingDay_weekends_areClosed() {
    for (LocalDate d = LocalDate.of(2021, 1, 1); d.getYear() == 2021; d = d.plusDays(1)) {
      if (d.getDayOfWeek() == DayOfWeek.SATURDAY || d.getDayOfWeek() == DayOfWeek.SUNDAY) {
        assertFalse(nyse.isTradingDay(d), d.toString());
      }
    }
    assertTrue(nyse.isTradingDay(LocalDate.of(2021, 6, 19), AssetType.CRYPTO));
  }

  @Test
  void holidays_2021_areTheNineWeekdayClosures() {
    // Juneteenth not yet; New Year's Day 2022 is a Saturday and closes nothing in 2021
    List<LocalDate> expected =
        List.of(
            LocalDate.of(2021, 1, 1),
            LocalDate.of(2021, 1, 18),
            LocalDate.of(2021, 2, 15),
            LocalDate.of(2021, 4, 2),
            LocalDate.of(2021, 5, 31),
            LocalDate.of(2021, 7, 5),
            LocalDate.of(2021, 9, 6),
            LocalDate.of(2021, 11, 25),
            LocalDate.of(2021, 12, 24));
    assertEquals(expected, TradingCalendar.holidays(2021));
    assertEquals(10, TradingCalendar.holidays(2023).size());
  }

  @Test
  void isTradingDay_everyDayFrom1970_matchesStrataNyseCalendar() {
    HolidayCalendar strata = ReferenceData.standard().getValue(HolidayCalendarIds.NYSE);
    // Strata's calendars are tables of holidays: the last year it knows is the last year in which
    // it closes Thanksgiving (after it, every weekday is a business day)
    int lastYear = TradingCalendar.FIRST_YEAR;
    for (int y = TradingCalendar.FIRST_YEAR; y <= TradingCalendar.LAST_YEAR; y++) {
      LocalDate thanksgiving =
          LocalDate.of(y, 11, 1).with(TemporalAdjusters.dayOfWeekInMonth(4, DayOfWeek.THURSDAY));
      if (strata.isHoliday(thanksgiving)) {
        lastYear = y;
      }
    }
    assertTrue(lastYear >= 2099, "Strata's NYSE calendar ends in " + lastYear);
    // the first day of the Hurricane Sandy closure, which Strata omits (SPY did not trade)
    Set<LocalDate> strataOmits = Set.of(LocalDate.of(2012, 10, 29));
    List<String> differences = new ArrayList<>();
    int sessions = 0;
    LocalDate end = LocalDate.of(Math.min(lastYear, TradingCalendar.LAST_YEAR), 12, 31);
    for (LocalDate d = LocalDate.of(TradingCalendar.FIRST_YEAR, 1, 1);
        !d.isAfter(end);
        d = d.plusDays(1)) {
      boolean ours = nyse.isTradingDay(d);
      boolean theirs = strata.isBusinessDay(d) && !strataOmits.contains(d);
      sessions += ours ? 1 : 0;
      if (ours != theirs) {
        differences.add(
            d + (ours ? " open here, closed in Strata" : " closed here, open in Strata"));
      }
    }
    assertEquals(List.of(), differences);
    assertTrue(sessions > 32_000, "sessions " + sessions);
    for (LocalDate d : strataOmits) {
      assertTrue(strata.isBusinessDay(d), d + " is no longer a difference: remove it");
    }
  }

  @Test
  void easter_knownYears_matchPublishedDates() {
    assertEquals(LocalDate.of(2000, 4, 23), TradingCalendar.easter(2000));
    assertEquals(LocalDate.of(2019, 4, 21), TradingCalendar.easter(2019));
    assertEquals(LocalDate.of(2021, 4, 4), TradingCalendar.easter(2021));
    assertEquals(LocalDate.of(2038, 4, 25), TradingCalendar.easter(2038));
  }

  @Test
  void sessionsBetween_acrossGoodFridayWeekend_isOne() {
    int thu = (int) LocalDate.of(2021, 4, 1).toEpochDay();
    int mon = (int) LocalDate.of(2021, 4, 5).toEpochDay();
    assertEquals(1, nyse.sessionsBetween(thu, mon));
    assertEquals(2, nyse.sessionsBetween(thu, mon + 1));
    assertEquals(0, nyse.sessionsBetween(thu, thu));
    // Friday 2021-06-18 is a session: Thursday to Monday spans two
    assertEquals(
        2,
        nyse.sessionsBetween(
            (int) LocalDate.of(2021, 6, 17).toEpochDay(),
            (int) LocalDate.of(2021, 6, 21).toEpochDay()));
  }

  @Test
  void minusTradingDays_defaultWindow_has101SessionsAnd100Returns() {
    LocalDate end = LocalDate.of(2021, 11, 19);
    LocalDate start = nyse.minusTradingDays(end, 100);
    DateRange window = DateRange.of(start, end);
    assertEquals(101, nyse.countTradingDays(window));
    PriceHistory spy = RecordedPrices.load(Asset.equity("SPY")).slice(window);
    assertEquals(101, spy.size());
    assertEquals(start, spy.firstDate());
    // a window holding 2021-06-18 counts it (scrilla's calendar would give 102 sessions)
    LocalDate start2 = nyse.minusTradingDays(LocalDate.of(2021, 8, 2), 100);
    assertEquals(
        101,
        RecordedPrices.load(Asset.equity("SPY"))
            .slice(DateRange.of(start2, LocalDate.of(2021, 8, 2)))
            .size());
  }

  @Test
  void minusTradingDays_endOnWeekend_startsFromPreviousSession() {
    assertEquals(LocalDate.of(2021, 11, 19), nyse.minusTradingDays(LocalDate.of(2021, 11, 21), 0));
    assertEquals(LocalDate.of(2021, 11, 18), nyse.minusTradingDays(LocalDate.of(2021, 11, 21), 1));
  }

  @Test
  void previousAndNext_aroundHolidays_skipClosures() {
    assertEquals(LocalDate.of(2021, 4, 1), nyse.previousOrSame(LocalDate.of(2021, 4, 4)));
    assertEquals(LocalDate.of(2021, 4, 5), nyse.nextOrSame(LocalDate.of(2021, 4, 2)));
    assertEquals(LocalDate.of(2021, 4, 5), nyse.previousOrSame(LocalDate.of(2021, 4, 5)));
  }

  @Test
  void toTradingDays_weekendEnds_moveBackToSessions() {
    DateRange r = nyse.toTradingDays(DateRange.parse("2021-04-03", "2021-07-04"));
    assertEquals(DateRange.parse("2021-04-01", "2021-07-02"), r);
  }

  @Test
  void toTradingDays_noSessionInWindow_throwsNamingTheDates() {
    InvalidInputException e =
        assertThrows(
            InvalidInputException.class,
            () -> nyse.toTradingDays(DateRange.parse("2021-04-02", "2021-04-04")));
    assertTrue(
        e.getMessage().contains("2021-04-02") && e.getMessage().contains("2021-04-04"),
        e.getMessage());
  }

  @Test
  void isTradingDay_outsideSupportedYears_throws() {
    assertThrows(InvalidInputException.class, () -> nyse.isTradingDay(LocalDate.of(1969, 12, 31)));
    assertThrows(InvalidInputException.class, () -> nyse.isTradingDay(LocalDate.of(2200, 1, 1)));
  }
}
