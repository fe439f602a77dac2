package io.scrilla.core.linalg;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class SymmetricTest {
  /** Sizes around the tile's edges, so that partial tiles are crossed. */
  private static final int[] SIZES = {0, 1, 2, 63, 64, 65, 130};

  private static double[][] random(int n, SplittableRandom rnd) {
    double[][] a = new double[n][n];
    for (double[] row : a) {
      for (int j = 0; j < n; j++) {
        row[j] = rnd.nextDouble(-1, 1);
      }
    }
    return a;
  }

  @Test
  void mirrorUpperCopiesEveryEntryAboveTheDiagonalAndNothingElse() {
    SplittableRandom rnd = new SplittableRandom(11);
    for (int n : SIZES) {
      double[][] a = random(n, rnd);
      double[][] before = new double[n][];
      for (int i = 0; i < n; i++) {
        before[i] = a[i].clone();
      }
      Symmetric.mirrorUpper(a);
      for (int i = 0; i < n; i++) {
        for (int j = 0; j < n; j++) {
          assertEquals(j >= i ? before[i][j] : before[j][i], a[i][j], n + ": " + i + "," + j);
        }
      }
      assertTrue(Symmetric.isSymmetric(a), "n = " + n);
    }
  }

  @Test
  void isSymmetricFindsAnEntryThatDiffersFromItsMirrorAnywhere() {
    SplittableRandom rnd = new SplittableRandom(12);
    for (int n : new int[] {2, 65, 130}) {
      int[][] offDiagonal = {
        {0, 1}, {n - 1, 0}, {0, n - 1}, {n - 1, n - 2}, {n / 2, (n / 2 + 1) % n}
      };
      for (int[] at : offDiagonal) {
        double[][] a = random(n, rnd);
        Symmetric.mirrorUpper(a);
        a[at[0]][at[1]] = Math.nextUp(a[at[0]][at[1]]);
        assertFalse(Symmetric.isSymmetric(a), n + ": " + at[0] + "," + at[1]);
      }
    }
  }

  @Test
  void aNanOffTheDiagonalIsNotSymmetric() {
    double[][] a = {{1, Double.NaN}, {Double.NaN, 1}};
    assertFalse(Symmetric.isSymmetric(a));
  }
}
