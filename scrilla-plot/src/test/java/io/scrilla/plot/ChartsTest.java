package io.scrilla.plot;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.scrilla.api.config.ScrillaConfig;
import io.scrilla.api.error.InvalidInputException;
import io.scrilla.api.model.Asset;
import io.scrilla.api.model.DateRange;
import io.scrilla.api.model.Dividend;
import io.scrilla.api.model.EstimationMethod;
import io.scrilla.api.model.PriceHistory;
import io.scrilla.api.model.RiskProfile;
import io.scrilla.api.model.YieldCurve;
import io.scrilla.core.Scrilla;
import io.scrilla.core.market.RiskFreeRate;
import io.scrilla.core.optimize.Bounds;
import io.scrilla.core.optimize.FrontierSpacing;
import io.scrilla.core.optimize.Portfolio;
import io.scrilla.core.optimize.Solution;
import io.scrilla.core.stats.CorrelationMatrix;
import io.scrilla.core.valuation.DividendValuation;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;
import javax.imageio.ImageIO;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.internal.chartpart.Chart;
import org.w3c.dom.Element;

/**
 * Every chart drawn from the sample data bundled with the CSV source, written as PNG and SVG and
 * read back. Run with {@code -Dscrilla.plot.dir=FOLDER} to keep the PNGs for a look.
 */
class ChartsTest {
  private static final DateRange WINDOW = DateRange.parse("2021-06-01", "2021-11-19");
  private static final EstimationMethod METHOD = EstimationMethod.MOMENTS;
  private static final List<Asset> ASSETS =
      List.of(Asset.equity("SPY"), Asset.equity("GLD"), Asset.equity("BX"), Asset.equity("DIS"));
  private static final Asset SPY = Asset.equity("SPY");

  private static Scrilla scrilla;

  @TempDir Path dir;

  @BeforeAll
  static void open() {
    System.setProperty("java.awt.headless", "true");
    scrilla =
        Scrilla.builder()
            .config(ScrillaConfig.builder().cacheMode("memory").build())
            .clock(Clock.fixed(Instant.parse("2021-11-22T12:00:00Z"), ZoneOffset.UTC))
            .build();
  }

  @AfterAll
  static void close() {
    scrilla.close();
  }

  static List<Solution> frontier() {
    Portfolio p = scrilla.portfolio(ASSETS, WINDOW, METHOD, RiskFreeRate.of(0.001));
    return scrilla
        .portfolios()
        .efficientFrontier(p, Bounds.longOnly(), 8, FrontierSpacing.INCLUSIVE);
  }

  static Stream<Arguments> charts() {
    Map<Asset, RiskProfile> profiles = new LinkedHashMap<>();
    for (Asset a : ASSETS) {
      profiles.put(a, scrilla.riskProfile(a, WINDOW, METHOD));
    }
    profiles.put(Asset.crypto("BTC"), scrilla.riskProfile(Asset.crypto("BTC"), WINDOW, METHOD));
    PriceHistory spy = scrilla.prices(SPY, WINDOW);
    RiskProfile spyProfile = scrilla.riskProfile(SPY, WINDOW, METHOD);
    Asset ally = Asset.equity("ALLY");
    List<Dividend> divs = scrilla.dividends(ally);
    DividendValuation ddm = scrilla.discountDividendModel(ally, WINDOW.end(), 0.09);
    PriceHistory spyLong = scrilla.prices(SPY, DateRange.parse("2021-01-01", "2021-11-19"));
    CorrelationMatrix cors = scrilla.correlationMatrix(ASSETS, WINDOW, METHOD);
    YieldCurve curve = scrilla.yieldCurve(WINDOW.end());
    return Stream.of(
        Arguments.of("efficient-frontier", Charts.efficientFrontier(frontier(), WINDOW, METHOD)),
        Arguments.of("risk-return", Charts.riskReturn(profiles, WINDOW, METHOD)),
        Arguments.of(
            "moving-averages",
            Charts.movingAverages(spyLong, scrilla.movingAverages(SPY, WINDOW, METHOD))),
        Arguments.of("yield-curve", Charts.yieldCurve(curve)),
        Arguments.of("dividends", Charts.dividends(ally, divs, ddm)),
        Arguments.of("return-qq", Charts.returnQq(spy, spyProfile, METHOD)),
        Arguments.of("return-distribution", Charts.returnDistribution(spy, spyProfile, METHOD)),
        Arguments.of("correlations", Charts.correlations(cors, WINDOW, METHOD)));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("charts")
  void write_eachChart_pngAndSvgOfTheDefaultSize(String name, Chart<?, ?> chart) throws Exception {
    assertFalse(chart.getSeriesMap().isEmpty(), name + " has no series");
    assertTrue(chart.getTitle().length() > 10, chart.getTitle());
    Path png = ChartWriter.write(chart, dir.resolve(name + ".png"));
    BufferedImage image = ImageIO.read(png.toFile());
    assertEquals(1200, image.getWidth());
    assertEquals(800, image.getHeight());
    assertTrue(distinctColours(image) > 5, name + " looks empty");

    Path svg = ChartWriter.write(chart, dir.resolve(name + ".SVG"));
    Element root = parseSvg(svg);
    assertEquals("svg", root.getLocalName());
    assertEquals(1200, number(root.getAttribute("width")), 1e-9);
    assertEquals(800, number(root.getAttribute("height")), 1e-9);
    assertTrue(Files.readString(svg).contains("<path"), name + ": SVG draws nothing");

    String keep = System.getProperty("scrilla.plot.dir");
    if (keep != null) {
      Files.createDirectories(Path.of(keep));
      Files.copy(png, Path.of(keep, name + ".png"), StandardCopyOption.REPLACE_EXISTING);
      Files.copy(svg, Path.of(keep, name + ".svg"), StandardCopyOption.REPLACE_EXISTING);
    }
  }

  @Test
  void write_otherSize_drawsAtThatSize() throws IOException {
    XYChart chart = Charts.efficientFrontier(frontier(), WINDOW, METHOD);
    Path png = ChartWriter.write(chart, dir.resolve("small.png"), 600, 400);
    BufferedImage image = ImageIO.read(png.toFile());
    assertEquals(600, image.getWidth());
    assertEquals(400, image.getHeight());
    BufferedImage inline = ChartWriter.image(chart);
    assertEquals(1200, inline.getWidth());
    assertEquals(800, inline.getHeight());
  }

  @Test
  void write_otherExtension_failsInOneLineNamingTheFile() {
    XYChart chart = Charts.efficientFrontier(frontier(), WINDOW, METHOD);
    for (String name : List.of("plot.jpg", "plot", "plot.png.txt", ".png")) {
      Path file = dir.resolve(name);
      InvalidInputException e =
          assertThrows(InvalidInputException.class, () -> ChartWriter.write(chart, file));
      assertTrue(e.getMessage().contains("must end in .png or .svg"), e.getMessage());
      assertTrue(e.getMessage().contains(name), e.getMessage());
      assertFalse(e.getMessage().contains("\n"));
      assertFalse(Files.exists(file), name);
    }
  }

  @Test
  void write_missingFolder_failsInOneLine() {
    XYChart chart = Charts.efficientFrontier(frontier(), WINDOW, METHOD);
    Path file = dir.resolve("no-such-folder").resolve("plot.png");
    InvalidInputException e =
        assertThrows(InvalidInputException.class, () -> ChartWriter.write(chart, file));
    assertTrue(e.getMessage().startsWith("cannot write the plot to"), e.getMessage());
  }

  @Test
  void efficientFrontier_pointsAreThePortfoliosInPercent() {
    List<Solution> f = frontier();
    XYChart chart = Charts.efficientFrontier(f, WINDOW, METHOD);
    var series = chart.getSeriesMap().values().iterator().next();
    double[] x = series.getXData();
    double[] y = series.getYData();
    assertEquals(f.size(), x.length);
    for (int i = 0; i < f.size(); i++) {
      assertEquals(100 * f.get(i).annualVolatility(), x[i], 1e-12);
      assertEquals(100 * f.get(i).annualReturn(), y[i], 1e-12);
    }
    assertTrue(chart.getTitle().contains("2021-06-01 to 2021-11-19"), chart.getTitle());
    assertTrue(chart.getTitle().contains("moments"), chart.getTitle());
    assertTrue(chart.getXAxisTitle().contains("%"));
    assertTrue(chart.getYAxisTitle().contains("%"));
  }

  @Test
  void dividends_trendIsTheModelsOwnLine() {
    Asset ally = Asset.equity("ALLY");
    DividendValuation ddm = scrilla.discountDividendModel(ally, WINDOW.end(), 0.09);
    XYChart chart = Charts.dividends(ally, scrilla.dividends(ally), ddm);
    var projected = chart.getSeriesMap().get("model projection: next payments");
    assertEquals(ddm.projectedAmount(ddm.projectedPaymentTime(0)), projected.getYData()[0], 0.0);
    var fit = chart.getSeriesMap().get("model trend: fitted to the payments");
    assertEquals(ddm.intercept(), fit.getYData()[0], 0.0);
  }

  @Test
  void correlations_cellsHoldTheMatrixWithTheFirstTickerAtTheTop() {
    CorrelationMatrix m = scrilla.correlationMatrix(ASSETS, WINDOW, METHOD);
    var chart = Charts.correlations(m, WINDOW, METHOD);
    var series = chart.getHeatMapSeries();
    assertEquals(List.of("SPY", "GLD", "BX", "DIS"), series.getXData());
    assertEquals(List.of("DIS", "BX", "GLD", "SPY"), series.getYData());
    for (Number[] cell : series.getHeatData()) {
      int j = cell[0].intValue();
      int i = 3 - cell[1].intValue();
      assertEquals(m.get(i, j), cell[2].doubleValue(), 0.005);
    }
  }

  @Test
  void builders_emptyInput_failInOneLine() {
    assertThrows(
        InvalidInputException.class, () -> Charts.efficientFrontier(List.of(), WINDOW, METHOD));
    assertThrows(InvalidInputException.class, () -> Charts.riskReturn(Map.of(), WINDOW, METHOD));
    assertThrows(
        InvalidInputException.class,
        () -> Charts.yieldCurve(new YieldCurve(LocalDate.of(2021, 11, 19), Map.of())));
  }

  private static int distinctColours(BufferedImage image) {
    Set<Integer> seen = new HashSet<>();
    for (int x = 0; x < image.getWidth(); x += 7) {
      for (int y = 0; y < image.getHeight(); y += 7) {
        seen.add(image.getRGB(x, y));
      }
    }
    return seen.size();
  }

  private static Element parseSvg(Path svg) throws Exception {
    DocumentBuilderFactory f = DocumentBuilderFactory.newInstance();
    f.setNamespaceAware(true);
    f.setFeature("http://apache.org/xml/features/nonvalidating/load-external-dtd", false);
    return f.newDocumentBuilder().parse(svg.toFile()).getDocumentElement();
  }

  /** Reads an SVG length such as {@code 1200}, {@code 1200px} or {@code 1200.0}. */
  private static double number(String length) {
    return Double.parseDouble(length.replaceAll("(px|pt)$", ""));
  }
}
