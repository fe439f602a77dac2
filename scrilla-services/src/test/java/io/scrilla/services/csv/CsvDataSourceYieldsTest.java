package io.scrilla.services.csv;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.scrilla.api.error.InvalidInputException;
import io.scrilla.api.error.PriceUnavailableException;
import io.scrilla.api.model.DateRange;
import io.scrilla.api.model.Maturity;
import io.scrilla.api.model.YieldCurve;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.OptionalDouble;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** {@code yields.csv} in the Treasury's CSV layout, read from a real folder. */
class CsvDataSourceYieldsTest {
  private static final DateRange ALL = DateRange.parse("1900-01-01", "2100-12-31");

  /** The header of the Treasury's download, quoted as the Treasury writes it. */
  private static final String TREASURY_HEADER =
      "Date,\"1 Mo\",\"2 Mo\",\"3 Mo\",\"4 Mo\",\"6 Mo\","
          + "\"1 Yr\",\"2 Yr\",\"3 Yr\",\"5 Yr\",\"7 Yr\",\"10 Yr\",\"20 Yr\",\"30 Yr\"\n";

  @TempDir Path dir;

  private CsvDataSource write(String text) throws IOException {
    Files.writeString(dir.resolve("yields.csv"), text);
    return CsvDataSource.of(dir);
  }

  @Test
  void yieldCurves_treasuryDownload_ratesAsDecimalFractions() throws IOException {
    CsvDataSource csv =
        write(
            TREASURY_HEADER
                + "11/19/2021,0.11,0.04,0.05,,0.06,0.18,0.52,0.86,1.22,1.45,1.54,1.95,1.91\n");

    List<YieldCurve> curves = csv.yieldCurves(ALL);

    assertEquals(1, curves.size());
    YieldCurve c = curves.get(0);
    assertEquals(LocalDate.of(2021, 11, 19), c.date());
    // percent / 100, written as the decimal the Treasury's text stands for
    assertEquals(OptionalDouble.of(0.0011), c.rate(Maturity.ONE_MONTH));
    assertEquals(OptionalDouble.of(0.0018), c.rate(Maturity.ONE_YEAR));
    assertEquals(OptionalDouble.of(0.0154), c.rate(Maturity.TEN_YEAR));
    assertEquals(OptionalDouble.of(0.0191), c.rate(Maturity.THIRTY_YEAR));
    assertEquals(OptionalDouble.empty(), c.rate(Maturity.FOUR_MONTH));
    assertEquals(12, c.rates().size());
  }

  @Test
  void yieldCurves_newestFirst_returnedAscendingAndLatestDateIsTheLast() throws IOException {
    CsvDataSource csv = write("Date,1 Yr\n11/19/2021,0.18\n11/18/2021,0.17\n11/17/2021,0.16\n");

    List<YieldCurve> curves = csv.yieldCurves(ALL);

    assertEquals(
        List.of(LocalDate.of(2021, 11, 17), LocalDate.of(2021, 11, 18), LocalDate.of(2021, 11, 19)),
        curves.stream().map(YieldCurve::date).toList());
    assertEquals(LocalDate.of(2021, 11, 19), csv.latestDate());
  }

  @Test
  void yieldCurves_absentAndUnknownColumns_onlyKnownMaturities() throws IOException {
    // today's download has "1.5 Month"; others have had "6 Wk"; neither is a scrilla maturity
    CsvDataSource csv = write("date , 6 Wk,1 MO,1.5 Month,10 yr\n10/01/2025,4.2,4.22,4.21,4.1\n");

    YieldCurve c = csv.yieldCurves(ALL).get(0);

    assertEquals(Map.of(Maturity.ONE_MONTH, 0.0422, Maturity.TEN_YEAR, 0.041), c.rates());
  }

  @Test
  void yieldCurves_emptyAndNaFields_absentFromTheCurve() throws IOException {
    CsvDataSource csv = write("Date,1 Mo,2 Mo,1 Yr\n11/19/2021,,N/A,0.18\n");

    assertEquals(Map.of(Maturity.ONE_YEAR, 0.0018), csv.yieldCurves(ALL).get(0).rates());
  }

  @Test
  void yieldCurves_rowWithoutAnyRate_skipped() throws IOException {
    CsvDataSource csv = write("Date,1 Mo,1 Yr\n11/19/2021,,\n11/18/2021,0.05,0.17\n");

    assertEquals(
        List.of(LocalDate.of(2021, 11, 18)),
        csv.yieldCurves(ALL).stream().map(YieldCurve::date).toList());
    assertEquals(LocalDate.of(2021, 11, 18), csv.latestDate());
  }

  @Test
  void yieldCurves_isoDatesAndNegativeRates_accepted() throws IOException {
    CsvDataSource csv = write("Date,1 Mo\n2020-03-25,-0.04\n");

    YieldCurve c = csv.yieldCurves(ALL).get(0);

    assertEquals(LocalDate.of(2020, 3, 25), c.date());
    assertEquals(OptionalDouble.of(-0.0004), c.rate(Maturity.ONE_MONTH));
  }

  @Test
  void yieldCurves_range_returnsOnlyDatesWithinAndTellsTheListener() throws IOException {
    CsvDataSource csv =
        write("Date,1 Yr\n11/19/2021,0.18\n11/18/2021,0.17\n11/17/2021,0.16\n11/16/2021,0.15\n");
    List<String> heard = new ArrayList<>();

    List<YieldCurve> curves =
        csv.yieldCurves(
            DateRange.parse("2021-11-17", "2021-11-18"),
            (task, done, total) -> heard.add(task + " " + done + "/" + total));

    assertEquals(
        List.of(0.0016, 0.0017),
        curves.stream().map(c -> c.rate(Maturity.ONE_YEAR).getAsDouble()).toList());
    assertEquals(List.of(dir.resolve("yields.csv") + " 1/1"), heard);
  }

  @Test
  void yieldCurves_parsedOnce_laterCallsDoNotReadTheFileAgain() throws IOException {
    CsvDataSource csv = write("Date,1 Yr\n11/19/2021,0.18\n");
    List<YieldCurve> first = csv.yieldCurves(ALL);

    Files.delete(dir.resolve("yields.csv"));

    assertEquals(first, csv.yieldCurves(ALL));
  }

  @Test
  void yieldCurves_noFile_priceUnavailableNamingFolderAndFile() {
    CsvDataSource csv = CsvDataSource.of(dir);

    PriceUnavailableException e =
        assertThrows(PriceUnavailableException.class, () -> csv.yieldCurves(ALL));
    assertTrue(
        e.getMessage().contains(dir.toString()) && e.getMessage().contains("yields.csv"),
        e.getMessage());
    assertThrows(PriceUnavailableException.class, csv::latestDate);
  }

  @Test
  void latestDate_headerOnly_priceUnavailable() throws IOException {
    CsvDataSource csv = write("Date,1 Yr\n");

    assertEquals(List.of(), csv.yieldCurves(ALL));
    assertThrows(PriceUnavailableException.class, csv::latestDate);
  }

  static Stream<Arguments> badFiles() {
    return Stream.of(
        Arguments.of(
            "non-numeric rate",
            "Date,1 Mo,1 Yr\n11/19/2021,0.11,abc\n",
            2,
            "1 Yr 'abc' is not a number"),
        Arguments.of(
            "bad date",
            "Date,1 Yr\n11/19/2021,0.18\n19/11/2021,0.18\n",
            3,
            "bad date '19/11/2021'"),
        Arguments.of("impossible date", "Date,1 Yr\n02/30/2021,0.18\n", 2, "bad date '02/30/2021'"),
        Arguments.of("empty date", "Date,1 Yr\n,0.18\n", 2, "the date is empty"),
        Arguments.of(
            "duplicate date",
            "Date,1 Yr\n11/19/2021,0.18\n11/18/2021,0.1\n11/19/2021,0.18\n",
            4,
            "duplicate date 11/19/2021 (also on line 2)"),
        Arguments.of("missing date column", "Day,1 Yr\n11/19/2021,0.18\n", 1, "no 'Date' column"),
        Arguments.of("no maturity column", "Date,1 Year\n11/19/2021,0.18\n", 1, "no maturity"),
        Arguments.of(
            "too many fields", "Date,1 Yr\n11/19/2021,0.18,0.2\n", 2, "3 fields but the header"));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("badFiles")
  void yieldCurves_badFile_failsNamingFileLineAndProblem(
      String name, String text, int line, String problem) throws IOException {
    CsvDataSource csv = write(text);

    InvalidInputException e = assertThrows(InvalidInputException.class, () -> csv.yieldCurves(ALL));

    assertTrue(
        e.getMessage().startsWith(dir.resolve("yields.csv") + " line " + line + ": "),
        name + ": " + e.getMessage());
    assertTrue(e.getMessage().contains(problem), name + ": " + e.getMessage());
  }
}
