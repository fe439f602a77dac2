package io.scrilla.services.csv;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The bundled sample data equals, byte for byte, a fresh conversion of the recorded responses, so
 * it can never drift from the fixtures.
 *
 * <p>With {@code -Dscrilla.sample.regenerate=true} the test first rewrites the bundled folder from
 * the fixtures (see {@link SampleDataConverter}), then checks as usual.
 */
class SampleDataConverterTest {
  private static final String REGENERATE = "scrilla.sample.regenerate";

  @Test
  void convert_fixtures_equalBundledFilesByteForByte(@TempDir Path tmp) throws IOException {
    if (Boolean.getBoolean(REGENERATE)) {
      try (Stream<Path> old = Files.list(SampleDataConverter.SAMPLE)) {
        for (Path p : old.toList()) {
          Files.delete(p);
        }
      }
      new SampleDataConverter().convert(SampleDataConverter.FIXTURES, SampleDataConverter.SAMPLE);
    }
    List<Path> written = new SampleDataConverter().convert(SampleDataConverter.FIXTURES, tmp);

    assertEquals(
        names(tmp),
        names(SampleDataConverter.SAMPLE),
        "the bundled folder holds other files than the conversion writes; regenerate it with "
            + "-D"
            + REGENERATE
            + "=true");
    for (Path fresh : written) {
      Path bundled = SampleDataConverter.SAMPLE.resolve(fresh.getFileName().toString());
      assertArrayEquals(
          Files.readAllBytes(fresh),
          Files.readAllBytes(bundled),
          bundled
              + " differs from a fresh conversion; regenerate it with -D"
              + REGENERATE
              + "=true");
    }
  }

  @Test
  void convert_fixtures_writesEveryTickerAndTheYields(@TempDir Path tmp) throws IOException {
    new SampleDataConverter().convert(SampleDataConverter.FIXTURES, tmp);

    assertEquals(
        List.of(
            "ALGO.csv",
            "ALLY.csv",
            "ALLY.dividends.csv",
            "BTC.csv",
            "BX.csv",
            "BX.dividends.csv",
            "DIS.csv",
            "DIS.dividends.csv",
            "GLD.csv",
            "SPY.csv",
            "tickers.txt",
            "yields.csv"),
        names(tmp));
    assertEquals(
        List.of("ALGO", "ALLY", "BTC", "BX", "DIS", "GLD", "SPY"),
        Files.readAllLines(tmp.resolve("tickers.txt")));
  }

  private static List<String> names(Path dir) throws IOException {
    try (Stream<Path> files = Files.list(dir)) {
      return files.map(p -> p.getFileName().toString()).sorted().toList();
    }
  }
}
