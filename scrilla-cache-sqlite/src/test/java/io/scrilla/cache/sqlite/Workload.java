package io.scrilla.cache.sqlite;

import io.scrilla.api.model.Asset;
import io.scrilla.api.model.CorrelationKey;
import io.scrilla.api.model.DateRange;
import io.scrilla.api.model.EstimationMethod;
import io.scrilla.api.model.PriceHistory;
import io.scrilla.api.model.ProfileKey;
import io.scrilla.api.model.RiskProfile;
import io.scrilla.api.model.SourceId;
import io.scrilla.api.spi.Cache;
import java.time.LocalDate;
import java.util.OptionalDouble;

/**
 * A writer used by the concurrency tests, in this JVM and in a second one: many small transactions
 * into every table, each followed by a read of what it wrote. Writer {@code slot} of {@code slots}
 * owns the asset {@code ticker} and, in the shared asset {@link #SHARED}, the dates whose index is
 * {@code slot} modulo {@code slots}; so the writers contend for the same tables and the same key
 * ranges without overwriting each other.
 */
final class Workload {
  private static final SourceId SRC = SourceId.of("test");

  static final LocalDate D0 = LocalDate.of(2010, 1, 1);
  static final Asset SHARED = Asset.equity("SHARED");

  final String ticker;
  final int slot;
  final int slots;
  final int transactions;
  final int rows;

  Workload(String ticker, int slot, int slots, int transactions, int rows) {
    this.ticker = ticker;
    this.slot = slot;
    this.slots = slots;
    this.transactions = transactions;
    this.rows = rows;
  }

  Asset asset() {
    return Asset.equity(ticker);
  }

  static double price(int slot, int i) {
    return 10 + slot * 1000 + i / 7.0;
  }

  /** The whole history of the owned asset once every transaction has run. */
  PriceHistory ownHistory() {
    return chunk(0, transactions * rows);
  }

  private PriceHistory chunk(int from, int n) {
    int[] days = new int[n];
    double[] closes = new double[n];
    for (int i = 0; i < n; i++) {
      days[i] = (int) D0.toEpochDay() + from + i;
      closes[i] = price(slot, from + i);
    }
    return PriceHistory.ofCloses(asset(), days, closes);
  }

  static DateRange window(int k) {
    return DateRange.of(D0, D0.plusDays(10 + k));
  }

  ProfileKey profileKey(int k) {
    return new ProfileKey(SRC, asset(), window(k), EstimationMethod.MOMENTS, false);
  }

  RiskProfile profile(int k) {
    return new RiskProfile(k / 3.0 + slot, 0.1 + k);
  }

  CorrelationKey correlationKey(int k) {
    return CorrelationKey.of(SRC, asset(), SHARED, window(k), EstimationMethod.LIKELIHOOD, true);
  }

  double correlation(int k) {
    return Math.sin(k + slot);
  }

  /** The shared asset's row of transaction {@code k}: day {@code k * slots + slot}. */
  PriceHistory sharedRow(int k) {
    int i = k * slots + slot;
    return PriceHistory.ofCloses(
        SHARED, new int[] {(int) D0.toEpochDay() + i}, new double[] {price(0, i)});
  }

  /** Runs every transaction, failing on the first read that does not return what was written. */
  void run(Cache cache) {
    for (int k = 0; k < transactions; k++) {
      if (k > 0) { // read the previous chunk before writing the next
        check(chunk((k - 1) * rows, rows), cache.prices().get(SRC, asset(), chunkRange(k - 1)));
      }
      cache.prices().put(SRC, chunk(k * rows, rows));
      cache.prices().put(SRC, sharedRow(k));
      cache.profiles().put(profileKey(k), profile(k));
      cache.correlations().put(correlationKey(k), correlation(k));
      check(chunk(k * rows, rows), cache.prices().get(SRC, asset(), chunkRange(k)));
      check(profile(k), cache.profiles().get(profileKey(k)).orElse(null));
      check(OptionalDouble.of(correlation(k)), cache.correlations().get(correlationKey(k)));
    }
  }

  private DateRange chunkRange(int k) {
    return DateRange.of(D0.plusDays((long) k * rows), D0.plusDays((long) k * rows + rows - 1));
  }

  private void check(Object expected, Object actual) {
    if (!expected.equals(actual)) {
      throw new AssertionError(ticker + ": expected " + expected + " but read " + actual);
    }
  }
}
