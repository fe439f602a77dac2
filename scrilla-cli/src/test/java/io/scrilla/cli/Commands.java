package io.scrilla.cli;

import io.scrilla.api.config.ScrillaConfig;
import io.scrilla.commands.Context;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HexFormat;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import picocli.CommandLine;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.OptionSpec;
import picocli.CommandLine.Model.PositionalParamSpec;

/**
 * The commands of the command line as Main builds them, found by walking its {@link CommandSpec}
 * (so commands added later are included), and how the tests run each on the bundled sample data.
 */
final class Commands {
  private Commands() {}

  /**
   * The bundled sample data, an in-memory cache, a default method, and a configuration folder of
   * its own (for the watchlist and the stored keys) that no other run shares.
   */
  static ScrillaConfig config(String defaultMethod) {
    try {
      Path dir = Files.createTempDirectory("scrilla-config");
      dir.toFile().deleteOnExit();
      return config(defaultMethod, dir);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** The configuration of {@link #config(String)} with the given configuration folder. */
  static ScrillaConfig config(String defaultMethod, Path configDir) {
    return ScrillaConfig.builder()
        .cacheMode("memory")
        .set(ScrillaConfig.DEFAULT_ESTIMATION_METHOD, defaultMethod)
        .set(ScrillaConfig.SCRILLA_CONFIG_DIR, configDir.toString())
        .build();
  }

  /**
   * Runs a command line in a configuration folder of its own: what the command writes there (a
   * stored key, a watchlist, a chart written to {@link #PNG} or {@link #SVG}, by its SHA-256) is
   * output too, appended to what it printed, and the folder's name is replaced by {@code CONFIG}.
   */
  static CliHarness.Run run(String defaultMethod, String... args) {
    try {
      Path folder = Files.createTempDirectory("scrilla-config");
      String[] line = args.clone();
      for (int i = 0; i < line.length; i++) {
        if (line[i].equals(PNG) || line[i].equals(SVG)) {
          line[i] = folder.resolve(line[i]).toString();
        }
      }
      CliHarness.Run run = CliHarness.runConfigured(config(defaultMethod, folder), line);
      StringBuilder out = new StringBuilder(run.out().replace(folder.toString(), "CONFIG"));
      try (var files = Files.list(folder)) {
        for (Path f : files.sorted().toList()) {
          out.append("\n").append(f.getFileName()).append(":\n");
          out.append(
              f.toString().startsWith(folder.resolve("PLOT").toString())
                  ? HexFormat.of()
                      .formatHex(MessageDigest.getInstance("SHA-256").digest(Files.readAllBytes(f)))
                  : Files.readString(f));
          Files.delete(f);
        }
      }
      Files.delete(folder);
      return new CliHarness.Run(
          run.code(), out.toString(), run.err().replace(folder.toString(), "CONFIG"));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }

  /** Returns every command once (not once per alias), in the order of {@code scrilla help}. */
  static List<CommandSpec> all() {
    PrintStream none = new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8);
    Context ctx =
        new Context(
            config("moments"),
            none,
            none,
            c -> {
              throw new IllegalStateException("walking the commands needs no facade");
            });
    CommandLine cl = Main.commandLine(ctx);
    Set<CommandSpec> seen = Collections.newSetFromMap(new IdentityHashMap<>());
    List<CommandSpec> specs = new ArrayList<>();
    for (CommandLine sub : cl.getSubcommands().values()) {
      if (seen.add(sub.getCommandSpec())) {
        specs.add(sub.getCommandSpec());
      }
    }
    return specs;
  }

  /** Returns the options a command declares itself: not help, version or {@code --debug}. */
  static List<OptionSpec> ownOptions(CommandSpec spec) {
    return spec.options().stream()
        .filter(o -> !o.usageHelp() && !o.versionHelp() && !o.inherited())
        .filter(o -> !List.of(o.names()).contains(Main.DEBUG))
        .toList();
  }

  /**
   * The arguments a command needs to run on the sample data, by the label of its positional
   * parameters; a command whose parameters need something else is listed by name.
   */
  private static final Map<String, List<String>> BY_LABEL =
      Map.of(
          "TICKER", List.of("ALLY", "BX"),
          "MATURITY", List.of("ONE_YEAR", "TEN_YEAR"),
          "COMMAND", List.of());

  private static final Map<String, List<String>> BY_COMMAND =
      Map.of(
          "store", List.of("--key", "FRONTIER_STEPS", "--value", "7"),
          "plot-dividends", List.of("ALLY"),
          "plot-moving-averages", List.of("ALLY"),
          "plot-return-qq", List.of("ALLY"),
          "plot-return-distribution", List.of("ALLY"));

  /** Stands for a PNG file in the run's own folder ({@link #run}). */
  static final String PNG = "PLOT.png";

  /** Stands for an SVG file in the run's own folder ({@link #run}). */
  static final String SVG = "PLOT.svg";

  private static final String PLOT = "--plot";

  /** Returns the arguments a command runs with on the sample data (tickers that pay dividends). */
  static List<String> base(CommandSpec spec) {
    List<String> args = new ArrayList<>();
    if (spec.optionsMap().containsKey(PLOT)) {
      args.addAll(List.of(PLOT, PNG)); // a chart is written where the run can look at it
    }
    List<String> byName = BY_COMMAND.get(spec.name());
    if (byName != null) {
      args.addAll(0, byName);
      return args;
    }
    List<String> positional = new ArrayList<>();
    for (PositionalParamSpec p : spec.positionalParameters()) {
      List<String> values = BY_LABEL.get(p.paramLabel());
      if (values == null) {
        throw new AssertionError(
            spec.name()
                + ": no example for its parameter "
                + p.paramLabel()
                + "; add one to Commands.BY_LABEL or BY_COMMAND");
      }
      positional.addAll(values);
    }
    args.addAll(0, positional);
    return args;
  }

  /**
   * Returns the command line: the command, its base arguments, then more; an option of {@code more}
   * that the base arguments already give (a required option) replaces theirs.
   */
  static String[] line(CommandSpec spec, List<String> more) {
    List<String> base = new ArrayList<>(base(spec));
    List<String> extra = new ArrayList<>(more);
    if (!extra.isEmpty() && spec.optionsMap().containsKey(extra.get(0))) {
      OptionSpec o = spec.optionsMap().get(extra.get(0));
      for (int i = 0; i < base.size(); i++) {
        if (spec.optionsMap().get(base.get(i)) == o) {
          base.subList(i, i + extra.size()).clear();
          base.addAll(i, extra);
          extra.clear();
          break;
        }
      }
    }
    List<String> args = new ArrayList<>();
    args.add(spec.name());
    args.addAll(base);
    args.addAll(extra);
    return args.toArray(String[]::new);
  }
}
