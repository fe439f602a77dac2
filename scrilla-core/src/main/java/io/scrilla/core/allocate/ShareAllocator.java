package io.scrilla.core.allocate;

import io.scrilla.api.error.InvalidInputException;
import io.scrilla.core.optimize.Solution;
import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;

/**
 * Allocates an amount to assets in whole shares (or fractional crypto units) at given prices, never
 * spending more than the amount; immutable and thread-safe.
 *
 * <p>First step, as scrilla (docs/optimization.md, "Whole-share allocation"): for each asset {@code
 * units_j = trunc(Decimal(w_j) * Decimal(A) / Decimal(p_j))}, where {@code Decimal(x)} is the exact
 * value of the double ({@code new BigDecimal(double)}) and the product and the quotient are rounded
 * to 28 significant digits, half-even ({@code MathContext(28)}), as Python's default decimal
 * context does; for an asset with unit scale {@code s} (crypto, e.g. 8 decimal places) the
 * truncation keeps {@code s} decimals. Should that rounding ever make the total exceed the amount,
 * units are taken back one at a time from the most over-allocated asset.
 *
 * <p>Second step ({@link AllocationMethod#IMPROVE}, the default): the cash left buys extra units,
 * one at a time, each time the affordable unit (price at most the cash left) whose purchase most
 * reduces {@code sum_j |w_j A - units_j p_j|}; ties go to the earlier ticker; it stops when no
 * affordable purchase reduces the deviation. After truncation every shortfall is below one unit's
 * cost, so a purchase helps only when the shortfall exceeds half a unit's cost, and each asset
 * gains at most one unit.
 *
 * <p>Prices are the last close (scrilla uses the open by mistake: bug B17, the caller's concern).
 * Weights must be non-negative (a short position has no whole-share purchase).
 *
 * <pre>{@code
 * Allocation a = ShareAllocator.create().allocate(solution, lastCloses, new BigDecimal("10000"));
 * }</pre>
 */
public final class ShareAllocator {
  /** Unit scale of whole shares (equities). */
  public static final int WHOLE_UNITS = 0;

  /** A common unit scale for crypto: 8 decimal places (one satoshi for bitcoin). */
  public static final int CRYPTO_UNIT_SCALE = 8;

  private static final MathContext PYTHON_DECIMAL = new MathContext(28, RoundingMode.HALF_EVEN);

  private final AllocationMethod method;

  private ShareAllocator(AllocationMethod method) {
    this.method = Objects.requireNonNull(method, "method");
  }

  /** Returns an allocator that truncates and then improves ({@link AllocationMethod#IMPROVE}). */
  public static ShareAllocator create() {
    return new ShareAllocator(AllocationMethod.IMPROVE);
  }

  /** Returns an allocator with the given method. */
  public static ShareAllocator of(AllocationMethod method) {
    return new ShareAllocator(method);
  }

  /**
   * Allocates in whole shares the weights of an optimized portfolio.
   *
   * @param solution the portfolio
   * @param prices last close per ticker, in ticker order, positive
   * @param amount the amount to invest, not negative
   * @return the allocation
   * @throws InvalidInputException for a negative weight, a bad price or a negative amount
   */
  public Allocation allocate(Solution solution, double[] prices, BigDecimal amount) {
    Objects.requireNonNull(solution, "solution");
    return allocate(solution.tickers(), solution.weights(), prices, amount);
  }

  /**
   * Allocates in whole shares.
   *
   * @param tickers tickers
   * @param weights weights in ticker order, not negative
   * @param prices last close per ticker, positive
   * @param amount the amount to invest, not negative
   * @return the allocation
   */
  public Allocation allocate(
      List<String> tickers, double[] weights, double[] prices, BigDecimal amount) {
    Objects.requireNonNull(tickers, "tickers");
    return allocate(tickers, weights, prices, new int[tickers.size()], amount);
  }

  /**
   * Allocates with a unit scale per asset: 0 for whole shares, e.g. {@link #CRYPTO_UNIT_SCALE} for
   * crypto held in fractions of a unit.
   *
   * @param tickers tickers
   * @param weights weights in ticker order, not negative
   * @param prices last close per ticker (per whole unit), positive
   * @param unitScales decimal places of the units per ticker, 0 to 18
   * @param amount the amount to invest, not negative
   * @return the allocation
   * @throws InvalidInputException for sizes that differ, a negative or non-finite weight, a price
   *     that is not positive, a scale out of range, or a negative amount
   */
  public Allocation allocate(
      List<String> tickers,
      double[] weights,
      double[] prices,
      int[] unitScales,
      BigDecimal amount) {
    Objects.requireNonNull(tickers, "tickers");
    Objects.requireNonNull(weights, "weights");
    Objects.requireNonNull(prices, "prices");
    Objects.requireNonNull(unitScales, "unitScales");
    Objects.requireNonNull(amount, "amount");
    int n = tickers.size();
    if (weights.length != n || prices.length != n || unitScales.length != n) {
      throw new InvalidInputException(
          "sizes differ: "
              + n
              + " tickers, "
              + weights.length
              + " weights, "
              + prices.length
              + " prices, "
              + unitScales.length
              + " unit scales");
    }
    if (amount.signum() < 0) {
      throw new InvalidInputException("amount to invest must not be negative, got " + amount);
    }
    BigDecimal[] p = new BigDecimal[n];
    BigDecimal[] target = new BigDecimal[n];
    BigDecimal[] step = new BigDecimal[n];
    BigDecimal[] units = new BigDecimal[n];
    for (int j = 0; j < n; j++) {
      String t = tickers.get(j);
      if (!Double.isFinite(weights[j]) || weights[j] < 0) {
        throw new InvalidInputException(
            "weight of "
                + t
                + " is "
                + weights[j]
                + ": whole-share allocation needs finite, non-negative weights (no short"
                + " positions)");
      }
      if (!Double.isFinite(prices[j]) || !(prices[j] > 0)) {
        throw new InvalidInputException(
            "price of " + t + " is " + prices[j] + ": give the last close, a positive number");
      }
      if (unitScales[j] < 0 || unitScales[j] > 18) {
        throw new InvalidInputException(
            "unit scale of "
                + t
                + " is "
                + unitScales[j]
                + ": use 0 for whole shares up to 18 decimal places");
      }
      p[j] = new BigDecimal(prices[j]);
      BigDecimal w = new BigDecimal(weights[j]);
      target[j] = w.multiply(amount);
      step[j] = BigDecimal.ONE.movePointLeft(unitScales[j]);
      units[j] =
          w.multiply(amount, PYTHON_DECIMAL)
              .divide(p[j], PYTHON_DECIMAL)
              .setScale(unitScales[j], RoundingMode.DOWN);
    }
    BigDecimal invested = invested(units, p);
    // guard: never spend more than the amount (only reachable through the 28-digit rounding)
    while (invested.compareTo(amount) > 0) {
      int worst = -1;
      BigDecimal worstOver = null;
      for (int j = 0; j < n; j++) {
        if (units[j].signum() > 0) {
          BigDecimal over = units[j].multiply(p[j]).subtract(target[j]);
          if (worstOver == null || over.compareTo(worstOver) > 0) {
            worst = j;
            worstOver = over;
          }
        }
      }
      units[worst] = units[worst].subtract(step[worst]).max(BigDecimal.ZERO);
      invested = invested(units, p);
    }
    BigDecimal cash = amount.subtract(invested);
    if (method == AllocationMethod.IMPROVE) {
      BigDecimal[] cost = new BigDecimal[n];
      for (int j = 0; j < n; j++) {
        cost[j] = step[j].multiply(p[j]);
      }
      while (true) {
        int best = -1;
        BigDecimal bestGain = BigDecimal.ZERO;
        for (int j = 0; j < n; j++) {
          if (cost[j].compareTo(cash) > 0) {
            continue;
          }
          BigDecimal shortfall = target[j].subtract(units[j].multiply(p[j]));
          BigDecimal gain = shortfall.abs().subtract(shortfall.subtract(cost[j]).abs());
          if (gain.compareTo(bestGain) > 0) {
            best = j;
            bestGain = gain;
          }
        }
        if (best < 0) {
          break;
        }
        units[best] = units[best].add(step[best]);
        cash = cash.subtract(cost[best]);
      }
      invested = amount.subtract(cash);
    }
    List<BigDecimal> out = new ArrayList<>(Arrays.asList(units));
    return new Allocation(tickers, out, amount, invested, cash);
  }

  private static BigDecimal invested(BigDecimal[] units, BigDecimal[] p) {
    BigDecimal s = BigDecimal.ZERO;
    for (int j = 0; j < units.length; j++) {
      s = s.add(units[j].multiply(p[j]));
    }
    return s;
  }
}
