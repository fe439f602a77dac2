package io.scrilla.examples;

import static org.junit.jupiter.api.Assertions.fail;

import java.io.File;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;
import jdk.jshell.DeclarationSnippet;
import jdk.jshell.Diag;
import jdk.jshell.EvalException;
import jdk.jshell.JShell;
import jdk.jshell.Snippet;
import jdk.jshell.SnippetEvent;
import jdk.jshell.SourceCodeAnalysis;
import jdk.jshell.SourceCodeAnalysis.Completeness;

/**
 * Java code run the way the IJava and JJava kernels run a notebook's cells: through {@code
 * jdk.jshell}, one snippet after another in one session, with the project's jars (this test's class
 * path) on the class path. Lines that are kernel magics ({@code %maven}, {@code %jars}) are checked
 * by {@link Magics} to name the project's artifacts and then skipped, since those jars are already
 * on the class path. {@code display(Object)}, which the kernels provide, is a stub that records
 * what was displayed.
 *
 * <p>A snippet that does not compile (any error diagnostic, or a reference left unresolved) or
 * throws fails the test with the cell's name, the snippet and the diagnostics.
 */
final class JShellSession implements AutoCloseable {
  private final JShell shell;
  private final Magics magics;

  JShellSession(Magics magics, PrintStream out) {
    this.magics = magics;
    // in this JVM, as the kernels run cells in theirs; the test's class path is the project's jars
    this.shell = JShell.builder().executionEngine("local").out(out).err(out).build();
    for (String entry : classPath()) {
      shell.addToClasspath(entry);
    }
    // a fully qualified name, so that the cells get no import they did not write
    Displayed.clear();
    run(
        "display stub",
        "String display(Object o) { return " + Displayed.class.getName() + ".record(o); }");
  }

  /** Returns the entries of this JVM's class path (under Maven: the module's test class path). */
  static List<String> classPath() {
    return List.of(System.getProperty("java.class.path").split(File.pathSeparator));
  }

  /**
   * Runs a cell: its magic lines are checked and dropped, the rest is evaluated snippet by snippet.
   *
   * @param name how failures name the cell
   * @param code the cell's source
   * @return how many snippets ran
   */
  int run(String name, String code) {
    String java = magics.resolve(name, code);
    SourceCodeAnalysis analysis = shell.sourceCodeAnalysis();
    int count = 0;
    String remaining = java;
    while (!remaining.isBlank()) {
      SourceCodeAnalysis.CompletionInfo info = analysis.analyzeCompletion(remaining);
      if (info.completeness() == Completeness.EMPTY) {
        break;
      }
      if (!info.completeness().isComplete()) {
        fail(name + ": incomplete Java (" + info.completeness() + "):\n" + remaining);
      }
      eval(name, info.source());
      count++;
      remaining = info.remaining();
    }
    return count;
  }

  /** Evaluates an expression in the session and returns its value as jshell prints it. */
  String value(String expression) {
    List<SnippetEvent> events = eval("check", expression);
    return events.get(events.size() - 1).value();
  }

  private List<SnippetEvent> eval(String name, String source) {
    List<SnippetEvent> events = shell.eval(source);
    List<String> problems = new ArrayList<>();
    for (SnippetEvent e : events) {
      Snippet s = e.snippet();
      List<String> errors =
          shell
              .diagnostics(s)
              .filter(Diag::isError)
              .map(d -> d.getMessage(Locale.ROOT))
              .collect(Collectors.toList());
      if (!errors.isEmpty() || e.status() == Snippet.Status.REJECTED) {
        problems.add("does not compile: " + errors);
      }
      if (e.status() == Snippet.Status.RECOVERABLE_DEFINED
          || e.status() == Snippet.Status.RECOVERABLE_NOT_DEFINED) {
        problems.add("unresolved references: " + unresolved(s));
      }
      if (e.exception() != null) {
        problems.add("throws " + describe(e.exception()));
      }
    }
    if (!problems.isEmpty()) {
      fail(name + ": " + String.join("; ", problems) + "\n--- snippet:\n" + source);
    }
    return events;
  }

  private String unresolved(Snippet s) {
    return s instanceof DeclarationSnippet d
        ? shell.unresolvedDependencies(d).collect(Collectors.joining(", "))
        : "?";
  }

  private static String describe(Throwable t) {
    String type =
        t instanceof EvalException ee ? ee.getExceptionClassName() : t.getClass().getName();
    return type + ": " + t.getMessage();
  }

  /** Returns a path of the repository (the parent of this module). */
  static Path repository(String relative) {
    return Path.of(System.getProperty("scrilla.root", "..")).resolve(relative).normalize();
  }

  @Override
  public void close() {
    shell.close();
  }
}
