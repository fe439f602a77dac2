package io.scrilla.core.linalg;

/**
 * The two halves of a square matrix held as rows ({@code a[i][j]}, row i, column j): copying the
 * upper half onto the lower one and comparing them. Both go tile by tile, so that the rows touched
 * down a column stay in the cache: a plain loop over a column of a 500 x 500 matrix touches a new
 * cache line for every entry.
 */
public final class Symmetric {
  /** Rows and columns of a tile: 64 rows of 64 entries (32 KiB) stay in the L1 cache. */
  static final int TILE = 64;

  private Symmetric() {}

  /**
   * Copies every entry above the diagonal to its mirror below it: {@code a[j][i] = a[i][j]} for
   * {@code i < j}; the diagonal and the upper half are not changed.
   *
   * @param a n rows of at least n entries
   */
  public static void mirrorUpper(double[][] a) {
    int n = a.length;
    for (int ib = 0; ib < n; ib += TILE) {
      for (int jb = ib; jb < n; jb += TILE) {
        for (int i = ib; i < Math.min(n, ib + TILE); i++) {
          double[] row = a[i];
          for (int j = Math.max(jb, i + 1); j < Math.min(n, jb + TILE); j++) {
            a[j][i] = row[j];
          }
        }
      }
    }
  }

  /**
   * Returns whether {@code a[i][j] == a[j][i]} for every i and j (as doubles: a NaN entry off the
   * diagonal makes the matrix not symmetric).
   *
   * @param a n rows of at least n entries
   */
  public static boolean isSymmetric(double[][] a) {
    int n = a.length;
    for (int ib = 0; ib < n; ib += TILE) {
      for (int jb = ib; jb < n; jb += TILE) {
        for (int i = ib; i < Math.min(n, ib + TILE); i++) {
          double[] row = a[i];
          for (int j = Math.max(jb, i + 1); j < Math.min(n, jb + TILE); j++) {
            if (a[j][i] != row[j]) {
              return false;
            }
          }
        }
      }
    }
    return true;
  }
}
