package io.scrilla.core.market;

import io.scrilla.api.config.ScrillaConfig;
import io.scrilla.api.error.ErrorCode;
import io.scrilla.api.error.InvalidInputException;
import io.scrilla.api.error.PriceUnavailableException;
import io.scrilla.api.error.ScrillaException;
import io.scrilla.api.model.Asset;
import io.scrilla.api.model.AssetType;
import io.scrilla.api.model.DateRange;
import io.scrilla.api.model.EstimationMethod;
import io.scrilla.api.model.Exchange;
import io.scrilla.api.model.Maturity;
import io.scrilla.api.model.PriceHistory;
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
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Predicate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Market data: prices and yield curves cache-first, the risk-free rate, default windows, and the
 * resolution of a request into a {@link Sample}. This class is the one place of the window and
 * weekends policy. Thread-safe.
 *
 * <p>Prices: the cache is used when it holds every trading day of the range (every calendar day
 * for crypto); otherwise only the missing span is fetched from the source, saved, and the whole
 * range served from the cache. A span already asked of the source in this process is not asked
 * again (a source may simply have no price for some days). Requests for the same asset are
 * serialized, so concurrent identical requests cause one fetch.
 */
public final class MarketData {
  private static final Logger LOG = LoggerFactory.getLogger(MarketData.class);
  private static final LocalTime SETTLED = LocalTime.of(16, 30);
  /** How far back the risk-free rate is searched for: the latest curve of the year before. */
  public static final int RISK_FREE_LOOKBACK_DAYS = 366;
  private static final int RECENT_CURVE_DAYS = 14;

  private final PriceSource prices;
  private final InterestRateSource rates;
  private final Cache cache;
  private final TradingCalendar calendar;
  private final Clock clock;
  private final int analysisPeriod;
  private final Maturity riskFree;
  private final Map<Asset, Object> locks = new ConcurrentHashMap<>();
  private final Map<Asset, List<DateRange>> fetched = new ConcurrentHashMap<>();
  private final Object rateLock = new Object();
  private final List<DateRange> ratesFetched = new ArrayList<>();
  private final Set<Asset> warnedOffSession = ConcurrentHashMap.newKeySet();

  /**
   * Creates the market-data service.
   *
   * @param prices the price source
   * @param rates the interest-rate source
   * @param cache the cache prices and curves are read from and saved to
   * @param calendar the NYSE calendar
   * @param clock the clock of "today"
   * @param config {@code DEFAULT_ANALYSIS_PERIOD} and {@code RISK_FREE}
   */
  public MarketData(PriceSource prices, InterestRateSource rates, Cache cache,
      TradingCalendar calendar, Clock clock, ScrillaConfig config) {
    this.prices = Objects.requireNonNull(prices, "prices");
    this.rates = Objects.requireNonNull(rates, "rates");
    this.cache = Objects.requireNonNull(cache, "cache");
    this.calendar = Objects.requireNonNull(calendar, "calendar");
    this.clock = Objects.requireNonNull(clock, "clock");
    this.analysisPeriod = config.analysisPeriod();
    this.riskFree = config.riskFree();
  }

  /** Returns the NYSE trading calendar. */
  public TradingCalendar calendar() {
    return calendar;
  }

  /** Returns today's date in New York. */
  public LocalDate today() {
    return ZonedDateTime.now(clock).withZoneSameInstant(Exchange.TIME_ZONE).toLocalDate();
  }

  // ---------------------------------------------------------------- windows and samples

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
   * Returns the default window of the assets: {@code DEFAULT_ANALYSIS_PERIOD} NYSE sessions before
   * the latest date common to the assets (so 101 prices for the default 100); calendar days when
   * every asset is crypto.
   *
   * @throws InvalidInputException for no assets
   */
  public DateRange defaultRange(List<Asset> assets) {
    LocalDate end = null;
    for (Asset a : assets) {
      LocalDate l = latestDate(a);
      end = end == null || l.isBefore(end) ? l : end;
    }
    if (end == null) {
      throw new InvalidInputException("no assets given");
    }
    if (Sample.allCrypto(assets)) {
      return DateRange.of(end.minusDays(analysisPeriod), end);
    }
    end = calendar.previousOrSame(end);
    return DateRange.of(calendar.minusTradingDays(end, analysisPeriod), end);
  }

  /**
   * Resolves a requested window: both ends given, that range; only the end, the default length
   * ending there (on the previous session unless every asset is crypto); only the start, from
   * there to the end of the default window; neither, the default window.
   */
  public DateRange range(List<Asset> assets, Window requested) {
    Objects.requireNonNull(requested, "requested");
    if (requested instanceof Window.Between b) {
      return b.range();
    }
    if (requested instanceof Window.EndingOn e) {
      boolean allCrypto = Sample.allCrypto(assets);
      LocalDate end = allCrypto ? e.end() : calendar.previousOrSame(e.end());
      return DateRange.of(allCrypto ? end.minusDays(analysisPeriod)
          : calendar.minusTradingDays(end, analysisPeriod), end);
    }
    DateRange dflt = defaultRange(assets);
    return requested instanceof Window.StartingOn s ? DateRange.of(s.start(), dflt.end()) : dflt;
  }

  /** Returns the default {@code weekends} flag of a group: true only when every asset is crypto. */
  public static boolean defaultWeekends(List<Asset> assets) {
    return Sample.allCrypto(assets);
  }

  /**
   * Resolves a request with the group's default {@code weekends} flag (true only when every
   * asset is crypto).
   *
   * @see #sample(List, DateRange, EstimationMethod, boolean)
   */
  public Sample sample(List<Asset> assets, DateRange requested, EstimationMethod method) {
    return sample(assets, requested, method, defaultWeekends(assets));
  }

  /**
   * Resolves a request into the sample its statistics use: a future end is cut to today; weekends
   * are kept only when asked for and every asset is crypto; without weekends both ends move back
   * to NYSE sessions.
   *
   * @param assets the assets, distinct
   * @param requested the window asked for
   * @param method the estimation method
   * @param weekends whether to keep weekend and holiday prices (honoured only when every asset
   *     is crypto)
   * @throws InvalidInputException for a window without a session, naming the assets and dates
   */
  public Sample sample(List<Asset> assets, DateRange requested, EstimationMethod method,
      boolean weekends) {
    Objects.requireNonNull(assets, "assets");
    Objects.requireNonNull(requested, "requested");
    Objects.requireNonNull(method, "method");
    boolean w = weekends && defaultWeekends(assets);
    LocalDate today = today();
    DateRange r = requested.end().isAfter(today)
        ? DateRange.of(requested.start().isAfter(today) ? today : requested.start(), today)
        : requested;
    try {
      return new Sample(assets, w ? r : calendar.toTradingDays(r), method, w);
    } catch (InvalidInputException e) {
      throw new InvalidInputException(Sample.label(assets) + ": " + e.getMessage()
          + "; choose dates that include an NYSE session", e);
    }
  }

  /**
   * Returns the prices of one asset of the sample: the window's prices, restricted to NYSE
   * sessions unless the sample keeps weekends.
   *
   * <p>An equity row on a weekend or NYSE holiday cannot be a session close; it is skipped, with
   * one warning per asset naming the ticker and the dates.
   *
   * @throws PriceUnavailableException when the window has no price of the asset
   */
  public PriceHistory history(Sample sample, Asset asset) {
    return history(sample, asset, sample.window().start());
  }

  /**
   * Returns {@link #history(Sample, Asset)} read from {@code from} (before the window's start,
   * for statistics that need a lookback, such as moving averages) to the window's end.
   */
  public PriceHistory history(Sample sample, Asset asset, LocalDate from) {
    if (!sample.assets().contains(asset)) {
      throw new InvalidInputException(asset + " is not in the sample " + sample.assets());
    }
    PriceHistory p = prices(asset, DateRange.of(from, sample.window().end()));
    return sample.tradingDaysOnly() || asset.type() == AssetType.EQUITY ? sessionsOnly(p) : p;
  }

  /** Returns the rows of a history that fall on NYSE sessions. */
  private PriceHistory sessionsOnly(PriceHistory p) {
    int[] days = p.epochDays();
    double[] closes = p.closes();
    double[] opens = p.opens();
    int k = 0;
    List<LocalDate> dropped = new ArrayList<>();
    for (int i = 0; i < days.length; i++) {
      if (calendar.isTradingDay(days[i])) {
        days[k] = days[i];
        closes[k] = closes[i];
        if (p.hasOpens()) {
          opens[k] = opens[i];
        }
        k++;
      } else {
        dropped.add(LocalDate.ofEpochDay(days[i]));
      }
    }
    if (k == days.length) {
      return p;
    }
    Asset asset = p.asset();
    if (asset.type() == AssetType.EQUITY && warnedOffSession.add(asset)) {
      LOG.warn("{}: skipped {} price row(s) dated on no NYSE session: {}", asset.ticker(),
          dropped.size(), dropped);
    }
    return p.hasOpens()
        ? PriceHistory.of(asset, Arrays.copyOf(days, k), Arrays.copyOf(opens, k),
            Arrays.copyOf(closes, k))
        : PriceHistory.ofCloses(asset, Arrays.copyOf(days, k), Arrays.copyOf(closes, k));
  }

  // ---------------------------------------------------------------- prices

  /**
   * Returns the prices of the asset in {@code range} as the source and cache hold them, from the
   * cache when it holds the whole range, else fetching the missing span from the source first.
   *
   * @throws PriceUnavailableException when neither cache nor source has a price in the range
   */
  public PriceHistory prices(Asset asset, DateRange range) {
    Object lock = locks.computeIfAbsent(asset, a -> new Object());
    synchronized (lock) {
      PriceHistory cached = cache.prices().get(asset, range);
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
          cache.prices().put(got);
        }
        fetched.computeIfAbsent(asset, a -> new ArrayList<>()).add(span);
        cached = cache.prices().get(asset, range);
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
    int[] expected =
        asset.type() == AssetType.EQUITY ? calendar.tradingDays(range) : allDays(range);
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
   * Returns the latest yield curve published on or before {@code date}, searching back at most
   * {@link #RISK_FREE_LOOKBACK_DAYS} days. The fortnight before the date is read first, from the
   * cache when it holds a curve from the 4 days before the last session on or before
   * {@code date} (the Treasury skips bond-market holidays), else from the source; only when that
   * fortnight has no curve is the rest of the year before asked for.
   *
   * @throws PriceUnavailableException when no curve was published in that year, saying how to
   *     give a rate instead
   */
  public YieldCurve yieldCurve(LocalDate date, ProgressListener listener) {
    Objects.requireNonNull(date, "date");
    DateRange recentSpan = DateRange.of(date.minusDays(RECENT_CURVE_DAYS), date);
    LocalDate recent = calendar.previousOrSame(date).minusDays(4);
    List<YieldCurve> curves = curves(recentSpan, listener,
        cached -> !cached.isEmpty() && !cached.get(cached.size() - 1).date().isBefore(recent));
    if (curves.isEmpty()) {
      DateRange older = DateRange.of(date.minusDays(RISK_FREE_LOOKBACK_DAYS),
          date.minusDays(RECENT_CURVE_DAYS + 1));
      curves = yieldCurves(older, listener);
    }
    if (curves.isEmpty()) {
      throw new PriceUnavailableException("no Treasury yield curve published between "
          + date.minusDays(RISK_FREE_LOOKBACK_DAYS) + " and " + date
          + "; give the risk-free rate explicitly (--risk-free-rate R in the scrilla command,"
          + " RiskFreeRate.of(r) in the library)");
    }
    return curves.get(curves.size() - 1);
  }

  /**
   * Returns the risk-free rate on a date: the {@code RISK_FREE} maturity's yield of the latest
   * Treasury curve published on or before the date (searched back one year), with the curve's
   * date.
   *
   * @throws PriceUnavailableException when no curve was published in that year, or the curve
   *     lacks the maturity
   */
  public RiskFreeQuote riskFreeQuote(LocalDate date, ProgressListener listener) {
    YieldCurve curve = yieldCurve(date, listener);
    double rate = curve.rate(riskFree).orElseThrow(() -> new PriceUnavailableException(
        "the Treasury curve of " + curve.date() + " has no " + riskFree + " yield; set RISK_FREE"
            + " to a published maturity, or give the risk-free rate explicitly"
            + " (--risk-free-rate R, RiskFreeRate.of(r))"));
    return new RiskFreeQuote(rate, riskFree, curve.date());
  }

  /**
   * Returns the risk-free rate of a statistic whose window ends on {@code date}: the fixed rate,
   * or the configured source's {@link #riskFreeQuote rate} on that date.
   *
   * @return annualized decimal fraction
   */
  public double riskFreeRate(RiskFreeRate rate, LocalDate date) {
    Objects.requireNonNull(rate, "rate");
    if (rate instanceof RiskFreeRate.Fixed f) {
      return f.rate();
    }
    return riskFreeQuote(date, ProgressListener.none()).rate();
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
  private List<YieldCurve> curves(
      DateRange range, ProgressListener listener,
      Predicate<List<YieldCurve>> complete) {
    synchronized (rateLock) {
      List<YieldCurve> cached = cache.interest().get(range);
      if (!complete.test(cached) && !encloses(ratesFetched, range)) {
        List<YieldCurve> got = rates.yieldCurves(range, listener);
        if (!got.isEmpty()) {
          cache.interest().put(got);
        }
        ratesFetched.add(range);
        cached = cache.interest().get(range);
      }
      return cached;
    }
  }

  private static boolean encloses(List<DateRange> ranges, DateRange r) {
    return ranges != null && ranges.stream().anyMatch(known -> known.encloses(r));
  }

  /**
   * Empties the cache (prices, curves, profiles, correlations) and forgets which spans this
   * process has asked the sources for.
   */
  public void clearCache() {
    cache.clear();
    fetched.clear();
    synchronized (rateLock) {
      ratesFetched.clear();
    }
  }

  /** Returns the latest date for which the rate source may have a curve, not after today. */
  public LocalDate latestRateDate() {
    LocalDate l = rates.latestDate();
    LocalDate today = today();
    return l.isAfter(today) ? today : l;
  }
}
