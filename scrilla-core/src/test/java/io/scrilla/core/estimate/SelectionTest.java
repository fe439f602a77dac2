package io.scrilla.core.estimate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.integers;
import static org.quicktheories.generators.SourceDSL.lists;

import java.util.Arrays;
import java.util.List;
import java.util.Random;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/** {@link Selection} against a sorted copy: every selection, in any order, in one array. */
class SelectionTest {
  /**
   * Random arrays of 1 to 400 values drawn from few or many distinct values (ties are where a
   * partition goes wrong), then selections in a random order in the same array.
   */
  @Test
  void kth_anyOrderOfSelections_equalsTheSortedArray() {
    qt().withExamples(500)
        .forAll(
            integers().between(1, 400),
            integers().between(1, 1000),
            integers().all(),
            lists().of(integers().between(0, 399)).ofSizeBetween(1, 12))
        .checkAssert(
            (n, distinct, seed, picks) -> {
              Random r = new Random(seed);
              double[] x = new double[n];
              for (int i = 0; i < n; i++) {
                x[i] = r.nextInt(distinct) * 0.37 - distinct * 0.1;
              }
              assertSelections(x, picks);
            });
  }

  @Test
  void kth_orderedReversedAndConstantInputs() {
    int n = 2_000;
    double[] ascending = IntStream.range(0, n).asDoubleStream().toArray();
    double[] descending = IntStream.range(0, n).mapToDouble(i -> n - i).toArray();
    double[] constant = new double[n];
    Arrays.fill(constant, 0.25);
    // a sawtooth: few distinct values in long runs
    double[] saw = IntStream.range(0, n).mapToDouble(i -> i % 7).toArray();
    // infinities, repeated: the pivot may be one
    double[] infinite =
        IntStream.range(0, n)
            .mapToDouble(
                i ->
                    i % 3 == 0
                        ? Double.POSITIVE_INFINITY
                        : i % 5 == 0 ? Double.NEGATIVE_INFINITY : i % 11)
            .toArray();
    List<Integer> picks = List.of(0, 1, 499, 500, 1_000, 1_998, 1_999, 1_000, 0);
    for (double[] x : List.of(ascending, descending, constant, saw, infinite)) {
      assertSelections(x, picks);
    }
  }

  /** The 25th and 75th percentile positions of daily returns, as the profile estimator asks. */
  @Test
  void kth_quartilesOfGaussianReturns() {
    Random r = new Random(7);
    for (int n : new int[] {2, 3, 24, 25, 26, 100, 1_259, 2_520}) {
      double[] x = new double[n];
      for (int i = 0; i < n; i++) {
        x[i] = r.nextGaussian() * 0.2;
      }
      int q25 = (int) Math.floor((n + 1) * 0.25);
      int q75 = (int) Math.floor((n + 1) * 0.75);
      assertSelections(
          x, List.of(Math.max(0, q25 - 1), Math.min(n - 1, q25), q75 - 1, Math.min(n - 1, q75)));
    }
  }

  /** A range that shrinks too slowly is sorted instead (forced here from the first step). */
  @Test
  void kth_sortingFallback_givesTheSameValues() {
    Random r = new Random(11);
    double[] x = new double[500];
    for (int i = 0; i < x.length; i++) {
      x[i] = r.nextInt(50);
    }
    double[] sorted = x.clone();
    Arrays.sort(sorted);
    Selection s = new Selection(x.clone(), 0);
    for (int k : new int[] {120, 0, 499, 250, 121}) {
      assertEquals(sorted[k], s.kth(k), 0);
    }
  }

  private static void assertSelections(double[] x, List<Integer> picks) {
    double[] sorted = x.clone();
    Arrays.sort(sorted);
    double[] work = x.clone();
    Selection s = new Selection(work);
    for (int pick : picks) {
      int k = pick % x.length;
      assertEquals(sorted[k], s.kth(k), 0, () -> "k = " + k + " of " + x.length);
    }
    // reordered, nothing lost
    double[] after = work.clone();
    Arrays.sort(after);
    assertEquals(Arrays.toString(sorted), Arrays.toString(after));
  }
}
