package io.scrilla.core.linalg;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.Random;
import java.util.SplittableRandom;
import org.hipparchus.exception.MathIllegalStateException;
import org.hipparchus.linear.Array2DRowRealMatrix;
import org.hipparchus.linear.EigenDecompositionSymmetric;
import org.junit.jupiter.api.Test;

class PsdCheckTest {
  private static final double TOLERANCE = 1e-10;

  /** The correlation matrix of {@code n} series of {@code t} random values (rank min(n, t-1)). */
  private static double[][] sampleCorrelation(SplittableRandom rnd, int n, int t) {
    double[][] x = new double[n][t];
    for (double[] row : x) {
      double mean = 0;
      for (int k = 0; k < t; k++) {
        row[k] = rnd.nextDouble(-1, 1);
        mean += row[k] / t;
      }
      double ss = 0;
      for (int k = 0; k < t; k++) {
        row[k] -= mean;
        ss += row[k] * row[k];
      }
      double norm = Math.sqrt(ss);
      for (int k = 0; k < t; k++) {
        row[k] /= norm;
      }
    }
    double[][] c = new double[n][n];
    for (int i = 0; i < n; i++) {
      for (int j = 0; j < n; j++) {
        double v = 0;
        for (int k = 0; k < t; k++) {
          v += x[i][k] * x[j][k];
        }
        c[i][j] = i == j ? 1 : v;
      }
    }
    return c;
  }

  @Test
  void choleskyProves_fullRankCorrelation_passes() {
    assertTrue(
        PsdCheck.choleskyProves(sampleCorrelation(new SplittableRandom(1), 50, 200), TOLERANCE));
    assertTrue(PsdCheck.choleskyProves(new double[][] {{1}}, TOLERANCE));
  }

  @Test
  void choleskyProves_moreAssetsThanReturns_passes() {
    // rank 122 of 200: singular but positive semi-definite
    assertTrue(
        PsdCheck.choleskyProves(sampleCorrelation(new SplittableRandom(2), 200, 123), TOLERANCE));
    assertTrue(PsdCheck.choleskyProves(new double[][] {{1, 1}, {1, 1}}, TOLERANCE));
    assertTrue(
        PsdCheck.choleskyProves(new double[][] {{1, -1, 1}, {-1, 1, -1}, {1, -1, 1}}, TOLERANCE));
  }

  @Test
  void choleskyProves_indefiniteMatrices_fails() {
    assertFalse(
        PsdCheck.choleskyProves(
            new double[][] {{1, 0.9, -0.9}, {0.9, 1, 0.9}, {-0.9, 0.9, 1}}, TOLERANCE));
    // smallest eigenvalue -1e-6: beyond the tolerance
    double e = 1 + 1e-6;
    assertFalse(PsdCheck.choleskyProves(new double[][] {{1, e}, {e, 1}}, TOLERANCE));
    // a zero diagonal entry with a nonzero off-diagonal one is indefinite
    assertFalse(PsdCheck.choleskyProves(new double[][] {{1, 0.5}, {0.5, 0}}, TOLERANCE));
  }

  @Test
  void choleskyProves_eigenvalueWithinTolerance_passes() {
    // eigenvalues 2 - 1e-11... and -1e-11... (1 +- (1 + 1e-11)): within the tolerance
    double e = 1 + 1e-11;
    assertTrue(PsdCheck.choleskyProves(new double[][] {{1, e}, {e, 1}}, TOLERANCE));
  }

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
  void smallestEigenvalueByBisection_randomSymmetric_matchesHipparchus() {
    Random r = new Random(17);
    for (int n : new int[] {1, 2, 3, 7, 40}) {
      double[][] a = randomSymmetric(n, r);
      double expected =
          Arrays.stream(
                  new EigenDecompositionSymmetric(new Array2DRowRealMatrix(a)).getEigenvalues())
              .min()
              .getAsDouble();
      assertEquals(expected, PsdCheck.smallestEigenvalueByBisection(a), 1e-12 * n);
      assertEquals(expected, PsdCheck.smallestEigenvalue(a), 0);
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
    assertEquals(0, PsdCheck.smallestEigenvalueByBisection(c), 1e-13);
    assertEquals(0, PsdCheck.smallestEigenvalue(c), 1e-13);
    // a shift of 1e-12
    assertTrue(PsdCheck.choleskyProves(c, 2e-12));
  }

  @Test
  void choleskyProves_indefinite_failsAndBisectionFindsTheEigenvalue() {
    double[][] a = {{1, 0.9, -0.9}, {0.9, 1, 0.9}, {-0.9, 0.9, 1}};
    assertFalse(PsdCheck.choleskyProves(a, 2e-12));
    // eigenvalues of this matrix: 1.9 (twice) and -0.8
    assertEquals(-0.8, PsdCheck.smallestEigenvalueByBisection(a), 1e-14);
  }

  @Test
  void smallestEigenvalue_moreAssetsThanReturns_convergesWhereQlStalls() {
    // 200 series of 123 values: rank 122; Hipparchus' QL iteration does not converge on this
    // one, so the smallest eigenvalue comes from the bisection
    double[][] c = sampleCorrelation(new SplittableRandom(2), 200, 123);
    assertThrows(
        MathIllegalStateException.class,
        () -> new EigenDecompositionSymmetric(new Array2DRowRealMatrix(c)));
    assertEquals(0, PsdCheck.smallestEigenvalue(c), 1e-12);
    PsdCheck.Verdict v = PsdCheck.check(c);
    assertTrue(v.positiveSemiDefinite());
    assertTrue(Double.isNaN(v.smallestEigenvalue()), "decided by the Cholesky test");
  }

  @Test
  void check_lowerTriangleOnly_readsNothingAbove() {
    double[][] lower = {{1}, {0.9, 1}, {-0.9, 0.9, 1}};
    PsdCheck.Verdict v = PsdCheck.check(lower);
    assertFalse(v.positiveSemiDefinite());
    double[][] full = {{1, 0.9, -0.9}, {0.9, 1, 0.9}, {-0.9, 0.9, 1}};
    assertEquals(PsdCheck.smallestEigenvalue(full), v.smallestEigenvalue(), 0);
    assertEquals(-0.8, v.smallestEigenvalue(), 1e-14);
  }

  @Test
  void check_eigenvalueBetweenHalfAndFullTolerance_isDecidedByTheEigenvalue() {
    // eigenvalues 1 +- (1 + 0.75e-10): the shifted Cholesky cannot tell, the eigenvalue accepts
    double e = 1 + 0.75e-10;
    PsdCheck.Verdict v = PsdCheck.check(new double[][] {{1, e}, {e, 1}});
    assertTrue(v.positiveSemiDefinite());
    assertEquals(-0.75e-10, v.smallestEigenvalue(), 1e-15);
    double beyond = 1 + 1.5e-10;
    assertFalse(PsdCheck.check(new double[][] {{1, beyond}, {beyond, 1}}).positiveSemiDefinite());
  }

  @Test
  void tolerance_floorThenPerRow() {
    assertEquals(1e-10, PsdCheck.tolerance(1), 0);
    assertEquals(1e-10, PsdCheck.tolerance(100), 0);
    assertEquals(2e-9, PsdCheck.tolerance(2000), 0);
  }
}
