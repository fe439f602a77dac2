package io.scrilla.core.optimize.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.hipparchus.linear.Array2DRowRealMatrix;
import org.hipparchus.linear.CholeskyDecomposition;
import org.hipparchus.linear.RealMatrix;
import org.junit.jupiter.api.Test;

class CholeskyFactorTest {

  /**
   * A random covariance {@code B B' + D}, row-major: the first factor is a market factor (every
   * loading in [0.3, 1]), the others have loadings in [-1, 1]; {@code specific = 0} gives rank
   * {@code factors}.
   */
  static double[] randomCovariance(SplittableRandom rnd, int n, int factors, double specific) {
    double[][] b = new double[n][factors];
    for (double[] row : b) {
      row[0] = rnd.nextDouble(0.3, 1);
      for (int f = 1; f < factors; f++) {
        row[f] = rnd.nextDouble(-1, 1);
      }
    }
    double[] s = new double[n * n];
    for (int i = 0; i < n; i++) {
      for (int j = 0; j < n; j++) {
        double v = i == j ? specific * rnd.nextDouble(0.5, 1.5) : 0;
        for (int f = 0; f < factors; f++) {
          v += b[i][f] * b[j][f];
        }
        s[i * n + j] = v;
      }
    }
    for (int i = 0; i < n; i++) {
      for (int j = 0; j < i; j++) {
        s[i * n + j] = s[j * n + i];
      }
    }
    return s;
  }

  /** The lower factor of {@code Sigma[order, order]}, computed from scratch by Hipparchus. */
  private static RealMatrix fresh(double[] sigma, int n, List<Integer> order) {
    int k = order.size();
    double[][] a = new double[k][k];
    for (int r = 0; r < k; r++) {
      for (int c = 0; c < k; c++) {
        a[r][c] = sigma[order.get(r) * n + order.get(c)];
      }
    }
    return new CholeskyDecomposition(new Array2DRowRealMatrix(a), 1e-12, 1e-14).getL();
  }

  private static void assertMatchesFresh(
      CholeskyFactor f, double[] sigma, int n, List<Integer> order) {
    assertEquals(order.size(), f.size());
    if (order.isEmpty()) {
      return;
    }
    RealMatrix l = fresh(sigma, n, order);
    for (int r = 0; r < order.size(); r++) {
      assertEquals(order.get(r), f.asset(r));
      for (int c = 0; c <= r; c++) {
        assertEquals(l.getEntry(r, c), f.entry(r, c), 1e-12, "L[" + r + "][" + c + "]");
      }
    }
  }

  @Test
  void addAndRemove_randomSequence_matchFreshFactorization() {
    SplittableRandom rnd = new SplittableRandom(11);
    int n = 30;
    double[] sigma = randomCovariance(rnd, n, 4, 0.2);
    CholeskyFactor f = new CholeskyFactor(n, sigma, 1e-12);
    List<Integer> order = new ArrayList<>();
    List<Integer> fixed = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      fixed.add(i);
    }
    for (int step = 0; step < 400; step++) {
      boolean add = order.isEmpty() || !fixed.isEmpty() && rnd.nextInt(3) > 0;
      if (add) {
        int i = fixed.remove(rnd.nextInt(fixed.size()));
        f.add(i);
        order.add(i);
      } else {
        int i = order.remove(rnd.nextInt(order.size()));
        f.remove(i);
        fixed.add(i);
      }
      assertMatchesFresh(f, sigma, n, order);
    }
  }

  @Test
  void solveAndMultiply_matchTheCovariance() {
    SplittableRandom rnd = new SplittableRandom(12);
    int n = 12;
    double[] sigma = randomCovariance(rnd, n, 3, 0.1);
    CholeskyFactor f = new CholeskyFactor(n, sigma, 1e-12);
    int[] free = {7, 2, 9, 0, 4};
    for (int i : free) {
      f.add(i);
    }
    f.remove(2);
    int[] order = {7, 9, 0, 4};
    double[] x = {0.3, -1.2, 0.8, 2.0};
    double[] product = new double[n];
    f.multiply(x, product);
    double[] back = new double[n];
    f.solve(product, back);
    for (int r = 0; r < order.length; r++) {
      double v = 0;
      for (int c = 0; c < order.length; c++) {
        v += sigma[order[r] * n + order[c]] * x[c];
      }
      assertEquals(v, product[r], 1e-13);
      assertEquals(x[r], back[r], 1e-12);
    }
  }

  @Test
  void add_duplicateAsset_getsTheRidgeAsPivot() {
    // two identical assets: the second pivot is zero in exact arithmetic and gets the floor
    double[] sigma = {0.04, 0.04, 0.04, 0.04};
    CholeskyFactor f = new CholeskyFactor(2, sigma, 1e-12 * 0.04);
    f.add(0);
    f.add(1);
    assertEquals(0.2, f.entry(0, 0), 1e-16);
    assertEquals(0.2, f.entry(1, 0), 1e-16);
    assertEquals(Math.sqrt(1e-12 * 0.04), f.entry(1, 1), 1e-20);
  }

  @Test
  void remove_assetNotFree_fails() {
    CholeskyFactor f = new CholeskyFactor(2, new double[] {1, 0, 0, 1}, 1e-12);
    f.add(0);
    assertThrows(IllegalArgumentException.class, () -> f.remove(1));
  }
}
