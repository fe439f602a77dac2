package io.scrilla.core.stats;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.scrilla.api.error.InvalidInputException;
import io.scrilla.api.model.Asset;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class CorrelationMatrixTest {
  private final List<Asset> abc = List.of(Asset.equity("A"), Asset.equity("B"), Asset.equity("C"));

  @Test
  void of_validMatrix_reportsSmallestEigenvalue() {
    double r = 0.5;
    CorrelationMatrix m =
        CorrelationMatrix.of(abc, new double[][] {{1, r, r}, {r, 1, r}, {r, r, 1}}, Map.of());
    // equicorrelation: eigenvalues 1 + 2r and 1 - r (twice)
    assertEquals(1 - r, m.smallestEigenvalue(), 1e-14);
    assertTrue(m.isPositiveSemiDefinite());
    assertEquals(r, m.get(Asset.equity("C"), Asset.equity("A")));
    assertEquals(List.of("A", "B", "C"), m.tickers());
  }

  @Test
  void requirePositiveSemiDefinite_inconsistentPairs_throwsWithDiagnostic() {
    // A close to B, B close to C, but A opposite C: no joint distribution has these
    CorrelationMatrix m =
        CorrelationMatrix.of(
            abc, new double[][] {{1, 0.9, -0.9}, {0.9, 1, 0.9}, {-0.9, 0.9, 1}}, Map.of());
    assertFalse(m.isPositiveSemiDefinite());
    assertTrue(m.smallestEigenvalue() < 0);
    InvalidInputException e =
        assertThrows(InvalidInputException.class, m::requirePositiveSemiDefinite);
    assertTrue(
        e.getMessage().contains("smallest eigenvalue") && e.getMessage().contains("[A, B, C]"),
        e.getMessage());
  }

  @Test
  void of_notSymmetricOrBadDiagonal_throws() {
    assertThrows(
        InvalidInputException.class,
        () ->
            CorrelationMatrix.of(abc.subList(0, 2), new double[][] {{1, 0.2}, {0.3, 1}}, Map.of()));
    assertThrows(
        InvalidInputException.class,
        () ->
            CorrelationMatrix.of(
                abc.subList(0, 2), new double[][] {{0.99, 0.2}, {0.2, 1}}, Map.of()));
    assertThrows(
        InvalidInputException.class,
        () ->
            CorrelationMatrix.of(abc.subList(0, 2), new double[][] {{1, 1.2}, {1.2, 1}}, Map.of()));
  }

  @Test
  void toArray_isACopy() {
    CorrelationMatrix m =
        CorrelationMatrix.of(abc.subList(0, 2), new double[][] {{1, 0.2}, {0.2, 1}}, Map.of());
    m.toArray()[0][1] = 0.7;
    assertEquals(0.2, m.get(0, 1));
  }
}
