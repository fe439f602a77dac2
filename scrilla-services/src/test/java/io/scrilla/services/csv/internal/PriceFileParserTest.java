package io.scrilla.services.csv.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.scrilla.api.error.InvalidInputException;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Dates of price files: the fast YYYY-MM-DD path agrees with the ISO formatter. */
class PriceFileParserTest {
  private static final CsvTable TABLE =
      CsvTable.read("t.csv", "date,close\n".getBytes(StandardCharsets.UTF_8));

  @Test
  void isoDate_everyDayOfTwoCenturies_isTheFormattersDay() {
    for (LocalDate d = LocalDate.of(1900, 1, 1); d.getYear() < 2101; d = d.plusDays(1)) {
      assertEquals(d.toEpochDay(), PriceFileParser.isoDate(TABLE, 2, d.toString()));
    }
  }

  @Test
  void isoDate_impossibleOrOddText_failsAsTheFormatterDoes() {
    for (String bad :
        List.of(
            "2021-02-29",
            "2021-13-01",
            "2021-00-10",
            "2021-04-31",
            "2021-01-00",
            "2021-1-01",
            "2021/01/04",
            "20210104",
            "2021-01-04T00:00",
            "+2021-01-04",
            "2021-0a-04",
            "１２３４-01-04")) {
      InvalidInputException e =
          assertThrows(
              InvalidInputException.class, () -> PriceFileParser.isoDate(TABLE, 7, bad), bad);
      assertEquals(
          "t.csv line 7: bad date '" + bad + "'; write it as YYYY-MM-DD, e.g. 2021-11-19",
          e.getMessage().replace("\"", "'"));
    }
    assertEquals(
        LocalDate.of(2020, 2, 29).toEpochDay(), PriceFileParser.isoDate(TABLE, 2, "2020-02-29"));
  }
}
