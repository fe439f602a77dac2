package io.scrilla.core.estimate;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The blocked product kernel against the plain date-by-date sum of every cell, bit for bit. */
class DotProductsTest {

  private static double[][] columns(Random rnd, int len, int n) {
    double[][] t = new double[len][(n + 3) / 4 * 4];
    for (int k = 0; k < len; k++) {
      for (int r = 0; r < n; r++) {
        t[k][r] = rnd.nextGaussian() * Math.pow(10, rnd.nextInt(7) - 3);
      }
    }
    return t;
  }

  private static double plain(double[][] ta, int i, double[][] tb, int j, int len) {
    double s = 0;
    for (int k = 0; k < len; k++) {
      s += ta[k][i] * tb[k][j];
    }
    return s;
  }

  @ParameterizedTest
  @CsvSource({"1, 5", "2, 7", "3, 4", "10, 9", "11, 13", "1259, 6", "1260, 3", "64, 300"})
  void upperGram_oddAndEvenDateCounts_equalsDateByDateSumBitForBit(int len, int n) {
    Random rnd = new Random(31L * len + n);
    double[][] t = columns(rnd, len, n);
    double[][] out = new double[n][n];
    DotProducts.upperGram(t, n, len, out);
    for (int i = 0; i < n; i++) {
      for (int j = i; j < n; j++) {
        assertEquals(
            Double.doubleToLongBits(plain(t, i, t, j, len)),
            Double.doubleToLongBits(out[i][j]),
            "cell " + i + "," + j);
      }
    }
  }

  @ParameterizedTest
  @CsvSource({"1, 3, 5", "2, 6, 2", "7, 5, 9", "1260, 4, 7", "33, 9, 270"})
  void product_oddAndEvenDateCounts_equalsDateByDateSumBitForBit(int len, int na, int nb) {
    Random rnd = new Random(7L * len + na + nb);
    double[][] ta = columns(rnd, len, na);
    double[][] tb = columns(rnd, len, nb);
    double[][] out = new double[na][nb];
    DotProducts.product(ta, na, tb, nb, len, out);
    for (int i = 0; i < na; i++) {
      for (int j = 0; j < nb; j++) {
        assertEquals(
            Double.doubleToLongBits(plain(ta, i, tb, j, len)),
            Double.doubleToLongBits(out[i][j]),
            "cell " + i + "," + j);
      }
    }
  }

  /** Asserts every cell of the product (the upper triangle only when {@code upper}) bit for bit. */
  private static void assertOrderedSums(
      double[][] ta, int na, double[][] tb, int nb, int len, double[][] out, boolean upper) {
    for (int i = 0; i < na; i++) {
      for (int j = 0; j < nb; j++) {
        long expected =
            upper && j < i
                ? Double.doubleToLongBits(0.0) // below the diagonal: not written
                : Double.doubleToLongBits(plain(ta, i, tb, j, len));
        assertEquals(
            expected,
            Double.doubleToLongBits(out[i][j]),
            "cell " + i + "," + j + " of " + na + "x" + nb + ", " + len + " dates");
      }
    }
  }

  @Test
  void upperGram_oneToNineVectors_oddAndEvenDateCounts_bitForBit() {
    Random rnd = new Random(11);
    for (int n = 1; n <= 9; n++) {
      for (int len : new int[] {1, 2, 3, 4, 5, 7, 8, 9, 15, 16, 17, 1260}) {
        double[][] t = columns(rnd, len, n);
        double[][] out = new double[n][n];
        DotProducts.upperGram(t, n, len, out);
        assertOrderedSums(t, n, t, n, len, out, true);
      }
    }
  }

  @Test
  void product_sizesPastTheDefaultBlocks_bitForBit() {
    Random rnd = new Random(12);
    int n = DotProducts.J_BLOCK + 3;
    int len = 2 * DotProducts.K_BLOCK + 3;
    double[][] t = columns(rnd, len, n);
    double[][] out = new double[n][n];
    DotProducts.upperGram(t, n, len, out);
    assertOrderedSums(t, n, t, n, len, out, true);
    int na = DotProducts.I_BLOCK + 1;
    double[][] ta = columns(rnd, len, na);
    double[][] rect = new double[na][n];
    DotProducts.product(ta, na, t, n, len, rect);
    assertOrderedSums(ta, na, t, n, len, rect, false);
  }

  @Test
  void product_randomSizesAndBlocks_twoInputsAndGram_bitForBit() {
    Random rnd = new Random(13);
    for (int trial = 0; trial < 300; trial++) {
      int na = 1 + rnd.nextInt(trial % 2 == 0 ? 9 : 40);
      int nb = 1 + rnd.nextInt(40);
      int len = 1 + rnd.nextInt(30);
      int iBlock = 1 + rnd.nextInt(6);
      int jBlock = 1 + rnd.nextInt(12);
      int kBlock = 1 + rnd.nextInt(10);
      double[][] ta = columns(rnd, len, na);
      double[][] tb = columns(rnd, len, nb);
      double[][] out = new double[na][nb];
      DotProducts.product(ta, na, tb, nb, len, out, false, iBlock, jBlock, kBlock);
      assertOrderedSums(ta, na, tb, nb, len, out, false);
      double[][] gram = new double[na][na];
      DotProducts.product(ta, na, ta, na, len, gram, true, iBlock, jBlock, kBlock);
      assertOrderedSums(ta, na, ta, na, len, gram, true);
    }
  }
}
