package io.scrilla.core.allocate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;

class ShareAllocatorProperties {

  private static BigDecimal deviation(double[] w, double[] p, BigDecimal amount, Allocation a) {
    BigDecimal d = BigDecimal.ZERO;
    for (int j = 0; j < w.length; j++) {
      d = d.add(new BigDecimal(w[j]).multiply(amount)
          .subtract(a.units().get(j).multiply(new BigDecimal(p[j]))).abs());
    }
    return d;
  }

  @Property(tries = 300)
  void allocation_neverSpendsMoreThanAmountAndImprovesOnTruncation(@ForAll long seed,
      @ForAll @IntRange(min = 1, max = 12) int n, @ForAll boolean crypto) {
    Random rnd = new Random(seed);
    double[] w = new double[n];
    double[] p = new double[n];
    int[] scale = new int[n];
    double s = 0;
    List<String> tickers = new ArrayList<>();
    for (int j = 0; j < n; j++) {
      w[j] = rnd.nextDouble();
      s += w[j];
      p[j] = Math.exp(rnd.nextDouble() * 10 - 2);
      scale[j] = crypto && rnd.nextBoolean() ? 8 : 0;
      tickers.add("T" + j);
    }
    for (int j = 0; j < n; j++) {
      w[j] /= s;
    }
    BigDecimal amount = BigDecimal.valueOf(rnd.nextInt(1_000_000), 2);
    Allocation t = ShareAllocator.of(AllocationMethod.TRUNCATE).allocate(tickers, w, p, scale,
        amount);
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
      assertTrue(extra.signum() >= 0
          && extra.compareTo(BigDecimal.ONE.movePointLeft(scale[j])) <= 0);
    }
  }
}
