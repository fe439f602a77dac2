package io.scrilla.cli.plot;

import io.scrilla.api.error.InvalidInputException;
import io.scrilla.plot.ChartWriter;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.List;
import org.knowm.xchart.internal.chartpart.Chart;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * The {@code --plot FILE} option of every plot command, and what the plot commands share: the
 * default file {@code scrilla-<command>.png} in the current folder, the one-ticker check, and
 * writing the chart and printing its path.
 */
final class PlotFile {
  @Spec(Spec.Target.MIXEE)
  CommandSpec command;

  @Option(
      names = {"--plot", "-plot"},
      paramLabel = "FILE",
      description =
          "write the chart to FILE, .png or .svg by its extension, 1200x800 pixels (default"
              + " scrilla-<command>.png in the current folder)")
  Path file;

  /**
   * Returns the file to write, after checking its extension: call it before any data is read.
   *
   * @throws InvalidInputException naming the file and the extensions allowed
   */
  Path target() {
    Path f = file == null ? Path.of("scrilla-" + command.name() + ".png") : file;
    ChartWriter.checkExtension(f);
    return f;
  }

  /**
   * Checks that a command drawing one asset was given one ticker.
   *
   * @throws InvalidInputException when more than one was given
   */
  void requireOneTicker() {
    List<String> tickers = command.commandLine().getParseResult().matchedPositionalValue(0, null);
    if (tickers != null && tickers.size() > 1) {
      throw new InvalidInputException(
          command.name()
              + " draws one ticker at a time, got "
              + tickers.size()
              + " ("
              + String.join(" ", tickers)
              + "); run it once per ticker");
    }
  }

  /**
   * Writes the chart to the file and prints the file's absolute path on {@code out}.
   *
   * @return 0, the exit code of success
   */
  static int write(Chart<?, ?> chart, Path file, PrintStream out) {
    ChartWriter.write(chart, file);
    out.println(file.toAbsolutePath().normalize());
    return 0;
  }
}
