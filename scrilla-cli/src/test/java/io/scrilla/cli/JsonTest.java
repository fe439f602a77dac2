package io.scrilla.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.doubles;

import org.junit.jupiter.api.Test;

class JsonTest {
  @Test
  void shortest_commonValues_printAsExpected() {
    assertEquals("0.1", Json.shortest(0.1).toPlainString());
    assertEquals("0.30000000000000004", Json.shortest(0.1 + 0.2).toPlainString());
    assertEquals("100", Json.shortest(100.0).toPlainString());
    assertEquals("-0.0025", Json.shortest(-0.0025).toPlainString());
    assertEquals("0", Json.shortest(0.0).toPlainString());
  }

  /**
   * Half the examples are of the size the statistics have, half are any finite double drawn
   * uniformly over its bit patterns (every exponent, subnormals).
   */
  @Test
  void shortest_anyFiniteDouble_readsBackToTheSameDouble() {
    qt().withExamples(2000)
        .forAll(doubles().between(-1e3, 1e3).mix(doubles().any()))
        .assuming(Double::isFinite)
        .checkAssert(
            d -> {
              assertEquals(d, Double.parseDouble(Json.shortest(d).toString()));
              assertEquals(d, Double.parseDouble(Json.write(Json.number(d))));
            });
  }
}
