package io.scrilla.examples;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The IJava/JJava line magics that load the library, resolved to this test's class path: {@code
 * %maven io.scrilla:ARTIFACT:VERSION} and {@code %jars PATH} must name the project's own artifacts
 * at the project's version (the system property {@code scrilla.version}, set by Maven), and each
 * artifact a {@code %maven} line names must be on the class path; then the line is dropped. Any
 * other magic fails, as it would load something this test cannot check.
 */
final class Magics {
  private static final Pattern MAGIC = Pattern.compile("^\\s*%(%?)(\\w+)\\s*(.*)$");
  private static final Pattern ARTIFACT = Pattern.compile("scrilla-[a-z0-9-]+");

  private final String version;
  private final List<String> classPath;
  private final List<String> artifacts = new ArrayList<>();

  Magics(List<String> classPath) {
    this.version = System.getProperty("scrilla.version");
    assertTrue(version != null && !version.isBlank(), "system property scrilla.version (Maven)");
    this.classPath = classPath.stream().map(e -> e.replace('\\', '/')).toList();
  }

  /** Returns the artifacts the magics named so far, e.g. {@code scrilla-core}, in order. */
  List<String> artifacts() {
    return List.copyOf(artifacts);
  }

  /**
   * Returns the code with its magic lines checked and blanked (so that line numbers stay).
   *
   * @param name the cell's name, for failures
   * @param code the cell's source
   */
  String resolve(String name, String code) {
    StringBuilder java = new StringBuilder();
    for (String line : code.split("\n", -1)) {
      Matcher m = MAGIC.matcher(line);
      if (m.matches()) {
        String magic = m.group(1) + m.group(2);
        List<String> args = List.of(m.group(3).trim().split("\\s+"));
        switch (magic) {
          case "maven" -> args.forEach(a -> maven(name, a));
          case "jars" -> args.forEach(a -> jar(name, a));
          default -> fail(name + ": magic %" + magic + " is not one this test can resolve");
        }
        line = "";
      }
      java.append(line).append('\n');
    }
    return java.toString();
  }

  private void maven(String name, String coordinates) {
    String[] parts = coordinates.split(":");
    assertEquals(3, parts.length, () -> name + ": group:artifact:version, got " + coordinates);
    assertEquals("io.scrilla", parts[0], () -> name + ": not the project's group: " + coordinates);
    assertTrue(
        ARTIFACT.matcher(parts[1]).matches(),
        () -> name + ": not a project artifact: " + coordinates);
    assertEquals(version, parts[2], () -> name + ": not the project's version: " + coordinates);
    assertTrue(
        classPath.stream()
            .anyMatch(
                e ->
                    e.contains("/" + parts[1] + "/target/")
                        || e.endsWith("/" + parts[1] + "-" + version + ".jar")),
        () -> name + ": " + parts[1] + " is not on the test class path " + classPath);
    artifacts.add(parts[1]);
  }

  private void jar(String name, String path) {
    Path p = Path.of(path).normalize();
    int n = p.getNameCount();
    assertTrue(n >= 3, () -> name + ": a jar under MODULE/target/, got " + path);
    String module = p.getName(n - 3).toString();
    String file = p.getFileName().toString();
    boolean cli = module.equals("scrilla-cli") && file.equals("scrilla.jar");
    assertTrue(
        ARTIFACT.matcher(module).matches()
            && p.getName(n - 2).toString().equals("target")
            && (cli || file.equals(module + "-" + version + ".jar")),
        () -> name + ": not a jar of this build at its version (" + version + "): " + path);
    artifacts.add(module);
  }
}
