package io.scrilla.core.stats;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.Random;
import org.hipparchus.linear.Array2DRowRealMatrix;
import org.hipparchus.linear.EigenDecompositionSymmetric;
import org.junit.jupiter.api.Test;

class SymmetricInertiaTest {

  private static double[][] randomSymmetric(int n, Random r) {
    double[][] a = new double[n][n];
    for (int i = 0; i < n; i++) {
      for (int j = 0; j <= i; j++) {
        a[i][j] = r.nextGaussian();
        a[j][i] = a[i][j];
      }
    }
    return a;
  }

  @Test
  void smallestEigenvalue_randomSymmetric_matchesHipparchus() {
    Random r = new Random(17);
    for (int n : new int[] {1, 2, 3, 7, 40}) {
      double[][] a = randomSymmetric(n, r);
      double expected =
          Arrays.stream(
                  new EigenDecompositionSymmetric(new Array2DRowRealMatrix(a)).getEigenvalues())
              .min()
              .getAsDouble();
      assertEquals(expected, SymmetricInertia.smallestEigenvalue(a), 1e-12 * n);
    }
  }

  @Test
  void smallestEigenvalue_singularGram_isZeroAndTheShiftedCholeskySucceeds() {
    // 30 unit vectors in 10 dimensions: rank 10, twenty zero eigenvalues
    Random r = new Random(23);
    double[][] v = new double[30][10];
    for (double[] row : v) {
      double s = 0;
      for (int k = 0; k < 10; k++) {
        row[k] = r.nextGaussian();
        s += row[k] * row[k];
      }
      for (int k = 0; k < 10; k++) {
        row[k] /= Math.sqrt(s);
      }
    }
    double[][] c = new double[30][30];
    for (int i = 0; i < 30; i++) {
      for (int j = 0; j < 30; j++) {
        double s = 0;
        for (int k = 0; k < 10; k++) {
          s += v[i][k] * v[j][k];
        }
        c[i][j] = s;
      }
    }
    assertEquals(0, SymmetricInertia.smallestEigenvalue(c), 1e-13);
    assertTrue(SymmetricInertia.choleskySucceeds(c, 1e-12));
  }

  @Test
  void choleskySucceeds_indefinite_fails() {
    double[][] a = {{1, 0.9, -0.9}, {0.9, 1, 0.9}, {-0.9, 0.9, 1}};
    assertFalse(SymmetricInertia.choleskySucceeds(a, 1e-12));
    // eigenvalues of this matrix: 1.9 (twice) and -0.8
    assertEquals(-0.8, SymmetricInertia.smallestEigenvalue(a), 1e-14);
  }
}
