package io.scrilla.examples;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.scrilla.plot.ChartWriter;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * Runs every code cell of {@code examples/notebooks/scrilla.ipynb} in order through jshell, the
 * engine of the IJava and JJava kernels, with the project's jars on the class path: the {@code
 * %maven} lines must name the project's artifacts at its version (and are then skipped, those jars
 * being on the class path already), a cell that does not compile or throws fails, and the plot cell
 * must display an image, as IJava's {@code display(BufferedImage)} shows it inline.
 */
class NotebookTest {
  private static final Path NOTEBOOK = JShellSession.repository("examples/notebooks/scrilla.ipynb");

  /** A magic line shown in a comment, for a local build. */
  private static final Pattern COMMENTED_MAGIC = Pattern.compile("^\\s*//\\s*(%\\w+.*)$");

  @Test
  void notebook_everyCodeCell_runsInOrderAndThePlotIsDisplayed() throws IOException {
    JsonNode notebook = new ObjectMapper().readTree(NOTEBOOK.toFile());
    assertEquals(4, notebook.get("nbformat").asInt());
    assertEquals("java", notebook.at("/metadata/kernelspec/language").asText());

    Magics magics = new Magics(JShellSession.classPath());
    Magics commented = new Magics(JShellSession.classPath());
    List<String> plotted = new ArrayList<>();
    int cells = 0;
    try (JShellSession shell = new JShellSession(magics, System.out)) {
      int index = 0;
      for (JsonNode cell : notebook.get("cells")) {
        index++;
        if (!cell.get("cell_type").asText().equals("code")) {
          continue;
        }
        String name = "scrilla.ipynb cell " + index;
        String code = source(cell);
        // the local-build alternative in comments must name this build's jars too
        code.lines()
            .map(COMMENTED_MAGIC::matcher)
            .filter(m -> m.matches())
            .forEach(m -> commented.resolve(name + " (comment)", m.group(1)));
        int before = Displayed.objects().size();
        shell.run(name, code);
        cells++;
        List<Object> displayed = Displayed.objects();
        if (code.contains("display(")) {
          assertTrue(displayed.size() > before, name + " displays something");
          for (Object o : displayed.subList(before, displayed.size())) {
            BufferedImage image = assertInstanceOf(BufferedImage.class, o, name);
            assertEquals(ChartWriter.DEFAULT_WIDTH, image.getWidth(), name);
            assertEquals(ChartWriter.DEFAULT_HEIGHT, image.getHeight(), name);
            plotted.add(name);
          }
        } else {
          assertEquals(before, displayed.size(), name + " displays nothing unexpected");
        }
      }
    }
    assertTrue(cells >= 8, "the notebook's code cells: " + cells);
    assertFalse(plotted.isEmpty(), "a cell displays the plot");
    assertEquals(
        List.of("scrilla-core", "scrilla-services", "scrilla-cache-sqlite", "scrilla-plot"),
        magics.artifacts(),
        "the notebook loads the facade, the sources, a cache and the plots");
    assertFalse(commented.artifacts().isEmpty(), "the notebook shows %jars for a local build");
  }

  /** Jupyter stores a cell's source as one string or as a list of lines. */
  private static String source(JsonNode cell) {
    JsonNode s = cell.get("source");
    if (s.isTextual()) {
      return s.asText();
    }
    StringBuilder text = new StringBuilder();
    s.forEach(line -> text.append(line.asText()));
    return text.toString();
  }
}
