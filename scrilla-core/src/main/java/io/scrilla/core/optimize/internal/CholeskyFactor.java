package io.scrilla.core.optimize.internal;

import java.util.Arrays;

/**
 * Cholesky factor {@code L L' = Sigma_FF} of the covariance restricted to the free assets, in the
 * order they were freed, with pivots floored at a small ridge; updated in {@code O(k^2)} when an
 * asset is freed (a new last row) or fixed (its row is deleted and the factor made triangular again
 * by Givens rotations), never rebuilt.
 *
 * <p>A pivot whose square rounds below {@code ridge} is raised to {@code sqrt(ridge)}: the same as
 * adding {@code ridge} to the variance of that (numerically singular) direction only, so a singular
 * covariance still gives a factor with positive pivots. A nonsingular one is not perturbed.
 *
 * <p>Storage: row {@code r} of L in {@code rows[r][0..r]}, and a copy of column {@code c} in {@code
 * columns[c][c..size-1]} (so {@code columns[c][r] = rows[r][c]}) for the products with {@code L'},
 * which then read contiguous memory; the copy holds the same numbers, so every sum is the one the
 * column-wise reads would give. The arrays are allocated the first time the factor reaches that
 * size and reused after: a deleted row's array becomes the spare for the next new row, so updates
 * allocate nothing. Entries right of the diagonal in {@code rows}, or left of it in {@code
 * columns}, are stale and never read.
 */
final class CholeskyFactor {
  private final int n;
  private final double[] sigma;
  private final double ridge;

  /** {@code order[c]}: the asset of row and column {@code c}. */
  private final int[] order;

  private final double[][] rows;
  private final double[][] columns;

  /** Workspace of {@link #multiply}. */
  private final double[] product;

  private int size;

  /**
   * Creates an empty factor.
   *
   * @param n number of assets
   * @param sigma covariance, row-major {@code n*n}
   * @param ridge the pivot floor (a variance)
   */
  CholeskyFactor(int n, double[] sigma, double ridge) {
    this.n = n;
    this.sigma = sigma;
    this.ridge = ridge;
    order = new int[n];
    rows = new double[n][];
    columns = new double[n][];
    product = new double[n];
  }

  /** Returns the number of free assets (the order of the factor). */
  int size() {
    return size;
  }

  /** Returns the asset of row {@code c}. */
  int asset(int c) {
    return order[c];
  }

  /** Returns the asset order of the rows (shared, the first {@link #size()} entries valid). */
  int[] order() {
    return order;
  }

  /** Returns {@code L[r][c]} for {@code c <= r < size}. */
  double entry(int r, int c) {
    return rows[r][c];
  }

  /**
   * Returns {@code a} when it has an index {@code need}, else a copy with room for about twice that
   * (at most n): each row is reallocated only O(log n) times.
   */
  private double[] room(double[] a, int need) {
    if (a != null && a.length > need) {
      return a;
    }
    int cap = Math.min(n, 2 * need + 8);
    return a == null ? new double[cap] : Arrays.copyOf(a, cap);
  }

  /** Frees asset {@code i}: appends its row to the factor. */
  void add(int i) {
    int k = size;
    double[] row = room(rows[k], k);
    forwardRow(i, k, row);
    double d2 = sigma[i * n + i];
    for (int c = 0; c < k; c++) {
      d2 -= row[c] * row[c];
    }
    // a (numerically) singular direction gets the floor: see the class comment
    row[k] = Math.sqrt(Math.max(d2, ridge));
    rows[k] = row;
    order[k] = i;
    for (int c = 0; c <= k; c++) {
      double[] column = columns[c];
      if (column == null || column.length <= k) {
        column = columns[c] = room(column, k);
      }
      column[k] = row[c];
    }
    size++;
  }

  /** Solves {@code L[0..k) row = Sigma[order, i]} into {@code row[0..k)}. */
  private void forwardRow(int i, int k, double[] row) {
    int ri = i * n;
    for (int c = 0; c < k; c++) {
      double v = sigma[ri + order[c]];
      double[] lc = rows[c];
      for (int t = 0; t < c; t++) {
        v -= lc[t] * row[t];
      }
      row[c] = v / lc[c];
    }
  }

  /** Fixes asset {@code i} (which must be free): deletes its row and restores the triangle. */
  void remove(int i) {
    int p = position(i);
    int k = size;
    // drop row p; rows below keep one entry right of their diagonal
    double[] dropped = rows[p];
    for (int r = p; r < k - 1; r++) {
      rows[r] = rows[r + 1];
      order[r] = order[r + 1];
    }
    rows[k - 1] = dropped;
    for (int c = p; c < k - 1; c++) {
      rotate(c, k);
    }
    // the entries now right of the diagonals (zero up to rounding) are left stale; rows p..k-2
    // changed, so their copies in the columns are refreshed
    for (int r = p; r < k - 1; r++) {
      double[] lr = rows[r];
      for (int c = 0; c <= r; c++) {
        columns[c][r] = lr[c];
      }
    }
    size--;
  }

  private int position(int i) {
    for (int c = 0; c < size; c++) {
      if (order[c] == i) {
        return c;
      }
    }
    throw new IllegalArgumentException("asset " + i + " is not free");
  }

  /** The Givens rotation of columns {@code c, c+1} that zeroes {@code rows[c][c+1]}. */
  private void rotate(int c, int k) {
    double a = rows[c][c];
    double b = rows[c][c + 1];
    double h = Math.hypot(a, b);
    double cs = a / h;
    double sn = b / h;
    for (int r = c; r < k - 1; r++) {
      double[] lr = rows[r];
      double xv = lr[c];
      double yv = lr[c + 1];
      lr[c] = cs * xv + sn * yv;
      lr[c + 1] = -sn * xv + cs * yv;
    }
  }

  /** Computes {@code out = L L' x} for the first {@code size} entries. */
  void multiply(double[] x, double[] out) {
    int k = size;
    double[] t = product;
    for (int c = 0; c < k; c++) {
      double v = 0;
      double[] column = columns[c];
      for (int r = c; r < k; r++) {
        v += column[r] * x[r];
      }
      t[c] = v;
    }
    for (int r = 0; r < k; r++) {
      double v = 0;
      double[] lr = rows[r];
      for (int c = 0; c <= r; c++) {
        v += lr[c] * t[c];
      }
      out[r] = v;
    }
  }

  /**
   * Solves {@code L L' out = b} for the first {@code size} entries. A right-hand side of positive
   * zeros (the rows' zero coefficients, {@code u = 0} when every bound is zero) gives positive
   * zeros, which the substitutions would compute too (every pivot is positive).
   */
  void solve(double[] b, double[] out) {
    int k = size;
    int nz = 0;
    while (nz < k && Double.doubleToRawLongBits(b[nz]) == 0L) {
      nz++;
    }
    if (nz == k) {
      Arrays.fill(out, 0, k, 0.0);
      return;
    }
    forward(b, out, k);
    backward(out, k);
  }

  private void forward(double[] b, double[] out, int k) {
    for (int c = 0; c < k; c++) {
      double v = b[c];
      double[] lc = rows[c];
      for (int t = 0; t < c; t++) {
        v -= lc[t] * out[t];
      }
      out[c] = v / lc[c];
    }
  }

  private void backward(double[] out, int k) {
    for (int c = k - 1; c >= 0; c--) {
      double v = out[c];
      double[] column = columns[c];
      for (int t = c + 1; t < k; t++) {
        v -= column[t] * out[t];
      }
      out[c] = v / column[c];
    }
  }
}
