package io.scrilla.core.estimate;

import java.util.stream.IntStream;

/**
 * Blocked products of vectors stored by columns: with {@code t[k][i]} the k-th entry of vector i,
 * {@code out[i][j] = sum_k ta[k][i] tb[k][j]} (package-private kernel of {@link
 * CorrelationMatrixEstimator}).
 *
 * <p>Exactness: the product is written as rank-one updates of each output row, {@code out[i][j] +=
 * ta[k][i] tb[k][j]} for {@code k = 0, 1, ..., len - 1}, so every entry is accumulated by one sum
 * in the order of k, starting from 0, with a multiply and then an add per date (never a fused
 * multiply-add, as Java requires), exactly as a plain dot-product loop would: the results are the
 * same doubles.
 *
 * <p>Speed: the innermost loop, {@link #add4}, updates one output row with four dates, {@code c[j]
 * = c[j] + x0 b0[j] + x1 b1[j] + x2 b2[j] + x3 b3[j]} over contiguous j; its body is small enough
 * for the JIT (C2) to unroll it and compile it to vector instructions (a vector multiply and a
 * vector add per date). Measured on a 2-core AVX-512 Xeon, OpenJDK 17, N=500, T=1260, one thread:
 * 13 ms (24 GFLOP/s) against 45 ms for the earlier kernel, which updated four output rows with two
 * dates in one loop: that body is larger than C2's unroll limit ({@code -XX:LoopUnrollLimit}, 60
 * nodes), so it was neither unrolled nor vectorized and ran at scalar speed (7 GFLOP/s). So is a
 * single loop over eight dates. Keep this loop small.
 *
 * <p>Blocking: the dates come in panels of {@link #K_BLOCK} rows of {@code tb} of {@link #J_BLOCK}
 * columns (32 KiB, in the L1 cache while every output row of a row block is updated with them); a
 * row block of {@link #I_BLOCK} rows by {@link #J_BLOCK} columns of sums (256 KiB) stays in the L2
 * cache while the panels go by. Large products split their row blocks over the common fork/join
 * pool; each task writes its own rows. Nothing is allocated.
 */
final class DotProducts {
  /** Dates per panel: 8 dates of 512 columns (32 KiB) stay in L1 while the rows are updated. */
  static final int K_BLOCK = 8;

  /** Columns per panel. */
  static final int J_BLOCK = 512;

  /** Output rows per block and per parallel task: 64 rows of 512 sums (256 KiB) stay in L2. */
  static final int I_BLOCK = 64;

  /** Products with at least this many multiply-adds run in parallel. */
  static final long PARALLEL_WORK = 4_000_000L;

  private DotProducts() {}

  /**
   * Computes {@code out[i][j]} for {@code i < n} and {@code j >= i} of the vectors {@code t} with
   * themselves; entries below the diagonal are not written.
   *
   * @param t len rows of at least {@code n} entries
   * @param n the number of vectors
   * @param len the number of entries of each vector
   * @param out n rows of n entries, zero on entry
   */
  static void upperGram(double[][] t, int n, int len, double[][] out) {
    product(t, n, t, n, len, out, true, I_BLOCK, J_BLOCK, K_BLOCK);
  }

  /**
   * Computes every {@code out[i][j]}, {@code i < na}, {@code j < nb}.
   *
   * @param ta len rows of at least {@code na} entries
   * @param tb len rows of at least {@code nb} entries
   * @param out na rows of nb entries, zero on entry
   */
  static void product(double[][] ta, int na, double[][] tb, int nb, int len, double[][] out) {
    product(ta, na, tb, nb, len, out, false, I_BLOCK, J_BLOCK, K_BLOCK);
  }

  /** The product with the given block sizes (tests use small blocks to cross their edges). */
  static void product(
      double[][] ta,
      int na,
      double[][] tb,
      int nb,
      int len,
      double[][] out,
      boolean upper,
      int iBlock,
      int jBlock,
      int kBlock) {
    int blocks = (na + iBlock - 1) / iBlock;
    long work = (long) na * nb * len / (upper ? 2 : 1);
    IntStream range = IntStream.range(0, blocks);
    if (work >= PARALLEL_WORK && blocks > 1) {
      range = range.parallel();
    }
    range.forEach(
        b -> {
          int i0 = b * iBlock;
          rowBlock(ta, tb, nb, len, out, upper, i0, Math.min(na, i0 + iBlock), jBlock, kBlock);
        });
  }

  /** Rows {@code i0 <= i < i1} of the product. */
  private static void rowBlock(
      double[][] ta,
      double[][] tb,
      int nb,
      int len,
      double[][] out,
      boolean upper,
      int i0,
      int i1,
      int jBlock,
      int kBlock) {
    for (int j0 = upper ? i0 : 0; j0 < nb; j0 += jBlock) {
      int j1 = Math.min(nb, j0 + jBlock);
      int iEnd = upper ? Math.min(i1, j1) : i1;
      for (int k0 = 0; k0 < len; k0 += kBlock) {
        int k1 = Math.min(len, k0 + kBlock);
        for (int i = i0; i < iEnd; i++) {
          panel(ta, tb, out[i], i, upper ? Math.max(j0, i) : j0, j1, k0, k1);
        }
      }
    }
  }

  /** Adds the dates {@code k0 <= k < k1}, in order, to {@code c[js..je)}, the sums of row i. */
  private static void panel(
      double[][] ta, double[][] tb, double[] c, int i, int js, int je, int k0, int k1) {
    int k = k0;
    for (; k + 3 < k1; k += 4) {
      add4(
          c,
          tb[k],
          tb[k + 1],
          tb[k + 2],
          tb[k + 3],
          ta[k][i],
          ta[k + 1][i],
          ta[k + 2][i],
          ta[k + 3][i],
          js,
          je);
    }
    for (; k < k1; k++) {
      add1(c, tb[k], ta[k][i], js, je);
    }
  }

  /** {@code c[j] = c[j] + x0 b0[j] + x1 b1[j] + x2 b2[j] + x3 b3[j]}, added left to right. */
  private static void add4(
      double[] c,
      double[] b0,
      double[] b1,
      double[] b2,
      double[] b3,
      double x0,
      double x1,
      double x2,
      double x3,
      int js,
      int je) {
    for (int j = js; j < je; j++) {
      c[j] = c[j] + x0 * b0[j] + x1 * b1[j] + x2 * b2[j] + x3 * b3[j];
    }
  }

  /** {@code c[j] = c[j] + x b[j]}. */
  private static void add1(double[] c, double[] b, double x, int js, int je) {
    for (int j = js; j < je; j++) {
      c[j] = c[j] + x * b[j];
    }
  }
}
