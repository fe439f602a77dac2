package io.scrilla.core.estimate;

import java.util.stream.IntStream;

/**
 * Blocked products of row vectors, {@code out[i][j] = sum_k a[i][k] b[j][k]} (package-private
 * kernel of {@link CorrelationMatrixEstimator}).
 *
 * <p>Every entry is accumulated by one scalar in the order {@code k = 0, 1, ..., len - 1},
 * starting from 0, exactly as a plain loop would: register blocking (4 rows by 2 columns, 8
 * independent sums) and cache blocking (chunks of {@link #K_BLOCK} terms, the partial sum kept in
 * {@code out} between chunks, and {@link #J_BLOCK} columns at a time) change which entries are
 * computed together, never the order of the terms within an entry, so the results are the same
 * doubles as a plain loop. Large products split their row blocks over the common fork/join pool.
 */
final class DotProducts {
  /** Terms per chunk: 4 + 2 rows of 512 doubles stay in a 48 KiB L1 cache. */
  static final int K_BLOCK = 512;
  /** Columns per chunk: 256 column chunks of 4 KiB stay in L2. */
  static final int J_BLOCK = 256;
  /** Products with at least this many multiply-adds run in parallel. */
  static final long PARALLEL_WORK = 4_000_000L;

  private DotProducts() {}

  /**
   * Computes {@code out[i][j]} for {@code j > i} (and, as a by-product, some entries with
   * {@code j <= i} next to the diagonal, which callers ignore) of the rows {@code a[0..n)}.
   *
   * @param a n rows of at least {@code len} entries; {@code a.length} is a multiple of 4 (pad
   *     with zero rows)
   * @param out a.length rows of a.length entries, zero on entry
   */
  static void upperGram(double[][] a, int len, double[][] out) {
    product(a, a, len, out, true);
  }

  /**
   * Computes every {@code out[i][j]} of rows {@code a} against rows {@code b}.
   *
   * @param a rows, {@code a.length} a multiple of 4
   * @param b rows, {@code b.length} a multiple of 2
   * @param out a.length rows of b.length entries, zero on entry
   */
  static void product(double[][] a, double[][] b, int len, double[][] out) {
    product(a, b, len, out, false);
  }

  private static void product(double[][] a, double[][] b, int len, double[][] out, boolean upper) {
    int blocks = a.length / 4;
    long work = (long) a.length * b.length * len / (upper ? 2 : 1);
    if (work >= PARALLEL_WORK && blocks > 1) {
      // interleave the blocks so that the triangle's long and short rows share the work
      IntStream.range(0, blocks).parallel().forEach(ib -> rowBlock(a, b, len, out, upper, ib * 4));
    } else {
      for (int ib = 0; ib < blocks; ib++) {
        rowBlock(a, b, len, out, upper, ib * 4);
      }
    }
  }

  private static void rowBlock(
      double[][] a, double[][] b, int len, double[][] out, boolean upper, int i) {
    int jStart = upper ? i & ~1 : 0;
    for (int k0 = 0; k0 < len; k0 += K_BLOCK) {
      int k1 = Math.min(len, k0 + K_BLOCK);
      for (int j0 = jStart; j0 < b.length; j0 += J_BLOCK) {
        int j1 = Math.min(b.length, j0 + J_BLOCK);
        for (int j = j0; j < j1; j += 2) {
          kernel4x2(a, b, out, i, j, k0, k1);
        }
      }
    }
  }

  private static void kernel4x2(
      double[][] a, double[][] b, double[][] out, int i, int j, int k0, int k1) {
    double[] a0 = a[i];
    double[] a1 = a[i + 1];
    double[] a2 = a[i + 2];
    double[] a3 = a[i + 3];
    double[] b0 = b[j];
    double[] b1 = b[j + 1];
    double[] o0 = out[i];
    double[] o1 = out[i + 1];
    double[] o2 = out[i + 2];
    double[] o3 = out[i + 3];
    double c00 = o0[j];
    double c01 = o0[j + 1];
    double c10 = o1[j];
    double c11 = o1[j + 1];
    double c20 = o2[j];
    double c21 = o2[j + 1];
    double c30 = o3[j];
    double c31 = o3[j + 1];
    for (int k = k0; k < k1; k++) {
      double x0 = a0[k];
      double x1 = a1[k];
      double x2 = a2[k];
      double x3 = a3[k];
      double y0 = b0[k];
      double y1 = b1[k];
      c00 += x0 * y0;
      c01 += x0 * y1;
      c10 += x1 * y0;
      c11 += x1 * y1;
      c20 += x2 * y0;
      c21 += x2 * y1;
      c30 += x3 * y0;
      c31 += x3 * y1;
    }
    o0[j] = c00;
    o0[j + 1] = c01;
    o1[j] = c10;
    o1[j + 1] = c11;
    o2[j] = c20;
    o2[j + 1] = c21;
    o3[j] = c30;
    o3[j + 1] = c31;
  }
}
