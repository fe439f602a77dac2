package io.scrilla.services.csv;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.scrilla.api.error.PriceUnavailableException;
import io.scrilla.api.model.Asset;
import io.scrilla.api.model.AssetType;
import io.scrilla.api.model.DateRange;
import io.scrilla.api.model.Dividend;
import io.scrilla.api.model.Maturity;
import io.scrilla.api.model.PriceHistory;
import io.scrilla.api.model.YieldCurve;
import io.scrilla.services.csv.internal.YieldFileParser;
import io.scrilla.services.treasury.internal.TreasuryFeedParser;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.OptionalDouble;
import java.util.TreeMap;
import java.util.stream.Stream;
import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

/**
 * The sample data bundled in the jar, read from the class path, checked against the recorded
 * responses it was converted from (parsed here independently of the converter).
 */
class BundledSampleDataTest {
  private static final DateRange ALL = DateRange.parse("1990-01-01", "2030-12-31");
  private static final Path FIXTURES = Path.of("src", "test", "resources", "fixtures");
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final String D_NS = "http://schemas.microsoft.com/ado/2007/08/dataservices";

  private final CsvDataSource sample = CsvDataSource.bundledSample();

  @Test
  void bundledSample_oneSharedInstance_readsTheClassPath() {
    assertSame(sample, CsvDataSource.bundledSample());
    assertTrue(sample.isBundledSample());
    assertEquals("the bundled sample data", sample.describe());
    assertEquals(List.of("ALGO", "ALLY", "BTC", "BX", "DIS", "GLD", "SPY"), sample.tickers());
  }

  static Stream<Arguments> tickers() {
    // ranges and counts as found in the fixtures (row counts checked independently below)
    return Stream.of(
        Arguments.of(Asset.equity("ALLY"), "2014-04-10", "2021-11-19", 1919),
        Arguments.of(Asset.equity("BX"), "2007-06-22", "2021-11-19", 3631),
        Arguments.of(Asset.equity("DIS"), "1999-11-01", "2021-11-19", 5551),
        Arguments.of(Asset.equity("GLD"), "2004-11-18", "2021-11-22", 4283),
        Arguments.of(Asset.equity("SPY"), "1999-11-01", "2021-11-19", 5551),
        Arguments.of(Asset.crypto("BTC"), "2019-02-28", "2021-11-21", 998),
        Arguments.of(Asset.crypto("ALGO"), "2019-06-22", "2021-11-21", 884));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("tickers")
  void prices_eachTicker_equalTheRecordedResponse(Asset asset, String first, String last, int rows)
      throws IOException {
    PriceHistory h = sample.prices(asset, ALL);

    assertEquals(asset, h.asset());
    assertEquals(LocalDate.parse(first), h.firstDate());
    assertEquals(LocalDate.parse(last), h.lastDate());
    assertEquals(LocalDate.parse(last), sample.latestDate(asset));
    assertEquals(rows, h.size());
    assertTrue(h.hasOpens());

    boolean crypto = asset.type() == AssetType.CRYPTO;
    JsonNode series =
        JSON.readTree(FIXTURES.resolve(asset.ticker().toLowerCase() + "_response.json").toFile())
            .get(crypto ? "Time Series (Digital Currency Daily)" : "Time Series (Daily)");
    TreeMap<LocalDate, JsonNode> expected = new TreeMap<>();
    for (Map.Entry<String, JsonNode> e : series.properties()) {
      expected.put(LocalDate.parse(e.getKey()), e.getValue());
    }
    assertEquals(expected.size(), h.size());
    int i = 0;
    for (Map.Entry<LocalDate, JsonNode> e : expected.entrySet()) {
      assertEquals(e.getKey(), h.date(i));
      String open = crypto ? "1a. open (USD)" : "1. open";
      String close = crypto ? "4a. close (USD)" : "4. close";
      assertEquals(
          Double.parseDouble(e.getValue().get(open).asText()), h.open(i), e.getKey().toString());
      assertEquals(
          Double.parseDouble(e.getValue().get(close).asText()), h.close(i), e.getKey().toString());
      i++;
    }
  }

  @Test
  void prices_spyOn20211119_closeIs468_89() {
    PriceHistory h =
        sample.prices(Asset.equity("SPY"), DateRange.parse("2021-11-19", "2021-11-19"));

    assertEquals(1, h.size());
    assertEquals(468.89, h.close(0));
    assertEquals(469.61, h.open(0));
  }

  @Test
  void prices_btc_tradesOnWeekendsUnlikeSpy() {
    DateRange weekend = DateRange.parse("2021-11-13", "2021-11-14");
    assertEquals(DayOfWeek.SATURDAY, weekend.start().getDayOfWeek());

    PriceHistory btc = sample.prices(Asset.crypto("BTC"), weekend);

    assertArrayEquals(
        new int[] {(int) weekend.start().toEpochDay(), (int) weekend.end().toEpochDay()},
        btc.epochDays());
    assertTrue(sample.prices(Asset.equity("SPY"), weekend).isEmpty());
  }

  @Test
  void prices_unknownTicker_namesTheSampleAndItsTickers() {
    PriceUnavailableException e =
        assertThrows(
            PriceUnavailableException.class, () -> sample.prices(Asset.equity("AAPL"), ALL));

    assertTrue(e.getMessage().contains("'AAPL'"), e.getMessage());
    assertTrue(e.getMessage().contains("bundled sample data"), e.getMessage());
    assertTrue(e.getMessage().contains("ALGO, ALLY, BTC, BX, DIS, GLD, SPY"), e.getMessage());
    assertTrue(e.getMessage().contains("SCRILLA_DATA_DIR"), e.getMessage());
  }

  static Stream<Arguments> payers() {
    return Stream.of(Arguments.of("ALLY", 20), Arguments.of("BX", 10), Arguments.of("DIS", 2));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("payers")
  void dividends_eachPayer_equalTheRecordedPayments(String ticker, int count) throws IOException {
    List<Dividend> divs = sample.dividends(Asset.equity(ticker));

    JsonNode recorded =
        JSON.readTree(FIXTURES.resolve(ticker.toLowerCase() + "_div_response.json").toFile());
    TreeMap<LocalDate, Double> expected = new TreeMap<>();
    recorded.forEach(
        n ->
            expected.put(
                LocalDate.parse(n.get("paymentDate").asText()), n.get("amount").asDouble()));
    assertEquals(count, divs.size());
    assertEquals(
        expected.entrySet().stream().map(e -> new Dividend(e.getKey(), e.getValue())).toList(),
        divs);
  }

  @Test
  void dividends_ally_firstAndLastPayments() {
    List<Dividend> divs = sample.dividends(Asset.equity("ALLY"));

    assertEquals(new Dividend(LocalDate.of(2017, 2, 15), 0.08), divs.get(0));
    assertEquals(new Dividend(LocalDate.of(2021, 11, 15), 0.25), divs.get(divs.size() - 1));
    assertEquals(List.of(), sample.dividends(Asset.equity("SPY")));
  }

  @Test
  void yieldCurves_sample_coverMarch2021ToMay2022() {
    List<YieldCurve> curves = sample.yieldCurves(ALL);

    assertEquals(300, curves.size());
    assertEquals(LocalDate.of(2021, 3, 8), curves.get(0).date());
    assertEquals(LocalDate.of(2022, 5, 13), curves.get(299).date());
    assertEquals(LocalDate.of(2022, 5, 13), sample.latestDate());
  }

  @Test
  void yieldCurves_knownDates_percentAsDecimalFractions() {
    Map<LocalDate, YieldCurve> byDate = byDate(sample.yieldCurves(ALL));

    YieldCurve june = byDate.get(LocalDate.of(2021, 6, 30));
    assertEquals(OptionalDouble.of(0.0007), june.rate(Maturity.ONE_YEAR));
    assertEquals(OptionalDouble.of(0.0145), june.rate(Maturity.TEN_YEAR));
    YieldCurve nov = byDate.get(LocalDate.of(2021, 11, 19));
    assertEquals(OptionalDouble.of(0.0018), nov.rate(Maturity.ONE_YEAR));
    assertEquals(OptionalDouble.of(0.0154), nov.rate(Maturity.TEN_YEAR));
    assertFalse(nov.rate(Maturity.FOUR_MONTH).isPresent());
  }

  @Test
  void yieldCurves_sample_equalTheTreasuryXmlOnEveryDate() throws Exception {
    DocumentBuilderFactory f = DocumentBuilderFactory.newInstance();
    f.setNamespaceAware(true);
    f.setAttribute(XMLConstants.ACCESS_EXTERNAL_DTD, "");
    Document doc;
    try (InputStream in = Files.newInputStream(FIXTURES.resolve("treasury_response.xml"))) {
      doc = f.newDocumentBuilder().parse(in);
    }
    Map<LocalDate, YieldCurve> bundled = byDate(sample.yieldCurves(ALL));
    NodeList dates = doc.getElementsByTagNameNS(D_NS, "NEW_DATE");
    assertEquals(bundled.size(), dates.getLength());
    for (int i = 0; i < dates.getLength(); i++) {
      Element props = (Element) dates.item(i).getParentNode();
      LocalDate date = LocalDate.parse(dates.item(i).getTextContent().substring(0, 10));
      YieldCurve curve = bundled.get(date);
      for (Maturity m : Maturity.values()) {
        NodeList el = props.getElementsByTagNameNS(D_NS, TreasuryFeedParser.element(m));
        if (el.getLength() == 0) {
          assertFalse(curve.rate(m).isPresent(), date + " " + m);
        } else {
          double percent = Double.parseDouble(el.item(0).getTextContent());
          assertEquals(percent / 100, curve.rate(m).getAsDouble(), 1e-15, date + " " + m);
        }
      }
    }
  }

  @Test
  void yieldCurves_treasuryXmlAndQuandl_agreeWhereTheyOverlap() throws IOException {
    // the bundle takes the Treasury XML where both sources have a date: Quandl must agree there
    JsonNode ds = JSON.readTree(FIXTURES.resolve("yield_response.json").toFile()).get("dataset");
    List<String> columns =
        JSON.convertValue(
            ds.get("column_names"),
            JSON.getTypeFactory().constructCollectionType(List.class, String.class));
    Map<LocalDate, YieldCurve> bundled = byDate(sample.yieldCurves(ALL));
    int overlap = 0;
    for (JsonNode row : ds.get("data")) {
      LocalDate date = LocalDate.parse(row.get(0).asText());
      YieldCurve curve = bundled.get(date);
      if (curve == null) {
        continue;
      }
      overlap++;
      for (int c = 1; c < columns.size(); c++) {
        Maturity m = maturity(columns.get(c));
        assertEquals(
            row.get(c).asDouble() / 100, curve.rate(m).getAsDouble(), 1e-15, date + " " + m);
      }
    }
    assertEquals(162, overlap); // every Quandl date (2021-04-01 .. 2021-11-19) is in the XML
    assertEquals(
        OptionalDouble.of(0.0007), bundled.get(LocalDate.of(2021, 6, 30)).rate(Maturity.ONE_YEAR));
  }

  private static Maturity maturity(String quandlColumn) {
    for (Maturity m : Maturity.values()) {
      if (YieldFileParser.column(m).equalsIgnoreCase(quandlColumn)) {
        return m;
      }
    }
    throw new AssertionError("no maturity for " + quandlColumn);
  }

  private static Map<LocalDate, YieldCurve> byDate(List<YieldCurve> curves) {
    Map<LocalDate, YieldCurve> m = new TreeMap<>();
    curves.forEach(c -> m.put(c.date(), c));
    return m;
  }
}
