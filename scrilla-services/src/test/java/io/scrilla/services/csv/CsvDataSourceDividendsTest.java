package io.scrilla.services.csv;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.scrilla.api.error.InvalidInputException;
import io.scrilla.api.model.Asset;
import io.scrilla.api.model.Dividend;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** {@code <TICKER>.dividends.csv} files read from a real folder. */
class CsvDataSourceDividendsTest {
  private static final Asset ALLY = Asset.equity("ALLY");

  @TempDir Path dir;

  private CsvDataSource write(String text) throws IOException {
    Files.writeString(dir.resolve("ALLY.dividends.csv"), text);
    return CsvDataSource.of(dir);
  }

  @Test
  void dividends_unsortedWithExDate_ascendingByPaymentDate() throws IOException {
    CsvDataSource csv =
        write(
            "date,amount,ex_date\n"
                + "2021-11-15,0.25,2021-10-29\n"
                + "2021-05-14,0.19,2021-04-29\n"
                + "2021-08-16,0.25,2021-07-30\n");

    assertEquals(
        List.of(
            new Dividend(LocalDate.of(2021, 5, 14), 0.19),
            new Dividend(LocalDate.of(2021, 8, 16), 0.25),
            new Dividend(LocalDate.of(2021, 11, 15), 0.25)),
        csv.dividends(ALLY));
  }

  @Test
  void dividends_dateAndAmountOnlyInAnyOrderAndCase_read() throws IOException {
    CsvDataSource csv = write(" Amount ,DATE\n0.25,2021-11-15\n");

    assertEquals(List.of(new Dividend(LocalDate.of(2021, 11, 15), 0.25)), csv.dividends(ALLY));
  }

  @Test
  void dividends_emptyExDate_allowed() throws IOException {
    CsvDataSource csv = write("date,amount,ex_date\n2021-11-15,0.25,\n");

    assertEquals(1, csv.dividends(ALLY).size());
  }

  @Test
  void dividends_noFile_empty() {
    assertEquals(List.of(), CsvDataSource.of(dir).dividends(Asset.equity("SPY")));
  }

  @Test
  void dividends_headerOnly_empty() throws IOException {
    assertEquals(List.of(), write("date,amount\n").dividends(ALLY));
  }

  @Test
  void dividends_parsedOnce_laterCallsDoNotReadTheFileAgain() throws IOException {
    CsvDataSource csv = write("date,amount\n2021-11-15,0.25\n");
    List<Dividend> first = csv.dividends(ALLY);

    Files.delete(dir.resolve("ALLY.dividends.csv"));

    assertEquals(first, csv.dividends(ALLY));
  }

  static Stream<Arguments> badFiles() {
    return Stream.of(
        Arguments.of(
            "non-numeric amount",
            "date,amount\n2021-11-15,a quarter\n",
            2,
            "amount 'a quarter' is not a number"),
        Arguments.of("zero amount", "date,amount\n2021-11-15,0\n", 2, "amount 0 is not positive"),
        Arguments.of(
            "negative amount",
            "date,amount\n2021-11-15,-0.25\n",
            2,
            "amount -0.25 is not positive"),
        Arguments.of("empty amount", "date,amount\n2021-11-15,\n", 2, "amount is empty"),
        Arguments.of(
            "bad date", "date,amount\n2021-11-15,1\n15.11.2021,1\n", 3, "bad date '15.11.2021'"),
        Arguments.of(
            "bad ex_date", "date,amount,ex_date\n2021-11-15,1,Oct 29\n", 2, "bad date 'Oct 29'"),
        Arguments.of(
            "ex_date after payment",
            "date,amount,ex_date\n2021-10-29,1,2021-11-15\n",
            2,
            "ex_date 2021-11-15 is after the payment date 2021-10-29"),
        Arguments.of(
            "duplicate date",
            "date,amount\n2021-11-15,0.25\n2021-11-15,0.1\n",
            3,
            "duplicate date 2021-11-15 (also on line 2)"),
        Arguments.of("missing amount column", "date,cash\n2021-11-15,1\n", 1, "no 'amount' column"),
        Arguments.of(
            "missing date column",
            "paid,amount\n2021-11-15,1\n",
            1,
            "no 'date' (payment date) column"));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("badFiles")
  void dividends_badFile_failsNamingFileLineAndProblem(
      String name, String text, int line, String problem) throws IOException {
    CsvDataSource csv = write(text);

    InvalidInputException e = assertThrows(InvalidInputException.class, () -> csv.dividends(ALLY));

    assertTrue(
        e.getMessage().startsWith(dir.resolve("ALLY.dividends.csv") + " line " + line + ": "),
        name + ": " + e.getMessage());
    assertTrue(e.getMessage().contains(problem), name + ": " + e.getMessage());
  }
}
