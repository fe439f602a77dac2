package io.scrilla.services.csv;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.scrilla.api.model.Maturity;
import io.scrilla.services.csv.internal.YieldFileParser;
import io.scrilla.services.treasury.internal.TreasuryFeedParser;
import java.io.IOException;
import java.io.InputStream;
import java.io.Writer;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import javax.xml.XMLConstants;
import javax.xml.stream.XMLInputFactory;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;

/**
 * Converts the recorded service responses in {@code src/test/resources/fixtures} into the bundled
 * sample data of the {@code csv} sources ({@code
 * src/main/resources/io/scrilla/services/csv/sample}).
 *
 * <p>Inputs and outputs:
 *
 * <ul>
 *   <li>{@code ally, bx, dis, gld, spy _response.json} (AlphaVantage TIME_SERIES_DAILY, "Time
 *       Series (Daily)") and {@code btc, algo _response.json} (DIGITAL_CURRENCY_DAILY, "Time Series
 *       (Digital Currency Daily)", the USD columns) become {@code <TICKER>.csv} with the header
 *       {@code date,open,high,low,close,volume}, ascending;
 *   <li>{@code ally, bx, dis _div_response.json} (IEX dividends: {@code paymentDate}, {@code
 *       amount}, {@code exDate}) become {@code <TICKER>.dividends.csv} with the header {@code
 *       date,amount,ex_date}, ascending;
 *   <li>{@code treasury_response.xml} (the Treasury's XML feed, {@code d:NEW_DATE}, {@code
 *       d:BC_1MONTH} ...) and {@code yield_response.json} (a Quandl USTREASURY/YIELD dataset)
 *       become one {@code yields.csv} in the Treasury's CSV layout, newest first as the Treasury
 *       writes it; where both have a date the XML wins;
 *   <li>{@code tickers.txt} lists the tickers with a price file.
 * </ul>
 *
 * <p>Numbers are copied as decimal text, without trailing zeros ({@code 468.8900} becomes {@code
 * 468.89}); files are UTF-8 with {@code \n} line ends, so the output is byte-for-byte reproducible.
 * {@code SampleDataConverterTest} checks that the bundled files equal a fresh conversion.
 * Regenerate with (see {@code docs/data-csv.md}):
 *
 * <pre>
 * mvn -B -pl scrilla-services -am verify -Dtest=SampleDataConverterTest \
 *     -Dsurefire.failIfNoSpecifiedTests=false -Dscrilla.sample.regenerate=true
 * </pre>
 *
 * <p>or run {@link #main} with the fixtures folder and the output folder as arguments.
 */
public final class SampleDataConverter {
  /** Equity tickers converted from "Time Series (Daily)". */
  public static final List<String> EQUITIES = List.of("ALLY", "BX", "DIS", "GLD", "SPY");

  /** Crypto tickers converted from "Time Series (Digital Currency Daily)". */
  public static final List<String> CRYPTO = List.of("ALGO", "BTC");

  /** Tickers with a dividends response. */
  public static final List<String> DIVIDEND_PAYERS = List.of("ALLY", "BX", "DIS");

  /** The fixtures folder, relative to the module. */
  public static final Path FIXTURES = Path.of("src", "test", "resources", "fixtures");

  /** The bundled sample folder, relative to the module. */
  public static final Path SAMPLE =
      Path.of("src", "main", "resources", "io", "scrilla", "services", "csv", "sample");

  private static final DateTimeFormatter US_DATE =
      DateTimeFormatter.ofPattern("MM/dd/uuuu", Locale.ROOT);
  private static final String DATA_SERVICES_NS =
      "http://schemas.microsoft.com/ado/2007/08/dataservices";

  private final ObjectMapper json =
      new ObjectMapper().enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS);

  /**
   * Converts {@code args[0]} (default {@link #FIXTURES}) into {@code args[1]} (default {@link
   * #SAMPLE}), relative to the working directory, which should be the scrilla-services module.
   */
  public static void main(String[] args) throws IOException {
    Path in = args.length > 0 ? Path.of(args[0]) : FIXTURES;
    Path out = args.length > 1 ? Path.of(args[1]) : SAMPLE;
    List<Path> written = new SampleDataConverter().convert(in, out);
    System.out.println("wrote " + written.size() + " files to " + out);
  }

  /**
   * Converts every fixture and writes the sample files (replacing existing ones).
   *
   * @param fixtures the folder of recorded responses
   * @param out the folder to write, created if missing
   * @return the files written, sorted
   */
  public List<Path> convert(Path fixtures, Path out) throws IOException {
    Files.createDirectories(out);
    List<Path> written = new ArrayList<>();
    List<String> tickers = new ArrayList<>();
    for (String t : EQUITIES) {
      written.add(
          prices(
              fixtures,
              out,
              t,
              "Time Series (Daily)",
              new String[] {"1. open", "2. high", "3. low", "4. close", "5. volume"}));
      tickers.add(t);
    }
    for (String t : CRYPTO) {
      written.add(
          prices(
              fixtures,
              out,
              t,
              "Time Series (Digital Currency Daily)",
              new String[] {
                "1a. open (USD)", "2a. high (USD)", "3a. low (USD)", "4a. close (USD)", "5. volume"
              }));
      tickers.add(t);
    }
    for (String t : DIVIDEND_PAYERS) {
      written.add(dividends(fixtures, out, t));
    }
    written.add(yields(fixtures, out));
    tickers.sort(null);
    written.add(write(out.resolve("tickers.txt"), tickers));
    written.sort(null);
    return written;
  }

  private Path prices(Path fixtures, Path out, String ticker, String series, String[] fields)
      throws IOException {
    JsonNode root =
        json.readTree(
            fixtures.resolve(ticker.toLowerCase(Locale.ROOT) + "_response.json").toFile());
    JsonNode rows = root.get(series);
    if (rows == null) {
      throw new IOException(ticker + ": no \"" + series + "\" in the response");
    }
    TreeMap<LocalDate, JsonNode> sorted = new TreeMap<>();
    for (Map.Entry<String, JsonNode> e : rows.properties()) {
      sorted.put(LocalDate.parse(e.getKey()), e.getValue());
    }
    List<String> lines = new ArrayList<>();
    lines.add("date,open,high,low,close,volume");
    for (Map.Entry<LocalDate, JsonNode> e : sorted.entrySet()) {
      StringBuilder line = new StringBuilder(e.getKey().toString());
      for (String f : fields) {
        JsonNode v = e.getValue().get(f);
        if (v == null) {
          throw new IOException(ticker + " " + e.getKey() + ": no \"" + f + "\"");
        }
        line.append(',').append(decimal(v.asText()));
      }
      lines.add(line.toString());
    }
    return write(out.resolve(ticker + ".csv"), lines);
  }

  private Path dividends(Path fixtures, Path out, String ticker) throws IOException {
    JsonNode root =
        json.readTree(
            fixtures.resolve(ticker.toLowerCase(Locale.ROOT) + "_div_response.json").toFile());
    List<JsonNode> rows = new ArrayList<>();
    root.forEach(rows::add);
    rows.sort(Comparator.comparing(n -> LocalDate.parse(n.get("paymentDate").asText())));
    List<String> lines = new ArrayList<>();
    lines.add("date,amount,ex_date");
    for (JsonNode n : rows) {
      lines.add(
          LocalDate.parse(n.get("paymentDate").asText())
              + ","
              + decimal(n.get("amount").decimalValue())
              + ","
              + LocalDate.parse(n.get("exDate").asText()));
    }
    return write(out.resolve(ticker + ".dividends.csv"), lines);
  }

  private Path yields(Path fixtures, Path out) throws IOException {
    TreeMap<LocalDate, Map<Maturity, String>> byDate =
        treasuryXml(fixtures.resolve("treasury_response.xml"));
    quandl(fixtures.resolve("yield_response.json")).forEach(byDate::putIfAbsent);
    Set<Maturity> used = EnumSet.noneOf(Maturity.class);
    byDate.values().forEach(m -> used.addAll(m.keySet()));
    List<String> lines = new ArrayList<>();
    StringBuilder header = new StringBuilder("Date");
    used.forEach(m -> header.append(',').append(YieldFileParser.column(m)));
    lines.add(header.toString());
    for (Map.Entry<LocalDate, Map<Maturity, String>> e : byDate.descendingMap().entrySet()) {
      StringBuilder line = new StringBuilder(US_DATE.format(e.getKey()));
      for (Maturity m : used) {
        line.append(',').append(e.getValue().getOrDefault(m, ""));
      }
      lines.add(line.toString());
    }
    return write(out.resolve(CsvDataSource.YIELDS_FILE), lines);
  }

  /** Reads the Treasury XML feed: date to percent text per maturity. */
  static TreeMap<LocalDate, Map<Maturity, String>> treasuryXml(Path file) throws IOException {
    Map<String, Maturity> byElement = new TreeMap<>();
    for (Maturity m : Maturity.values()) {
      byElement.put(TreasuryFeedParser.element(m), m);
    }
    XMLInputFactory factory = XMLInputFactory.newFactory();
    factory.setProperty(XMLInputFactory.SUPPORT_DTD, false);
    factory.setProperty(XMLConstants.ACCESS_EXTERNAL_DTD, "");
    factory.setProperty(XMLInputFactory.IS_NAMESPACE_AWARE, true);
    TreeMap<LocalDate, Map<Maturity, String>> out = new TreeMap<>();
    try (InputStream in = Files.newInputStream(file)) {
      XMLStreamReader r = factory.createXMLStreamReader(in);
      LocalDate date = null;
      Map<Maturity, String> rates = null;
      while (r.hasNext()) {
        int ev = r.next();
        if (ev == XMLStreamConstants.START_ELEMENT) {
          String name = r.getLocalName();
          if (name.equals("properties")) {
            date = null;
            rates = new EnumMap<>(Maturity.class);
          } else if (rates != null && DATA_SERVICES_NS.equals(r.getNamespaceURI())) {
            if (name.equals("NEW_DATE")) {
              date = LocalDate.parse(r.getElementText().trim().substring(0, 10));
            } else if (byElement.containsKey(name)) {
              String text = r.getElementText().trim();
              if (!text.isEmpty()) {
                rates.put(byElement.get(name), decimal(text));
              }
            }
          }
        } else if (ev == XMLStreamConstants.END_ELEMENT && r.getLocalName().equals("properties")) {
          if (date == null) {
            throw new IOException(file + ": an entry without NEW_DATE");
          }
          if (out.put(date, rates) != null) {
            throw new IOException(file + ": two entries for " + date);
          }
          rates = null;
        }
      }
      r.close();
    } catch (XMLStreamException e) {
      throw new IOException(file + ": " + e.getMessage(), e);
    }
    return out;
  }

  /** Reads the Quandl USTREASURY/YIELD dataset: date to percent text per maturity. */
  TreeMap<LocalDate, Map<Maturity, String>> quandl(Path file) throws IOException {
    JsonNode ds = json.readTree(file.toFile()).get("dataset");
    List<Maturity> columns = new ArrayList<>();
    JsonNode names = ds.get("column_names");
    for (int i = 1; i < names.size(); i++) {
      String name = names.get(i).asText().trim();
      Maturity match = null;
      for (Maturity m : Maturity.values()) {
        if (YieldFileParser.column(m).equalsIgnoreCase(name)) {
          match = m;
        }
      }
      if (match == null) {
        throw new IOException(file + ": unknown column " + name);
      }
      columns.add(match);
    }
    TreeMap<LocalDate, Map<Maturity, String>> out = new TreeMap<>();
    for (JsonNode row : ds.get("data")) {
      Map<Maturity, String> rates = new EnumMap<>(Maturity.class);
      for (int i = 1; i < row.size(); i++) {
        if (!row.get(i).isNull()) {
          rates.put(columns.get(i - 1), decimal(row.get(i).decimalValue()));
        }
      }
      out.put(LocalDate.parse(row.get(0).asText()), rates);
    }
    return out;
  }

  private static String decimal(String text) {
    return decimal(new BigDecimal(text.trim()));
  }

  private static String decimal(BigDecimal v) {
    return v.stripTrailingZeros().toPlainString();
  }

  private static Path write(Path file, List<String> lines) throws IOException {
    try (Writer w = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
      for (String line : lines) {
        w.write(line);
        w.write('\n');
      }
    }
    return file;
  }
}
