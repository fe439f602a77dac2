package io.scrilla.core.optimize.internal;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.hipparchus.linear.Array2DRowRealMatrix;
import org.hipparchus.linear.ArrayRealVector;
import org.hipparchus.linear.LUDecomposition;
import org.junit.jupiter.api.Test;

class SmallSystemTest {

  @Test
  void solve_nonsingularSymmetric_matchesLu() {
    double[][] a = {{0.5, -1, -2}, {-1, -3, 0.4}, {-2, 0.4, -1}};
    double[] b = {1, -2, 0.5};
    SmallSystem s = new SmallSystem(3);
    s.factor(a);
    double[] x = new double[3];
    s.solve(b, x);
    assertFalse(s.usesPseudoInverse());
    double[] expected =
        new LUDecomposition(new Array2DRowRealMatrix(a))
            .getSolver()
            .solve(new ArrayRealVector(b))
            .toArray();
    assertArrayEquals(expected, x, 1e-14);
  }

  @Test
  void solve_dependentRows_fallsBackToLeastNormSolution() {
    // rows 2 and 3 equal (e.g. a target return equal to every free asset's return): rank 2
    double[][] a = {{1, 2, 2}, {2, -1, -1}, {2, -1, -1}};
    double[] b = {3, 1, 1};
    SmallSystem s = new SmallSystem(3);
    s.factor(a);
    double[] x = new double[3];
    s.solve(b, x);
    assertTrue(s.usesPseudoInverse());
    // consistent system: solved exactly ...
    for (int r = 0; r < 3; r++) {
      assertEquals(b[r], a[r][0] * x[0] + a[r][1] * x[1] + a[r][2] * x[2], 1e-14);
    }
    // ... and of least norm: no component along the null space (0, 1, -1)
    assertEquals(0, x[1] - x[2], 1e-14);
    // a nonsingular system factored after it no longer uses the fallback
    s.factor(new double[][] {{2, 0, 0}, {0, 3, 0}, {0, 0, 4}});
    s.solve(new double[] {2, 3, 4}, x);
    assertFalse(s.usesPseudoInverse());
    assertArrayEquals(new double[] {1, 1, 1}, x, 0);
  }
}
