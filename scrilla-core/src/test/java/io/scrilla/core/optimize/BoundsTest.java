package io.scrilla.core.optimize;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.scrilla.api.error.InvalidInputException;
import org.junit.jupiter.api.Test;

class BoundsTest {

  @Test
  void uniform_beyondMaxMagnitude_isRejectedWithTheLimit() {
    for (double b : new double[] {100.5, 1e5, 1e300}) {
      InvalidInputException e =
          assertThrows(InvalidInputException.class, () -> Bounds.uniform(-b, b));
      assertTrue(e.getMessage().contains("too wide"), e.getMessage());
      assertTrue(e.getMessage().contains(Double.toString(Bounds.MAX_MAGNITUDE)), e.getMessage());
    }
    assertThrows(InvalidInputException.class, () -> Bounds.uniform(0, 101));
    assertThrows(InvalidInputException.class, () -> Bounds.parse("-1e5,1e5"));
    assertThrows(
        InvalidInputException.class,
        () -> Bounds.perAsset(new double[] {0, -200}, new double[] {1, 1}));
  }

  @Test
  void uniform_atMaxMagnitude_isAccepted() {
    Bounds b = Bounds.uniform(-Bounds.MAX_MAGNITUDE, Bounds.MAX_MAGNITUDE);
    assertEquals(-100, b.lower(0), 0);
    assertEquals(100, b.upper(7), 0);
  }
}
