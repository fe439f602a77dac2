package io.scrilla.core.allocate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.scrilla.api.error.InvalidInputException;
import java.math.BigDecimal;
import java.util.List;
import org.junit.jupiter.api.Test;

class ShareAllocatorTest {
  private static final List<String> AB = List.of("A", "B");

  @Test
  void truncate_handExample_matchesScrillaRule() {
    // 0.5 * 1000 / 100 = 5 shares; 0.5 * 1000 / 33 = 15.15 -> 15 shares
    Allocation a =
        ShareAllocator.of(AllocationMethod.TRUNCATE)
            .allocate(AB, new double[] {0.5, 0.5}, new double[] {100, 33}, new BigDecimal("1000"));
    assertEquals(new BigDecimal(5), a.units().get(0).stripTrailingZeros());
    assertEquals(new BigDecimal(15), a.units().get(1).stripTrailingZeros());
    assertEquals(0, new BigDecimal("995").compareTo(a.invested()));
    assertEquals(0, new BigDecimal("5").compareTo(a.cashLeft()));
  }

  @Test
  void improve_buysTheShareThatReducesDeviation() {
    // targets 300 and 700; truncation buys 4 x 70 = 280 and 11 x 60 = 660, cash 60.
    // A's shortfall 20 < 35 (half a share): buying would overshoot more; B's 40 > 30: buy one.
    Allocation a =
        ShareAllocator.create()
            .allocate(AB, new double[] {0.3, 0.7}, new double[] {70, 60}, new BigDecimal("1000"));
    assertEquals(0, BigDecimal.valueOf(4).compareTo(a.units().get(0)));
    assertEquals(0, BigDecimal.valueOf(12).compareTo(a.units().get(1)));
    assertEquals(0, BigDecimal.ZERO.compareTo(a.cashLeft()));
    Allocation t =
        ShareAllocator.of(AllocationMethod.TRUNCATE)
            .allocate(AB, new double[] {0.3, 0.7}, new double[] {70, 60}, new BigDecimal("1000"));
    assertEquals(0, BigDecimal.valueOf(11).compareTo(t.units().get(1)));
    assertEquals(0, new BigDecimal("60").compareTo(t.cashLeft()));
  }

  @Test
  void improve_neverBuysWhatItCannotAfford() {
    // B's shortfall 20 > 15 but one share costs 30 and only 20 is left
    Allocation a =
        ShareAllocator.create()
            .allocate(AB, new double[] {0.5, 0.5}, new double[] {100, 30}, new BigDecimal("1000"));
    assertEquals(0, BigDecimal.valueOf(16).compareTo(a.units().get(1)));
    assertEquals(0, new BigDecimal("20").compareTo(a.cashLeft()));
  }

  @Test
  void exactBinaryPrices_investedIsExactSum() {
    double price = 0.1;
    Allocation a =
        ShareAllocator.of(AllocationMethod.TRUNCATE)
            .allocate(List.of("X"), new double[] {1}, new double[] {price}, new BigDecimal("1"));
    // 1 / 0.1000000000000000055511151231257827 = 9.999999999999999444888487687421760603063276150361
    // -> 9 shares, invested 9 x the exact binary value of 0.1
    assertEquals(0, BigDecimal.valueOf(9).compareTo(a.units().get(0)));
    assertEquals(new BigDecimal(price).multiply(BigDecimal.valueOf(9)).compareTo(a.invested()), 0);
  }

  @Test
  void crypto_fractionalUnitsAtScale() {
    Allocation a =
        ShareAllocator.of(AllocationMethod.TRUNCATE)
            .allocate(
                List.of("BTC", "SPY"),
                new double[] {0.5, 0.5},
                new double[] {30000, 400},
                new int[] {ShareAllocator.CRYPTO_UNIT_SCALE, ShareAllocator.WHOLE_UNITS},
                new BigDecimal("1000"));
    // 500 / 30000 = 0.0166666666... -> 0.01666666 BTC; 500 / 400 -> 1 share
    assertEquals(new BigDecimal("0.01666666"), a.units().get(0));
    assertEquals(0, BigDecimal.ONE.compareTo(a.units().get(1)));
    assertEquals(0, new BigDecimal("899.9998").compareTo(a.invested()));
    assertEquals(new BigDecimal("0.01666666"), a.shares().get("BTC"));
  }

  @Test
  void badInputs_fail() {
    ShareAllocator s = ShareAllocator.create();
    BigDecimal amt = new BigDecimal("100");
    assertThrows(
        InvalidInputException.class,
        () -> s.allocate(AB, new double[] {1.2, -0.2}, new double[] {1, 1}, amt));
    assertThrows(
        InvalidInputException.class,
        () -> s.allocate(AB, new double[] {0.5, 0.5}, new double[] {1, 0}, amt));
    assertThrows(
        InvalidInputException.class,
        () -> s.allocate(AB, new double[] {0.5, 0.5}, new double[] {1, 1}, new BigDecimal("-1")));
    assertThrows(
        InvalidInputException.class,
        () -> s.allocate(AB, new double[] {1}, new double[] {1, 1}, amt));
  }
}
