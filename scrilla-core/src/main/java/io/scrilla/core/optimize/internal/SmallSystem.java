package io.scrilla.core.optimize.internal;

import org.hipparchus.linear.Array2DRowRealMatrix;
import org.hipparchus.linear.ArrayRealVector;
import org.hipparchus.linear.DecompositionSolver;
import org.hipparchus.linear.SingularValueDecomposition;

/**
 * The small symmetric Schur-complement system of the KKT system (size at most 4), factored in place
 * by LU with partial pivoting (the largest remaining entry of the column, first on ties).
 *
 * <p>A pivot below {@code 1e-15 max |a_ij|} marks the system rank-deficient (dependent equality
 * rows, for example a target return when every free asset has the same return); it then gets
 * Hipparchus' SVD pseudo-inverse, whose least-norm solution is exact because the system is
 * consistent. Only that rare path allocates.
 */
final class SmallSystem {
  private final int size;
  private final double[][] lu;
  private final int[] perm;
  private DecompositionSolver pseudoInverse;

  /**
   * Creates the workspace of a system.
   *
   * @param size the order of the system
   */
  SmallSystem(int size) {
    this.size = size;
    this.lu = new double[size][size];
    this.perm = new int[size];
  }

  /** Returns whether the last {@link #factor} fell back to the SVD pseudo-inverse. */
  boolean usesPseudoInverse() {
    return pseudoInverse != null;
  }

  /** Factors {@code a} (not modified). */
  void factor(double[][] a) {
    double threshold = 1e-15 * maxAbs(a);
    for (int r = 0; r < size; r++) {
      System.arraycopy(a[r], 0, lu[r], 0, size);
      perm[r] = r;
    }
    pseudoInverse = null;
    for (int c = 0; c < size; c++) {
      int best = pivotRow(c);
      if (Math.abs(lu[best][c]) < threshold) {
        pseudoInverse =
            new SingularValueDecomposition(new Array2DRowRealMatrix(a, true)).getSolver();
        return;
      }
      swap(best, c);
      eliminate(c);
    }
  }

  /** Returns the row at or below {@code c} with the largest entry in column {@code c}. */
  private int pivotRow(int c) {
    // lu[r][c] for r >= c is already the eliminated candidate; pick the largest
    int best = c;
    double largest = Double.NEGATIVE_INFINITY;
    for (int r = c; r < size; r++) {
      double v = Math.abs(lu[r][c]);
      if (v > largest) {
        largest = v;
        best = r;
      }
    }
    return best;
  }

  private void swap(int best, int c) {
    if (best != c) {
      double[] t = lu[best];
      lu[best] = lu[c];
      lu[c] = t;
      int pt = perm[best];
      perm[best] = perm[c];
      perm[c] = pt;
    }
  }

  private void eliminate(int c) {
    double[] pivotRow = lu[c];
    double pivot = pivotRow[c];
    for (int r = c + 1; r < size; r++) {
      double[] lr = lu[r];
      double mult = lr[c] / pivot;
      lr[c] = mult;
      for (int t = c + 1; t < size; t++) {
        lr[t] -= mult * pivotRow[t];
      }
    }
  }

  /** Solves the factored system for {@code b} into {@code out} (distinct arrays). */
  void solve(double[] b, double[] out) {
    if (pseudoInverse != null) {
      double[] x = pseudoInverse.solve(new ArrayRealVector(b, true)).toArray();
      System.arraycopy(x, 0, out, 0, size);
      return;
    }
    for (int r = 0; r < size; r++) {
      double v = b[perm[r]];
      double[] lr = lu[r];
      for (int c = 0; c < r; c++) {
        v -= out[c] * lr[c];
      }
      out[r] = v;
    }
    for (int r = size - 1; r >= 0; r--) {
      double v = out[r];
      double[] lr = lu[r];
      for (int c = size - 1; c > r; c--) {
        v -= out[c] * lr[c];
      }
      out[r] = v / lr[r];
    }
  }

  private static double maxAbs(double[][] a) {
    double mx = 0;
    for (double[] row : a) {
      for (double v : row) {
        mx = Math.max(mx, Math.abs(v));
      }
    }
    return mx > 0 ? mx : 1;
  }
}
