package io.scrilla.core.allocate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.booleans;
import static org.quicktheories.generators.SourceDSL.doubles;
import static org.quicktheories.generators.SourceDSL.integers;
import static org.quicktheories.generators.SourceDSL.lists;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.quicktheories.core.Gen;

class ShareAllocatorProperties {

  /**
   * One asset of a random problem: its weight before normalization, its price ({@code exp(x)} with
   * x in [-2, 8], so from 0.14 to about 3,000) and whether it trades in fractions of 1e-8.
   */
  private record Holding(double rawWeight, double logPrice, boolean fractional) {}

  /** A random problem: 1 to 12 assets and an amount from 0 to 9,999.99 in cents. */
  private record Problem(List<Holding> holdings, long cents) {
    double rawTotal() {
      return holdings.stream().mapToDouble(Holding::rawWeight).sum();
    }
  }

  private static Gen<Problem> problems() {
    Gen<Holding> holding =
        doubles().between(0, 1).zip(doubles().between(-2, 8), booleans().all(), Holding::new);
    // half the problems are whole shares only, the other half mix in fractional (crypto) assets
    Gen<List<Holding>> holdings =
        booleans()
            .all()
            .zip(
                lists().of(holding).ofSizeBetween(1, 12),
                (crypto, hs) -> crypto ? hs : wholeOnly(hs));
    return holdings.zip(integers().between(0, 999_999), (hs, cents) -> new Problem(hs, cents));
  }

  private static List<Holding> wholeOnly(List<Holding> hs) {
    List<Holding> whole = new ArrayList<>();
    for (Holding h : hs) {
      whole.add(new Holding(h.rawWeight(), h.logPrice(), false));
    }
    return whole;
  }

  private static BigDecimal deviation(double[] w, double[] p, BigDecimal amount, Allocation a) {
    BigDecimal d = BigDecimal.ZERO;
    for (int j = 0; j < w.length; j++) {
      d =
          d.add(
              new BigDecimal(w[j])
                  .multiply(amount)
                  .subtract(a.units().get(j).multiply(new BigDecimal(p[j])))
                  .abs());
    }
    return d;
  }

  @Test
  void allocation_neverSpendsMoreThanAmountAndImprovesOnTruncation() {
    qt().withExamples(300)
        .forAll(problems())
        .assuming(problem -> problem.rawTotal() > 0)
        .checkAssert(ShareAllocatorProperties::checkAllocation);
  }

  private static void checkAllocation(Problem problem) {
    int n = problem.holdings().size();
    double[] w = new double[n];
    double[] p = new double[n];
    int[] scale = new int[n];
    List<String> tickers = new ArrayList<>();
    double total = problem.rawTotal();
    for (int j = 0; j < n; j++) {
      Holding h = problem.holdings().get(j);
      w[j] = h.rawWeight() / total;
      p[j] = Math.exp(h.logPrice());
      scale[j] = h.fractional() ? 8 : 0;
      tickers.add("T" + j);
    }
    BigDecimal amount = BigDecimal.valueOf(problem.cents(), 2);
    Allocation t =
        ShareAllocator.of(AllocationMethod.TRUNCATE).allocate(tickers, w, p, scale, amount);
    Allocation a = ShareAllocator.create().allocate(tickers, w, p, scale, amount);
    for (Allocation x : List.of(t, a)) {
      assertTrue(x.invested().compareTo(amount) <= 0);
      assertEquals(0, x.invested().add(x.cashLeft()).compareTo(amount));
      BigDecimal sum = BigDecimal.ZERO;
      for (int j = 0; j < n; j++) {
        BigDecimal u = x.units().get(j);
        assertTrue(u.signum() >= 0);
        assertTrue(u.scale() <= scale[j] || u.stripTrailingZeros().scale() <= scale[j]);
        sum = sum.add(u.multiply(new BigDecimal(p[j])));
      }
      assertEquals(0, sum.compareTo(x.invested()));
    }
    assertTrue(deviation(w, p, amount, a).compareTo(deviation(w, p, amount, t)) <= 0);
    for (int j = 0; j < n; j++) {
      // the improvement adds at most one unit per asset to the truncation
      BigDecimal extra = a.units().get(j).subtract(t.units().get(j));
      assertTrue(
          extra.signum() >= 0 && extra.compareTo(BigDecimal.ONE.movePointLeft(scale[j])) <= 0);
    }
  }
}
