package io.scrilla.services.csv.internal;

import io.scrilla.api.error.InvalidInputException;
import io.scrilla.api.model.Dividend;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Reads a {@code <TICKER>.dividends.csv} file into {@link Dividend}s.
 *
 * <p>Columns, in any order: {@code date} (the payment date, {@code YYYY-MM-DD}, required), {@code
 * amount} (cash per share, positive, required) and {@code ex_date} (optional; when given, not after
 * the payment date). Rows may come in any order; a payment date may appear once (combine two
 * payments of one day into one row).
 */
public final class DividendFileParser {
  private DividendFileParser() {}

  /**
   * Parses the table.
   *
   * @param table the file's contents
   * @return the dividends ascending by payment date
   * @throws InvalidInputException naming the file, the line and what is wrong
   */
  public static List<Dividend> parse(CsvTable table) {
    int dateCol = table.column("date");
    if (dateCol < 0) {
      throw table.missingColumn("'date' (payment date)");
    }
    int amountCol = table.column("amount");
    if (amountCol < 0) {
      throw table.missingColumn("'amount'");
    }
    int exCol = table.column("ex_date");
    List<Dividend> out = new ArrayList<>();
    Map<LocalDate, Integer> seen = new HashMap<>();
    for (CsvTable.Record r : table.records()) {
      LocalDate date =
          LocalDate.ofEpochDay(PriceFileParser.isoDate(table, r.line(), r.get(dateCol)));
      Integer before = seen.putIfAbsent(date, r.line());
      if (before != null) {
        throw table.error(
            r.line(),
            "duplicate date "
                + date
                + " (also on line "
                + before
                + "); combine the payments of one day into one row");
      }
      String text = r.get(amountCol);
      if (text.isEmpty()) {
        throw table.error(r.line(), "amount is empty; write the cash per share, e.g. 0.25");
      }
      double amount = table.number(r.line(), "amount", text);
      if (!(amount > 0)) {
        throw table.error(
            r.line(), "amount " + text + " is not positive; write the cash per share");
      }
      if (exCol >= 0 && !r.get(exCol).isEmpty()) {
        LocalDate ex = LocalDate.ofEpochDay(PriceFileParser.isoDate(table, r.line(), r.get(exCol)));
        if (ex.isAfter(date)) {
          throw table.error(
              r.line(),
              "ex_date "
                  + ex
                  + " is after the payment date "
                  + date
                  + "; 'date' is the payment date, which follows the ex-dividend date");
        }
      }
      out.add(new Dividend(date, amount));
    }
    out.sort(Comparator.comparing(Dividend::date));
    return List.copyOf(out);
  }
}
