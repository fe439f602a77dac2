package io.scrilla.api.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.scrilla.api.error.InvalidInputException;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class CorrelationBlockTest {
  private static final SourceId SRC = SourceId.of("csv:/data@1");
  private static final DateRange R =
      DateRange.of(LocalDate.of(2021, 1, 4), LocalDate.of(2021, 6, 30));
  private static final List<Asset> ABCD =
      List.of(Asset.equity("D"), Asset.equity("A"), Asset.equity("C"), Asset.crypto("A"));

  @Test
  void index_everyPair_countsTheUpperTriangleRowByRow() {
    for (int n = 2; n < 30; n++) {
      int k = 0;
      for (int i = 0; i < n; i++) {
        for (int j = i + 1; j < n; j++) {
          assertEquals(k++, CorrelationBlock.index(n, i, j));
        }
      }
      assertEquals(n * (n - 1) / 2, k);
    }
  }

  @Test
  void of_values_readBackSymmetricWithKeysInCanonicalOrder() {
    double[] v = {0.1, 0.2, Double.NaN, -0.4, 0.5, -1};
    CorrelationBlock b = CorrelationBlock.of(SRC, ABCD, R, EstimationMethod.MOMENTS, false, v);
    assertEquals(0.1, b.get(0, 1));
    assertEquals(0.1, b.get(1, 0));
    assertEquals(-0.4, b.get(2, 1));
    assertEquals(-1.0, b.get(3, 2));
    assertTrue(Double.isNaN(b.get(3, 0)));
    assertEquals(5, b.count());
    CorrelationKey k = b.key(0, 1);
    assertEquals(Asset.equity("A"), k.first());
    assertEquals(
        Optional.of(0.1),
        b.find(
            CorrelationKey.of(
                SRC, Asset.equity("A"), Asset.equity("D"), R, EstimationMethod.MOMENTS, false)));
    assertEquals(
        Optional.empty(),
        b.find(
            CorrelationKey.of(
                SRC, Asset.equity("A"), Asset.equity("D"), R, EstimationMethod.MOMENTS, true)));
    assertEquals(Optional.empty(), b.find(b.key(0, 3)));
    assertEquals(
        Optional.empty(),
        b.find(
            CorrelationKey.of(
                SourceId.of("csv:/other@1"),
                Asset.equity("A"),
                Asset.equity("D"),
                R,
                EstimationMethod.MOMENTS,
                false)));
    Map<CorrelationKey, Double> m = b.toMap();
    assertEquals(5, m.size());
    CorrelationBlock again = CorrelationBlock.of(SRC, ABCD, R, EstimationMethod.MOMENTS, false, m);
    for (int i = 0; i < 4; i++) {
      for (int j = i + 1; j < 4; j++) {
        assertEquals(b.get(i, j), again.get(i, j));
      }
    }
  }

  @Test
  void of_badInput_isRefused() {
    assertThrows(
        InvalidInputException.class,
        () -> CorrelationBlock.of(SRC, ABCD, R, EstimationMethod.MOMENTS, false, new double[5]));
    assertThrows(
        InvalidInputException.class,
        () ->
            CorrelationBlock.of(
                SRC,
                ABCD,
                R,
                EstimationMethod.MOMENTS,
                false,
                new double[] {0, 0, 0, 0, 0, 1.0000000000000002}));
    assertThrows(
        InvalidInputException.class,
        () ->
            CorrelationBlock.of(
                SRC,
                List.of(Asset.equity("A"), Asset.equity("A")),
                R,
                EstimationMethod.MOMENTS,
                false,
                new double[1]));
  }

  /**
   * A block from a matrix holds the entries above its diagonal, as {@code of} the flat triangle.
   */
  @Test
  void ofMatrix_readsTheUpperTriangleOnly() {
    double[] v = {0.1, 0.2, Double.NaN, -0.4, 0.5, -1};
    double[][] m = {
      {7, 0.1, 0.2, Double.NaN},
      {9, 7, -0.4, 0.5},
      {9, 9, 7, -1},
      {9, 9, 9, 7}
    };
    CorrelationBlock a = CorrelationBlock.of(SRC, ABCD, R, EstimationMethod.MOMENTS, false, v);
    CorrelationBlock b =
        CorrelationBlock.ofMatrix(SRC, ABCD, R, EstimationMethod.MOMENTS, false, m);
    for (int i = 0; i < 4; i++) {
      for (int j = i + 1; j < 4; j++) {
        assertEquals(
            Double.doubleToLongBits(a.get(i, j)),
            Double.doubleToLongBits(b.get(i, j)),
            i + "," + j);
      }
    }
    m[0][1] = 0.3; // copied: the block does not change with the matrix
    assertEquals(0.1, b.get(0, 1));
    assertThrows(
        InvalidInputException.class,
        () ->
            CorrelationBlock.ofMatrix(
                SRC, ABCD, R, EstimationMethod.MOMENTS, false, new double[3][4]));
    assertThrows(
        InvalidInputException.class,
        () ->
            CorrelationBlock.ofMatrix(
                SRC,
                ABCD,
                R,
                EstimationMethod.MOMENTS,
                false,
                new double[][] {m[0], m[1], m[2], {1}}));
    m[1][3] = 1.5;
    assertThrows(
        InvalidInputException.class,
        () -> CorrelationBlock.ofMatrix(SRC, ABCD, R, EstimationMethod.MOMENTS, false, m));
  }
}
