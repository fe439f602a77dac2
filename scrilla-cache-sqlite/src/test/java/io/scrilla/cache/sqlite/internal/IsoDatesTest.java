package io.scrilla.cache.sqlite.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.scrilla.api.error.InvalidInputException;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import org.junit.jupiter.api.Test;

/** The ISO date text of the date columns, checked against {@link LocalDate}'s own format. */
class IsoDatesTest {
  @Test
  void format_everyDayOverCenturies_matchesLocalDate() {
    LocalDate d = LocalDate.of(1890, 1, 1);
    LocalDate end = LocalDate.of(2110, 12, 31);
    for (; !d.isAfter(end); d = d.plusDays(1)) {
      assertEquals(d.toString(), IsoDates.format(d));
      assertEquals(d.toEpochDay(), IsoDates.parse(d.toString()));
    }
  }

  @Test
  void format_limits_zeroPaddedYears() {
    assertEquals("0000-01-01", IsoDates.format(LocalDate.of(0, 1, 1)));
    assertEquals("0099-02-03", IsoDates.format(LocalDate.of(99, 2, 3)));
    assertEquals("9999-12-31", IsoDates.format(LocalDate.of(9999, 12, 31)));
    assertEquals(LocalDate.of(99, 2, 3).toEpochDay(), IsoDates.parse("0099-02-03"));
  }

  @Test
  void format_outsideYears0To9999_refused() {
    assertThrows(InvalidInputException.class, () -> IsoDates.format(LocalDate.of(10000, 1, 1)));
    assertThrows(InvalidInputException.class, () -> IsoDates.format(LocalDate.of(-1, 12, 31)));
  }

  @Test
  void parse_malformed_returnsMinValue() {
    for (String s :
        new String[] {
          "2021-1-04",
          "2021/01/04",
          "2021-02-30",
          "2021-13-01",
          "",
          "20210104xx",
          "2021-01-0a",
          null
        }) {
      assertEquals(Long.MIN_VALUE, IsoDates.parse(s), String.valueOf(s));
    }
  }

  @Test
  void textOrder_isDateOrder() {
    LocalDate a = LocalDate.of(999, 12, 31);
    for (int i = 0; i < 3000; i++) {
      LocalDate b = a.plus(1 + i * 37L, ChronoUnit.DAYS);
      assertEquals(
          Integer.signum(a.compareTo(b)),
          Integer.signum(IsoDates.format(a).compareTo(IsoDates.format(b))));
    }
  }
}
