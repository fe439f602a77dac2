package io.scrilla.core.estimate;

import io.scrilla.api.error.SampleSizeException;
import io.scrilla.api.model.PriceHistory;
import io.scrilla.core.calendar.TradingCalendar;
import java.time.LocalDate;
import java.util.Arrays;

/**
 * The return samples of two assets on their common dates; immutable.
 *
 * <p>The two price series are intersected on the dates both have; each asset's sample is then built
 * on those dates with its own clock ({@link ReturnSample#of}): equity intervals count NYSE
 * sessions, crypto intervals count calendar days (so a crypto series intersected with an equity has
 * intervals of 1, 3 or 4 days). Both samples have the same number of returns.
 *
 * @param first the sample of the first asset
 * @param second the sample of the second asset
 */
public record PairSample(ReturnSample first, ReturnSample second) {

  /**
   * Intersects two price histories on their common dates and builds both samples.
   *
   * @throws SampleSizeException when fewer than 3 dates are common (2 returns are needed), naming
   *     both tickers and the dates
   */
  public static PairSample of(PriceHistory a, PriceHistory b, TradingCalendar calendar) {
    int n = Math.min(a.size(), b.size());
    int[] days = new int[n];
    double[] ca = new double[n];
    double[] cb = new double[n];
    int i = 0;
    int j = 0;
    int k = 0;
    while (i < a.size() && j < b.size()) {
      int da = a.epochDay(i);
      int db = b.epochDay(j);
      if (da < db) {
        i++;
      } else if (db < da) {
        j++;
      } else {
        days[k] = da;
        ca[k] = a.close(i++);
        cb[k] = b.close(j++);
        k++;
      }
    }
    if (k < 3) {
      throw new SampleSizeException(
          a.asset().ticker()
              + " and "
              + b.asset().ticker()
              + ": "
              + k
              + " common date(s)"
              + (a.isEmpty() || b.isEmpty()
                  ? ""
                  : " between " + max(a, b, true) + " and " + max(a, b, false))
              + "; at least 3 are needed for a correlation (2 returns)");
    }
    int[] d = Arrays.copyOf(days, k);
    return new PairSample(
        ReturnSample.of(PriceHistory.ofCloses(a.asset(), d, Arrays.copyOf(ca, k)), calendar),
        ReturnSample.of(PriceHistory.ofCloses(b.asset(), d, Arrays.copyOf(cb, k)), calendar));
  }

  private static LocalDate max(PriceHistory a, PriceHistory b, boolean first) {
    if (first) {
      return a.firstDate().isAfter(b.firstDate()) ? a.firstDate() : b.firstDate();
    }
    return a.lastDate().isBefore(b.lastDate()) ? a.lastDate() : b.lastDate();
  }

  /** Returns the number of returns in each sample. */
  public int size() {
    return first.size();
  }
}
