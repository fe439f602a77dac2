package io.scrilla.core.estimate;

import io.scrilla.api.error.ScrillaException;
import io.scrilla.api.model.Asset;
import io.scrilla.api.model.CorrelationBlock;
import io.scrilla.api.model.EstimationMethod;
import io.scrilla.api.model.PriceHistory;
import io.scrilla.core.calendar.TradingCalendar;
import io.scrilla.core.linalg.Symmetric;
import io.scrilla.core.stats.CorrelationMatrix;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.BitSet;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.OptionalDouble;
import java.util.Set;
import java.util.function.BiPredicate;
import java.util.function.ToDoubleBiFunction;
import java.util.stream.IntStream;

/**
 * The pairwise correlations of many assets at once: each entry is the number {@link
 * CorrelationEstimators#estimate} gives for {@link PairSample#of} the two histories, computed with
 * one pass per series and one product per group of series instead of one sample per pair.
 *
 * <ul>
 *   <li>Each series' log returns and interval lengths are computed once.
 *   <li>Series with the same dates form a group; within a group every series' standardized
 *       residuals are computed once and the sums {@code sum e1 e2} of all pairs come from one
 *       blocked product of the residual matrix with its transpose ({@link DotProducts}).
 *   <li>Two groups with different dates (crypto beside equities with weekends, different listing
 *       dates, gaps) meet on their common dates: each member is restricted to them once (reusing
 *       its log returns wherever two kept dates are adjacent) and the pairs come from one
 *       rectangular product.
 *   <li>The percentile estimator standardizes and takes the percentiles of each series once per
 *       group or group pair; the copula counts of a pair are bit-set intersections and the
 *       one-dimensional minimization runs pair by pair, split over the common fork/join pool.
 * </ul>
 *
 * <p>Every entry is the same double as the pair-by-pair computation: the sums are accumulated in
 * the same order. A pair whose sample is too small or has no variation is handed to the
 * pair-by-pair computation, which fails with its usual message; failures are attributed as a loop
 * over the pairs {@code (i, j), i < j} in order would: the later asset of the first failing pair is
 * left out, and pairs with an asset left out are skipped.
 */
public final class CorrelationMatrixEstimator {
  private static final double[] LEVELS = CorrelationEstimators.percentileLevels();

  /** Per-series stages over at least this many prices run in parallel. */
  private static final long PARALLEL_ELEMENTS = 200_000L;

  /** Members whose residuals are written to the columns together: 8 doubles, a cache line. */
  private static final int LINE = 8;

  /** Members per task of the residual columns (each task has one scratch of 8 residual rows). */
  private static final int CHUNK = 128;

  private CorrelationMatrixEstimator() {}

  /**
   * Returns the correlation matrix of the histories: symmetric, unit diagonal, entry (i, j) as
   * {@code CorrelationEstimators.estimate(PairSample.of(h_i, h_j, calendar), method)}. An asset
   * whose pair with an earlier asset cannot be estimated is left out and reported in {@link
   * CorrelationMatrix#failures()}. A later history of an asset already in the list is ignored.
   *
   * @param histories the price histories, one per asset, in row order
   * @param method the estimation method
   * @param calendar the calendar that counts equity sessions
   * @return the matrix; a matrix of moments or likelihood correlations of series that all share
   *     their dates is marked as a Gram matrix (positive semi-definite by construction)
   */
  public static CorrelationMatrix estimate(
      List<PriceHistory> histories, EstimationMethod method, TradingCalendar calendar) {
    Objects.requireNonNull(histories, "histories");
    Objects.requireNonNull(method, "method");
    Objects.requireNonNull(calendar, "calendar");
    Set<Asset> seen = new LinkedHashSet<>();
    List<PriceHistory> distinct = new ArrayList<>();
    for (PriceHistory h : histories) {
      if (seen.add(h.asset())) {
        distinct.add(h);
      }
    }
    Pairwise p =
        pairwiseByIndex(
            distinct,
            method,
            calendar,
            (i, j) -> true,
            (a, b) -> CorrelationEstimators.estimate(PairSample.of(a, b, calendar), method));
    List<Integer> ok = new ArrayList<>();
    for (int i = 0; i < distinct.size(); i++) {
      if (!p.failures().containsKey(distinct.get(i).asset())) {
        ok.add(i);
      }
    }
    int m = ok.size();
    List<Asset> assets = new ArrayList<>();
    for (int a = 0; a < m; a++) {
      assets.add(distinct.get(ok.get(a)).asset());
    }
    double[][] matrix;
    if (p.isComplete()) {
      matrix = p.toMatrix();
    } else {
      matrix = new double[m][m];
      for (int a = 0; a < m; a++) {
        matrix[a][a] = 1;
        for (int b = a + 1; b < m; b++) {
          matrix[a][b] = p.values[ok.get(a)][ok.get(b)];
        }
      }
      Symmetric.mirrorUpper(matrix);
    }
    boolean gram = p.oneGroup && method != EstimationMethod.PERCENTILES;
    return gram
        ? CorrelationMatrix.ofGram(assets, matrix, p.failures())
        : CorrelationMatrix.of(assets, matrix, p.failures());
  }

  /**
   * The correlations of the pairs a caller asked for, with the assets left out.
   *
   * <p>Returned by {@link #pairwise}; entry (i, j) refers to the i-th and j-th history passed.
   */
  public static final class Pairwise {
    private final double[][] values;
    private final Map<Asset, ScrillaException> failures;
    private final boolean oneGroup;
    private final boolean complete;
    private boolean square;

    private Pairwise(
        double[][] values,
        Map<Asset, ScrillaException> failures,
        boolean oneGroup,
        boolean complete) {
      this.values = values;
      this.failures = failures;
      this.oneGroup = oneGroup;
      this.complete = complete;
    }

    /** Returns whether every pair was asked for and has a correlation (no asset left out). */
    public boolean isComplete() {
      return complete;
    }

    /**
     * Returns the correlations as a symmetric matrix with a unit diagonal, rows and columns in the
     * order of the histories passed. The matrix is this object's own array, completed in place (for
     * a 2,000-asset matrix, 32 MB not allocated again): the caller owns it from then on, and this
     * method may be called once.
     *
     * @throws IllegalStateException when the correlations are not {@link #isComplete() complete},
     *     or on a second call
     */
    public double[][] toMatrix() {
      if (!complete || square) {
        throw new IllegalStateException(
            square ? "the matrix was already handed over" : "not every pair has a correlation");
      }
      square = true;
      for (int i = 0; i < values.length; i++) {
        values[i][i] = 1;
      }
      Symmetric.mirrorUpper(values);
      return values;
    }

    /**
     * Returns the correlation of histories i and j, empty when the pair was not asked for or an
     * asset of the pair was left out.
     */
    public OptionalDouble correlation(int i, int j) {
      double v = i < j ? values[i][j] : values[j][i];
      return Double.isNaN(v) ? OptionalDouble.empty() : OptionalDouble.of(v);
    }

    /** Returns the assets left out, each with the failure of its first failing pair, in order. */
    public Map<Asset, ScrillaException> failures() {
      return failures;
    }
  }

  /** Which pairs to compute, by the positions of their histories in the list passed. */
  @FunctionalInterface
  public interface PairFilter {
    /**
     * Returns whether to compute the pair of the i-th and j-th histories.
     *
     * @param i the position of the first history
     * @param j the position of the second history, {@code j > i}
     * @return whether the pair is wanted
     */
    boolean test(int i, int j);
  }

  /**
   * Computes the correlations of the pairs {@code wanted} selects.
   *
   * @param histories the price histories of distinct assets
   * @param method the estimation method
   * @param calendar the calendar that counts equity sessions
   * @param wanted which pairs (first asset, second asset in list order) to compute
   * @param single the pair-by-pair computation, called with the two histories in {@link
   *     io.scrilla.api.model.CorrelationKey} order for a pair whose sample is too small or has no
   *     variation; its exception (a {@link ScrillaException}) is the pair's failure
   * @return the correlations and the assets left out
   */
  public static Pairwise pairwise(
      List<PriceHistory> histories,
      EstimationMethod method,
      TradingCalendar calendar,
      BiPredicate<Asset, Asset> wanted,
      ToDoubleBiFunction<PriceHistory, PriceHistory> single) {
    Objects.requireNonNull(histories, "histories");
    Objects.requireNonNull(wanted, "wanted");
    return pairwiseByIndex(
        histories,
        method,
        calendar,
        (i, j) -> wanted.test(histories.get(i).asset(), histories.get(j).asset()),
        single);
  }

  /**
   * Computes the correlations of the pairs {@code wanted} selects by position, as {@link #pairwise}
   * does: for callers that know the pairs by index, with no lookup of an asset per pair.
   *
   * @param histories the price histories of distinct assets
   * @param method the estimation method
   * @param calendar the calendar that counts equity sessions
   * @param wanted which pairs {@code (i, j)}, {@code i < j} positions in {@code histories}, to
   *     compute
   * @param single the pair-by-pair computation, as for {@link #pairwise}
   * @return the correlations and the assets left out
   */
  public static Pairwise pairwiseByIndex(
      List<PriceHistory> histories,
      EstimationMethod method,
      TradingCalendar calendar,
      PairFilter wanted,
      ToDoubleBiFunction<PriceHistory, PriceHistory> single) {
    Objects.requireNonNull(histories, "histories");
    Objects.requireNonNull(method, "method");
    Objects.requireNonNull(calendar, "calendar");
    Objects.requireNonNull(wanted, "wanted");
    Objects.requireNonNull(single, "single");
    int n = histories.size();
    WantedPairs want = new WantedPairs(n);
    boolean anyWanted = false;
    for (int i = 0; i < n; i++) {
      for (int j = i + 1; j < n; j++) {
        if (wanted.test(i, j)) {
          want.add(i, j);
          anyWanted = true;
        }
      }
    }
    List<int[]> groups = anyWanted ? groups(histories) : List.of();
    boolean percentiles = method == EstimationMethod.PERCENTILES;
    // one group of moments or likelihood: the product of the group is written straight into the
    // values (zero on entry), which then hold the correlations; otherwise NaN marks "not computed"
    boolean direct = groups.size() == 1 && !percentiles;
    double[][] values = new double[n][n];
    if (!direct) {
      fillNaN(values);
    }
    if (anyWanted) {
      SeriesReturns[] series = new SeriesReturns[n];
      long size = 0;
      for (PriceHistory h : histories) {
        size += h.size();
      }
      // a series of the only group is restricted once: nothing to keep for a second time
      boolean keep = groups.size() > 1;
      range(n, size).forEach(i -> series[i] = new SeriesReturns(histories.get(i), calendar, keep));
      boolean productDone = false;
      for (int g = 0; g < groups.size(); g++) {
        for (int h = g; h < groups.size(); h++) {
          int[] ga = groups.get(g);
          int[] gb = groups.get(h);
          if (!anyWanted(want, ga, gb)) {
            continue;
          }
          int[][] common = common(series[ga[0]], series[gb[0]], g == h);
          if (common[0].length < 3) {
            continue; // too few common dates: every pair fails below
          }
          if (percentiles) {
            percentilePairs(series, ga, gb, common, g == h, want, values);
          } else {
            momentPairs(series, ga, gb, common, g == h, values, direct);
            productDone = true;
          }
        }
      }
      if (direct && !productDone) {
        fillNaN(values);
      }
    } else if (direct) {
      fillNaN(values);
    }
    Map<Asset, ScrillaException> failures = new LinkedHashMap<>();
    // a flag per asset: a set of boxed indices would box one Integer per pair above 127
    boolean[] left = new boolean[n];
    boolean everyPair = true;
    for (int i = 0; i < n; i++) {
      for (int j = i + 1; j < n; j++) {
        if (!want.has(i, j)) {
          values[i][j] = Double.NaN;
          everyPair = false;
          continue;
        }
        if (left[i] || left[j]) {
          values[i][j] = Double.NaN;
          continue;
        }
        if (Double.isNaN(values[i][j])) {
          PriceHistory a = histories.get(i);
          PriceHistory b = histories.get(j);
          boolean aFirst = a.asset().compareTo(b.asset()) <= 0;
          try {
            values[i][j] = single.applyAsDouble(aFirst ? a : b, aFirst ? b : a);
          } catch (ScrillaException e) {
            failures.put(b.asset(), e);
            left[j] = true;
          }
        }
      }
    }
    return new Pairwise(
        values,
        Collections.unmodifiableMap(failures),
        groups.size() == 1 && failures.isEmpty(),
        everyPair && failures.isEmpty());
  }

  private static void fillNaN(double[][] values) {
    for (double[] row : values) {
      Arrays.fill(row, Double.NaN);
    }
  }

  /** Groups the series by their dates, in order of first appearance. */
  private static List<int[]> groups(List<PriceHistory> histories) {
    Map<DatesKey, List<Integer>> byDates = new LinkedHashMap<>();
    List<Integer> group = null;
    for (int i = 0; i < histories.size(); i++) {
      // cheap check first: a series usually has the dates of the one before it (no hash, no map)
      if (i == 0 || !sameDates(histories.get(i), histories.get(i - 1))) {
        group = byDates.computeIfAbsent(DatesKey.of(histories.get(i)), k -> new ArrayList<>());
      }
      group.add(i);
    }
    List<int[]> out = new ArrayList<>();
    for (List<Integer> g : byDates.values()) {
      out.add(g.stream().mapToInt(Integer::intValue).toArray());
    }
    return out;
  }

  /** The dates of a history as a map key, read through its accessors (no copy). */
  private record DatesKey(PriceHistory history, int hash) {
    static DatesKey of(PriceHistory h) {
      int hash = 1;
      for (int i = 0; i < h.size(); i++) {
        hash = 31 * hash + h.epochDay(i);
      }
      return new DatesKey(h, hash);
    }

    @Override
    public boolean equals(Object o) {
      return o instanceof DatesKey k && k.hash == hash && sameDates(history, k.history);
    }

    @Override
    public int hashCode() {
      return hash;
    }

    @Override
    public String toString() {
      return history.size() + " dates";
    }
  }

  private static boolean sameDates(PriceHistory a, PriceHistory b) {
    if (a.size() != b.size()) {
      return false;
    }
    for (int i = 0; i < a.size(); i++) {
      if (a.epochDay(i) != b.epochDay(i)) {
        return false;
      }
    }
    return true;
  }

  /** The pairs asked for, one bit per pair (a 500-asset matrix: 16 KiB, not 250 KiB). */
  private static final class WantedPairs {
    private final int n;
    private final BitSet bits;

    WantedPairs(int n) {
      this.n = n;
      this.bits = new BitSet(n * (n - 1) / 2);
    }

    void add(int i, int j) {
      bits.set(CorrelationBlock.index(n, i, j));
    }

    /** Returns whether the pair of i and j ({@code i != j}, in either order) is asked for. */
    boolean has(int i, int j) {
      return bits.get(CorrelationBlock.index(n, Math.min(i, j), Math.max(i, j)));
    }
  }

  private static boolean anyWanted(WantedPairs want, int[] ga, int[] gb) {
    for (int i : ga) {
      for (int j : gb) {
        if (i != j && want.has(i, j)) {
          return true;
        }
      }
    }
    return false;
  }

  /** Returns the positions of the common dates in each of two series (null for all, same). */
  private static int[][] common(SeriesReturns a, SeriesReturns b, boolean same) {
    if (same) {
      int[] all = new int[a.size()];
      Arrays.setAll(all, i -> i);
      return new int[][] {all, all};
    }
    int n = Math.min(a.size(), b.size());
    int[] pa = new int[n];
    int[] pb = new int[n];
    int i = 0;
    int j = 0;
    int k = 0;
    while (i < a.size() && j < b.size()) {
      int da = a.day(i);
      int db = b.day(j);
      if (da < db) {
        i++;
      } else if (db < da) {
        j++;
      } else {
        pa[k] = i++;
        pb[k] = j++;
        k++;
      }
    }
    return new int[][] {Arrays.copyOf(pa, k), Arrays.copyOf(pb, k)};
  }

  /**
   * Standardized residuals of the members on the common positions, stored by columns ({@code
   * t[k][r]}, r the member).
   */
  private static double[][] residualColumns(
      SeriesReturns[] series, int[] members, int[] pos, double[] sumSquares) {
    int len = pos.length - 1;
    double[][] t = new double[len][members.length];
    int[] p = pos.length == series[members[0]].size() ? null : pos;
    // the members share their dates, so their intervals depend only on how they are counted
    double[] sessionIntervals = intervals(series, members, p, pos.length, true);
    double[] dayIntervals = intervals(series, members, p, pos.length, false);
    // the residuals of 8 members at a time, then written by dates: each t[k] gets a whole cache
    // line at once, instead of one entry per member in lines that leave the cache in between
    range((members.length + CHUNK - 1) / CHUNK, (long) members.length * len)
        .forEach(
            c -> {
              double[][] e = new double[LINE][len];
              for (int b = CHUNK * c; b < Math.min(members.length, CHUNK * c + CHUNK); b += LINE) {
                int width = Math.min(LINE, members.length - b);
                for (int r = 0; r < width; r++) {
                  SeriesReturns s = series[members[b + r]];
                  double[] d = s.countsSessions() ? sessionIntervals : dayIntervals;
                  sumSquares[b + r] = s.residuals(p, pos.length, d, e[r], null);
                }
                for (int k = 0; k < len; k++) {
                  double[] row = t[k];
                  for (int r = 0; r < width; r++) {
                    row[b + r] = e[r][k];
                  }
                }
              }
            });
    return t;
  }

  /**
   * Returns the intervals ({@link SeriesReturns#intervals}) of the first member that counts
   * sessions (or days), or null when none does.
   */
  private static double[] intervals(
      SeriesReturns[] series, int[] members, int[] pos, int m, boolean sessions) {
    for (int i : members) {
      if (series[i].countsSessions() == sessions) {
        double[] d = new double[m - 1];
        series[i].intervals(pos, m, d);
        return d;
      }
    }
    return null;
  }

  /** The indices 0..count, in parallel when the work (in elements) is large. */
  private static IntStream range(int count, long work) {
    IntStream r = IntStream.range(0, count);
    return work >= PARALLEL_ELEMENTS ? r.parallel() : r;
  }

  /**
   * The moments (or likelihood) correlations of the pairs of two groups.
   *
   * @param direct whether {@code ga} and {@code gb} are the same group of every series, in order,
   *     and {@code values} is zero: the product then accumulates in {@code values} itself
   */
  private static void momentPairs(
      SeriesReturns[] series,
      int[] ga,
      int[] gb,
      int[][] common,
      boolean same,
      double[][] values,
      boolean direct) {
    int len = common[0].length - 1;
    double[] ssa = new double[ga.length];
    double[][] ta = residualColumns(series, ga, common[0], ssa);
    double[] ssb = same ? ssa : new double[gb.length];
    double[][] tb = same ? ta : residualColumns(series, gb, common[1], ssb);
    double[][] dots = direct ? values : new double[ga.length][gb.length];
    if (same) {
      DotProducts.upperGram(ta, ga.length, len, dots);
    } else {
      DotProducts.product(ta, ga.length, tb, gb.length, len, dots);
    }
    if (direct && same) {
      scaleInPlace(values, ssa);
      return;
    }
    for (int r = 0; r < ga.length; r++) {
      for (int c = same ? r + 1 : 0; c < gb.length; c++) {
        int i = ga[r];
        int j = gb[c];
        double saa = ssa[r];
        double sbb = ssb[c];
        // a sample without variation is left (NaN) to the pair-by-pair path, which reports it;
        // in the direct case dots[r][c] is the cell written here
        double rho = Double.NaN;
        if (saa != 0 && sbb != 0) {
          rho = Math.max(-1, Math.min(1, dots[r][c] / Math.sqrt(saa * sbb)));
        }
        values[Math.min(i, j)][Math.max(i, j)] = rho;
      }
    }
  }

  /**
   * Turns the sums {@code v[r][c] = sum e_r e_c}, {@code c > r}, into correlations in place, as the
   * general loop of {@link #momentPairs} does: every row is scaled by one branch-free loop (which
   * the JIT vectorizes), then the pairs of a series without variation, which that loop turned into
   * a clamped or NaN quotient, are set back to NaN for the pair-by-pair path.
   */
  private static void scaleInPlace(double[][] v, double[] ss) {
    int n = ss.length;
    for (int r = 0; r < n; r++) {
      double[] row = v[r];
      double saa = ss[r];
      for (int c = r + 1; c < n; c++) {
        row[c] = Math.max(-1, Math.min(1, row[c] / Math.sqrt(saa * ss[c])));
      }
    }
    for (int c = 0; c < n; c++) {
      if (ss[c] == 0) {
        for (int r = 0; r < c; r++) {
          v[r][c] = Double.NaN;
        }
        Arrays.fill(v[c], c + 1, n, Double.NaN);
      }
    }
  }

  /** What the percentile estimator needs of one series on a set of dates. */
  private record PercentileSide(double[] u, long[][] below) {}

  private static PercentileSide percentileSide(SeriesReturns s, int[] pos) {
    int len = pos.length - 1;
    double[] e = new double[len];
    double[] x = new double[len];
    double[] d = new double[len];
    int[] at = pos.length == s.size() ? null : pos;
    s.intervals(at, pos.length, d);
    s.residuals(at, pos.length, d, e, x);
    // standardized exactly as CorrelationEstimators.percentiles does
    double mean = 0;
    for (double xi : x) {
      mean += xi;
    }
    mean /= len;
    double ss = 0;
    for (double xi : x) {
      ss += (xi - mean) * (xi - mean);
    }
    double sd = Math.sqrt(ss / (len - 1));
    if (sd == 0) {
      return null;
    }
    for (int i = 0; i < len; i++) {
      x[i] = (x[i] - mean) / sd;
    }
    double[] u = ProfileEstimators.samplePercentiles(x, LEVELS);
    long[][] below = new long[LEVELS.length][(len + 63) >>> 6];
    for (int p = 0; p < LEVELS.length; p++) {
      for (int i = 0; i < len; i++) {
        if (x[i] <= u[p]) {
          below[p][i >>> 6] |= 1L << i;
        }
      }
    }
    return new PercentileSide(u, below);
  }

  private static void percentilePairs(
      SeriesReturns[] series,
      int[] ga,
      int[] gb,
      int[][] common,
      boolean same,
      WantedPairs want,
      double[][] values) {
    int len = common[0].length - 1;
    PercentileSide[] sa = new PercentileSide[ga.length];
    for (int r = 0; r < ga.length; r++) {
      sa[r] = percentileSide(series[ga[r]], common[0]);
    }
    PercentileSide[] sb = sa;
    if (!same) {
      sb = new PercentileSide[gb.length];
      for (int c = 0; c < gb.length; c++) {
        sb[c] = percentileSide(series[gb[c]], common[1]);
      }
    }
    List<int[]> pairs = new ArrayList<>();
    for (int r = 0; r < ga.length; r++) {
      for (int c = same ? r + 1 : 0; c < gb.length; c++) {
        int i = ga[r];
        int j = gb[c];
        if (want.has(i, j) && sa[r] != null && sb[c] != null) {
          pairs.add(new int[] {r, c});
        }
      }
    }
    PercentileSide[] fa = sa;
    PercentileSide[] fb = sb;
    IntStream.range(0, pairs.size())
        .parallel()
        .forEach(
            q -> {
              int r = pairs.get(q)[0];
              int c = pairs.get(q)[1];
              int i = ga[r];
              int j = gb[c];
              boolean aFirst = series[i].history.asset().compareTo(series[j].history.asset()) <= 0;
              PercentileSide first = aFirst ? fa[r] : fb[c];
              PercentileSide second = aFirst ? fb[c] : fa[r];
              double[] cp = new double[LEVELS.length];
              for (int p = 0; p < LEVELS.length; p++) {
                long[] x = first.below()[p];
                long[] y = second.below()[p];
                int count = 0;
                for (int w = 0; w < x.length; w++) {
                  count += Long.bitCount(x[w] & y[w]);
                }
                cp[p] = (double) count / len;
              }
              double rho = CorrelationEstimators.minimize(first.u(), second.u(), cp);
              // distinct pairs write distinct cells
              values[Math.min(i, j)][Math.max(i, j)] = rho;
            });
  }
}
