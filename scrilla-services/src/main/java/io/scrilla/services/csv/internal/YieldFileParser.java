package io.scrilla.services.csv.internal;

import io.scrilla.api.error.InvalidInputException;
import io.scrilla.api.error.SafeText;
import io.scrilla.api.model.Maturity;
import io.scrilla.api.model.YieldCurve;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.format.ResolverStyle;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Reads a {@code yields.csv} file, the US Treasury's CSV download of daily par yield curve rates,
 * into {@link YieldCurve}s.
 *
 * <p>Header: {@code Date} and any of the maturity columns {@link #column(Maturity)} ({@code 1 Mo},
 * {@code 2 Mo}, ... {@code 30 Yr}), matched case-insensitively; other columns (such as {@code 1.5
 * Month}) are ignored. Dates {@code MM/DD/YYYY} as the Treasury writes them ({@code YYYY-MM-DD} is
 * accepted too). Rates in percent, converted to decimal fractions exactly ({@code 1.54} becomes
 * {@code 0.0154}); an empty field or {@code N/A} means not published that day. A row with no rate
 * at all is skipped. Rows may come in any order (the Treasury writes the newest first); a date may
 * appear once.
 */
public final class YieldFileParser {
  private static final DateTimeFormatter US_DATE =
      DateTimeFormatter.ofPattern("M/d/uuuu", Locale.ROOT).withResolverStyle(ResolverStyle.STRICT);

  private static final Map<Maturity, String> COLUMNS = new EnumMap<>(Maturity.class);

  static {
    COLUMNS.put(Maturity.ONE_MONTH, "1 Mo");
    COLUMNS.put(Maturity.TWO_MONTH, "2 Mo");
    COLUMNS.put(Maturity.THREE_MONTH, "3 Mo");
    COLUMNS.put(Maturity.FOUR_MONTH, "4 Mo");
    COLUMNS.put(Maturity.SIX_MONTH, "6 Mo");
    COLUMNS.put(Maturity.ONE_YEAR, "1 Yr");
    COLUMNS.put(Maturity.TWO_YEAR, "2 Yr");
    COLUMNS.put(Maturity.THREE_YEAR, "3 Yr");
    COLUMNS.put(Maturity.FIVE_YEAR, "5 Yr");
    COLUMNS.put(Maturity.SEVEN_YEAR, "7 Yr");
    COLUMNS.put(Maturity.TEN_YEAR, "10 Yr");
    COLUMNS.put(Maturity.TWENTY_YEAR, "20 Yr");
    COLUMNS.put(Maturity.THIRTY_YEAR, "30 Yr");
  }

  private YieldFileParser() {}

  /**
   * Returns the header of a maturity in the Treasury's CSV download, e.g. {@code "1 Yr"}.
   *
   * @param maturity the maturity
   * @return the column name
   */
  public static String column(Maturity maturity) {
    return COLUMNS.get(maturity);
  }

  /**
   * Parses the table.
   *
   * @param table the file's contents
   * @return the curves, ascending by date, rates as decimal fractions
   * @throws InvalidInputException naming the file, the line and what is wrong
   */
  public static List<YieldCurve> parse(CsvTable table) {
    int dateCol = table.column("date");
    if (dateCol < 0) {
      throw table.missingColumn("'Date'");
    }
    Map<Maturity, Integer> cols = new EnumMap<>(Maturity.class);
    for (Maturity m : Maturity.values()) {
      int c = table.column(column(m));
      if (c >= 0) {
        cols.put(m, c);
      }
    }
    if (cols.isEmpty()) {
      List<String> names = new ArrayList<>();
      for (Maturity m : Maturity.values()) {
        names.add(column(m));
      }
      throw table.missingColumn("maturity (expected some of " + names + ")");
    }
    List<YieldCurve> curves = new ArrayList<>();
    Map<LocalDate, Integer> seen = new HashMap<>();
    for (CsvTable.Record r : table.records()) {
      LocalDate date = date(table, r.line(), r.get(dateCol));
      Integer before = seen.putIfAbsent(date, r.line());
      if (before != null) {
        throw table.error(
            r.line(),
            "duplicate date "
                + SafeText.of(r.get(dateCol))
                + " (also on line "
                + before
                + "); keep one row per date");
      }
      Map<Maturity, Double> rates = new EnumMap<>(Maturity.class);
      for (Map.Entry<Maturity, Integer> e : cols.entrySet()) {
        String text = r.get(e.getValue());
        if (text.isEmpty() || text.equalsIgnoreCase("N/A")) {
          continue;
        }
        String column = column(e.getKey());
        table.number(r.line(), column, text); // validates, with the message
        rates.put(e.getKey(), YieldCurve.fromPercent(text));
      }
      if (!rates.isEmpty()) {
        curves.add(new YieldCurve(date, rates));
      }
    }
    curves.sort(Comparator.comparing(YieldCurve::date));
    return List.copyOf(curves);
  }

  private static LocalDate date(CsvTable table, int line, String text) {
    if (text.isEmpty()) {
      throw table.error(line, "the date is empty; write it as MM/DD/YYYY, e.g. 11/19/2021");
    }
    try {
      return text.indexOf('/') >= 0 ? LocalDate.parse(text, US_DATE) : LocalDate.parse(text);
    } catch (DateTimeParseException e) {
      throw table.error(
          line, "bad date " + SafeText.quote(text) + "; write it as MM/DD/YYYY, e.g. 11/19/2021");
    }
  }
}
