package io.scrilla.cli;

import io.scrilla.api.config.ScrillaConfig;
import io.scrilla.api.spi.ProgressListener;
import io.scrilla.core.Scrilla;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.function.Function;
import java.util.function.ToIntBiFunction;

/** Runs the command in this process and captures what it prints. */
final class CliHarness {
  /** What one run printed and returned. */
  record Run(int code, String out, String err) {}

  private CliHarness() {}

  /** Runs with sources and cache chosen by the configuration, as {@code java -jar} does. */
  static Run runConfigured(ScrillaConfig config, String... args) {
    return capture((o, e) -> Main.run(args, config, o, e));
  }

  /** Runs as {@link #runConfigured} does, reporting the progress of long work to a listener. */
  static Run runConfigured(ScrillaConfig config, ProgressListener progress, String... args) {
    return capture((o, e) -> Main.run(args, config, o, e, progress));
  }

  static Run run(ScrillaConfig config, Function<ScrillaConfig, Scrilla> factory, String... args) {
    return capture((o, e) -> Main.run(args, config, o, e, factory));
  }

  private static Run capture(ToIntBiFunction<PrintStream, PrintStream> body) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    ByteArrayOutputStream err = new ByteArrayOutputStream();
    int code;
    try (PrintStream o = new PrintStream(out, true, StandardCharsets.UTF_8);
        PrintStream e = new PrintStream(err, true, StandardCharsets.UTF_8)) {
      code = body.applyAsInt(o, e);
    }
    return new Run(
        code, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
  }
}
