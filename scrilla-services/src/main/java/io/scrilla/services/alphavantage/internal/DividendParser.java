package io.scrilla.services.alphavantage.internal;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.scrilla.api.error.SafeText;
import io.scrilla.api.model.Asset;
import io.scrilla.api.model.Dividend;
import io.scrilla.services.http.Redactor;
import java.io.IOException;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Reads AlphaVantage's {@code DIVIDENDS} answer: {@code {"symbol": ..., "data":
 * [{"ex_dividend_date", "declaration_date", "record_date", "payment_date", "amount"}]}}, where any
 * value may be {@code "None"}; stateless.
 *
 * <p>A dividend's date is its {@code payment_date}, or its {@code ex_dividend_date} when no payment
 * date is published. The array must be ordered by ex-dividend date (either direction, as the
 * service sends newest first) without repeating one; every amount must be a positive number. The
 * result is ascending by the dividend's date.
 */
public final class DividendParser {
  private static final ObjectMapper JSON = new ObjectMapper();

  private DividendParser() {}

  /**
   * Parses and validates a whole answer.
   *
   * @param body the bytes received
   * @param asset the asset asked for
   * @param what the request's description for messages
   * @param redactor hides the key in quoted service text
   * @return the dividends, ascending by date; empty when the asset pays none
   * @throws io.scrilla.api.error.ServiceException for a notice or bad data, naming the ticker and
   *     date
   */
  public static List<Dividend> parse(byte[] body, Asset asset, String what, Redactor redactor) {
    JsonNode root;
    try {
      root = JSON.readTree(body);
    } catch (JsonProcessingException e) {
      JsonLocation at = e.getLocation();
      throw Malformed.syntax(
          what,
          "not valid JSON (cut short or corrupted)"
              + (at == null ? "" : " at line " + at.getLineNr() + ", column " + at.getColumnNr())
              + ": "
              + redactor.redact(e.getOriginalMessage()));
    } catch (IOException e) {
      throw Malformed.syntax(what, "could not be read: " + redactor.redact(e.getMessage()));
    }
    if (root == null || !root.isObject()) {
      throw Malformed.content(what, "the body is not a JSON object");
    }
    JsonNode data = root.get("data");
    if (data == null || !data.isArray()) {
      for (Iterator<Map.Entry<String, JsonNode>> it = root.fields(); it.hasNext(); ) {
        Map.Entry<String, JsonNode> e = it.next();
        if (Notices.isNotice(e.getKey()) && e.getValue().isTextual()) {
          throw Notices.classify(e.getKey(), e.getValue().asText(), what, asset, redactor);
        }
      }
      throw Malformed.content(what, "no 'data' array in the answer");
    }
    JsonNode symbol = root.get("symbol");
    if (symbol != null
        && symbol.isTextual()
        && !symbol.asText().trim().equalsIgnoreCase(asset.ticker())) {
      throw Malformed.content(
          what, "the answer is for " + SafeText.quote(symbol.asText()) + ", not " + asset.ticker());
    }
    List<Dividend> out = new ArrayList<>(data.size());
    LocalDate previous = null;
    int direction = 0; // +1 ascending, -1 descending, 0 not yet known
    for (int i = 0; i < data.size(); i++) {
      JsonNode row = data.get(i);
      if (!row.isObject()) {
        throw Malformed.content(
            what, asset.ticker() + ": entry " + (i + 1) + " of 'data' is not an object");
      }
      Optional<LocalDate> ex = date(row, "ex_dividend_date", asset, what, i);
      Optional<LocalDate> paid = date(row, "payment_date", asset, what, i);
      int entry = i + 1;
      LocalDate key =
          ex.or(() -> paid)
              .orElseThrow(
                  () ->
                      Malformed.content(
                          what,
                          asset.ticker()
                              + ": entry "
                              + entry
                              + " has neither an ex-dividend nor a payment date"));
      LocalDate date = paid.orElse(key);
      if (previous != null) {
        int cmp = key.compareTo(previous);
        if (cmp == 0) {
          throw Malformed.content(
              what, asset.ticker() + ": the ex-dividend date " + key + " appears twice");
        }
        int dir = Integer.signum(cmp);
        if (direction == 0) {
          direction = dir;
        } else if (dir != direction) {
          throw Malformed.content(
              what,
              asset.ticker()
                  + ": dividends out of order at ex-dividend date "
                  + key
                  + " (after "
                  + previous
                  + ")");
        }
      }
      previous = key;
      out.add(new Dividend(date, amount(row, asset, date, what)));
    }
    out.sort(Comparator.comparing(Dividend::date));
    return List.copyOf(out);
  }

  private static Optional<LocalDate> date(
      JsonNode row, String field, Asset asset, String what, int i) {
    JsonNode n = row.get(field);
    if (n == null || n.isNull() || isNone(n.asText())) {
      return Optional.empty();
    }
    String text = n.asText().trim();
    try {
      return Optional.of(LocalDate.parse(text));
    } catch (DateTimeParseException e) {
      throw Malformed.content(
          what,
          asset.ticker()
              + ": entry "
              + (i + 1)
              + " has "
              + field
              + " "
              + SafeText.quote(text)
              + ", not a date (YYYY-MM-DD)");
    }
  }

  private static double amount(JsonNode row, Asset asset, LocalDate date, String what) {
    JsonNode n = row.get("amount");
    String text = n == null || n.isNull() ? "None" : n.asText().trim();
    double v;
    try {
      v = Double.parseDouble(text);
    } catch (NumberFormatException e) {
      throw Malformed.content(
          what,
          asset.ticker()
              + " dividend of "
              + date
              + ": the amount "
              + SafeText.quote(text)
              + " is not a number");
    }
    if (!Double.isFinite(v) || v <= 0) {
      throw Malformed.content(
          what,
          asset.ticker()
              + " dividend of "
              + date
              + ": the amount "
              + SafeText.of(text)
              + " is not a finite positive number");
    }
    return v;
  }

  private static boolean isNone(String s) {
    String t = s.trim();
    return t.isEmpty()
        || t.equalsIgnoreCase("None")
        || t.equalsIgnoreCase("null")
        || t.equals("0000-00-00");
  }
}
