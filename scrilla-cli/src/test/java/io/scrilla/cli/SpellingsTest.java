package io.scrilla.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.DynamicTest.dynamicTest;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.OptionSpec;

/**
 * scrilla's own names all work: every option in its four spellings ({@code -long}, {@code --long},
 * {@code -short}, {@code --short}) and every command by its short name, as the CLI contract lists
 * them ("scrilla's names, all accepted"). Each spelling is run and prints what the first one does.
 */
class SpellingsTest {

  /** Each option's spellings; the first is the one {@link EveryOptionTest#EXAMPLES} tries. */
  static final List<List<String>> OPTIONS =
      List.of(
          List.of("--start", "-start", "--start-date", "-start-date"),
          List.of("--end", "-end", "--end-date", "-end-date"),
          List.of("--target", "-target", "--target-return", "-target-return"),
          List.of("--discount-rate", "-discount-rate", "--discount", "-discount"),
          List.of("--invest", "-invest", "--investment", "-investment"),
          List.of("--expiry", "-expiry", "--exp", "-exp"),
          List.of("--prob", "-prob", "--probability", "-probability"),
          List.of("--steps", "-steps", "--frontier-steps", "-frontier-steps"),
          List.of("--save", "-save", "--save-file", "-save-file"),
          List.of("--sharpe", "-sharpe", "--sh", "-sh"),
          List.of("--json", "-json", "--js", "-js"),
          List.of("--quiet", "-quiet", "--q", "-q"),
          List.of("--moments", "-moments", "--mom", "-mom"),
          List.of("--percentiles", "-percentiles", "--per", "-per"),
          List.of("--likelihood", "-likelihood", "--like", "-like"),
          List.of("--key", "-key", "--k", "-k"),
          List.of("--value", "-value", "--v", "-v"),
          List.of("--criteria", "-criteria", "--crit", "-crit"));

  /** Each command's name and its short names. */
  static final List<List<String>> COMMANDS =
      List.of(
          List.of("asset", "a"),
          List.of("close", "cl"),
          List.of("correlations", "cors"),
          List.of("interest", "int"),
          List.of("watchlist", "w-ls"),
          List.of("purge", "pu"),
          List.of("screen", "scr"),
          List.of("store", "st"),
          List.of("watch", "w"),
          List.of("plot-correlations", "plot-cors"),
          List.of("plot-dividends", "plot-divs"),
          List.of("plot-efficient-frontier", "plot-ef"),
          List.of("plot-moving-averages", "plot-mas"),
          List.of("plot-return-qq", "plot-qq", "plot-rets"),
          List.of("plot-return-distribution", "plot-dist"),
          List.of("plot-risk-profile", "plot-rp"),
          List.of("plot-yield-curve", "plot-yc", "plot-yield"),
          List.of("cvar", "cv"),
          List.of("var", "v"),
          List.of("capm-equity", "capm-e"),
          List.of("capm-beta", "capm-b"),
          List.of("clear-cache", "cc"),
          List.of("correlation", "cor"),
          List.of("discount-dividend-model", "ddm"),
          List.of("dividends", "divs"),
          List.of("efficient-frontier", "ef"),
          List.of("help", "h"),
          List.of("max-return", "max"),
          List.of("mov-averages", "mas"),
          List.of("optimize-portfolio", "opt"),
          List.of("optimize-cvar", "opt-cvar"),
          List.of("prices", "pr"),
          List.of("risk-free", "rf"),
          List.of("risk-profile", "rp"),
          List.of("sharpe-ratio", "sr"),
          List.of("yield-curve", "yc"));

  @TempDir Path dir;

  private static Optional<CommandSpec> firstWith(String option) {
    return Commands.all().stream().filter(s -> s.optionsMap().containsKey(option)).findFirst();
  }

  @TestFactory
  List<DynamicTest> everySpelling_isTheSameOptionInEveryCommandThatHasIt() {
    List<DynamicTest> tests = new ArrayList<>();
    for (List<String> names : OPTIONS) {
      tests.add(
          dynamicTest(
              String.join(" ", names),
              () -> {
                assertTrue(firstWith(names.get(0)).isPresent(), "no command takes " + names);
                for (CommandSpec spec : Commands.all()) {
                  OptionSpec o = spec.optionsMap().get(names.get(0));
                  for (String n : names) {
                    if (o == null) {
                      assertFalse(spec.optionsMap().containsKey(n), spec.name() + " " + n);
                    } else {
                      assertSame(o, spec.optionsMap().get(n), spec.name() + " " + n);
                    }
                  }
                }
              }));
    }
    return tests;
  }

  @TestFactory
  List<DynamicTest> everySpelling_printsWhatTheFirstPrints() {
    List<DynamicTest> tests = new ArrayList<>();
    for (List<String> names : OPTIONS) {
      for (String n : names.subList(1, names.size())) {
        tests.add(dynamicTest(n, () -> sameAsFirst(names.get(0), n)));
      }
    }
    return tests;
  }

  private void sameAsFirst(String first, String spelling) throws IOException {
    CommandSpec spec = firstWith(first).orElseThrow();
    EveryOptionTest.Example ex = EveryOptionTest.EXAMPLES.get(first);
    List<String> a = new ArrayList<>(ex.args());
    List<String> b = new ArrayList<>(ex.args());
    b.set(0, spelling);
    a.addAll(ex.context());
    b.addAll(ex.context());
    if (first.equals("--save")) {
      a.set(1, dir.resolve("a.json").toString());
      b.set(1, dir.resolve("b.json").toString());
    }
    CliHarness.Run ra = Commands.run(ex.defaultMethod(), Commands.line(spec, a));
    CliHarness.Run rb = Commands.run(ex.defaultMethod(), Commands.line(spec, b));
    assertEquals(0, ra.code(), ra.err());
    assertEquals(0, rb.code(), spelling + ": " + rb.err());
    assertEquals(ra.out(), rb.out(), spelling);
    if (first.equals("--save")) {
      assertEquals(
          Files.readString(dir.resolve("a.json")), Files.readString(dir.resolve("b.json")));
    }
  }

  @TestFactory
  List<DynamicTest> everyShortCommandName_runsTheCommand() {
    List<DynamicTest> tests = new ArrayList<>();
    for (List<String> names : COMMANDS) {
      for (String shortName : names.subList(1, names.size())) {
        tests.add(
            dynamicTest(
                shortName + " is " + names.get(0),
                () -> {
                  CommandSpec spec =
                      Commands.all().stream()
                          .filter(s -> s.name().equals(names.get(0)))
                          .findFirst()
                          .orElseThrow(() -> new AssertionError("no command " + names.get(0)));
                  assertTrue(
                      List.of(spec.aliases()).contains(shortName),
                      names.get(0) + " is also " + List.of(spec.aliases()));
                  List<String> base = Commands.base(spec);
                  List<String> longLine = new ArrayList<>(List.of(names.get(0)));
                  List<String> shortLine = new ArrayList<>(List.of(shortName));
                  longLine.addAll(base);
                  shortLine.addAll(base);
                  CliHarness.Run l = Commands.run("moments", longLine.toArray(String[]::new));
                  CliHarness.Run s = Commands.run("moments", shortLine.toArray(String[]::new));
                  assertEquals(0, s.code(), shortName + ": " + s.err());
                  assertEquals(l.out(), s.out(), shortName);
                }));
      }
    }
    return tests;
  }
}
