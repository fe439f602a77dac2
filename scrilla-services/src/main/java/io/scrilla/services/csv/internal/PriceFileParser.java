package io.scrilla.services.csv.internal;

import io.scrilla.api.error.InvalidInputException;
import io.scrilla.api.error.SafeText;
import io.scrilla.api.model.Asset;
import io.scrilla.api.model.PriceHistory;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.format.DateTimeParseException;
import java.util.Arrays;
import java.util.List;

/**
 * Reads a {@code <TICKER>.csv} price file into a {@link PriceHistory}.
 *
 * <p>Columns, matched by {@link CsvTable#normalize normalized} name, in any order: {@code date} or
 * {@code timestamp} (ISO {@code YYYY-MM-DD}, required), {@code close} (required), {@code open}
 * (optional; when present every row needs one). AlphaVantage's crypto downloads name the prices
 * {@code close (USD)} and so on, repeating the USD columns when the market is USD: a plain {@code
 * close} wins over {@code close (USD)}, and of several {@code close (USD)} columns the first is
 * read. Other columns ({@code high}, {@code low}, {@code volume}, {@code adjusted_close}, prices in
 * other currencies) are ignored. Rows may come in any order and are sorted; a date may appear once.
 * Dates before 1970-01-01 (where the trading calendar starts) and prices that are not normal
 * positive doubles (zero, negative, or below 2.2e-308, whose ratios overflow) are refused with the
 * file and line.
 */
public final class PriceFileParser {
  private PriceFileParser() {}

  /**
   * Parses the table.
   *
   * @param table the file's contents
   * @param asset the asset the prices belong to
   * @return the history, ascending, with opens when the file has an open column
   * @throws InvalidInputException naming the file, the line and what is wrong
   */
  public static PriceHistory parse(CsvTable table, Asset asset) {
    int dateCol = dateColumn(table);
    int closeCol = priceColumn(table, "close");
    int openCol = priceColumn(table, "open");
    if (closeCol < 0) {
      throw table.missingColumn("'close' (or 'close (USD)')");
    }
    List<CsvTable.Record> records = table.records();
    int n = records.size();
    if (n == 0) {
      throw table.error(
          table.headerLine(),
          "the file has a header but no prices; add rows such as "
              + "2021-11-19,468.89 or remove the file");
    }
    int[] days = new int[n];
    double[] closes = new double[n];
    double[] opens = openCol < 0 ? null : new double[n];
    long[] order = new long[n];
    String closeName = table.header().get(closeCol).trim();
    String openName = openCol < 0 ? null : table.header().get(openCol).trim();
    for (int i = 0; i < n; i++) {
      CsvTable.Record r = records.get(i);
      days[i] = isoDate(table, r.line(), r.get(dateCol));
      if (days[i] < 0) {
        throw table.error(
            r.line(),
            "the date "
                + LocalDate.ofEpochDay(days[i])
                + " is before 1970-01-01, where the trading calendar starts; remove the row");
      }
      closes[i] = price(table, r.line(), closeName, r.get(closeCol));
      if (opens != null) {
        opens[i] = price(table, r.line(), openName, r.get(openCol));
      }
      order[i] = ((long) days[i] << 32) | i;
    }
    Arrays.sort(order);
    int[] d = new int[n];
    double[] c = new double[n];
    double[] o = opens == null ? null : new double[n];
    for (int k = 0; k < n; k++) {
      int i = (int) order[k];
      d[k] = days[i];
      c[k] = closes[i];
      if (o != null) {
        o[k] = opens[i];
      }
      if (k > 0 && d[k] == d[k - 1]) {
        int first = Math.min(i, (int) order[k - 1]);
        int second = Math.max(i, (int) order[k - 1]);
        throw table.error(
            records.get(second).line(),
            "duplicate date "
                + LocalDate.ofEpochDay(d[k])
                + " (also on line "
                + records.get(first).line()
                + "); keep one row per date");
      }
    }
    return o == null ? PriceHistory.ofCloses(asset, d, c) : PriceHistory.of(asset, d, o, c);
  }

  private static int dateColumn(CsvTable table) {
    int date = table.column("date");
    int timestamp = table.column("timestamp");
    if (date >= 0 && timestamp >= 0) {
      throw table.error(
          table.headerLine(), "both a 'date' and a 'timestamp' column; keep one of them");
    }
    int col = Math.max(date, timestamp);
    if (col < 0) {
      throw table.missingColumn("'date' (or 'timestamp')");
    }
    return col;
  }

  /** The plain column if present, else the first "(USD)" one, else -1. */
  private static int priceColumn(CsvTable table, String name) {
    int plain = table.column(name);
    if (plain >= 0) {
      return plain;
    }
    List<Integer> usd = table.columns(name + " (usd)");
    return usd.isEmpty() ? -1 : usd.get(0);
  }

  static int isoDate(CsvTable table, int line, String text) {
    if (text.isEmpty()) {
      throw table.error(line, "the date is empty; write it as YYYY-MM-DD, e.g. 2021-11-19");
    }
    if (text.length() == 10 && text.charAt(4) == '-' && text.charAt(7) == '-') {
      // the common YYYY-MM-DD without the formatter's machinery; anything else, and any
      // impossible date, goes the formatter's way below (and fails with its message)
      int y = digits(text, 0, 4);
      int m = digits(text, 5, 7);
      int d = digits(text, 8, 10);
      if (y >= 0
          && m >= 1
          && m <= 12
          && d >= 1
          && (d <= 28 || d <= YearMonth.of(y, m).lengthOfMonth())) {
        return Math.toIntExact(LocalDate.of(y, m, d).toEpochDay());
      }
    }
    try {
      return Math.toIntExact(LocalDate.parse(text).toEpochDay());
    } catch (DateTimeParseException e) {
      throw table.error(
          line, "bad date " + SafeText.quote(text) + "; write it as YYYY-MM-DD, e.g. 2021-11-19");
    }
  }

  /** Returns the ASCII digits of {@code text[from, to)} as a number, or -1. */
  private static int digits(String text, int from, int to) {
    int v = 0;
    for (int i = from; i < to; i++) {
      char c = text.charAt(i);
      if (c < '0' || c > '9') {
        return -1;
      }
      v = 10 * v + (c - '0');
    }
    return v;
  }

  private static double price(CsvTable table, int line, String column, String text) {
    if (text.isEmpty()) {
      throw table.error(
          line,
          column
              + " is empty; every row needs one (or remove the column "
              + "when it is not 'close')");
    }
    double v = table.number(line, column, text);
    if (!(v > 0)) {
      throw table.error(line, column + " " + text + " is not positive; prices must be above 0");
    }
    if (v < Double.MIN_NORMAL) {
      throw table.error(
          line,
          column
              + " "
              + text
              + " is too small: prices must be at least "
              + Double.MIN_NORMAL
              + " (smaller ones are subnormal doubles whose ratios overflow)");
    }
    return v;
  }
}
