package io.scrilla.core.optimize.internal;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.SplittableRandom;
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
  void fullRankCorrelation_passes() {
    assertTrue(PsdCheck.isPositiveSemiDefinite(sampleCorrelation(new SplittableRandom(1), 50,
        200), TOLERANCE));
    assertTrue(PsdCheck.isPositiveSemiDefinite(new double[][] {{1}}, TOLERANCE));
  }

  @Test
  void moreAssetsThanReturns_passes() {
    // rank 122 of 200: singular but positive semi-definite
    assertTrue(PsdCheck.isPositiveSemiDefinite(sampleCorrelation(new SplittableRandom(2), 200,
        123), TOLERANCE));
    assertTrue(PsdCheck.isPositiveSemiDefinite(new double[][] {{1, 1}, {1, 1}}, TOLERANCE));
    assertTrue(PsdCheck.isPositiveSemiDefinite(new double[][] {{1, -1, 1}, {-1, 1, -1},
        {1, -1, 1}}, TOLERANCE));
  }

  @Test
  void indefiniteMatrices_fail() {
    assertFalse(PsdCheck.isPositiveSemiDefinite(new double[][] {{1, 0.9, -0.9}, {0.9, 1, 0.9},
        {-0.9, 0.9, 1}}, TOLERANCE));
    // smallest eigenvalue -1e-6: beyond the tolerance
    double e = 1 + 1e-6;
    assertFalse(PsdCheck.isPositiveSemiDefinite(new double[][] {{1, e}, {e, 1}}, TOLERANCE));
    // a zero diagonal entry with a nonzero off-diagonal one is indefinite
    assertFalse(PsdCheck.isPositiveSemiDefinite(new double[][] {{1, 0.5}, {0.5, 0}},
        TOLERANCE));
  }

  @Test
  void eigenvalueWithinTolerance_passes() {
    // eigenvalues 2 - 1e-11... and -1e-11... (1 +- (1 + 1e-11)): within the tolerance
    double e = 1 + 1e-11;
    assertTrue(PsdCheck.isPositiveSemiDefinite(new double[][] {{1, e}, {e, 1}}, TOLERANCE));
  }
}
