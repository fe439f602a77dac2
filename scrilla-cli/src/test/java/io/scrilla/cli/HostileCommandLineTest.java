package io.scrilla.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.scrilla.api.config.ScrillaConfig;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every failure a user can cause on the command line ends with a non-zero exit code and exactly one
 * stderr line starting with {@code error: }, in the user's terms: no Java exception class name, no
 * stack trace (those only with {@code --debug}). Runs on the bundled sample data.
 */
class HostileCommandLineTest {
  private static final ScrillaConfig CONFIG = ScrillaConfig.builder().cacheMode("memory").build();
  private static final String W = "--start 2021-03-01 --end 2021-09-30";

  static Stream<String> hostile() {
    return Stream.of(
        // numbers that are not numbers, or not finite
        "optimize-portfolio SPY GLD " + W + " --invest abc",
        "optimize-portfolio SPY GLD " + W + " --invest 1e308",
        "optimize-portfolio SPY GLD " + W + " --invest -5",
        "optimize-portfolio SPY GLD " + W + " --invest 1e999999999",
        "optimize-portfolio SPY GLD " + W + " --target NaN",
        "optimize-portfolio SPY GLD " + W + " --target Infinity",
        "optimize-portfolio SPY GLD " + W + " --target 1e308",
        "optimize-portfolio SPY GLD " + W + " --target abc",
        "optimize-portfolio SPY GLD " + W + " --risk-free-rate abc",
        "var SPY " + W + " --prob NaN",
        "var SPY " + W + " --prob abc",
        "var SPY " + W + " --prob 1e-400",
        "var SPY " + W + " --expiry 1e308",
        "var SPY " + W + " --expiry 1e999",
        "var SPY " + W + " --expiry -Infinity",
        "cvar SPY " + W + " --expiry 1e308 --json",
        "cvar SPY " + W + " --prob 2",
        "risk-profile SPY " + W + " --risk-free-rate NaN",
        "risk-profile SPY " + W + " --risk-free-rate 1e308 --json",
        "risk-profile SPY " + W + " --risk-free-rate 1e308",
        "sharpe-ratio SPY " + W + " --risk-free-rate -1e308",
        "ddm SPY --discount-rate abc",
        "ddm SPY --discount-rate -1e308",
        "ddm SPY --discount-rate NaN",
        // frontier steps
        "efficient-frontier SPY GLD " + W + " --steps 2000000000",
        "efficient-frontier SPY GLD " + W + " --steps 99999999999",
        "efficient-frontier SPY GLD " + W + " --steps 1",
        "efficient-frontier SPY GLD " + W + " --steps -3",
        "efficient-frontier SPY GLD " + W + " --steps abc",
        // bounds
        "optimize-portfolio SPY GLD " + W + " --bounds -1e300,1e300",
        "optimize-portfolio SPY GLD " + W + " --bounds -1e5,1e5",
        "optimize-portfolio SPY GLD " + W + " --bounds NaN,1",
        "optimize-portfolio SPY GLD " + W + " --bounds abc",
        "optimize-portfolio SPY GLD " + W + " --bounds 1,0",
        "max-return SPY GLD " + W + " --bounds -1e300,1e300",
        "optimize-cvar SPY GLD " + W + " --bounds -1e300,1e300",
        "efficient-frontier SPY GLD " + W + " --bounds -1e300,1e300",
        // tickers, dates, methods
        "risk-profile ''",
        "risk-profile 'SP Y'",
        "risk-profile NOSUCHTICKER " + W,
        "risk-profile SPY --start 2021-13-01",
        "risk-profile SPY --start yesterday",
        "risk-profile SPY --start 2021-09-30 --end 2021-03-01",
        "risk-profile SPY --start 2030-01-01 --end 2030-06-01",
        "risk-profile SPY --start 2030-01-01",
        "risk-profile SPY --end 2099-01-01",
        "prices SPY --start 2030-01-01 --end 2030-06-01",
        "risk-profile SPY --method foo",
        "risk-profile SPY --method moments -percentiles",
        "correlation SPY GLD --start 2021-13-01",
        "optimize-portfolio SPY SPY " + W,
        "yield-curve --date 2021-02-30",
        "risk-profile SPY --foo",
        "risk-profile",
        "nosuchcommand SPY");
  }

  /** Splits a command line on spaces; {@code ''} is an empty argument, quotes keep spaces. */
  private static String[] args(String line) {
    List<String> out = new ArrayList<>();
    for (String part : line.split(" (?=(?:[^']*'[^']*')*[^']*$)")) {
      out.add(part.startsWith("'") ? part.substring(1, part.length() - 1) : part);
    }
    return out.toArray(String[]::new);
  }

  @ParameterizedTest
  @MethodSource("hostile")
  void run_hostileCommandLine_failsWithOneErrorLineInTheUsersTerms(String line) {
    var run = CliHarness.runConfigured(CONFIG, args(line));
    assertNotEquals(0, run.code(), line + "\n" + run.out() + run.err());
    List<String> errors =
        Arrays.stream(run.err().split("\\R")).filter(l -> l.startsWith("error: ")).toList();
    assertEquals(1, errors.size(), line + "\n" + run.err());
    for (String l : run.err().split("\\R")) {
      assertTrue(
          l.isEmpty()
              || l.startsWith("error: ")
              || l.startsWith("note: ")
              || l.startsWith("warning: "),
          "unexpected stderr line for " + line + ": " + l);
    }
    assertFalse(run.err().matches("(?s).*\\b(java|javax|org|com)\\.[a-z].*"), run.err());
    assertFalse(run.err().contains("Exception"), run.err());
    assertFalse(run.err().contains("\tat "), run.err());
  }

  @ParameterizedTest
  @MethodSource("hostile")
  void run_hostileCommandLineWithDebug_stillOneErrorLine(String line) {
    String[] a = args(line + " --debug");
    var run = CliHarness.runConfigured(CONFIG, a);
    assertNotEquals(0, run.code(), line);
    assertTrue(run.err().lines().anyMatch(l -> l.startsWith("error: ")), run.err());
  }
}
