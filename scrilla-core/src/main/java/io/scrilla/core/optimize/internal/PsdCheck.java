package io.scrilla.core.optimize.internal;

/**
 * A cheap sufficient test that a symmetric matrix is positive semi-definite to a tolerance: a
 * Cholesky factorization with diagonal pivoting ({@code O(n^3 / 3)}, about a tenth of a full
 * symmetric eigendecomposition), which also accepts rank-deficient matrices.
 *
 * <p>At each step the largest remaining diagonal entry is the pivot. When it is at most
 * {@code tolerance / n}, the factorization stops: {@code A = L L' + S} up to rounding, with
 * {@code L L'} positive semi-definite and {@code S} the remaining Schur complement, so
 * {@code lambda_min(A) >= lambda_min(S) >= -r max |S_ij|} for the {@code r} remaining rows. The
 * test passes when every pivot was positive and {@code r max |S_ij| <= tolerance}, which proves
 * {@code lambda_min(A) >= -tolerance} (a full-rank matrix passes with {@code r = 0}). A matrix that
 * fails is not necessarily indefinite: the caller then computes its smallest eigenvalue.
 */
public final class PsdCheck {
  private PsdCheck() {}

  /**
   * Returns whether the test proves {@code lambda_min(a) >= -tolerance}.
   *
   * @param a a symmetric matrix (only the lower triangle is read; not modified)
   * @param tolerance the allowed negative eigenvalue, positive
   * @return true when the matrix is positive semi-definite to the tolerance; false when the test
   *     cannot tell (compute the smallest eigenvalue then)
   */
  public static boolean isPositiveSemiDefinite(double[][] a, double tolerance) {
    int n = a.length;
    double[][] w = new double[n][];
    for (int i = 0; i < n; i++) {
      w[i] = new double[i + 1];
      System.arraycopy(a[i], 0, w[i], 0, i + 1);
    }
    double stop = tolerance / n;
    double[] column = new double[n];
    int k = 0;
    for (; k < n; k++) {
      int p = largestDiagonal(w, k);
      if (!(w[p][p] > stop)) {
        break;
      }
      swap(w, k, p);
      eliminate(w, k, column);
    }
    return remainderIsSmall(w, k, tolerance);
  }

  private static int largestDiagonal(double[][] w, int k) {
    int p = k;
    for (int i = k + 1; i < w.length; i++) {
      if (w[i][i] > w[p][p]) {
        p = i;
      }
    }
    return p;
  }

  /** Symmetric swap of rows and columns {@code k < p} in the lower triangle. */
  private static void swap(double[][] w, int k, int p) {
    if (p == k) {
      return;
    }
    int n = w.length;
    double t = w[k][k];
    w[k][k] = w[p][p];
    w[p][p] = t;
    for (int j = 0; j < k; j++) {
      t = w[k][j];
      w[k][j] = w[p][j];
      w[p][j] = t;
    }
    for (int i = k + 1; i < p; i++) {
      t = w[i][k];
      w[i][k] = w[p][i];
      w[p][i] = t;
    }
    for (int i = p + 1; i < n; i++) {
      t = w[i][k];
      w[i][k] = w[i][p];
      w[i][p] = t;
    }
  }

  /** Column {@code k} of L, then the rank-one update of the trailing lower triangle. */
  private static void eliminate(double[][] w, int k, double[] column) {
    int n = w.length;
    double pivot = Math.sqrt(w[k][k]);
    w[k][k] = pivot;
    for (int i = k + 1; i < n; i++) {
      column[i] = w[i][k] / pivot;
      w[i][k] = column[i];
    }
    for (int i = k + 1; i < n; i++) {
      double[] row = w[i];
      double li = column[i];
      for (int j = k + 1; j <= i; j++) {
        row[j] -= li * column[j];
      }
    }
  }

  private static boolean remainderIsSmall(double[][] w, int k, double tolerance) {
    int n = w.length;
    double largest = 0;
    for (int i = k; i < n; i++) {
      for (int j = k; j <= i; j++) {
        double v = Math.abs(w[i][j]);
        if (!(v <= tolerance)) {
          return false;
        }
        largest = Math.max(largest, v);
      }
    }
    return (n - k) * largest <= tolerance;
  }
}
