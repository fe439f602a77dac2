package io.scrilla.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.DynamicTest.dynamicTest;

import io.scrilla.commands.Json;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.OptionSpec;

/**
 * Every option does what it says: walking the help of every command (its {@link CommandSpec},
 * including commands added later), each option a command lists changes its output on the bundled
 * sample data, and each option of the table below that a command does not list is rejected with
 * picocli's unknown-option error naming where to read the command's options.
 */
class EveryOptionTest {

  /**
   * How to try an option: the arguments that add it, the default estimation method to run with (so
   * that a method flag differs from the default), and the arguments the option needs beside it,
   * given to both runs of a command that lists the option (none for most options).
   */
  record Example(List<String> args, String defaultMethod, List<String> context) {
    Example(List<String> args, String defaultMethod) {
      this(args, defaultMethod, List.of());
    }
  }

  /** An example of every option of every command, by one of its names. */
  static final Map<String, Example> EXAMPLES = examples();

  private static Map<String, Example> examples() {
    Map<String, Example> m = new LinkedHashMap<>();
    m.put("--start", example("--start", "2021-06-01"));
    m.put("--end", example("--end", "2021-09-30"));
    m.put("--method", example("--method", "likelihood"));
    m.put("--moments", new Example(List.of("--moments"), "percentiles"));
    m.put("--percentiles", example("--percentiles"));
    m.put("--likelihood", example("--likelihood"));
    m.put("--risk-free-rate", example("--risk-free-rate", "0.2"));
    m.put("--crypto", example("--crypto"));
    m.put("--json", example("--json"));
    m.put("--save", example("--save", "saved.json"));
    m.put("--quiet", example("--quiet"));
    m.put("--prob", example("--prob", "0.01"));
    m.put("--expiry", example("--expiry", "0.25"));
    m.put("--target", example("--target", "0.1"));
    m.put("--sharpe", example("--sharpe"));
    m.put("--bounds", example("--bounds", "0,0.5"));
    m.put("--invest", example("--invest", "10000"));
    m.put("--steps", example("--steps", "3"));
    m.put("--inclusive", example("--inclusive"));
    m.put("--discount-rate", example("--discount-rate", "0.08"));
    m.put("--as-of", example("--as-of", "2021-06-30"));
    m.put("--date", example("--date", "2021-06-30"));
    m.put("--period", example("--period", "20"));
    m.put("--margin", example("--margin", "-0.9"));
    m.put("--criteria", example("--criteria", "sharpe"));
    m.put(
        "--threshold",
        new Example(List.of("--threshold", "-1"), "moments", List.of("--criteria", "sharpe")));
    m.put("--key", example("--key", "MARKET_PROXY"));
    m.put("--value", example("--value", "9"));
    m.put("--plot", example("--plot", Commands.SVG));
    return m;
  }

  private static Example example(String... args) {
    return new Example(List.of(args), "moments");
  }

  /** Returns the name under which an option has its example, if it has one. */
  static Optional<String> exampleName(OptionSpec o) {
    for (String n : o.names()) {
      if (EXAMPLES.containsKey(n)) {
        return Optional.of(n);
      }
    }
    return Optional.empty();
  }

  @TempDir Path dir;

  private final Map<String, CliHarness.Run> bases = new HashMap<>();

  private CliHarness.Run run(String defaultMethod, String... args) {
    return Commands.run(defaultMethod, args);
  }

  private CliHarness.Run base(CommandSpec spec, Example ex) {
    return bases.computeIfAbsent(
        spec.name() + " " + ex.defaultMethod() + " " + ex.context(),
        k -> run(ex.defaultMethod(), Commands.line(spec, ex.context())));
  }

  @TestFactory
  List<DynamicTest> everyListedOption_hasAnExample() {
    List<DynamicTest> tests = new ArrayList<>();
    for (CommandSpec spec : Commands.all()) {
      for (OptionSpec o : Commands.ownOptions(spec)) {
        tests.add(
            dynamicTest(
                spec.name() + " " + o.longestName(),
                () ->
                    assertTrue(
                        exampleName(o).isPresent(),
                        spec.name()
                            + " lists "
                            + List.of(o.names())
                            + ", which has no example: add one to EveryOptionTest.EXAMPLES")));
      }
    }
    return tests;
  }

  @TestFactory
  List<DynamicTest> everyOption_changesTheOutputOrIsRejected() {
    List<DynamicTest> tests = new ArrayList<>();
    for (CommandSpec spec : Commands.all()) {
      if (spec.helpCommand()) {
        continue; // picocli's help reads every argument as the name of a command to explain
      }
      for (Map.Entry<String, Example> e : EXAMPLES.entrySet()) {
        String name = e.getKey();
        Example ex = e.getValue();
        boolean listed = spec.optionsMap().containsKey(name);
        tests.add(
            dynamicTest(
                spec.name() + " " + name + (listed ? " changes the output" : " is rejected"),
                () -> {
                  if (listed) {
                    changesTheOutput(spec, name, ex);
                  } else {
                    isRejected(spec, name, ex);
                  }
                }));
      }
    }
    return tests;
  }

  private void changesTheOutput(CommandSpec spec, String name, Example ex) throws IOException {
    CliHarness.Run without = base(spec, ex);
    assertEquals(0, without.code(), String.join(" ", Commands.line(spec, ex.context())) + without);
    List<String> args = new ArrayList<>(ex.args());
    Path saved = dir.resolve(spec.name() + ".json");
    if (name.equals("--save")) {
      args.set(1, saved.toString());
    }
    args.addAll(ex.context());
    String[] line = Commands.line(spec, args);
    CliHarness.Run with = run(ex.defaultMethod(), line);
    assertEquals(0, with.code(), String.join(" ", line) + "\n" + with.err());
    if (name.equals("--save")) {
      assertEquals(without.out(), with.out(), "--save prints as before");
      assertTrue(Json.parse(Files.readString(saved)).size() > 0, "and writes the JSON");
    } else {
      assertNotEquals(
          without.out(), with.out(), String.join(" ", line) + " prints the same as without");
    }
  }

  private void isRejected(CommandSpec spec, String name, Example ex) {
    String[] line = Commands.line(spec, ex.args());
    CliHarness.Run run = run(ex.defaultMethod(), line);
    assertEquals(Main.USAGE, run.code(), String.join(" ", line) + "\n" + run.out() + run.err());
    assertFalse(run.out().contains("window"), run.out());
    String err = run.err().strip();
    assertTrue(err.startsWith("error: Unknown option"), err);
    assertTrue(err.contains("'" + name + "'"), err);
    assertTrue(err.endsWith("run 'scrilla help " + spec.name() + "' for the options"), err);
    assertEquals(1, err.lines().count(), err);
  }
}
