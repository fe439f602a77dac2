package io.scrilla.core.testing;

import io.scrilla.api.error.PriceUnavailableException;
import io.scrilla.api.model.Asset;
import io.scrilla.api.model.AssetType;
import io.scrilla.api.model.DateRange;
import io.scrilla.api.model.PriceHistory;
import io.scrilla.api.spi.PriceSource;
import io.scrilla.core.calendar.TradingCalendar;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.IntStream;

/**
 * A price source over histories held in memory that counts its calls and records the ranges asked
 * for; a test double of the SPI, not a mock of the class under test.
 */
public final class FakePriceSource implements PriceSource {
  private final Map<Asset, PriceHistory> histories = new ConcurrentHashMap<>();
  private final AtomicInteger calls = new AtomicInteger();
  private final AtomicInteger latestDateCalls = new AtomicInteger();
  private final List<DateRange> requested = new CopyOnWriteArrayList<>();
  private volatile long delayMillis;

  /** Adds a history. */
  public FakePriceSource with(PriceHistory h) {
    histories.put(h.asset(), h);
    return this;
  }

  /** Makes every fetch take this long (to overlap concurrent requests). */
  public FakePriceSource delay(long millis) {
    this.delayMillis = millis;
    return this;
  }

  /** Returns the number of {@link #prices} calls so far. */
  public int calls() {
    return calls.get();
  }

  /** Returns the number of {@link #latestDate} calls so far. */
  public int latestDateCalls() {
    return latestDateCalls.get();
  }

  /** Returns the ranges asked for, in order. */
  public List<DateRange> requested() {
    return List.copyOf(requested);
  }

  @Override
  public PriceHistory prices(Asset asset, DateRange range) {
    calls.incrementAndGet();
    requested.add(range);
    if (delayMillis > 0) {
      try {
        Thread.sleep(delayMillis);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    }
    PriceHistory h = histories.get(asset);
    if (h == null) {
      throw new PriceUnavailableException(asset.ticker() + ": unknown to the fake source");
    }
    return h.slice(range);
  }

  @Override
  public LocalDate latestDate(Asset asset) {
    latestDateCalls.incrementAndGet();
    PriceHistory h = histories.get(asset);
    if (h == null) {
      throw new PriceUnavailableException(asset.ticker() + ": unknown to the fake source");
    }
    return h.lastDate();
  }

  /**
   * Returns a history of the asset on every NYSE session (equities) or every day (crypto) in the
   * range, following a deterministic pseudo-random walk.
   */
  public static PriceHistory walk(Asset asset, DateRange range, long seed) {
    int[] days =
        asset.type() == AssetType.EQUITY
            ? TradingCalendar.nyse().tradingDays(range)
            : IntStream.rangeClosed(range.startEpochDay(), range.endEpochDay()).toArray();
    Random rnd = new Random(seed);
    double[] closes = new double[days.length];
    double[] opens = new double[days.length];
    double p = 100;
    for (int i = 0; i < days.length; i++) {
      opens[i] = p;
      p *= Math.exp(0.0003 + 0.01 * rnd.nextGaussian());
      closes[i] = p;
    }
    return PriceHistory.of(asset, days, opens, closes);
  }
}
