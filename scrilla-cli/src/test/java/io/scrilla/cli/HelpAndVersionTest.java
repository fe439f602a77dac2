package io.scrilla.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.scrilla.api.config.ScrillaConfig;
import io.scrilla.commands.VersionProvider;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import picocli.CommandLine.Model.CommandSpec;

/**
 * {@code --help}, {@code -h}, {@code --version}, {@code help COMMAND} and unknown commands behave
 * as picocli users expect, on {@code scrilla} and on every command.
 */
class HelpAndVersionTest {
  private static final ScrillaConfig CONFIG = Commands.config("moments");

  private static CliHarness.Run run(String... args) {
    return CliHarness.runConfigured(CONFIG, args);
  }

  @ParameterizedTest
  @ValueSource(strings = {"--help", "-h", "help", "h"})
  void scrilla_help_printsTheCommandsAndTheGlobalOptions(String arg) {
    CliHarness.Run run = run(arg);
    assertEquals(0, run.code(), run.err());
    assertTrue(run.out().startsWith("Usage: scrilla"), run.out());
    for (CommandSpec spec : Commands.all()) {
      assertTrue(run.out().contains("  " + spec.name()), spec.name() + " in\n" + run.out());
    }
    assertTrue(run.out().contains("--debug"), run.out());
    assertTrue(run.out().contains("--version"), run.out());
    assertEquals("", run.err());
  }

  @Test
  void scrilla_withoutCommand_printsTheUsageAndFails() {
    CliHarness.Run run = run();
    assertEquals(Main.USAGE, run.code());
    assertTrue(run.out().startsWith("Usage: scrilla"), run.out());
  }

  @ParameterizedTest
  @ValueSource(strings = {"--version", "-V", "version"})
  void scrilla_version_printsTheVersion(String arg) {
    CliHarness.Run run = run(arg);
    assertEquals(0, run.code(), run.err());
    // the Implementation-Version of the jar's manifest, or "development build" for classes
    assertEquals("scrilla " + VersionProvider.version(), run.out().strip());
    assertFalse(VersionProvider.version().isBlank());
  }

  @Test
  void everyCommand_help_printsItsUsageWithItsOptions() {
    for (CommandSpec spec : Commands.all()) {
      for (List<String> args :
          List.of(
              List.of(spec.name(), "--help"),
              List.of(spec.name(), "-h"),
              List.of("help", spec.name()),
              List.of("h", spec.name()))) {
        CliHarness.Run run = run(args.toArray(String[]::new));
        String what = String.join(" ", args);
        assertEquals(0, run.code(), what + ": " + run.err());
        assertTrue(run.out().contains("Usage: scrilla " + spec.name()), what + run.out());
        assertTrue(run.out().contains("--debug"), what + ": --debug is inherited\n" + run.out());
        for (var o : Commands.ownOptions(spec)) {
          assertTrue(run.out().contains(o.longestName()), what + " lists " + o.longestName());
        }
        assertEquals("", run.err(), what);
      }
    }
  }

  @Test
  void unknownCommand_saysSoAndSuggests() {
    CliHarness.Run run = run("risk-profil", "SPY");
    assertEquals(Main.USAGE, run.code());
    String err = run.err().strip();
    assertTrue(err.startsWith("error: unknown command 'risk-profil'; did you mean "), err);
    assertTrue(err.contains("risk-profile") && err.endsWith("?"), err);
    assertEquals(1, err.lines().count(), err);
    assertEquals("", run.out());
  }

  @Test
  void unknownCommand_withoutSuggestion_namesTheCommand() {
    CliHarness.Run run = run("foo");
    assertEquals(Main.USAGE, run.code());
    assertTrue(run.err().startsWith("error: unknown command 'foo'; "), run.err());
    assertEquals(1, run.err().strip().lines().count(), run.err());
  }

  @Test
  void unknownOption_namesTheOptionAndWhereToReadTheCommandsOptions() {
    CliHarness.Run run = run("rp", "SPY", "--bogus");
    assertEquals(Main.USAGE, run.code());
    assertEquals(
        "error: Unknown option: '--bogus'; run 'scrilla help risk-profile' for the options",
        run.err().strip());
  }

  @Test
  void debug_beforeOrAfterTheCommand_isAccepted() {
    CliHarness.Run after = run("rf", "--date", "2021-06-30", "--json", "--debug");
    CliHarness.Run before = run("--debug", "rf", "--date", "2021-06-30", "--json");
    assertEquals(0, after.code(), after.err());
    assertEquals(0, before.code(), before.err());
    assertEquals(after.out(), before.out());
  }

  @Test
  void debug_showsTheStackTraceOfAFailure() {
    CliHarness.Run plain = run("rp", "SPY", "--start", "2021-13-01");
    CliHarness.Run debug = run("rp", "SPY", "--start", "2021-13-01", "--debug");
    assertEquals(Main.FAILURE, plain.code());
    assertTrue(plain.err().strip().endsWith("use YYYY-MM-DD, e.g. 2021-11-19"), plain.err());
    assertTrue(!plain.err().contains("\tat "), plain.err());
    assertTrue(debug.err().contains("\tat io.scrilla."), debug.err());
  }
}
