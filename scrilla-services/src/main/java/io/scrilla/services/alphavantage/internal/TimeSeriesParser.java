package io.scrilla.services.alphavantage.internal;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import io.scrilla.api.error.InvalidInputException;
import io.scrilla.api.error.PriceUnavailableException;
import io.scrilla.api.error.SafeText;
import io.scrilla.api.model.Asset;
import io.scrilla.api.model.AssetType;
import io.scrilla.api.model.PriceHistory;
import io.scrilla.services.http.Redactor;
import java.io.IOException;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Reads an AlphaVantage daily time series ({@code TIME_SERIES_DAILY} or {@code
 * DIGITAL_CURRENCY_DAILY}) in one streaming pass and validates every row; stateless.
 *
 * <p>The answer is an object keyed by date (any order, newest first in practice); each date must
 * appear once, each close and open must be a finite positive number. Crypto rows carry either the
 * older {@code "1a. open (USD)"}/{@code "4a. close (USD)"} or the current {@code "1. open"}/ {@code
 * "4. close"}; equities use the unadjusted {@code "4. close"} and {@code "1. open"}.
 */
public final class TimeSeriesParser {
  /** The series object of {@code TIME_SERIES_DAILY}. */
  public static final String EQUITY_SERIES = "Time Series (Daily)";

  /** The series object of {@code DIGITAL_CURRENCY_DAILY}. */
  public static final String CRYPTO_SERIES = "Time Series (Digital Currency Daily)";

  private static final List<String> EQUITY_CLOSE = List.of("4. close");
  private static final List<String> EQUITY_OPEN = List.of("1. open");
  private static final List<String> CRYPTO_CLOSE = List.of("4a. close (USD)", "4. close");
  private static final List<String> CRYPTO_OPEN = List.of("1a. open (USD)", "1. open");
  private static final List<String> SYMBOL = List.of("2. Symbol", "2. Digital Currency Code");

  private static final JsonFactory JSON = new JsonFactory();

  private TimeSeriesParser() {}

  /**
   * Parses and validates a whole answer.
   *
   * @param body the bytes received
   * @param asset the asset asked for; crypto reads the digital-currency series
   * @param what the request's description for messages
   * @param redactor hides the key in quoted service text
   * @return the prices, ascending, with opens when every row has one
   * @throws io.scrilla.api.error.ServiceException for a notice or bad data, naming the ticker and
   *     date
   * @throws PriceUnavailableException when the ticker is unknown or the series is empty
   */
  public static PriceHistory parse(byte[] body, Asset asset, String what, Redactor redactor) {
    boolean crypto = asset.type() == AssetType.CRYPTO;
    String seriesField = crypto ? CRYPTO_SERIES : EQUITY_SERIES;
    Rows rows = null;
    String noticeField = null;
    String noticeText = null;
    String symbol = null;
    try (JsonParser p = JSON.createParser(body)) {
      if (p.nextToken() != JsonToken.START_OBJECT) {
        throw Malformed.content(what, "the body is not a JSON object");
      }
      JsonToken t;
      while ((t = p.nextToken()) == JsonToken.FIELD_NAME) {
        String name = p.currentName();
        JsonToken value = p.nextToken();
        if (Notices.isNotice(name) && value == JsonToken.VALUE_STRING) {
          noticeField = name;
          noticeText = p.getText();
        } else if ("Meta Data".equals(name) && value == JsonToken.START_OBJECT) {
          symbol = readSymbol(p);
        } else if (seriesField.equals(name) && value == JsonToken.START_OBJECT) {
          rows = readRows(p, asset, what, crypto);
        } else {
          p.skipChildren();
        }
      }
      if (t != JsonToken.END_OBJECT) {
        throw Malformed.syntax(what, "the JSON object does not end properly");
      }
      if (p.nextToken() != null) {
        throw Malformed.syntax(what, "text after the end of the JSON object");
      }
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
    if (rows == null) {
      if (noticeField != null) {
        throw Notices.classify(noticeField, noticeText, what, asset, redactor);
      }
      throw Malformed.content(what, "no '" + seriesField + "' object in the answer");
    }
    if (symbol != null && !symbol.trim().equalsIgnoreCase(asset.ticker())) {
      throw Malformed.content(
          what, "the answer is for " + SafeText.quote(symbol) + ", not " + asset.ticker());
    }
    if (rows.size == 0) {
      throw new PriceUnavailableException(
          what + ": AlphaVantage returned no prices for " + asset.ticker());
    }
    return rows.toHistory(asset, what);
  }

  private static String readSymbol(JsonParser p) throws IOException {
    String symbol = null;
    while (p.nextToken() == JsonToken.FIELD_NAME) {
      String name = p.currentName();
      JsonToken v = p.nextToken();
      if (SYMBOL.contains(name) && v == JsonToken.VALUE_STRING) {
        symbol = p.getText();
      } else {
        p.skipChildren();
      }
    }
    return symbol;
  }

  private static Rows readRows(JsonParser p, Asset asset, String what, boolean crypto)
      throws IOException {
    List<String> closeNames = crypto ? CRYPTO_CLOSE : EQUITY_CLOSE;
    List<String> openNames = crypto ? CRYPTO_OPEN : EQUITY_OPEN;
    Rows rows = new Rows();
    Set<Integer> seen = new HashSet<>();
    while (p.nextToken() == JsonToken.FIELD_NAME) {
      String key = p.currentName();
      LocalDate date;
      try {
        date = LocalDate.parse(key.length() > 10 ? key.substring(0, 10) : key);
      } catch (DateTimeParseException e) {
        throw Malformed.content(
            what, asset.ticker() + ": " + SafeText.quote(key) + " is not a date (YYYY-MM-DD)");
      }
      int day = Math.toIntExact(date.toEpochDay());
      if (!seen.add(day)) {
        throw Malformed.content(what, asset.ticker() + ": the date " + date + " appears twice");
      }
      if (p.nextToken() != JsonToken.START_OBJECT) {
        throw Malformed.content(
            what, asset.ticker() + " on " + date + ": the row is not an object");
      }
      String[] close = new String[closeNames.size()];
      String[] open = new String[openNames.size()];
      while (p.nextToken() == JsonToken.FIELD_NAME) {
        String field = p.currentName();
        JsonToken v = p.nextToken();
        int ci = closeNames.indexOf(field);
        int oi = openNames.indexOf(field);
        if ((ci >= 0 || oi >= 0) && v.isScalarValue()) {
          if (ci >= 0) {
            close[ci] = p.getText();
          } else {
            open[oi] = p.getText();
          }
        } else {
          p.skipChildren();
        }
      }
      String closeText = first(close);
      if (closeText == null) {
        throw Malformed.content(
            what,
            asset.ticker() + " on " + date + ": no close price ('" + closeNames.get(0) + "')");
      }
      String openText = first(open);
      rows.add(
          day,
          price(closeText, "close", asset, date, what),
          openText == null ? Double.NaN : price(openText, "open", asset, date, what));
    }
    return rows;
  }

  private static String first(String[] values) {
    for (String v : values) {
      if (v != null) {
        return v;
      }
    }
    return null;
  }

  private static double price(
      String text, String what, Asset asset, LocalDate date, String request) {
    double v;
    try {
      v = Double.parseDouble(text.trim());
    } catch (NumberFormatException e) {
      throw Malformed.content(
          request,
          asset.ticker()
              + " on "
              + date
              + ": the "
              + what
              + " price "
              + SafeText.quote(text)
              + " is not a number");
    }
    if (!Double.isFinite(v) || !(v >= Double.MIN_NORMAL)) {
      throw Malformed.content(
          request,
          asset.ticker()
              + " on "
              + date
              + ": the "
              + what
              + " price "
              + SafeText.quote(text)
              + " is not a finite positive number"
              + (v > 0 && v < Double.MIN_NORMAL ? " of normal size (at least 2.2e-308)" : ""));
    }
    return v;
  }

  /** Growable columns of parsed rows. */
  private static final class Rows {
    int[] days = new int[256];
    double[] closes = new double[256];
    double[] opens = new double[256];
    int size;
    int withOpen;

    void add(int day, double close, double open) {
      if (size == days.length) {
        days = Arrays.copyOf(days, size * 2);
        closes = Arrays.copyOf(closes, size * 2);
        opens = Arrays.copyOf(opens, size * 2);
      }
      days[size] = day;
      closes[size] = close;
      opens[size] = open;
      if (!Double.isNaN(open)) {
        withOpen++;
      }
      size++;
    }

    PriceHistory toHistory(Asset asset, String what) {
      if (withOpen != 0 && withOpen != size) {
        throw Malformed.content(
            what,
            asset.ticker() + ": " + (size - withOpen) + " of " + size + " rows have no open price");
      }
      Integer[] order = new Integer[size];
      for (int i = 0; i < size; i++) {
        order[i] = i;
      }
      Arrays.sort(order, (a, b) -> Integer.compare(days[a], days[b]));
      int[] d = new int[size];
      double[] c = new double[size];
      double[] o = new double[size];
      for (int i = 0; i < size; i++) {
        d[i] = days[order[i]];
        c[i] = closes[order[i]];
        o[i] = opens[order[i]];
      }
      try {
        return withOpen == size
            ? PriceHistory.of(asset, d, o, c)
            : PriceHistory.ofCloses(asset, d, c);
      } catch (InvalidInputException e) {
        throw Malformed.content(what, e.getMessage());
      }
    }
  }
}
