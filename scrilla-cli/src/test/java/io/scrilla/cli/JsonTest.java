package io.scrilla.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;

import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
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

  @Property(tries = 2000)
  void shortest_readsBackToTheSameDouble(@ForAll double d) {
    if (Double.isFinite(d)) {
      assertEquals(d, Double.parseDouble(Json.shortest(d).toString()));
      String text = Json.write(Json.number(d));
      assertEquals(d, Double.parseDouble(text));
    }
  }
}
