package io.scrilla.core.estimate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.scrilla.api.error.ScrillaException;
import io.scrilla.api.model.Asset;
import io.scrilla.api.model.DateRange;
import io.scrilla.api.model.EstimationMethod;
import io.scrilla.api.model.PriceHistory;
import io.scrilla.core.calendar.TradingCalendar;
import io.scrilla.core.stats.CorrelationMatrix;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * Checks the matrix kernel against the pair-by-pair computation it replaces, entry by entry to the
 * last bit, on generated and recorded prices.
 */
class CorrelationMatrixEstimatorTest {
  private static final TradingCalendar NYSE = TradingCalendar.nyse();
  private static final LocalDate START = LocalDate.parse("2019-01-02");

  /** The pair-by-pair loop the facade ran before the kernel, as the reference. */
  private static Reference reference(List<PriceHistory> hs, EstimationMethod method) {
    int n = hs.size();
    double[][] v = new double[n][n];
    Map<Asset, ScrillaException> failures = new LinkedHashMap<>();
    for (int i = 0; i < n; i++) {
      for (int j = i + 1; j < n; j++) {
        Asset a = hs.get(i).asset();
        Asset b = hs.get(j).asset();
        if (failures.containsKey(a) || failures.containsKey(b)) {
          continue;
        }
        boolean aFirst = a.compareTo(b) <= 0;
        try {
          v[i][j] =
              CorrelationEstimators.estimate(
                  PairSample.of(
                      aFirst ? hs.get(i) : hs.get(j), aFirst ? hs.get(j) : hs.get(i), NYSE),
                  method);
        } catch (ScrillaException e) {
          failures.put(b, e);
        }
      }
    }
    return new Reference(v, failures);
  }

  private record Reference(double[][] values, Map<Asset, ScrillaException> failures) {}

  private static void assertSameAsPairByPair(List<PriceHistory> hs, EstimationMethod method) {
    Reference ref = reference(hs, method);
    CorrelationMatrix m = CorrelationMatrixEstimator.estimate(hs, method, NYSE);
    assertEquals(ref.failures().keySet(), m.failures().keySet());
    for (Asset a : ref.failures().keySet()) {
      assertEquals(ref.failures().get(a).getMessage(), m.failures().get(a).getMessage());
    }
    List<Integer> rows = new ArrayList<>();
    for (int i = 0; i < hs.size(); i++) {
      if (!ref.failures().containsKey(hs.get(i).asset())) {
        rows.add(i);
      }
    }
    assertEquals(rows.size(), m.size());
    for (int a = 0; a < rows.size(); a++) {
      assertEquals(1.0, m.get(a, a));
      for (int b = a + 1; b < rows.size(); b++) {
        double expected = ref.values()[rows.get(a)][rows.get(b)];
        // bit for bit: the same sums in the same order
        assertEquals(
            Double.doubleToLongBits(expected),
            Double.doubleToLongBits(m.get(a, b)),
            () -> "entry " + m.tickers() + " expected " + expected);
        assertEquals(m.get(a, b), m.get(b, a));
      }
    }
  }

  /** A random walk on the given epoch days. */
  private static PriceHistory walk(Asset asset, int[] days, Random r, double vol) {
    double[] c = new double[days.length];
    double p = 50 + 100 * r.nextDouble();
    for (int i = 0; i < days.length; i++) {
      p *= Math.exp(vol * r.nextGaussian() + 0.0002);
      c[i] = p;
    }
    return PriceHistory.ofCloses(asset, days, c);
  }

  /** Equities A, B and C on the same {@code count} sessions, random walks of the seed. */
  private static List<PriceHistory> abc(long seed, int count) {
    Random r = new Random(seed);
    int[] days = sessions(count);
    return List.of(
        walk(Asset.equity("A"), days, r, 0.02),
        walk(Asset.equity("B"), days, r, 0.02),
        walk(Asset.equity("C"), days, r, 0.02));
  }

  private static int[] sessions(int count) {
    int[] d = new int[count];
    LocalDate day = START;
    for (int i = 0; i < count; i++) {
      day = NYSE.nextOrSame(day);
      d[i] = (int) day.toEpochDay();
      day = day.plusDays(1);
    }
    return d;
  }

  private static int[] calendarDays(int count) {
    int[] d = new int[count];
    for (int i = 0; i < count; i++) {
      d[i] = (int) START.toEpochDay() + i;
    }
    return d;
  }

  /** Drops each date with the probability, keeping the first and the last. */
  private static int[] withGaps(int[] days, double p, Random r) {
    return Arrays.stream(days)
        .filter(d -> d == days[0] || d == days[days.length - 1] || r.nextDouble() >= p)
        .toArray();
  }

  @Test
  void estimate_commonDates_equalsPairByPairToTheLastBit() {
    Random r = new Random(11);
    for (int n : new int[] {1, 2, 3, 5, 8, 13}) {
      int[] days = sessions(120);
      List<PriceHistory> hs = new ArrayList<>();
      for (int i = 0; i < n; i++) {
        hs.add(walk(Asset.equity("E" + i), days, r, 0.01 + 0.02 * r.nextDouble()));
      }
      assertSameAsPairByPair(hs, EstimationMethod.MOMENTS);
      assertSameAsPairByPair(hs, EstimationMethod.LIKELIHOOD);
      assertSameAsPairByPair(hs, EstimationMethod.PERCENTILES);
    }
  }

  @Test
  void estimate_commonDates_isMarkedGramAndPositiveSemiDefinite() {
    Random r = new Random(3);
    int[] days = sessions(40);
    List<PriceHistory> hs = new ArrayList<>();
    for (int i = 0; i < 6; i++) {
      hs.add(walk(Asset.equity("G" + i), days, r, 0.02));
    }
    CorrelationMatrix m = CorrelationMatrixEstimator.estimate(hs, EstimationMethod.MOMENTS, NYSE);
    assertTrue(m.isPositiveSemiDefinite());
    assertTrue(m.smallestEigenvalue() > 0);
  }

  @Test
  void estimate_mixedDates_equalsPairByPairToTheLastBit() {
    Random r = new Random(7);
    int[] sessions = sessions(300);
    int[] everyDay = calendarDays(420);
    List<PriceHistory> hs = new ArrayList<>();
    for (int i = 0; i < 9; i++) {
      hs.add(walk(Asset.equity("S" + i), sessions, r, 0.015));
    }
    // later listings, gaps, crypto with weekends beside equities, and a crypto on sessions only
    hs.add(3, walk(Asset.equity("LATE"), Arrays.copyOfRange(sessions, 120, 300), r, 0.02));
    hs.add(walk(Asset.equity("GAPPY"), withGaps(sessions, 0.2, r), r, 0.02));
    hs.add(1, walk(Asset.crypto("BTC"), everyDay, r, 0.04));
    hs.add(walk(Asset.crypto("ETH"), everyDay, r, 0.05));
    hs.add(walk(Asset.crypto("SOL"), sessions, r, 0.05));
    hs.add(walk(Asset.equity("LATE2"), Arrays.copyOfRange(sessions, 120, 300), r, 0.01));
    for (EstimationMethod method : EstimationMethod.values()) {
      assertSameAsPairByPair(hs, method);
    }
  }

  @Test
  void estimate_largeGroup_splitOverThreadsStillEqualsPairByPair() {
    // 404 x 404 x 59 multiply-adds: above the parallel threshold, and more assets than returns
    Random r = new Random(5);
    int[] days = sessions(60);
    List<PriceHistory> hs = new ArrayList<>();
    for (int i = 0; i < 403; i++) {
      hs.add(walk(Asset.equity("L" + i), days, r, 0.02));
    }
    assertSameAsPairByPair(hs, EstimationMethod.MOMENTS);
    CorrelationMatrix m = CorrelationMatrixEstimator.estimate(hs, EstimationMethod.MOMENTS, NYSE);
    assertTrue(m.isPositiveSemiDefinite());
    // the same numbers through the checked path: a Cholesky of the shifted matrix accepts rank 59
    CorrelationMatrix unmarked = CorrelationMatrix.of(m.assets(), m.toArray(), Map.of());
    assertTrue(unmarked.isPositiveSemiDefinite());
    assertEquals(0, unmarked.smallestEigenvalue(), 1e-12);
  }

  @Test
  void estimate_recordedPrices_equalsPairByPairToTheLastBit() {
    List<PriceHistory> hs = new ArrayList<>();
    DateRange window = DateRange.parse("2020-03-02", "2021-11-19");
    for (String t : new String[] {"SPY", "BTC", "ALLY", "BX", "ALGO", "DIS", "GLD"}) {
      boolean crypto = t.equals("BTC") || t.equals("ALGO");
      hs.add(RecordedPrices.load(crypto ? Asset.crypto(t) : Asset.equity(t)).slice(window));
    }
    for (EstimationMethod method : EstimationMethod.values()) {
      assertSameAsPairByPair(hs, method);
    }
  }

  @Test
  void estimate_failingPairs_leaveOutTheLaterAssetLikeThePairLoop() {
    Random r = new Random(9);
    int[] days = sessions(50);
    double[] flat = new double[days.length];
    Arrays.fill(flat, 10);
    List<PriceHistory> hs = new ArrayList<>();
    hs.add(walk(Asset.equity("A"), days, r, 0.02));
    hs.add(PriceHistory.ofCloses(Asset.equity("FLAT"), days, flat));
    hs.add(walk(Asset.equity("B"), days, r, 0.02));
    hs.add(walk(Asset.equity("SHORT"), Arrays.copyOfRange(days, 0, 2), r, 0.02));
    hs.add(walk(Asset.equity("C"), days, r, 0.02));
    hs.add(walk(Asset.equity("APART"), new int[] {days[49] + 400, days[49] + 401}, r, 0.02));
    for (EstimationMethod method : EstimationMethod.values()) {
      assertSameAsPairByPair(hs, method);
    }
    CorrelationMatrix m = CorrelationMatrixEstimator.estimate(hs, EstimationMethod.MOMENTS, NYSE);
    assertEquals(List.of("A", "B", "C"), m.tickers());
    assertEquals(
        List.of("FLAT", "SHORT", "APART"),
        m.failures().keySet().stream().map(Asset::ticker).toList());
    assertFalse(m.failures().get(Asset.equity("FLAT")).getMessage().isEmpty());
  }

  @Test
  void estimate_oneGroupWithAFlatSeries_leavesItOutLikeThePairLoop() {
    // one date set: the product is accumulated in the result itself, and the flat series' cells
    // must still go to the pair-by-pair path
    Random r = new Random(11);
    int[] days = sessions(40);
    double[] flat = new double[days.length];
    Arrays.fill(flat, 10);
    List<PriceHistory> hs = new ArrayList<>();
    hs.add(walk(Asset.equity("A"), days, r, 0.02));
    hs.add(PriceHistory.ofCloses(Asset.equity("FLAT"), days, flat));
    hs.add(walk(Asset.equity("B"), days, r, 0.02));
    hs.add(walk(Asset.equity("C"), days, r, 0.02));
    for (EstimationMethod method : EstimationMethod.values()) {
      assertSameAsPairByPair(hs, method);
    }
    CorrelationMatrix m = CorrelationMatrixEstimator.estimate(hs, EstimationMethod.MOMENTS, NYSE);
    assertEquals(List.of("A", "B", "C"), m.tickers());
    assertEquals(Set.of(Asset.equity("FLAT")), m.failures().keySet());
  }

  @Test
  void estimate_oneGroupOfTwoDates_failsEveryPairLikeThePairLoop() {
    List<PriceHistory> hs = abc(12, 2);
    for (EstimationMethod method : EstimationMethod.values()) {
      assertSameAsPairByPair(hs, method);
    }
    CorrelationMatrix m = CorrelationMatrixEstimator.estimate(hs, EstimationMethod.MOMENTS, NYSE);
    assertEquals(List.of("A"), m.tickers());
  }

  @Test
  void pairwise_unwantedPairsOfOneGroup_areEmptyForMoments() {
    List<PriceHistory> hs = abc(14, 30);
    CorrelationMatrixEstimator.Pairwise p =
        CorrelationMatrixEstimator.pairwise(
            hs,
            EstimationMethod.MOMENTS,
            NYSE,
            (a, b) -> !a.ticker().equals("A"),
            (a, b) ->
                CorrelationEstimators.estimate(
                    PairSample.of(a, b, NYSE), EstimationMethod.MOMENTS));
    assertTrue(p.correlation(0, 1).isEmpty());
    assertTrue(p.correlation(0, 2).isEmpty());
    assertEquals(
        Double.doubleToLongBits(
            CorrelationEstimators.estimate(
                PairSample.of(hs.get(1), hs.get(2), NYSE), EstimationMethod.MOMENTS)),
        Double.doubleToLongBits(p.correlation(2, 1).getAsDouble()));
    // nothing wanted at all
    CorrelationMatrixEstimator.Pairwise none =
        CorrelationMatrixEstimator.pairwise(
            hs, EstimationMethod.MOMENTS, NYSE, (a, b) -> false, (a, b) -> 0.5);
    assertTrue(none.correlation(1, 2).isEmpty());
  }

  @Test
  void pairwise_unwantedPairs_areNotComputed() {
    List<PriceHistory> hs = abc(13, 30);
    CorrelationMatrixEstimator.Pairwise p =
        CorrelationMatrixEstimator.pairwise(
            hs,
            EstimationMethod.PERCENTILES,
            NYSE,
            (a, b) -> !a.ticker().equals("A"),
            (a, b) ->
                CorrelationEstimators.estimate(
                    PairSample.of(a, b, NYSE), EstimationMethod.PERCENTILES));
    assertTrue(p.correlation(0, 1).isEmpty());
    assertTrue(p.correlation(0, 2).isEmpty());
    assertEquals(
        CorrelationEstimators.percentiles(PairSample.of(hs.get(1), hs.get(2), NYSE)),
        p.correlation(2, 1).getAsDouble());
    assertTrue(p.failures().isEmpty());
  }

  /**
   * Every pair asked for and computed: the pairwise values become the square matrix in place, with
   * the same correlations, once; with a pair not asked for, or for an asset left out, they do not.
   */
  @Test
  void pairwise_toMatrix_onlyWhenEveryPairHasACorrelation_andOnlyOnce() {
    List<PriceHistory> hs = abc(15, 40);
    for (EstimationMethod method : EstimationMethod.values()) {
      CorrelationMatrixEstimator.Pairwise p =
          CorrelationMatrixEstimator.pairwiseByIndex(
              hs,
              method,
              NYSE,
              (i, j) -> true,
              (a, b) -> CorrelationEstimators.estimate(PairSample.of(a, b, NYSE), method));
      assertTrue(p.isComplete(), method.name());
      double[] expected = {
        p.correlation(0, 1).getAsDouble(),
        p.correlation(0, 2).getAsDouble(),
        p.correlation(1, 2).getAsDouble()
      };
      double[][] m = p.toMatrix();
      assertEquals(
          List.of(1.0, expected[0], expected[1], expected[0], 1.0, expected[2]),
          List.of(m[0][0], m[0][1], m[0][2], m[1][0], m[1][1], m[1][2]),
          method.name());
      assertEquals(List.of(expected[1], expected[2], 1.0), List.of(m[2][0], m[2][1], m[2][2]));
      assertThrows(IllegalStateException.class, p::toMatrix, "handed over once");
    }
    CorrelationMatrixEstimator.Pairwise partial =
        CorrelationMatrixEstimator.pairwiseByIndex(
            hs, EstimationMethod.MOMENTS, NYSE, (i, j) -> i != 0 || j != 2, (a, b) -> 0.5);
    assertFalse(partial.isComplete());
    assertThrows(IllegalStateException.class, partial::toMatrix);
    List<PriceHistory> withFlat =
        List.of(
            hs.get(0), hs.get(1), PriceHistory.ofCloses(Asset.equity("F"), sessions(40), flat(40)));
    CorrelationMatrixEstimator.Pairwise leftOut =
        CorrelationMatrixEstimator.pairwiseByIndex(
            withFlat,
            EstimationMethod.MOMENTS,
            NYSE,
            (i, j) -> true,
            (a, b) ->
                CorrelationEstimators.estimate(
                    PairSample.of(a, b, NYSE), EstimationMethod.MOMENTS));
    assertEquals(1, leftOut.failures().size());
    assertFalse(leftOut.isComplete());
  }

  private static double[] flat(int n) {
    double[] c = new double[n];
    Arrays.fill(c, 10);
    return c;
  }
}
