package io.scrilla.core.internal;

import io.scrilla.api.error.ErrorCode;
import io.scrilla.api.error.PriceUnavailableException;
import io.scrilla.api.error.ScrillaException;
import io.scrilla.api.model.Asset;
import io.scrilla.api.model.AssetType;
import io.scrilla.api.model.DateRange;
import io.scrilla.api.model.Exchange;
import io.scrilla.api.model.PriceHistory;
import io.scrilla.api.model.SourceId;
import io.scrilla.api.model.YieldCurve;
import io.scrilla.api.spi.Cache;
import io.scrilla.api.spi.InterestRateSource;
import io.scrilla.api.spi.PriceSource;
import io.scrilla.api.spi.ProgressListener;
import io.scrilla.core.calendar.TradingCalendar;
import java.time.Clock;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Cache-first access to prices and yield curves, and the resolution of sample windows.
 *
 * <p>Everything is cached under the identity of the source it came from ({@link
 * PriceSource#sourceId()}, {@link InterestRateSource#sourceId()}), so data of another source is
 * never served. Prices: the cache is used when it holds every trading day of the range (every calendar day
 * for crypto); otherwise only the missing span is fetched from the source, saved, and the whole
 * range served from the cache. A span already asked of the source in this process is not asked
 * again (a source may simply have no price for some days). Requests for the same asset are
 * serialized, so concurrent identical requests cause one fetch.
 */
public final class MarketData {
  private static final Logger LOG = LoggerFactory.getLogger(MarketData.class);
  private static final LocalTime SETTLED = LocalTime.of(16, 30);

  private final PriceSource prices;
  private final InterestRateSource rates;
  private final Cache cache;
  private final TradingCalendar calendar;
  private final Clock clock;
  private final Map<Asset, Object> locks = new ConcurrentHashMap<>();
  private final Map<Asset, List<DateRange>> fetched = new ConcurrentHashMap<>();
  private final Object rateLock = new Object();
  private final List<DateRange> ratesFetched = new ArrayList<>();

  /** Creates the access layer over a source, a cache and a calendar. */
  public MarketData(PriceSource prices, InterestRateSource rates, Cache cache, TradingCalendar calendar, Clock clock) {
    this.prices = prices;
    this.rates = rates;
    this.cache = cache;
    this.calendar = calendar;
    this.clock = clock;
  }

  /** Returns today's date in New York. */
  public LocalDate today() {
    return ZonedDateTime.now(clock).withZoneSameInstant(Exchange.TIME_ZONE).toLocalDate();
  }

  /**
   * Returns the latest date with a complete daily price of the asset: the source's latest date,
   * not after today, moved back to a completed session (for a live source whose latest date is
   * today, today counts only after the close has settled).
   */
  public LocalDate latestDate(Asset asset) {
    ZonedDateTime now = ZonedDateTime.now(clock).withZoneSameInstant(Exchange.TIME_ZONE);
    LocalDate today = now.toLocalDate();
    LocalDate latest = prices.latestDate(asset);
    if (!latest.isBefore(today)) {
      latest = now.toLocalTime().isBefore(SETTLED) ? today.minusDays(1) : today;
    }
    return asset.type() == AssetType.EQUITY ? calendar.previousOrSame(latest) : latest;
  }

  /**
   * Returns the default window of {@code period} trading days ending at the latest date common to
   * the assets: for equities (or any mix) {@code period} NYSE sessions before the end, so
   * {@code period + 1} prices; for crypto alone {@code period} calendar days.
   */
  public DateRange defaultRange(Collection<Asset> assets, int period) {
    LocalDate end = null;
    boolean allCrypto = true;
    for (Asset a : assets) {
      LocalDate l = latestDate(a);
      end = end == null || l.isBefore(end) ? l : end;
      allCrypto &= a.type() == AssetType.CRYPTO;
    }
    if (end == null) {
      throw new IllegalArgumentException("no assets");
    }
    if (allCrypto) {
      return DateRange.of(end.minusDays(period), end);
    }
    end = calendar.previousOrSame(end);
    return DateRange.of(calendar.minusTradingDays(end, period), end);
  }

  /**
   * Returns the window a statistic is computed on: a future end is cut to today; for equities and
   * for any sample without weekends both ends move back to the previous trading day.
   */
  public DateRange window(DateRange requested, boolean tradingDaysOnly) {
    LocalDate today = today();
    DateRange r = requested.end().isAfter(today)
        ? DateRange.of(requested.start().isAfter(today) ? today : requested.start(), today)
        : requested;
    return tradingDaysOnly ? calendar.toTradingDays(r) : r;
  }

  /**
   * Returns the prices of the asset in {@code range}, from the cache when it holds the whole range,
   * else fetching the missing span from the source first.
   *
   * @throws PriceUnavailableException when neither cache nor source has a price in the range
   */
  public PriceHistory prices(Asset asset, DateRange range) {
    Object lock = locks.computeIfAbsent(asset, a -> new Object());
    synchronized (lock) {
      SourceId source = prices.sourceId();
      PriceHistory cached = cache.prices().get(source, asset, range);
      Optional<DateRange> missing = missingSpan(asset, cached, range);
      if (missing.isPresent() && !encloses(fetched.get(asset), missing.get())) {
        DateRange span = missing.get();
        LOG.debug("fetching {} {} from the source", asset, span);
        PriceHistory got = prices.prices(asset, span);
        if (!got.asset().equals(asset)) {
          throw new ScrillaException(
              ErrorCode.INTERNAL, "the price source returned " + got.asset() + " for " + asset);
        }
        if (!got.isEmpty()) {
          cache.prices().put(source, got);
        }
        fetched.computeIfAbsent(asset, a -> new ArrayList<>()).add(span);
        cached = cache.prices().get(source, asset, range);
      }
      if (cached.isEmpty()) {
        throw new PriceUnavailableException(
            asset.ticker() + ": no price between " + range.start() + " and " + range.end()
                + "; check the ticker, its type (equity or crypto) and the dates");
      }
      return cached;
    }
  }


  /**
   * Returns the span from the first to the last expected day of the range that the cached rows
   * lack, or empty when none is missing. Expected days: NYSE sessions for equities, every day for
   * crypto.
   */
  private Optional<DateRange> missingSpan(Asset asset, PriceHistory cached, DateRange range) {
    int[] expected = asset.type() == AssetType.EQUITY ? calendar.tradingDays(range) : allDays(range);
    int first = -1;
    int last = -1;
    int j = 0;
    for (int day : expected) {
      while (j < cached.size() && cached.epochDay(j) < day) {
        j++;
      }
      if (j >= cached.size() || cached.epochDay(j) != day) {
        if (first < 0) {
          first = day;
        }
        last = day;
      }
    }
    return first < 0 ? Optional.empty()
        : Optional.of(DateRange.of(LocalDate.ofEpochDay(first), LocalDate.ofEpochDay(last)));
  }

  private static int[] allDays(DateRange range) {
    int[] d = new int[range.endEpochDay() - range.startEpochDay() + 1];
    for (int i = 0; i < d.length; i++) {
      d[i] = range.startEpochDay() + i;
    }
    return d;
  }

  /**
   * Returns the latest yield curve published on or before {@code date} (within the 14 days before
   * it), from the cache when it holds a curve from the 4 days before the last session on or
   * before {@code date} (the Treasury skips bond-market holidays), else from the source.
   *
   * @throws PriceUnavailableException when no curve was published in that fortnight
   */
  public YieldCurve yieldCurve(LocalDate date, ProgressListener listener) {
    DateRange span = DateRange.of(date.minusDays(14), date);
    LocalDate recent = calendar.previousOrSame(date).minusDays(4);
    List<YieldCurve> curves = curves(span, listener,
        cached -> !cached.isEmpty() && !cached.get(cached.size() - 1).date().isBefore(recent));
    if (curves.isEmpty()) {
      throw new PriceUnavailableException(
          "no Treasury yield curve published between " + span.start() + " and " + date);
    }
    return curves.get(curves.size() - 1);
  }

  /**
   * Returns the yield curves of a range, from the cache when it holds a curve for at least 90% of
   * the range's NYSE sessions (the Treasury does not publish on bond-market holidays such as
   * Columbus Day, so requiring every session would refetch such ranges forever), else from the
   * source.
   */
  public List<YieldCurve> yieldCurves(DateRange range, ProgressListener listener) {
    int sessions = calendar.countTradingDays(range);
    return curves(range, listener, cached -> cached.size() >= sessions * 9 / 10);
  }

  /**
   * Returns the cached curves of the range, first fetching the range from the source when the
   * cached ones are not {@code complete} and this process has not asked the source for it yet.
   */
  private List<YieldCurve> curves(DateRange range, ProgressListener listener,
      java.util.function.Predicate<List<YieldCurve>> complete) {
    synchronized (rateLock) {
      SourceId source = rates.sourceId();
      List<YieldCurve> cached = cache.interest().get(source, range);
      if (!complete.test(cached) && !encloses(ratesFetched, range)) {
        List<YieldCurve> got = rates.yieldCurves(range, listener);
        if (!got.isEmpty()) {
          cache.interest().put(source, got);
        }
        ratesFetched.add(range);
        cached = cache.interest().get(source, range);
      }
      return cached;
    }
  }

  private static boolean encloses(List<DateRange> ranges, DateRange r) {
    return ranges != null && ranges.stream().anyMatch(known -> known.encloses(r));
  }

  /** Returns the latest date for which the rate source may have a curve, not after today. */
  public LocalDate latestRateDate() {
    LocalDate l = rates.latestDate();
    LocalDate today = today();
    return l.isAfter(today) ? today : l;
  }
}
