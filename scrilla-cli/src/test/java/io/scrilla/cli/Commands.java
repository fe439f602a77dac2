package io.scrilla.cli;

import io.scrilla.api.config.ScrillaConfig;
import io.scrilla.commands.Context;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
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

  /** The bundled sample data, an in-memory cache, the default method {@code moments}. */
  static ScrillaConfig config(String defaultMethod) {
    return ScrillaConfig.builder()
        .cacheMode("memory")
        .set(ScrillaConfig.DEFAULT_ESTIMATION_METHOD, defaultMethod)
        .build();
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
      Map.of("TICKER", List.of("ALLY", "BX"), "MATURITY", List.of(), "COMMAND", List.of());

  private static final Map<String, List<String>> BY_COMMAND = Map.of();

  /** Returns the arguments a command runs with on the sample data (tickers that pay dividends). */
  static List<String> base(CommandSpec spec) {
    List<String> byName = BY_COMMAND.get(spec.name());
    if (byName != null) {
      return byName;
    }
    List<String> args = new ArrayList<>();
    for (PositionalParamSpec p : spec.positionalParameters()) {
      List<String> values = BY_LABEL.get(p.paramLabel());
      if (values == null) {
        throw new AssertionError(
            spec.name()
                + ": no example for its parameter "
                + p.paramLabel()
                + "; add one to Commands.BY_LABEL or BY_COMMAND");
      }
      args.addAll(values);
    }
    return args;
  }

  /** Returns the command line: the command, its base arguments, then more. */
  static String[] line(CommandSpec spec, List<String> more) {
    List<String> args = new ArrayList<>();
    args.add(spec.name());
    args.addAll(base(spec));
    args.addAll(more);
    return args.toArray(String[]::new);
  }
}
