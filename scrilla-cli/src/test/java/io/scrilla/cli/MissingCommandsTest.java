package io.scrilla.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.scrilla.api.config.ScrillaConfig;
import io.scrilla.api.error.InvalidInputException;
import io.scrilla.api.model.Asset;
import io.scrilla.api.model.AssetResolver;
import io.scrilla.api.model.DateRange;
import io.scrilla.api.model.EstimationMethod;
import io.scrilla.api.model.Maturity;
import io.scrilla.api.model.PriceHistory;
import io.scrilla.api.model.YieldCurve;
import io.scrilla.api.spi.ProgressListener;
import io.scrilla.commands.Context;
import io.scrilla.commands.Json;
import io.scrilla.commands.ScrillaCommand;
import io.scrilla.core.Scrilla;
import io.scrilla.core.calendar.TradingCalendar;
import io.scrilla.core.market.RiskFreeRate;
import io.scrilla.core.market.Window;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

/**
 * The commands issue 13 found missing ({@code interest}, {@code asset}, {@code close}, {@code
 * correlations}, {@code screen}): each one's JSON equals the library's answer on the bundled sample
 * data, and each failure is one line.
 */
class MissingCommandsTest {
  private static final ScrillaConfig CONFIG = ScrillaConfig.builder().cacheMode("memory").build();
  private static final Asset SPY = Asset.equity("SPY");
  private static final Asset GLD = Asset.equity("GLD");
  private static final Asset BTC = Asset.crypto("BTC");
  private static final Asset ALLY = Asset.equity("ALLY");
  private static final Asset BX = Asset.equity("BX");
  private static Scrilla lib;

  @BeforeAll
  static void open() {
    lib = Scrilla.create(CONFIG);
  }

  @AfterAll
  static void close() {
    lib.close();
  }

  private static JsonNode json(String... args) {
    var run = CliHarness.runConfigured(CONFIG, args);
    assertEquals(0, run.code(), run.err());
    return Json.parse(run.out());
  }

  /** Runs a command that must fail and returns its one error line. */
  static String failure(ScrillaConfig config, String... args) {
    var run = CliHarness.runConfigured(config, args);
    assertTrue(run.code() != 0, run.out());
    List<String> errors = run.err().lines().filter(l -> !l.startsWith("note: ")).toList();
    assertEquals(1, errors.size(), run.err());
    assertTrue(errors.get(0).startsWith("error: "), run.err());
    assertFalse(errors.get(0).contains("Exception"), run.err());
    return errors.get(0);
  }

  /** Returns the fields of a result, without the {@code meta} every result carries. */
  private static List<String> fields(JsonNode node) {
    List<String> names = new ArrayList<>();
    node.fieldNames().forEachRemaining(names::add);
    names.remove("meta");
    return names;
  }

  @Test
  void interest_window_isTheLibrarysCurvesPerMaturityAsDecimals() {
    DateRange june = DateRange.parse("2021-06-01", "2021-06-30");
    JsonNode j =
        json(
            "interest",
            "ONE_YEAR",
            "ten_year",
            "--start",
            june.start().toString(),
            "--end",
            june.end().toString(),
            "--json");
    assertEquals(List.of("ONE_YEAR", "TEN_YEAR"), fields(j));
    List<YieldCurve> curves = lib.marketData().yieldCurves(june, ProgressListener.none());
    assertTrue(curves.size() > 15, curves.toString());
    for (Maturity m : List.of(Maturity.ONE_YEAR, Maturity.TEN_YEAR)) {
      JsonNode byDate = j.get(m.name());
      assertEquals(curves.size(), byDate.size(), m.name());
      for (YieldCurve c : curves) {
        assertEquals(
            c.rate(m).getAsDouble(), byDate.get(c.date().toString()).doubleValue(), m.name());
      }
    }
    Iterator<String> dates = j.get("ONE_YEAR").fieldNames();
    assertEquals(curves.get(0).date().toString(), dates.next(), "dates ascending");
  }

  @Test
  void interest_defaultWindow_isTheAnalysisPeriodUpToTheLatestCurve() {
    JsonNode j = json("int", "THREE_MONTH", "--json");
    DateRange r = lib.marketData().rateRange(Window.latest());
    assertEquals(lib.marketData().latestRateDate(), r.end());
    assertEquals(
        CONFIG.analysisPeriod(), TradingCalendar.nyse().countTradingDays(r) - 1, r.toString());
    List<YieldCurve> curves = lib.marketData().yieldCurves(r, ProgressListener.none());
    JsonNode byDate = j.get("THREE_MONTH");
    assertEquals(curves.size(), byDate.size());
    YieldCurve last = curves.get(curves.size() - 1);
    assertEquals(
        last.rate(Maturity.THREE_MONTH).getAsDouble(),
        byDate.get(last.date().toString()).doubleValue());
  }

  @Test
  void interest_unknownMaturityOrNone_failsInOneLine() {
    String e = failure(CONFIG, "interest", "TEN_YEARS");
    assertTrue(e.contains("unknown maturity 'TEN_YEARS'") && e.contains("TEN_YEAR"), e);
    assertTrue(failure(CONFIG, "interest").contains("MATURITY"));
  }

  @Test
  void asset_typeAndBasis_areTheResolvers() {
    JsonNode j = json("asset", "SPY", "btc", "LINK:equity", "--json");
    for (String t : List.of("SPY", "btc", "LINK:equity")) {
      AssetResolver.Resolution r = AssetResolver.explain(t);
      JsonNode n = j.get(r.asset().ticker());
      assertEquals(r.asset().type().name().toLowerCase(Locale.ROOT), n.get("asset_type").asText());
      assertEquals(r.basis().name().toLowerCase(Locale.ROOT), n.get("decided_by").asText());
      assertEquals(r.basis().description(), n.get("reason").asText());
    }
    assertEquals("crypto", j.get("BTC").get("asset_type").asText());
    assertEquals("named", j.get("LINK").get("decided_by").asText());
  }

  @Test
  void asset_malformedTicker_failsInOneLine() {
    assertTrue(failure(CONFIG, "a", "SPY:bond").contains("unknown asset type 'bond'"));
  }

  @Test
  void close_latestAndEndingOn_areTheLastRowsOfTheLibrarysPrices() {
    JsonNode latest = json("close", "SPY", "BTC", "--json");
    for (Asset a : List.of(SPY, BTC)) {
      PriceHistory h = lib.prices(a, lib.defaultRange(List.of(a)));
      int last = h.size() - 1;
      assertEquals(h.date(last).toString(), latest.get(a.ticker()).get("date").asText());
      assertEquals(h.close(last), latest.get(a.ticker()).get("close").doubleValue());
      assertEquals(lib.marketData().latestDate(a), h.date(last));
    }
    JsonNode onJuly4 = json("cl", "SPY", "--end", "2021-07-04", "--json");
    PriceHistory h =
        lib.prices(SPY, lib.range(List.of(SPY), Window.endingOn(LocalDate.parse("2021-07-04"))));
    assertEquals("2021-07-02", onJuly4.get("SPY").get("date").asText());
    assertEquals(h.close(h.size() - 1), onJuly4.get("SPY").get("close").doubleValue());
  }

  @Test
  void close_unknownTicker_failsInOneLine() {
    assertTrue(failure(CONFIG, "close", "NOPE").contains("NOPE"));
  }

  @Test
  void correlations_eachDate_isTheLibrarysCorrelationOfTheTrailingWindow() {
    TradingCalendar nyse = TradingCalendar.nyse();
    for (EstimationMethod m : EstimationMethod.values()) {
      JsonNode j =
          json(
              "correlations",
              "SPY",
              "GLD",
              "--start",
              "2021-06-01",
              "--end",
              "2021-06-15",
              "--period",
              "20",
              "--method",
              m.canonicalName(),
              "--json");
      assertEquals("SPY", j.get("tickers").get(0).asText());
      assertEquals("GLD", j.get("tickers").get(1).asText());
      assertEquals(20, j.get("period").intValue());
      JsonNode byDate = j.get("correlations");
      assertEquals(11, byDate.size(), m.toString());
      for (String d : fields(byDate)) {
        LocalDate end = LocalDate.parse(d);
        double expected =
            lib.correlation(SPY, GLD, DateRange.of(nyse.minusTradingDays(end, 20), end), m);
        assertEquals(expected, byDate.get(d).doubleValue(), 1e-14, m + " " + d);
      }
    }
  }

  @Test
  void correlations_defaultPeriodAndMixedPair_useTheAnalysisPeriodOnSessions() {
    JsonNode j =
        json("cors", "BTC", "SPY", "--start", "2021-11-15", "--end", "2021-11-19", "--json");
    assertEquals(CONFIG.analysisPeriod(), j.get("period").intValue());
    LocalDate end = LocalDate.parse("2021-11-19");
    DateRange trailing =
        DateRange.of(TradingCalendar.nyse().minusTradingDays(end, CONFIG.analysisPeriod()), end);
    assertEquals(
        lib.correlation(BTC, SPY, trailing, EstimationMethod.MOMENTS),
        j.get("correlations").get("2021-11-19").doubleValue(),
        1e-14);
    assertEquals(5, j.get("correlations").size());
  }

  @Test
  void correlations_wrongTickersOrPeriod_failInOneLine() {
    assertTrue(failure(CONFIG, "correlations", "SPY").contains("two tickers, got 1"));
    assertTrue(failure(CONFIG, "cors", "SPY", "spy").contains("two different tickers"));
    assertTrue(failure(CONFIG, "cors", "SPY", "GLD", "--period", "1").contains("--period 1"));
  }

  /** Each ticker's latest close and model value at a rate, straight from the library. */
  private static Map<Asset, double[]> spotAndModel(List<Asset> assets, Double rate) {
    Map<Asset, double[]> out = new LinkedHashMap<>();
    for (Asset a : assets) {
      LocalDate last = lib.marketData().latestDate(a);
      PriceHistory h = lib.prices(a, DateRange.of(last, last));
      double model =
          rate == null
              ? lib.discountDividendModel(a, lib.today()).netPresentValue()
              : lib.discountDividendModel(a, lib.today(), rate).netPresentValue();
      out.put(a, new double[] {h.close(0), model});
    }
    return out;
  }

  @Test
  void screen_margin_listsExactlyTheTickersWhoseModelValueClearsIt() {
    Map<Asset, double[]> v = spotAndModel(List.of(ALLY, BX), 0.03);
    double ally = v.get(ALLY)[1] / v.get(ALLY)[0] - 1;
    double bx = v.get(BX)[1] / v.get(BX)[0] - 1;
    assertTrue(ally > 0 && bx > 0 && ally != bx, ally + " " + bx);
    String between = Double.toString((ally + bx) / 2);
    JsonNode j =
        json("screen", "ALLY", "BX", "--discount-rate", "0.03", "--margin", between, "-json");
    Asset passes = ally > bx ? ALLY : BX;
    assertEquals(List.of(passes.ticker()), fields(j));
    JsonNode n = j.get(passes.ticker());
    double spot = v.get(passes)[0];
    double model = v.get(passes)[1];
    assertEquals(spot, n.get("spot_price").doubleValue());
    assertEquals(model, n.get("model_price").doubleValue());
    assertEquals(model - spot, n.get("discount").doubleValue());
    assertEquals(0.03, n.get("discount_rate").doubleValue());
    assertEquals(lib.marketData().latestDate(passes).toString(), n.get("price_date").asText());
    assertEquals(2, fields(json("scr", "ALLY", "BX", "--discount-rate", "0.03", "--json")).size());
  }

  @Test
  void screen_defaultRate_isTheCostOfEquityAsInDdm() {
    Map<Asset, double[]> v = spotAndModel(List.of(ALLY, BX), null);
    JsonNode j = json("screen", "ALLY", "BX", "--json");
    for (Asset a : List.of(ALLY, BX)) {
      assertEquals(v.get(a)[1] > v.get(a)[0], j.has(a.ticker()), a.ticker());
    }
  }

  @Test
  void screen_failures_areOneLineEach() {
    assertTrue(failure(CONFIG, "screen", "ALLY", "--margin", "-1").contains("--margin"));
    var run = CliHarness.runConfigured(CONFIG, "screen", "DIS", "--json");
    assertEquals(1, run.code());
    assertTrue(run.err().lines().anyMatch(l -> l.startsWith("error: DIS: ")), run.err());
  }

  /** Returns the statistic a screen criterion judges, as the library computes it. */
  private static double statistic(String criterion, Asset a, Window window, String method) {
    EstimationMethod m = EstimationMethod.parse(method);
    DateRange range = lib.range(List.of(a), window);
    return switch (criterion) {
      case "sharpe" -> lib.sharpeRatio(a, range, m);
      case "return" -> lib.riskProfile(a, range, m).annualReturn();
      case "volatility" -> lib.riskProfile(a, range, m).annualVolatility();
      default -> throw new AssertionError(criterion);
    };
  }

  @Test
  void screen_criteria_listExactlyTheTickersPastTheThreshold_withTheLibrarysNumbers() {
    Window june = Window.startingOn(LocalDate.parse("2021-06-01"));
    Map<String, String> fieldOf =
        Map.of(
            "sharpe", "sharpe_ratio",
            "return", "annual_return",
            "volatility", "annual_volatility");
    for (String criterion : List.of("sharpe", "return", "volatility")) {
      for (String method : List.of("moments", "percentiles")) {
        double ally = statistic(criterion, ALLY, june, method);
        double bx = statistic(criterion, BX, june, method);
        assertTrue(ally != bx, criterion);
        double between = (ally + bx) / 2;
        JsonNode j =
            json(
                "screen",
                "ALLY",
                "BX",
                "-crit",
                criterion,
                "--threshold",
                Double.toString(between),
                "--start",
                "2021-06-01",
                "--method",
                method,
                "--json");
        boolean below = criterion.equals("volatility");
        Asset passes = (ally > bx) != below ? ALLY : BX;
        String what = criterion + " " + method + " " + ally + " " + bx;
        assertEquals(List.of(passes.ticker()), fields(j), what);
        double expected = passes == ALLY ? ally : bx;
        assertEquals(expected, j.get(passes.ticker()).get(fieldOf.get(criterion)).doubleValue());
        assertEquals(1, j.get(passes.ticker()).size(), what);
        JsonNode meta = j.get("meta");
        assertEquals(method, meta.get("method").asText(), what);
        assertEquals("2021-06-01", meta.get("start").asText(), what);
        assertEquals(criterion.equals("sharpe"), meta.has("risk_free_rate"), what);
      }
    }
  }

  @Test
  void screen_sharpeAndReturn_defaultToAThresholdOfZero() {
    for (String criterion : List.of("sharpe", "return")) {
      JsonNode j = json("screen", "ALLY", "BX", "SPY", "GLD", "--criteria", criterion, "--json");
      List<String> expected = new ArrayList<>();
      for (Asset a : List.of(ALLY, BX, SPY, GLD)) {
        if (statistic(criterion, a, Window.latest(), "moments") > 0) {
          expected.add(a.ticker());
        }
      }
      assertEquals(expected, fields(j), criterion);
    }
  }

  @Test
  void screen_ddm_discountsAtTheCostOfEquityOfTheWindowAndMethodGiven() {
    List<Asset> group = List.of(ALLY, lib.marketProxy());
    DateRange range = lib.range(group, Window.startingOn(LocalDate.parse("2021-01-04")));
    double rate = lib.costOfEquity(ALLY, range, EstimationMethod.LIKELIHOOD, RiskFreeRate.of(0.01));
    JsonNode j =
        json(
            "screen",
            "ALLY",
            "--margin",
            "-0.99",
            "--start",
            "2021-01-04",
            "-like",
            "--risk-free-rate",
            "0.01",
            "--json");
    assertEquals(rate, j.get("ALLY").get("discount_rate").doubleValue());
    assertEquals(
        lib.discountDividendModel(ALLY, lib.today(), rate).netPresentValue(),
        j.get("ALLY").get("model_price").doubleValue());
    assertEquals("likelihood", j.get("meta").get("method").asText());
    assertEquals(0.01, j.get("meta").get("risk_free_rate").doubleValue());
  }

  @Test
  void screen_optionsTheCriterionDoesNotUse_areRefusedInOneLine() {
    Map<List<String>, String> cases = new LinkedHashMap<>();
    cases.put(List.of("--criteria", "sharpe", "--margin", "0.1"), "--margin is not used by");
    cases.put(
        List.of("--crit", "return", "--discount-rate", "0.1"), "--discount-rate is not used by");
    cases.put(
        List.of("--crit", "volatility", "--threshold", "0.3", "--risk-free-rate", "0.01"),
        "--risk-free-rate is not used by --criteria volatility");
    cases.put(List.of("--threshold", "0.5"), "--threshold is not used by --criteria ddm");
    cases.put(
        List.of("--discount-rate", "0.08", "--end", "2021-06-30", "-per"),
        "--end, --percentiles are not used beside --discount-rate");
    cases.put(List.of("--criteria", "volatility"), "--criteria volatility needs --threshold");
    cases.put(List.of("--criteria", "beta"), "--criteria 'beta' is not one of");
    cases.forEach(
        (options, message) -> {
          List<String> args = new ArrayList<>(List.of("screen", "ALLY", "BX"));
          args.addAll(options);
          String line = failure(CONFIG, args.toArray(String[]::new));
          assertTrue(line.startsWith("error: " + message), options + ": " + line);
        });
  }

  @Test
  void screen_nothingPassing_saysSoOnStderr() {
    var run =
        CliHarness.runConfigured(
            CONFIG, "screen", "ALLY", "--criteria", "volatility", "--threshold", "0.01");
    assertEquals(0, run.code(), run.err());
    assertTrue(
        run.err().contains("note: no ticker passed: none has an annual volatility below 1.00%"),
        run.err());
  }

  @Test
  void screen_withoutTickersOutsideTheCommandLine_asksForThem() {
    ByteArrayOutputStream sink = new ByteArrayOutputStream();
    PrintStream p = new PrintStream(sink, true, StandardCharsets.UTF_8);
    List<Exception> thrown = new ArrayList<>();
    try (Context ctx = new Context(CONFIG, p, p, Scrilla::create)) {
      CommandLine cl = ScrillaCommand.commandLine(ctx);
      cl.setExecutionExceptionHandler(
          (ex, commandLine, parseResult) -> {
            thrown.add(ex);
            return 1;
          });
      assertEquals(1, cl.execute("screen"));
    }
    assertEquals(1, thrown.size());
    assertTrue(thrown.get(0) instanceof InvalidInputException, thrown.toString());
    assertTrue(
        thrown.get(0).getMessage().startsWith("name the tickers to screen"),
        thrown.get(0).getMessage());
  }
}
