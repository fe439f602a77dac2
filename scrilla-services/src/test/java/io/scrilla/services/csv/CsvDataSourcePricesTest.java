package io.scrilla.services.csv;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.scrilla.api.error.InvalidInputException;
import io.scrilla.api.error.PriceUnavailableException;
import io.scrilla.api.model.Asset;
import io.scrilla.api.model.DateRange;
import io.scrilla.api.model.PriceHistory;
import java.io.IOException;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Price files {@code <TICKER>.csv} read from a real folder. */
class CsvDataSourcePricesTest {
  private static final DateRange ALL = DateRange.parse("1900-01-01", "2100-12-31");
  private static final Asset SPY = Asset.equity("SPY");

  @TempDir Path dir;

  private CsvDataSource write(String file, String text) throws IOException {
    Files.writeString(dir.resolve(file), text);
    return CsvDataSource.of(dir);
  }

  private static int day(String iso) {
    return (int) LocalDate.parse(iso).toEpochDay();
  }

  @Test
  void prices_fullLayout_readsDatesOpensAndCloses() throws IOException {
    CsvDataSource csv =
        write(
            "SPY.csv",
            "date,open,high,low,close,volume\n"
                + "2021-11-18,469.24,470.01,466.34,469.73,50625607\n"
                + "2021-11-19,469.61,470.94,468.5,468.89,57315573\n");

    PriceHistory h = csv.prices(SPY, ALL);

    assertEquals(SPY, h.asset());
    assertArrayEquals(new int[] {day("2021-11-18"), day("2021-11-19")}, h.epochDays());
    assertArrayEquals(new double[] {469.73, 468.89}, h.closes());
    assertTrue(h.hasOpens());
    assertArrayEquals(new double[] {469.24, 469.61}, h.opens());
  }

  @Test
  void prices_columnsInAnyOrderAndTimestamp_readsByName() throws IOException {
    CsvDataSource csv =
        write(
            "SPY.csv",
            "volume,close,timestamp,low,open,high\n"
                + "57315573,468.89,2021-11-19,468.5,469.61,470.94\n");

    PriceHistory h = csv.prices(SPY, ALL);

    assertEquals(LocalDate.of(2021, 11, 19), h.date(0));
    assertEquals(468.89, h.close(0));
    assertEquals(469.61, h.open(0));
  }

  @Test
  void prices_dateAndCloseOnly_hasNoOpens() throws IOException {
    CsvDataSource csv = write("SPY.csv", "date,close\n2021-11-19,468.89\n");

    PriceHistory h = csv.prices(SPY, ALL);

    assertFalse(h.hasOpens());
    assertArrayEquals(new double[] {468.89}, h.closes());
  }

  @Test
  void prices_rowsInAnyOrder_sortedAscending() throws IOException {
    CsvDataSource csv =
        write("SPY.csv", "date,close\n" + "2021-11-19,3\n2021-11-17,1\n2021-11-18,2\n");

    PriceHistory h = csv.prices(SPY, ALL);

    assertArrayEquals(
        new int[] {day("2021-11-17"), day("2021-11-18"), day("2021-11-19")}, h.epochDays());
    assertArrayEquals(new double[] {1, 2, 3}, h.closes());
  }

  @Test
  void prices_headerCaseSpacesQuotesBomAndCrlf_understood() throws IOException {
    CsvDataSource csv =
        write(
            "SPY.csv",
            "\uFEFF\"Date\" ,  CLOSE , Open\r\n" + "\r\n2021-11-19, 468.89 ,\"469.61\"\r\n\r\n");

    PriceHistory h = csv.prices(SPY, ALL);

    assertEquals(LocalDate.of(2021, 11, 19), h.date(0));
    assertEquals(468.89, h.close(0));
    assertEquals(469.61, h.open(0));
  }

  @Test
  void prices_alphaVantageCryptoHeaders_readsTheUsdColumns() throws IOException {
    // AlphaVantage's DIGITAL_CURRENCY_DAILY CSV with market USD repeats the (USD) columns
    CsvDataSource csv =
        write(
            "BTC.csv",
            "timestamp,open (USD),high (USD),low (USD),close (USD),"
                + "open (USD),high (USD),low (USD),close (USD),volume,market cap (USD)\n"
                + "2021-11-21,59707.52,60029.76,58486.65,58622.02,"
                + "59707.52,60029.76,58486.65,58622.02,31902.22785,31902.22785\n"
                + "2021-11-20,58057.1,59845,57353,59707.51,"
                + "58057.1,59845,57353,59707.51,33811.5901,33811.5901\n");

    PriceHistory h = csv.prices(Asset.crypto("BTC"), ALL);

    assertEquals(Asset.crypto("BTC"), h.asset());
    assertArrayEquals(new double[] {59707.51, 58622.02}, h.closes());
    assertArrayEquals(new double[] {58057.1, 59707.52}, h.opens());
  }

  @Test
  void prices_otherMarketCurrencyFirst_readsUsdNotCny() throws IOException {
    CsvDataSource csv =
        write(
            "BTC.csv",
            "timestamp,open (CNY),close (CNY),open (USD),close (USD)\n"
                + "2021-11-21,380000,375000,59707.52,58622.02\n");

    PriceHistory h = csv.prices(Asset.crypto("BTC"), ALL);

    assertEquals(58622.02, h.close(0));
    assertEquals(59707.52, h.open(0));
  }

  @Test
  void prices_plainAndUsdColumns_plainWins() throws IOException {
    CsvDataSource csv = write("BTC.csv", "date,close (USD),close\n2021-11-21,1,2\n");

    assertEquals(2.0, csv.prices(Asset.crypto("BTC"), ALL).close(0));
  }

  @Test
  void prices_adjustedCloseColumn_ignoredInFavourOfClose() throws IOException {
    CsvDataSource csv =
        write(
            "SPY.csv",
            "timestamp,open,high,low,close,adjusted_close,volume,"
                + "dividend_amount,split_coefficient\n"
                + "2021-11-19,469.61,470.94,468.5,468.89,460.1,57315573,0,1\n");

    assertEquals(468.89, csv.prices(SPY, ALL).close(0));
  }

  @Test
  void prices_range_returnsOnlyRowsWithin() throws IOException {
    CsvDataSource csv =
        write(
            "SPY.csv",
            "date,close\n"
                + "2021-11-15,1\n2021-11-16,2\n2021-11-17,3\n2021-11-18,4\n2021-11-19,5\n");

    PriceHistory h = csv.prices(SPY, DateRange.parse("2021-11-16", "2021-11-18"));

    assertArrayEquals(new double[] {2, 3, 4}, h.closes());
    assertTrue(csv.prices(SPY, DateRange.parse("2022-01-01", "2022-12-31")).isEmpty());
  }

  @Test
  void latestDate_unsortedFile_isTheLastDate() throws IOException {
    CsvDataSource csv = write("SPY.csv", "date,close\n2021-11-19,5\n2021-11-15,1\n2021-11-17,3\n");

    assertEquals(LocalDate.of(2021, 11, 19), csv.latestDate(SPY));
  }

  @Test
  void prices_lowerCaseFileName_foundForUpperCaseTicker() throws IOException {
    CsvDataSource csv = write("spy.csv", "date,close\n2021-11-19,468.89\n");

    assertEquals(468.89, csv.prices(SPY, ALL).close(0));
    assertEquals(List.of("SPY"), csv.tickers());
  }

  @Test
  void prices_unknownTicker_namesTickerFolderAndAvailableTickers() throws IOException {
    Files.writeString(dir.resolve("DIS.csv"), "date,close\n2021-11-19,154\n");
    Files.writeString(dir.resolve("DIS.dividends.csv"), "date,amount\n2021-11-19,1\n");
    Files.writeString(dir.resolve("yields.csv"), "Date,1 Yr\n11/19/2021,0.18\n");
    CsvDataSource csv = write("SPY.csv", "date,close\n2021-11-19,468.89\n");

    PriceUnavailableException e =
        assertThrows(PriceUnavailableException.class, () -> csv.prices(Asset.equity("XYZ"), ALL));

    assertTrue(e.getMessage().contains("'XYZ'"), e.getMessage());
    assertTrue(e.getMessage().contains(dir.toString()), e.getMessage());
    assertTrue(e.getMessage().contains("XYZ.csv"), e.getMessage());
    assertTrue(e.getMessage().contains("DIS, SPY"), e.getMessage());
    assertFalse(e.getMessage().contains("YIELDS"), e.getMessage());
    assertThrows(PriceUnavailableException.class, () -> csv.latestDate(Asset.equity("XYZ")));
  }

  @Test
  void missingFile_inAFolderOfManyTickers_namesTheFirstTenAndHowMany() throws IOException {
    for (int i = 0; i < 24; i++) {
      Files.writeString(dir.resolve(String.format("T%02d.csv", i)), "date,close\n2021-11-19,1\n");
    }
    CsvDataSource csv = write("SPY.csv", "date,close\n2021-11-19,468.89\n");

    String m =
        assertThrows(PriceUnavailableException.class, () -> csv.prices(Asset.equity("XYZ"), ALL))
            .getMessage();

    assertTrue(
        m.contains(
            "tickers available: SPY, T00, T01, T02, T03, T04, T05, T06, T07, T08, ... (25 in all)"),
        m);
    assertFalse(m.contains("T09"), m);
  }

  @Test
  void prices_parsedOnce_laterCallsDoNotReadTheFileAgain() throws IOException {
    CsvDataSource csv = write("SPY.csv", "date,close\n2021-11-19,468.89\n");
    PriceHistory first = csv.prices(SPY, ALL);

    Files.delete(dir.resolve("SPY.csv"));

    assertEquals(first, csv.prices(SPY, ALL));
    assertEquals(LocalDate.of(2021, 11, 19), csv.latestDate(SPY));
  }

  @Test
  void prices_badFileFixed_readAgainAfterTheFailure() throws IOException {
    CsvDataSource csv = write("SPY.csv", "date,close\n2021-11-19,x\n");
    assertThrows(InvalidInputException.class, () -> csv.prices(SPY, ALL));

    Files.writeString(dir.resolve("SPY.csv"), "date,close\n2021-11-19,468.89\n");

    assertEquals(468.89, csv.prices(SPY, ALL).close(0));
  }

  @Test
  void prices_manyThreads_allSeeTheSameHistory() throws Exception {
    StringBuilder text = new StringBuilder("date,close\n");
    LocalDate d = LocalDate.of(2000, 1, 1);
    for (int i = 0; i < 2000; i++) {
      text.append(d.plusDays(i)).append(',').append(100 + i).append('\n');
    }
    CsvDataSource csv = write("SPY.csv", text.toString());
    ExecutorService pool = Executors.newFixedThreadPool(8);
    try {
      List<Future<PriceHistory>> results = new ArrayList<>();
      for (int i = 0; i < 32; i++) {
        results.add(pool.submit(() -> csv.prices(SPY, ALL)));
      }
      for (Future<PriceHistory> f : results) {
        PriceHistory h = f.get();
        assertEquals(2000, h.size());
        assertEquals(2099.0, h.close(1999));
      }
    } finally {
      pool.shutdownNow();
    }
  }

  static Stream<Arguments> badFiles() {
    return Stream.of(
        bad(
            "non-numeric close",
            "date,close\n2021-11-18,1\n2021-11-19,abc\n",
            3,
            "close 'abc' is not a number"),
        bad(
            "non-numeric open",
            "date,open,close\n2021-11-19,1.2.3,1\n",
            2,
            "open '1.2.3' is not a number"),
        bad("NaN close", "date,close\n2021-11-19,NaN\n", 2, "close 'NaN' is not a number"),
        bad("infinite close", "date,close\n2021-11-19,1e999\n", 2, "close '1e999' is out of range"),
        bad("zero close", "date,close\n2021-11-19,0\n", 2, "close 0 is not positive"),
        bad("negative open", "date,open,close\n2021-11-19,-1,1\n", 2, "open -1 is not positive"),
        bad("empty close", "date,close\n2021-11-19,\n", 2, "close is empty"),
        bad("empty open", "date,open,close\n2021-11-19,,1\n", 2, "open is empty"),
        bad("bad date", "date,close\n2021-11-18,1\n11/19/2021,2\n", 3, "bad date '11/19/2021'"),
        bad("impossible date", "date,close\n2021-02-30,1\n", 2, "bad date '2021-02-30'"),
        bad("empty date", "date,close\n,1\n", 2, "the date is empty"),
        bad(
            "missing date column",
            "day,close\n2021-11-19,1\n",
            1,
            "no 'date' (or 'timestamp') column"),
        bad(
            "missing close column",
            "date,open\n2021-11-19,1\n",
            1,
            "no 'close' (or 'close (USD)') column"),
        bad(
            "duplicate date",
            "date,close\n2021-11-19,1\n2021-11-18,1\n2021-11-19,2\n",
            4,
            "duplicate date 2021-11-19 (also on line 2)"),
        bad("duplicate column", "date,close,close\n2021-11-19,1,1\n", 1, "'close' appears 2 times"),
        bad(
            "date and timestamp",
            "date,timestamp,close\n2021-11-19,2021-11-19,1\n",
            1,
            "both a 'date' and a 'timestamp'"),
        bad("too many fields", "date,close\n2021-11-19,1,2\n", 2, "3 fields but the header"),
        bad("unclosed quote", "date,close\n2021-11-19,\"1\n", 2, "quoted field is not closed"),
        bad("header only", "\ndate,close\n", 2, "no prices"),
        bad("empty file", "\n\n", 1, "the file is empty"));
  }

  private static Arguments bad(String name, String text, int line, String problem) {
    return Arguments.of(name, text, line, problem);
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("badFiles")
  void prices_badFile_failsNamingFileLineAndProblem(
      String name, String text, int line, String problem) throws IOException {
    CsvDataSource csv = write("SPY.csv", text);

    InvalidInputException e = assertThrows(InvalidInputException.class, () -> csv.prices(SPY, ALL));

    String expectedStart = dir.resolve("SPY.csv") + " line " + line + ": ";
    assertTrue(e.getMessage().startsWith(expectedStart), name + ": " + e.getMessage());
    assertTrue(e.getMessage().contains(problem), name + ": " + e.getMessage());
  }

  @Test
  void prices_utf16File_saysItIsNotUtf8() throws IOException {
    for (Charset cs : List.of(StandardCharsets.UTF_16, StandardCharsets.UTF_16LE)) {
      Files.write(dir.resolve("SPY.csv"), "date,close\n2021-11-19,468.89\n".getBytes(cs));
      CsvDataSource csv = CsvDataSource.of(dir);

      InvalidInputException e =
          assertThrows(InvalidInputException.class, () -> csv.prices(SPY, ALL));

      assertTrue(
          e.getMessage()
              .startsWith(
                  dir.resolve("SPY.csv")
                      + " line 1: the file is not UTF-8"
                      + " text; it looks like UTF-16"),
          e.getMessage());
      assertFalse(e.getMessage().contains("Input length"), e.getMessage());
    }
  }

  @Test
  void prices_latin1Byte_saysItIsNotUtf8NamingTheLine() throws IOException {
    Files.write(
        dir.resolve("SPY.csv"),
        new byte[] {
          'd',
          'a',
          't',
          'e',
          ',',
          'c',
          'l',
          'o',
          's',
          'e',
          '\n',
          '2',
          '0',
          '2',
          '1',
          '-',
          '1',
          '1',
          '-',
          '1',
          '9',
          ',',
          '1',
          '\n',
          'x',
          (byte) 0xE9,
          '\n'
        });
    CsvDataSource csv = CsvDataSource.of(dir);

    InvalidInputException e = assertThrows(InvalidInputException.class, () -> csv.prices(SPY, ALL));

    assertTrue(
        e.getMessage()
            .startsWith(
                dir.resolve("SPY.csv") + " line 3: the file is not UTF-8" + " text (byte 0xE9"),
        e.getMessage());
  }

  @Test
  void prices_reservedTickers_refusedBeforeReadingAnotherKindOfFile() throws IOException {
    Files.writeString(dir.resolve("yields.csv"), "Date,1 Yr\n11/19/2021,0.18\n");
    Files.writeString(dir.resolve("ALLY.dividends.csv"), "date,amount\n2021-11-15,0.25\n");
    CsvDataSource csv = CsvDataSource.of(dir);

    for (String ticker : List.of("YIELDS", "yields", "ALLY.DIVIDENDS")) {
      Asset a = Asset.equity(ticker);
      InvalidInputException e = assertThrows(InvalidInputException.class, () -> csv.prices(a, ALL));
      assertTrue(e.getMessage().contains("cannot be a ticker of the csv source"), e.getMessage());
      assertFalse(e.getMessage().contains("YIELDS.csv line"), e.getMessage());
    }
  }

  @Test
  void prices_cryptoRowBefore1970_refusedNamingFileAndLine() throws IOException {
    CsvDataSource csv = write("BTC.csv", "date,close\n1969-12-31,1\n1970-01-01,2\n");

    InvalidInputException e =
        assertThrows(InvalidInputException.class, () -> csv.prices(Asset.crypto("BTC"), ALL));

    assertTrue(
        e.getMessage()
            .startsWith(
                dir.resolve("BTC.csv") + " line 2: the date 1969-12-31 is" + " before 1970-01-01"),
        e.getMessage());
  }

  @Test
  void prices_subnormalClose_refusedNamingFileAndLine() throws IOException {
    CsvDataSource csv = write("SPY.csv", "date,close\n2021-11-18,100\n2021-11-19,1e-310\n");

    InvalidInputException e = assertThrows(InvalidInputException.class, () -> csv.prices(SPY, ALL));

    assertTrue(
        e.getMessage()
            .startsWith(dir.resolve("SPY.csv") + " line 3: close 1e-310 is too" + " small"),
        e.getMessage());
  }

  @Test
  void prices_escapeSequenceInAField_escapedInTheMessage() throws IOException {
    CsvDataSource csv = write("SPY.csv", "date,close\n2021-11-19,1\u001b]0;pwned\u0007x\n");

    InvalidInputException e = assertThrows(InvalidInputException.class, () -> csv.prices(SPY, ALL));

    assertFalse(e.getMessage().chars().anyMatch(c -> c < 0x20), e.getMessage());
    assertTrue(
        e.getMessage().contains("close '1\\u001B]0;pwned\\u0007x' is not a number"),
        e.getMessage());
  }

  @Test
  void of_missingFolder_fails(@TempDir Path tmp) {
    Path missing = tmp.resolve("nope");
    InvalidInputException e =
        assertThrows(InvalidInputException.class, () -> CsvDataSource.of(missing));
    assertTrue(e.getMessage().contains(missing.toString()), e.getMessage());
  }
}
