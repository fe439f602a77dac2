package io.scrilla.examples;

import io.scrilla.api.model.Asset;
import io.scrilla.api.model.EstimationMethod;
import io.scrilla.core.Scrilla;
import io.scrilla.core.market.Sample;
import io.scrilla.core.stats.CorrelationMatrix;
import java.io.PrintStream;
import java.util.List;
import java.util.Locale;

/**
 * The correlation matrix of several assets' daily log returns over one window, equities and crypto
 * together (on NYSE sessions, the dates they share).
 *
 * <pre>
 * mvn -q -pl examples -am test-compile exec:java \
 *     -Dexec.mainClass=io.scrilla.examples.CorrelationMatrixExample
 * </pre>
 *
 * <p>Arguments: tickers (default {@code SPY GLD DIS BX ALLY BTC}).
 */
public final class CorrelationMatrixExample {
  private CorrelationMatrixExample() {}

  /**
   * Prints the correlation matrix.
   *
   * @param args optional tickers
   */
  public static void main(String[] args) {
    PrintStream out = System.out;
    List<Asset> assets = Examples.assets(args, "SPY", "GLD", "DIS", "BX", "ALLY", "BTC");
    EstimationMethod method = EstimationMethod.MOMENTS;
    try (Scrilla scrilla = Examples.open()) {
      Sample sample = scrilla.marketData().sample(assets, Examples.WINDOW, method);
      CorrelationMatrix matrix = scrilla.correlationMatrix(assets, sample.window(), method);

      Examples.header(out, "Correlation matrix of daily log returns", sample);
      out.println();
      out.printf(Locale.ROOT, "%-8s", "ticker");
      for (String ticker : matrix.tickers()) {
        out.printf(Locale.ROOT, "%9s", ticker);
      }
      out.println();
      for (int i = 0; i < matrix.size(); i++) {
        out.printf(Locale.ROOT, "%-8s", matrix.tickers().get(i));
        for (int j = 0; j < matrix.size(); j++) {
          out.printf(Locale.ROOT, "%9s", Examples.decimal(matrix.get(i, j)));
        }
        out.println();
      }
      // an asset without prices in the window is left out and reported, not fatal
      matrix
          .failures()
          .forEach((asset, error) -> out.println("left out " + asset + ": " + error.getMessage()));
    }
  }
}
