package io.scrilla.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import com.fasterxml.jackson.databind.JsonNode;
import io.scrilla.api.config.ScrillaConfig;
import io.scrilla.commands.Json;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every number the command printed on the bundled sample data before the API 1.0 redesign, kept as
 * golden files ({@code src/test/resources/golden}): each case runs one command line with {@code
 * --json} and checks that every field of its golden file is present with the same value.
 *
 * <p>Fields added later (for example a {@code meta} object) are allowed: readers of the JSON ignore
 * keys they do not know. Numbers compare exactly, except the cases marked with a relative tolerance
 * in {@code cases.txt}: correlation matrices computed as a blocked product change the order of
 * summation, which moves results by at most 1e-14 relative.
 *
 * <p>The golden files were written by the command itself before the redesign; they are not to be
 * regenerated to make a change pass. They may gain keys (issue 13 added each result's {@code
 * "meta"}, now checked too) but never change a value: {@code python3
 * scrilla-cli/src/test/scripts/golden_added_keys_only.py OLD_REVISION} proves that a change of the
 * golden files only added keys (every old number with the same decimal text).
 */
class GoldenJsonTest {

  /** One command line and the tolerance its numbers are compared with. */
  record Case(String name, double relativeTolerance, String[] args) {
    @Override
    public String toString() {
      return name;
    }
  }

  static Stream<Arguments> cases() {
    List<Arguments> cases = new ArrayList<>();
    for (String line : resource("cases.txt").lines().toList()) {
      if (line.isBlank() || line.startsWith("#")) {
        continue;
      }
      String[] f = line.split("\\|", 3);
      double tolerance = f[1].equals("exact") ? 0 : Double.parseDouble(f[1]);
      cases.add(Arguments.of(new Case(f[0], tolerance, f[2].trim().split(" +"))));
    }
    return cases.stream();
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("cases")
  void command_bundledSampleData_printsTheGoldenNumbers(Case c) {
    ScrillaConfig config = ScrillaConfig.builder().cacheMode("memory").build();
    String[] args = Stream.concat(Stream.of(c.args()), Stream.of("--json")).toArray(String[]::new);
    CliHarness.Run run = CliHarness.runConfigured(config, args);
    assertEquals(0, run.code(), c.name() + ": " + run.err());
    JsonNode expected = Json.parse(resource(c.name() + ".json"));
    JsonNode actual = Json.parse(run.out());
    compare(c.name(), expected, actual, c.relativeTolerance());
  }

  private static void compare(String path, JsonNode expected, JsonNode actual, double tolerance) {
    assertNotNull(actual, path + " is missing");
    if (expected.isNumber()) {
      assertTrue(actual.isNumber(), path + ": expected a number, got " + actual);
      double e = expected.doubleValue();
      double a = actual.doubleValue();
      if (tolerance == 0) {
        assertEquals(e, a, 0.0, path);
      } else {
        assertEquals(e, a, tolerance * Math.max(1e-2, Math.abs(e)), path);
      }
    } else if (expected.isObject()) {
      assertTrue(actual.isObject(), path + ": expected an object, got " + actual);
      Iterator<Map.Entry<String, JsonNode>> fields = expected.fields();
      while (fields.hasNext()) {
        Map.Entry<String, JsonNode> field = fields.next();
        compare(
            path + "." + field.getKey(), field.getValue(), actual.get(field.getKey()), tolerance);
      }
    } else if (expected.isArray()) {
      assertTrue(actual.isArray(), path + ": expected an array, got " + actual);
      assertEquals(expected.size(), actual.size(), path + ": array length");
      for (int i = 0; i < expected.size(); i++) {
        compare(path + "[" + i + "]", expected.get(i), actual.get(i), tolerance);
      }
    } else if (!expected.equals(actual)) {
      fail(path + ": expected " + expected + ", got " + actual);
    }
  }

  private static String resource(String name) {
    try (InputStream in = GoldenJsonTest.class.getResourceAsStream("/golden/" + name)) {
      assertNotNull(in, "no golden resource " + name);
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
