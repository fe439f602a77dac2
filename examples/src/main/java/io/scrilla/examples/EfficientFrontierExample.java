package io.scrilla.examples;

import io.scrilla.api.model.Asset;
import io.scrilla.api.model.EstimationMethod;
import io.scrilla.core.Scrilla;
import io.scrilla.core.market.Sample;
import io.scrilla.core.optimize.Bounds;
import io.scrilla.core.optimize.FrontierSpacing;
import io.scrilla.core.optimize.Solution;
import io.scrilla.plot.ChartWriter;
import io.scrilla.plot.Charts;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;

/**
 * The long-only efficient frontier of a few equities: {@link #STEPS} minimum-variance portfolios
 * from the least risky to the highest return, printed and drawn to a PNG (or SVG) file.
 *
 * <pre>
 * mvn -q -pl examples -am test-compile exec:java \
 *     -Dexec.mainClass=io.scrilla.examples.EfficientFrontierExample
 * </pre>
 *
 * <p>Argument: the file to write (default {@code efficient-frontier.png} in the working directory;
 * {@code .svg} for a vector drawing), for example {@code -Dexec.args=/tmp/frontier.svg}.
 */
public final class EfficientFrontierExample {
  /** The tickers of the portfolio. */
  public static final List<String> TICKERS = List.of("SPY", "GLD", "DIS", "BX", "ALLY");

  /** The number of portfolios on the frontier. */
  public static final int STEPS = 10;

  private EfficientFrontierExample() {}

  /**
   * Prints the frontier and writes its plot.
   *
   * @param args an optional file name ending in {@code .png} or {@code .svg}
   */
  public static void main(String[] args) {
    PrintStream out = System.out;
    Path file = Path.of(args.length > 0 ? args[0] : "efficient-frontier.png");
    List<Asset> assets = TICKERS.stream().map(Scrilla::asset).toList();
    EstimationMethod method = EstimationMethod.MOMENTS;
    try (Scrilla scrilla = Examples.open()) {
      Sample sample = scrilla.marketData().sample(assets, Examples.WINDOW, method);
      Examples.header(out, "Efficient frontier, long only", sample);
      Examples.riskFree(out, scrilla, sample);
      List<Solution> frontier =
          scrilla.efficientFrontier(
              assets, sample.window(), method, Bounds.longOnly(), STEPS, FrontierSpacing.INCLUSIVE);

      out.println();
      out.printf(Locale.ROOT, "%-6s %8s %11s %7s", "point", "return", "volatility", "Sharpe");
      for (Asset a : assets) {
        out.printf(Locale.ROOT, " %7s", a.ticker());
      }
      out.println();
      for (int i = 0; i < frontier.size(); i++) {
        Solution s = frontier.get(i);
        out.printf(
            Locale.ROOT,
            "%-6d %8s %11s %7s",
            i + 1,
            Examples.percent(s.annualReturn()),
            Examples.percent(s.annualVolatility()),
            String.format(Locale.ROOT, "%.2f", s.sharpeRatio()));
        for (double w : s.weights()) {
          out.printf(Locale.ROOT, " %7s", Examples.percent(w));
        }
        out.println();
      }

      ChartWriter.write(Charts.efficientFrontier(frontier, sample.window(), method), file);
      out.println();
      out.println("plot written to " + file.toAbsolutePath());
    }
  }
}
