package io.scrilla.core.estimate;

import java.util.stream.IntStream;

/**
 * Blocked products of vectors stored by columns: with {@code t[k][i]} the k-th entry of vector i,
 * {@code out[i][j] = sum_k ta[k][i] tb[k][j]} (package-private kernel of {@link
 * CorrelationMatrixEstimator}).
 *
 * <p>The product is written as rank-one updates, {@code out[i][j] += ta[k][i] tb[k][j]} for {@code
 * k = 0, 1, ..., len - 1}, so every entry is accumulated by one sum in the order of k, starting
 * from 0, exactly as a plain dot-product loop would, and the results are the same doubles. The
 * innermost loop runs over j on contiguous memory, which the JIT compiles to vector instructions (a
 * multiply and an add per lane, never a fused multiply-add, as Java requires). Blocking: 4 rows of
 * {@code out} at a time share each load of {@code tb[k][j]}, and {@link #J_BLOCK} columns at a time
 * keep those rows in the L1 cache. Large products split their row blocks over the common fork/join
 * pool; each task writes its own rows.
 */
final class DotProducts {
  /** Columns per chunk: 4 rows of 256 sums (8 KiB) stay in L1 while k runs. */
  static final int J_BLOCK = 256;

  /** Products with at least this many multiply-adds run in parallel. */
  static final long PARALLEL_WORK = 4_000_000L;

  private DotProducts() {}

  /**
   * Computes {@code out[i][j]} for {@code i < n} and {@code j >= i} (and, as a by-product, some
   * entries with {@code j < i} next to the diagonal, which callers ignore) of the vectors {@code t}
   * with themselves.
   *
   * @param t len rows of at least {@code n} rounded up to a multiple of 4 entries (zero padded)
   * @param n the number of vectors
   * @param len the number of entries of each vector
   * @param out n rows of n entries, zero on entry
   */
  static void upperGram(double[][] t, int n, int len, double[][] out) {
    product(t, n, t, n, len, out, true);
  }

  /**
   * Computes every {@code out[i][j]}, {@code i < na}, {@code j < nb}.
   *
   * @param ta len rows of at least {@code na} rounded up to a multiple of 4 entries (zero padded)
   * @param tb len rows of at least {@code nb} entries
   * @param out na rows of nb entries, zero on entry
   */
  static void product(double[][] ta, int na, double[][] tb, int nb, int len, double[][] out) {
    product(ta, na, tb, nb, len, out, false);
  }

  private static void product(
      double[][] ta, int na, double[][] tb, int nb, int len, double[][] out, boolean upper) {
    int blocks = (na + 3) / 4;
    long work = (long) na * nb * len / (upper ? 2 : 1);
    if (work >= PARALLEL_WORK && blocks > 1) {
      IntStream.range(0, blocks)
          .parallel()
          .forEach(ib -> rowBlock(ta, na, tb, nb, len, out, upper, ib * 4));
    } else {
      for (int ib = 0; ib < blocks; ib++) {
        rowBlock(ta, na, tb, nb, len, out, upper, ib * 4);
      }
    }
  }

  private static void rowBlock(
      double[][] ta, int na, double[][] tb, int nb, int len, double[][] out, boolean upper, int i) {
    // rows past na write to a scratch row (their vectors are the zero padding)
    double[] spare = i + 3 < na ? null : new double[nb];
    double[] c0 = out[i];
    double[] c1 = i + 1 < na ? out[i + 1] : spare;
    double[] c2 = i + 2 < na ? out[i + 2] : spare;
    double[] c3 = i + 3 < na ? out[i + 3] : spare;
    for (int j0 = upper ? i : 0; j0 < nb; j0 += J_BLOCK) {
      int j1 = Math.min(nb, j0 + J_BLOCK);
      int k = 0;
      // two dates per pass: each cell is loaded and stored half as often; the sum of a cell
      // still adds the dates' products one after the other, so the result is bit-identical
      for (; k + 1 < len; k += 2) {
        double[] a = ta[k];
        double[] b = tb[k];
        double[] p = ta[k + 1];
        double[] q = tb[k + 1];
        double x0 = a[i];
        double x1 = a[i + 1];
        double x2 = a[i + 2];
        double x3 = a[i + 3];
        double u0 = p[i];
        double u1 = p[i + 1];
        double u2 = p[i + 2];
        double u3 = p[i + 3];
        for (int j = j0; j < j1; j++) {
          double y = b[j];
          double v = q[j];
          c0[j] = c0[j] + x0 * y + u0 * v;
          c1[j] = c1[j] + x1 * y + u1 * v;
          c2[j] = c2[j] + x2 * y + u2 * v;
          c3[j] = c3[j] + x3 * y + u3 * v;
        }
      }
      for (; k < len; k++) {
        double[] a = ta[k];
        double[] b = tb[k];
        double x0 = a[i];
        double x1 = a[i + 1];
        double x2 = a[i + 2];
        double x3 = a[i + 3];
        for (int j = j0; j < j1; j++) {
          double y = b[j];
          c0[j] += x0 * y;
          c1[j] += x1 * y;
          c2[j] += x2 * y;
          c3[j] += x3 * y;
        }
      }
    }
  }
}
