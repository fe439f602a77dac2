package io.scrilla.commands;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.doubles;

import java.math.BigDecimal;
import java.math.MathContext;
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

  /**
   * The digit arithmetic gives the same decimal as rounding the exact value to 1, 2, ... 17 digits
   * with {@link BigDecimal#round} and keeping the first that reads back (the definition).
   */
  @Test
  void shortest_anyFiniteDouble_equalsTheRoundingLoop() {
    qt().withExamples(5000)
        .forAll(doubles().between(-1, 1).mix(doubles().any()))
        .assuming(Double::isFinite)
        .checkAssert(d -> assertEquals(byRoundingLoop(d), Json.shortest(d)));
    for (double d :
        new double[] {
          1,
          -1,
          0.5,
          9.5,
          9.95,
          0.995,
          1e23,
          5e-324,
          Double.MAX_VALUE,
          Double.MIN_NORMAL,
          2.0000000000000004,
          0.1 + 0.2,
          123456789012345678.0,
          -0.9999999999999999,
          0.20000000000000004
        }) {
      assertEquals(byRoundingLoop(d), Json.shortest(d), () -> "d = " + d);
    }
  }

  private static BigDecimal byRoundingLoop(double d) {
    if (d == 0) {
      return BigDecimal.ZERO;
    }
    BigDecimal exact = new BigDecimal(d);
    for (int p = 1; p <= 17; p++) {
      BigDecimal b = exact.round(new MathContext(p));
      if (b.doubleValue() == d) {
        return b.stripTrailingZeros();
      }
    }
    throw new AssertionError("17 digits always read back: " + d);
  }
}
