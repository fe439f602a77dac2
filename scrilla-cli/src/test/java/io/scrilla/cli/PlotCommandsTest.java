package io.scrilla.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.scrilla.api.config.ScrillaConfig;
import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.stream.Stream;
import javax.imageio.ImageIO;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.w3c.dom.Element;

/**
 * The plot commands on the sample data bundled with the command: each writes a PNG of 1200x800 and
 * an SVG of the same size and prints the file's path; bad input fails in one line. Run with {@code
 * -Dscrilla.plot.dir=FOLDER} to keep the PNGs for a look.
 */
class PlotCommandsTest {
  @TempDir Path dir;

  private ScrillaConfig config() {
    return ScrillaConfig.builder().cacheMode("sqlite").sqliteFile(dir.resolve("cache.db")).build();
  }

  static Stream<Arguments> commands() {
    return Stream.of(
        Arguments.of("plot-ef", List.of("SPY", "GLD", "BX", "DIS", "--steps", "8", "--inclusive")),
        Arguments.of("plot-efficient-frontier", List.of("SPY", "GLD", "-moments")),
        Arguments.of("plot-rp", List.of("SPY", "GLD", "BX", "DIS", "ALLY", "BTC:crypto")),
        Arguments.of("plot-mas", List.of("SPY", "--start", "2021-06-01", "--end", "2021-11-19")),
        Arguments.of("plot-yield", List.of("--date", "2021-11-19")),
        Arguments.of("plot-yc", List.of("ONE_MONTH", "ONE_YEAR", "TEN_YEAR", "THIRTY_YEAR")),
        Arguments.of(
            "plot-divs", List.of("ALLY", "--as-of", "2021-11-19", "--discount-rate", "0.09")),
        Arguments.of("plot-rets", List.of("SPY", "--start", "2021-01-04", "--end", "2021-11-19")),
        Arguments.of("plot-qq", List.of("GLD")),
        Arguments.of("plot-dist", List.of("SPY", "--start", "2021-01-04", "--end", "2021-11-19")),
        Arguments.of("plot-cors", List.of("SPY", "GLD", "BX", "DIS", "ALLY", "-likelihood")));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("commands")
  void plot_sampleData_writesPngAndSvgOf1200x800(String command, List<String> options)
      throws Exception {
    Path png = dir.resolve(command + ".png");
    var run = run(command, options, png);
    assertEquals(0, run.code(), run.err());
    assertEquals(png.toAbsolutePath().toString(), run.out().strip());
    BufferedImage image = ImageIO.read(png.toFile());
    assertEquals(1200, image.getWidth());
    assertEquals(800, image.getHeight());

    Path svg = dir.resolve(command + ".svg");
    var vector = run(command, options, svg);
    assertEquals(0, vector.code(), vector.err());
    DocumentBuilderFactory f = DocumentBuilderFactory.newInstance();
    f.setFeature("http://apache.org/xml/features/nonvalidating/load-external-dtd", false);
    Element root = f.newDocumentBuilder().parse(svg.toFile()).getDocumentElement();
    assertEquals("svg", root.getTagName());
    assertEquals("1200px", root.getAttribute("width"));
    assertEquals("800px", root.getAttribute("height"));

    String keep = System.getProperty("scrilla.plot.dir");
    if (keep != null) {
      Files.createDirectories(Path.of(keep));
      Files.copy(
          png, Path.of(keep, "cli-" + command + ".png"), StandardCopyOption.REPLACE_EXISTING);
    }
  }

  @Test
  void plot_otherExtension_failsInOneLineBeforeReadingData() {
    Path jpg = dir.resolve("frontier.jpg");
    var run = run("plot-ef", List.of("SPY", "GLD"), jpg);
    assertEquals(1, run.code());
    assertEquals(1, run.err().lines().filter(l -> l.startsWith("error: ")).count(), run.err());
    assertTrue(run.err().contains("must end in .png or .svg"), run.err());
    assertTrue(run.err().contains("frontier.jpg"), run.err());
    assertFalse(Files.exists(jpg));
    assertFalse(Files.exists(dir.resolve("cache.db")), "read data before failing");
  }

  @Test
  void plot_unknownTicker_failsInOneLineAndWritesNothing() {
    Path png = dir.resolve("mas.png");
    var run = run("plot-mas", List.of("NOSUCH"), png);
    assertEquals(1, run.code());
    List<String> errors = run.err().lines().filter(l -> l.startsWith("error: ")).toList();
    assertEquals(1, errors.size(), run.err());
    assertTrue(errors.get(0).contains("NOSUCH"), run.err());
    assertTrue(run.err().lines().noneMatch(l -> l.contains("\tat ")), run.err());
    assertFalse(Files.exists(png));
  }

  @Test
  void plotRiskProfile_oneTickerFails_drawsTheOthersAndNamesIt() throws Exception {
    Path png = dir.resolve("rp.png");
    var run =
        run(
            "plot-rp",
            List.of("SPY", "NOSUCH", "GLD", "--start", "2021-06-01", "--end", "2021-11-19"),
            png);
    assertEquals(1, run.code());
    assertEquals(png.toAbsolutePath().toString(), run.out().strip(), run.err());
    assertEquals(1200, ImageIO.read(png.toFile()).getWidth());
    List<String> errors = run.err().lines().filter(l -> l.startsWith("error: ")).toList();
    assertEquals(1, errors.size(), run.err());
    assertTrue(errors.get(0).contains("NOSUCH"), run.err());
  }

  @Test
  void plot_optionTheChartCannotUse_isAUsageErrorNamingIt() {
    Path png = dir.resolve("ef.png");
    var run = run("plot-ef", List.of("SPY", "GLD", "-json"), png);
    assertEquals(Main.USAGE, run.code());
    assertEquals(
        "error: Unknown option: '-json'; run 'scrilla help plot-efficient-frontier' for the"
            + " options",
        run.err().strip());
    assertFalse(Files.exists(png));
    var divs = run("plot-divs", List.of("ALLY", "--start", "2021-01-04"), png);
    assertEquals(Main.USAGE, divs.code());
    assertTrue(divs.err().contains("Unknown option: '--start'"), divs.err());
    var help = CliHarness.runConfigured(config(), "help", "plot-ef");
    assertFalse(help.out().contains("--json"), help.out());
    assertTrue(help.out().contains("--plot=FILE"), help.out());
    assertTrue(help.out().contains("--steps,") && help.out().contains("steps=N"), help.out());
  }

  @Test
  void plot_badNumber_failsInTheUsersTerms() {
    var run = run("plot-ef", List.of("SPY", "GLD", "--steps", "many"), dir.resolve("ef.png"));
    assertEquals(Main.USAGE, run.code());
    assertTrue(run.err().contains("'many' is not a whole number"), run.err());
  }

  @Test
  void plot_twoTickersForAOneTickerChart_isRejected() {
    var run = run("plot-dist", List.of("SPY", "GLD"), dir.resolve("d.png"));
    assertEquals(1, run.code());
    assertTrue(run.err().contains("plot-return-distribution draws one ticker at a time"));
  }

  @Test
  void plot_withoutPlotOption_writesScrillaCommandPngInTheCurrentFolder() throws Exception {
    Path expected = Path.of("scrilla-plot-yield-curve.png").toAbsolutePath();
    Files.deleteIfExists(expected);
    try {
      var run = CliHarness.runConfigured(config(), "plot-yc", "--date", "2021-11-19");
      assertEquals(0, run.code(), run.err());
      assertEquals(expected.toString(), run.out().strip());
      assertEquals(800, ImageIO.read(expected.toFile()).getHeight());
    } finally {
      Files.deleteIfExists(expected);
    }
  }

  @Test
  void help_listsThePlotCommands() {
    var run = CliHarness.runConfigured(config(), "help");
    for (String name :
        List.of(
            "plot-efficient-frontier",
            "plot-risk-profile",
            "plot-moving-averages",
            "plot-yield-curve",
            "plot-dividends",
            "plot-return-qq",
            "plot-return-distribution",
            "plot-correlations")) {
      assertTrue(run.out().contains(name), name + " missing from\n" + run.out());
    }
  }

  private CliHarness.Run run(String command, List<String> options, Path file) {
    List<String> args = new ArrayList<>();
    args.add(command);
    args.addAll(options);
    Collections.addAll(args, "--plot", file.toString());
    return CliHarness.runConfigured(config(), args.toArray(String[]::new));
  }
}
