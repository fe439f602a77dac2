package io.scrilla.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Progress of long work: a bar on stderr when stderr is a terminal, nothing when it is not (a pipe
 * or a file, as in CI and in scripts).
 */
class ProgressTest {
  private static final String[] MANY = {
    "rp", "SPY", "GLD", "BTC", "ALGO", "DIS", "ALLY", "BX", "--start", "2021-06-01"
  };

  private static List<String> stderrLines(String err) {
    return err.lines().filter(l -> !l.startsWith("note: the prices")).toList();
  }

  @Test
  void notATerminal_inProcess_printsNoProgress() {
    CliHarness.Run run = CliHarness.runConfigured(Commands.config("moments"), MANY);
    assertEquals(0, run.code(), run.err());
    assertEquals(List.of(), stderrLines(run.err()));
  }

  @Test
  void notATerminal_realProcess_printsNoProgress(@TempDir Path dir) throws Exception {
    assertFalse(ProgressBars.stderrIsTerminal(), "the test's stderr is no terminal");
    List<String> cmd = new ArrayList<>();
    cmd.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    cmd.add("-cp");
    cmd.add(System.getProperty("java.class.path"));
    cmd.add(Main.class.getName());
    cmd.addAll(List.of(MANY));
    ProcessBuilder pb = new ProcessBuilder(cmd);
    pb.environment().put("CACHE_MODE", "memory");
    pb.redirectOutput(dir.resolve("out").toFile());
    pb.redirectError(dir.resolve("err").toFile());
    Process p = pb.start();
    assertTrue(p.waitFor(120, TimeUnit.SECONDS), "the command ends");
    String err = Files.readString(dir.resolve("err"));
    assertEquals(0, p.exitValue(), err);
    assertEquals(List.of(), stderrLines(err));
    assertTrue(Files.readString(dir.resolve("out")).contains("BX"));
  }

  @Test
  void terminal_showsABarPerTaskAndErasesIt() throws IOException {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    try (PrintStream err = new PrintStream(bytes, true, StandardCharsets.UTF_8);
        ProgressBars bars = new ProgressBars(err, () -> true, 60)) {
      CliHarness.Run run = CliHarness.runConfigured(Commands.config("moments"), bars, MANY);
      assertEquals(0, run.code(), run.err());
      assertEquals(List.of(), stderrLines(run.err()), "the bar is drawn on its own stream");
    }
    String drawn = bytes.toString(StandardCharsets.UTF_8);
    assertTrue(drawn.contains("risk-profile"), drawn);
    assertTrue(drawn.contains("7/7"), drawn);
    assertTrue(drawn.endsWith("\r"), "the bar is erased at the end: " + drawn);
  }

  @Test
  void terminal_singleStepsAreNotShown() {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    try (PrintStream err = new PrintStream(bytes, true, StandardCharsets.UTF_8);
        ProgressBars bars = new ProgressBars(err, () -> true, 60)) {
      bars.onProgress("csv yields.csv", 1, 1);
    }
    assertEquals("", bytes.toString(StandardCharsets.UTF_8));
  }
}
