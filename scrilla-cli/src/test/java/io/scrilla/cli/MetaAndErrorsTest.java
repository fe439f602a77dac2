package io.scrilla.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.scrilla.api.config.ScrillaConfig;
import io.scrilla.api.model.Asset;
import io.scrilla.api.model.DateRange;
import io.scrilla.api.model.PriceHistory;
import io.scrilla.commands.Json;
import io.scrilla.core.Scrilla;
import io.scrilla.core.market.RiskFreeQuote;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * What the output says about itself: the JSON {@code "meta"} (window actually used, method,
 * risk-free rate and its curve's date, source) checked against the library, {@code "errors"} for
 * the tickers that failed while others succeeded, distinct labels for a ticker given with two
 * types, the note of a window cut to the prices available, and the tables people read.
 */
class MetaAndErrorsTest {
  private static final ScrillaConfig CONFIG = Commands.config("moments");
  private static Scrilla library;

  @BeforeAll
  static void open() {
    library = Scrilla.create(CONFIG);
  }

  @AfterAll
  static void close() {
    library.close();
  }

  private static CliHarness.Run run(String... args) {
    return CliHarness.runConfigured(CONFIG, args);
  }

  private static JsonNode json(String... args) {
    CliHarness.Run run = run(args);
    assertEquals(0, run.code(), run.err());
    return Json.parse(run.out());
  }

  private static String source() {
    return library.marketData().priceSourceId().value();
  }

  @Test
  void riskProfile_meta_isTheWindowMethodRateAndSourceTheLibraryUsed() {
    JsonNode meta =
        json("rp", "SPY", "GLD", "--start", "2021-06-01", "--end", "2021-09-30", "--json")
            .get("meta");
    RiskFreeQuote q =
        library.marketData().riskFreeQuote(LocalDate.parse("2021-09-30"), (t, d, n) -> {});
    assertEquals("2021-06-01", meta.get("start").asText());
    assertEquals("2021-09-30", meta.get("end").asText());
    assertEquals("moments", meta.get("method").asText());
    assertEquals(q.rate(), meta.get("risk_free_rate").doubleValue());
    assertEquals(q.curveDate().toString(), meta.get("risk_free_date").asText());
    assertEquals(source(), meta.get("source").asText());
    assertEquals(6, meta.size());
  }

  @Test
  void fixedRate_meta_hasTheRateAndNoCurveDate() {
    JsonNode meta =
        json("sr", "SPY", "--risk-free-rate", "0.03", "--method", "likelihood", "--json")
            .get("meta");
    assertEquals(0.03, meta.get("risk_free_rate").doubleValue());
    assertFalse(meta.has("risk_free_date"), meta.toString());
    assertEquals("likelihood", meta.get("method").asText());
  }

  @Test
  void statisticWithoutRate_meta_hasNoRate() {
    JsonNode meta = json("capm-beta", "GLD", "--json").get("meta");
    assertFalse(meta.has("risk_free_rate"), meta.toString());
    assertTrue(meta.has("start") && meta.has("method") && meta.has("source"), meta.toString());
  }

  @Test
  void prices_meta_isTheFirstAndLastRowPrinted() {
    JsonNode j =
        json("prices", "SPY", "BTC", "--start", "2021-11-01", "--end", "2021-11-19", "--json");
    JsonNode btc = j.get("BTC");
    assertEquals(btc.get(0).get("date").asText(), j.get("meta").get("start").asText());
    assertEquals("2021-11-19", j.get("meta").get("end").asText());
    assertFalse(j.get("meta").has("method"));
  }

  @Test
  void dividendsAndCurves_meta_isTheirSource() {
    JsonNode divs = json("dividends", "ALLY", "--json").get("meta");
    assertEquals(CONFIG.divManager(), divs.get("source").asText());
    assertEquals(1, divs.size());
    JsonNode curve = json("yield-curve", "--date", "2021-06-30", "--json").get("meta");
    assertEquals(library.marketData().rateSourceId().value(), curve.get("source").asText());
  }

  @Test
  void portfolio_meta_andEachFrontierPortfolioCarriesIt() {
    String[] window = {"--start", "2021-03-01", "--end", "2021-10-29"};
    JsonNode opt = json(args(List.of("opt", "SPY", "GLD", "--json"), window));
    assertEquals("2021-03-01", opt.get("meta").get("start").asText());
    assertTrue(opt.get("meta").has("risk_free_rate"), opt.toString());
    JsonNode ef = json(args(List.of("ef", "SPY", "GLD", "--steps", "3", "--json"), window));
    assertEquals(3, ef.size());
    for (JsonNode p : ef) {
      assertEquals(opt.get("meta"), p.get("meta"));
    }
  }

  private static String[] args(List<String> a, String... more) {
    List<String> all = new ArrayList<>(a);
    all.addAll(List.of(more));
    return all.toArray(String[]::new);
  }

  @Test
  void failedTicker_errorsObject_othersPrinted_exitCodeOne() {
    CliHarness.Run run = run("rp", "SPY", "NOSUCH", "--json");
    assertEquals(1, run.code(), run.err());
    JsonNode j = Json.parse(run.out());
    assertTrue(j.get("SPY").has("annual_return"), run.out());
    assertFalse(j.has("NOSUCH"));
    String message = j.get("errors").get("NOSUCH").asText();
    assertTrue(message.contains("'NOSUCH'"), message);
    assertTrue(run.err().contains("error: " + message), run.err());
  }

  @Test
  void failedTicker_correlation_errorsObject() {
    CliHarness.Run run = run("cor", "SPY", "NOSUCH", "GLD", "--json");
    assertEquals(1, run.code(), run.err());
    JsonNode j = Json.parse(run.out());
    assertEquals("[\"SPY\",\"GLD\"]", j.get("tickers").toString());
    assertTrue(j.get("errors").has("NOSUCH"), run.out());
  }

  @Test
  void everyTickerFailed_noJson_exitCodeOne() {
    CliHarness.Run run = run("rp", "NOSUCH", "--json");
    assertEquals(1, run.code());
    assertEquals("", run.out());
    assertTrue(run.err().contains("error: no prices for 'NOSUCH'"), run.err());
  }

  @Test
  void sameTickerTwoTypes_labelledByType_onlyWhenAmbiguous() {
    JsonNode both = json("rp", "ALGO:crypto", "ALGO:equity", "--json");
    assertTrue(both.has("ALGO:crypto") && both.has("ALGO:equity"), both.toString());
    assertNotEquals(
        both.get("ALGO:crypto").get("annual_volatility"),
        both.get("ALGO:equity").get("annual_volatility"));
    JsonNode one = json("rp", "ALGO", "--json");
    assertTrue(one.has("ALGO"), one.toString());
    JsonNode cor = json("cor", "ALGO:crypto", "ALGO:equity", "--json");
    assertEquals("[\"ALGO:crypto\",\"ALGO:equity\"]", cor.get("tickers").toString());
  }

  @Test
  void windowCutToTheData_saysSoOnStderr_andMetaIsTheWindowUsed() {
    Asset algo = Asset.crypto("ALGO");
    PriceHistory h =
        library.prices(
            algo, DateRange.of(LocalDate.parse("2019-01-01"), LocalDate.parse("2019-12-31")));
    CliHarness.Run run =
        run("rp", "ALGO", "--start", "2019-01-01", "--end", "2019-12-31", "--json");
    assertEquals(0, run.code(), run.err());
    assertTrue(
        run.err()
            .contains(
                "note: ALGO: the window 2019-01-01 to 2019-12-31 is cut to the prices"
                    + " available: "
                    + h.firstDate()
                    + " to "
                    + h.lastDate()),
        run.err());
    JsonNode meta = Json.parse(run.out()).get("meta");
    assertEquals(h.firstDate().toString(), meta.get("start").asText());
    CliHarness.Run inside = run("rp", "ALGO", "--start", "2020-01-01", "--end", "2020-12-31");
    assertFalse(inside.err().contains("cut"), inside.err());
  }

  @Test
  void table_headerLineAndPercentages() {
    CliHarness.Run run = run("rp", "SPY", "GLD", "--start", "2021-06-01", "--end", "2021-09-30");
    List<String> lines = run.out().lines().toList();
    assertTrue(
        lines
            .get(0)
            .matches(
                "window 2021-06-01 to 2021-09-30; method moments; risk-free rate [0-9.]+%"
                    + " \\(ONE_YEAR Treasury yield of 2021-09-30\\); source csv:sample:.*"),
        lines.get(0));
    assertTrue(
        lines.get(2).matches("SPY +7\\.20% +10\\.78% +0\\.6591 +1\\.0000 +7\\.20%"), lines.get(2));
    assertEquals(lines.get(1).length(), lines.get(2).length(), "aligned:\n" + run.out());
  }

  @Test
  void varTable_showsTheLastCloseProbabilityAndHorizon() {
    CliHarness.Run run =
        run("var", "SPY", "--end", "2021-10-29", "--prob", "0.05", "--expiry", "0.5");
    List<String> lines = run.out().lines().toList();
    assertEquals(
        List.of(
            "ticker",
            "last",
            "close",
            "on",
            "probability",
            "horizon",
            "(years)",
            "value",
            "at",
            "risk"),
        List.of(lines.get(1).split(" +")));
    assertTrue(
        lines.get(2).matches("SPY +459\\.25 +2021-10-29 +5\\.00% +0\\.5 +[0-9]+\\.[0-9]{2}"),
        lines.get(2));
  }

  @Test
  void efficientFrontierInvest_tableShowsWholeShares() {
    CliHarness.Run run = run("ef", "SPY", "GLD", "--steps", "3", "--invest", "10000");
    assertEquals(0, run.code(), run.err());
    List<String> lines = run.out().lines().toList();
    assertTrue(
        lines.get(1).contains("SPY shares") && lines.get(1).contains("cash left"), run.out());
    assertEquals(5, lines.size(), run.out());
    assertTrue(
        lines.get(2).matches(".*%  +[0-9]+ +[0-9]+ +[0-9]+\\.[0-9]{2} +[0-9]+\\.[0-9]{2}"),
        lines.get(2));
  }

  @Test
  void quietWithSave_printsNothingAndWritesTheJson(@TempDir Path dir) throws Exception {
    Path file = dir.resolve("rp.json");
    CliHarness.Run run = run("rp", "SPY", "-q", "-save", file.toString());
    assertEquals(0, run.code(), run.err());
    assertEquals("", run.out());
    assertTrue(Json.parse(Files.readString(file)).get("SPY").has("annual_return"));
  }
}
