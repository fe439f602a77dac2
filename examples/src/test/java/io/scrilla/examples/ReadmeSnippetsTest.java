package io.scrilla.examples;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The README's Java snippets, extracted from README.md and run in order in one jshell session (the
 * engine of the notebook kernels) with the project's jars on the class path, so that the README
 * cannot drift from the library: a snippet that does not compile or throws fails.
 *
 * <p>A {@code ```java} block is run unless the line just before it is the marker {@value #NOT_RUN};
 * such blocks are counted and printed, and kept to a minimum. The snippets' {@code
 * Scrilla.create()} reads the configuration Maven sets as system properties for this module's
 * tests: the bundled sample data and a cache in memory.
 */
class ReadmeSnippetsTest {
  /** The marker, on the line before a fence, of a block this test does not run. */
  static final String NOT_RUN = "<!-- readme-test: not run -->";

  /** A block of the README: where it starts, whether it runs, and its code. */
  record Block(int line, boolean run, String code) {}

  /** Returns the README's {@code ```java} blocks in order. */
  static List<Block> javaBlocks(List<String> lines) {
    List<Block> blocks = new ArrayList<>();
    for (int i = 0; i < lines.size(); i++) {
      String line = lines.get(i);
      if (line.strip().equals(NOT_RUN)
          && (i + 1 >= lines.size() || !lines.get(i + 1).strip().startsWith("```java"))) {
        fail("README.md:" + (i + 1) + ": the marker " + NOT_RUN + " is not before a java block");
      }
      if (!line.strip().equals("```java")) {
        continue;
      }
      int start = i + 1;
      StringBuilder code = new StringBuilder();
      i++;
      while (i < lines.size() && !lines.get(i).strip().equals("```")) {
        code.append(lines.get(i)).append('\n');
        i++;
      }
      if (i == lines.size()) {
        fail("README.md:" + start + ": java block without a closing fence");
      }
      boolean marked = start >= 2 && lines.get(start - 2).strip().equals(NOT_RUN);
      blocks.add(new Block(start, !marked, code.toString()));
    }
    return blocks;
  }

  @Test
  void readme_javaSnippets_runInOrderInJshell() throws IOException {
    List<String> readme =
        Files.readAllLines(JShellSession.repository("README.md"), StandardCharsets.UTF_8);
    List<Block> blocks = javaBlocks(readme);
    assertFalse(blocks.isEmpty(), "README.md has java blocks");
    PrintStream out = System.out;
    Magics magics = new Magics(JShellSession.classPath());
    int run = 0;
    try (JShellSession shell = new JShellSession(magics, out)) {
      for (Block b : blocks) {
        if (b.run()) {
          assertTrue(shell.run("README.md:" + b.line(), b.code()) > 0, "README.md:" + b.line());
          run++;
        }
      }
      // what the README says about the values it computes
      assertEquals("3", shell.value("m.size()"));
      assertEquals("true", shell.value("all.values().stream().allMatch(Result::isSuccess)"));
      assertEquals("true", shell.value("Math.abs(tangency.annualReturn() - 0.12) < 1e-12"));
      assertEquals("true", shell.value("minVar.annualVolatility() <= tangency.annualVolatility()"));
      assertEquals("5", shell.value("frontier.size()"));
      assertEquals(
          "true", shell.value("shares.invested().compareTo(new BigDecimal(\"10000\")) <= 0"));
      assertEquals("true", shell.value("Math.abs(s.weights()[0] + s.weights()[1] - 1) < 1e-12"));
    }
    int notRun = blocks.size() - run;
    out.println("README.md: " + run + " java blocks run, " + notRun + " marked " + NOT_RUN);
  }

  @Test
  void javaBlocks_honoursTheMarkerAndCountsIt() {
    List<String> text =
        List.of(
            "intro", "```java", "int a = 1;", "```", NOT_RUN, "```java", "int b = 2;", "```", "x");
    List<Block> blocks = javaBlocks(text);
    assertEquals(
        List.of(new Block(2, true, "int a = 1;\n"), new Block(6, false, "int b = 2;\n")), blocks);
  }
}
