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
import io.scrilla.api.model.SourceId;
import io.scrilla.api.model.YieldCurve;
import io.scrilla.api.spi.Cache;
import io.scrilla.api.spi.Coordination;
import io.scrilla.api.spi.InterestRateSource;
import io.scrilla.api.spi.PriceSource;
import io.scrilla.api.spi.ProgressListener;
import io.scrilla.core.cache.LayeredCache;
import io.scrilla.core.calendar.TradingCalendar;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
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
 * <p>Everything is cached under the identity of the source it came from ({@link
 * PriceSource#sourceId()}, {@link InterestRateSource#sourceId()}), so data of another source is
 * never served. Prices: the cache is used when it holds every trading day of the range (every
 * calendar day for crypto); otherwise only the missing span is fetched from the source, saved, and
 * the whole range served from the cache. Only settled prices are used and stored ({@link
 * #lastSettled}): rows a source gives for a session that has not settled, or dated in the future,
 * are dropped. A span already asked of the source in this process is not asked again (a source may
 * simply have no price for some days), except a span that reaches the latest settled session: it is
 * asked again once a newer session settles or {@link #RECENT_SPAN_MEMORY} has passed. Requests for
 * the same asset are serialized, so concurrent identical requests cause one fetch.
 *
 * <p>Across processes: every fetch on a miss runs under the cache's {@link Coordination} lease of
 * what it fetches ({@code prices|source|asset}, {@code interest|source}), so processes sharing a
 * cache (a fleet of Lambda containers on DynamoDB) fetch a missing history once: the others wait
 * for the lease, then read the cache again, afresh (the memory layer forgets that data first), and
 * fetch only what is still missing. A span that a source lacks is still asked once per process.
 *
 * <p>Completeness: {@link #coverage(Sample, PriceHistory)} says whether a history covers every day
 * its sample's window needs; statistics computed from an incomplete one are not cached.
 */
public final class MarketData {
  private static final Logger LOG = LoggerFactory.getLogger(MarketData.class);

  /** When an NYSE session's close is final: the 16:00 close plus a settlement margin. */
  private static final LocalTime SETTLED = LocalTime.of(16, 30);

  /**
   * How long a span asked of a source that reaches the latest settled session is remembered as
   * asked (at most until the next session settles): a source may publish the latest close late.
   */
  public static final Duration RECENT_SPAN_MEMORY = Duration.ofMinutes(15);

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
  private final Map<Asset, AskedSpans> fetched = new ConcurrentHashMap<>();
  private final Object rateLock = new Object();
  private final AskedSpans ratesFetched = new AskedSpans();
  private final Set<Asset> warnedOffSession = ConcurrentHashMap.newKeySet();
  private final Set<Coverage> warnedIncomplete = ConcurrentHashMap.newKeySet();

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
  public MarketData(
      PriceSource prices,
      InterestRateSource rates,
      Cache cache,
      TradingCalendar calendar,
      Clock clock,
      ScrillaConfig config) {
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

  /**
   * Returns the latest day whose price of an asset of this type is final: for equities the latest
   * NYSE session whose close has settled (16:30 New York time, the 16:00 close plus a margin), for
   * crypto the latest UTC day that is over (yesterday in UTC). No price after this day is used or
   * stored.
   */
  public LocalDate lastSettled(AssetType type) {
    Objects.requireNonNull(type, "type");
    Instant now = clock.instant();
    if (type == AssetType.CRYPTO) {
      return LocalDate.ofInstant(now, ZoneOffset.UTC).minusDays(1);
    }
    ZonedDateTime ny = now.atZone(Exchange.TIME_ZONE);
    LocalDate today = ny.toLocalDate();
    return calendar.previousOrSame(ny.toLocalTime().isBefore(SETTLED) ? today.minusDays(1) : today);
  }

  /** Returns the earliest {@link #lastSettled(AssetType)} of the assets' types. */
  private LocalDate lastSettled(List<Asset> assets) {
    LocalDate settled = null;
    for (Asset a : assets) {
      LocalDate d = lastSettled(a.type());
      settled = settled == null || d.isBefore(settled) ? d : settled;
    }
    return settled == null ? lastSettled(AssetType.EQUITY) : settled;
  }

  // ---------------------------------------------------------------- windows and samples

  /**
   * Returns the latest date with a final daily price of the asset: the source's latest date, not
   * after the {@link #lastSettled last settled} day, moved back to a session for equities. When the
   * cache already holds the asset's price on the last settled day, no later final price can exist,
   * so the source is not asked.
   */
  public LocalDate latestDate(Asset asset) {
    LocalDate settled = lastSettled(asset.type());
    if (cached(asset, settled)) {
      return settled;
    }
    LocalDate latest = prices.latestDate(asset);
    if (latest.isAfter(settled)) {
      latest = settled;
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
   * ending there (on the previous session unless every asset is crypto); only the start, from there
   * to the end of the default window; neither, the default window.
   */
  public DateRange range(List<Asset> assets, Window requested) {
    Objects.requireNonNull(requested, "requested");
    if (requested instanceof Window.Between b) {
      return b.range();
    }
    if (requested instanceof Window.EndingOn e) {
      boolean allCrypto = Sample.allCrypto(assets);
      LocalDate end = allCrypto ? e.end() : calendar.previousOrSame(e.end());
      return DateRange.of(
          allCrypto
              ? end.minusDays(analysisPeriod)
              : calendar.minusTradingDays(end, analysisPeriod),
          end);
    }
    DateRange dflt = defaultRange(assets);
    return requested instanceof Window.StartingOn s ? DateRange.of(s.start(), dflt.end()) : dflt;
  }

  /**
   * Resolves a requested window of Treasury yield curves as {@link #range} resolves one of prices,
   * on NYSE sessions: both ends given, that range; only the end, {@code DEFAULT_ANALYSIS_PERIOD}
   * sessions ending there; only the start, from there to the {@link #latestRateDate latest rate
   * date}; neither, {@code DEFAULT_ANALYSIS_PERIOD} sessions ending on the latest rate date.
   *
   * @throws InvalidInputException for a start after the latest rate date
   */
  public DateRange rateRange(Window requested) {
    Objects.requireNonNull(requested, "requested");
    if (requested instanceof Window.Between b) {
      return b.range();
    }
    if (requested instanceof Window.StartingOn s) {
      LocalDate latest = latestRateDate();
      if (latest.isBefore(s.start())) {
        throw new InvalidInputException(
            "the window starting "
                + s.start()
                + " starts after the latest Treasury curve, of "
                + latest
                + "; choose a start up to "
                + latest);
      }
      return DateRange.of(s.start(), latest);
    }
    LocalDate end =
        calendar.previousOrSame(
            requested instanceof Window.EndingOn e ? e.end() : latestRateDate());
    return DateRange.of(calendar.minusTradingDays(end, analysisPeriod), end);
  }

  /** Returns the default {@code weekends} flag of a group: true only when every asset is crypto. */
  public static boolean defaultWeekends(List<Asset> assets) {
    return Sample.allCrypto(assets);
  }

  /**
   * Resolves a request with the group's default {@code weekends} flag (true only when every asset
   * is crypto).
   *
   * @see #sample(List, DateRange, EstimationMethod, boolean)
   */
  public Sample sample(List<Asset> assets, DateRange requested, EstimationMethod method) {
    return sample(assets, requested, method, defaultWeekends(assets));
  }

  /**
   * Resolves a request into the sample its statistics use: an end after the last settled day (today
   * before the close has settled, or a future date) is cut to that day (for a group, the earliest
   * of its assets' {@link #lastSettled(AssetType)}); weekends are kept only when asked for and
   * every asset is crypto; without weekends both ends move back to NYSE sessions. The sample's
   * window is the window actually used.
   *
   * @param assets the assets, distinct
   * @param requested the window asked for
   * @param method the estimation method
   * @param weekends whether to keep weekend and holiday prices (honored only when every asset is
   *     crypto)
   * @throws InvalidInputException for a window without a session, naming the assets and dates
   */
  public Sample sample(
      List<Asset> assets, DateRange requested, EstimationMethod method, boolean weekends) {
    Objects.requireNonNull(assets, "assets");
    Objects.requireNonNull(requested, "requested");
    Objects.requireNonNull(method, "method");
    boolean w = weekends && defaultWeekends(assets);
    LocalDate settled = lastSettled(assets);
    DateRange r =
        requested.end().isAfter(settled)
            ? DateRange.of(
                requested.start().isAfter(settled) ? settled : requested.start(), settled)
            : requested;
    try {
      return new Sample(priceSourceId(), assets, w ? r : calendar.toTradingDays(r), method, w);
    } catch (InvalidInputException e) {
      throw new InvalidInputException(
          Sample.label(assets)
              + ": "
              + e.getMessage()
              + "; choose dates that include an NYSE session",
          e);
    }
  }

  /**
   * Returns the prices of one asset of the sample: the window's prices, restricted to NYSE sessions
   * unless the sample keeps weekends.
   *
   * <p>An equity row on a weekend or NYSE holiday cannot be a session close; it is skipped, with
   * one warning per asset naming the ticker and the dates. A history that does not {@link #coverage
   * cover} the window is returned with one warning per asset and window saying how many days lack a
   * price.
   *
   * @throws PriceUnavailableException when the window has no price of the asset
   */
  public PriceHistory history(Sample sample, Asset asset) {
    return history(sample, asset, sample.window().start());
  }

  /**
   * Returns {@link #history(Sample, Asset)} read from {@code from} (before the window's start, for
   * statistics that need a lookback, such as moving averages) to the window's end.
   */
  public PriceHistory history(Sample sample, Asset asset, LocalDate from) {
    if (!sample.assets().contains(asset)) {
      throw new InvalidInputException(asset + " is not in the sample " + sample.assets());
    }
    return load(sample, asset, from).prices();
  }

  /**
   * Returns the prices of the sample's asset at position {@code index} of {@link Sample#assets()},
   * as {@link #history(Sample, Asset)} returns them, with their {@link #coverage}: for a caller
   * that goes through the assets of a large sample (no search of each asset among them) and needs
   * both (the dates are checked once).
   *
   * @throws IndexOutOfBoundsException when there is no asset at {@code index}
   * @throws PriceUnavailableException when the window has no price of the asset
   */
  public CoveredHistory coveredHistory(Sample sample, int index) {
    return load(sample, sample.assets().get(index), sample.window().start());
  }

  private CoveredHistory load(Sample sample, Asset asset, LocalDate from) {
    PriceHistory p = prices(asset, DateRange.of(from, sample.window().end()));
    boolean sessions = onSessions(sample, asset);
    PriceHistory h = sessions ? sessionsOnly(p) : p;
    Coverage c = coverage(sample, h, sessions);
    if (!c.complete() && warnedIncomplete.add(c)) {
      LOG.warn(c.describe());
    }
    return new CoveredHistory(h, c);
  }

  /**
   * Returns the first and last dates of {@link #history(Sample, Asset)}, the dates a statistic of
   * the sample used, reading two cached rows instead of the history when the cache holds the
   * asset's final prices on the first and last days the history can have (then those are its ends);
   * otherwise reads the history as {@link #history(Sample, Asset)} does.
   *
   * @return the first and last dates, empty when the history is empty
   * @throws PriceUnavailableException when the window has no price of the asset
   */
  public Optional<DateRange> historyDates(Sample sample, Asset asset) {
    Optional<DateRange> ends = cachedEnds(sample, asset);
    if (ends.isPresent()) {
      return ends;
    }
    PriceHistory h = history(sample, asset);
    return h.isEmpty() ? Optional.empty() : Optional.of(DateRange.of(h.firstDate(), h.lastDate()));
  }

  /**
   * Returns the first and last days {@link #history(Sample, Asset)} can have when the cache holds
   * the asset's final prices on both (two cached rows are read, no source is asked), empty
   * otherwise. A caller that only wants the history in the cache before a computation can skip an
   * asset for which this is present: the history's ends are there, and the computation reads the
   * rest from the cache, or nothing when its statistics are cached.
   *
   * @throws InvalidInputException when the asset is not in the sample
   */
  public Optional<DateRange> cachedEnds(Sample sample, Asset asset) {
    if (!sample.assets().contains(asset)) {
      throw new InvalidInputException(asset + " is not in the sample " + sample.assets());
    }
    DateRange w = sample.window();
    boolean sessions = onSessions(sample, asset);
    LocalDate first = sessions ? calendar.nextOrSame(w.start()) : w.start();
    LocalDate last = sessions ? calendar.previousOrSame(w.end()) : w.end();
    boolean held =
        !first.isAfter(last)
            && !last.isAfter(lastSettled(asset.type()))
            && cached(asset, first)
            && cached(asset, last);
    return held ? Optional.of(DateRange.of(first, last)) : Optional.empty();
  }

  /** Returns whether the asset's history in the sample keeps NYSE sessions only. */
  private static boolean onSessions(Sample sample, Asset asset) {
    return sample.tradingDaysOnly() || asset.type() == AssetType.EQUITY;
  }

  /** Returns whether the cache holds the asset's price of the day from the configured source. */
  private boolean cached(Asset asset, LocalDate day) {
    return !cache.prices().get(priceSourceId(), asset, DateRange.of(day, day)).isEmpty();
  }

  /**
   * Returns how much of the sample's window a history of one of its assets covers: every NYSE
   * session of the window needs a price, or every calendar day when the sample keeps weekends. A
   * statistic is final, and may be cached, only when every history it used is complete; days after
   * the {@link #lastSettled last settled} day (a sample built by hand with a future end) have no
   * final price and count as missing.
   *
   * @param sample the sample
   * @param history prices of one of the sample's assets, as {@link #history} returns them
   */
  public Coverage coverage(Sample sample, PriceHistory history) {
    Objects.requireNonNull(sample, "sample");
    Objects.requireNonNull(history, "history");
    return coverage(sample, history, false);
  }

  /**
   * Returns {@link #coverage(Sample, PriceHistory)}; {@code sessionsOnly}: every row of the history
   * is known to be dated on a session (as {@link #sessionsOnly} leaves them), so none is checked.
   */
  private Coverage coverage(Sample sample, PriceHistory history, boolean sessionsOnly) {
    DateRange w = sample.window();
    boolean sessions = sample.tradingDaysOnly();
    int expected =
        sessions ? calendar.countTradingDays(w) : w.endEpochDay() - w.startEpochDay() + 1;
    PriceHistory in = history.slice(w);
    int have = in.size();
    if (sessions && !sessionsOnly) {
      have = 0;
      for (int i = 0; i < in.size(); i++) {
        if (calendar.isTradingDay(in.epochDay(i))) {
          have++;
        }
      }
    }
    return new Coverage(history.asset(), w, expected, Math.max(0, expected - have), sessions);
  }

  /** Returns the rows of a history that fall on NYSE sessions. */
  private PriceHistory sessionsOnly(PriceHistory p) {
    if (allSessions(p)) {
      return p; // the usual case: nothing to copy
    }
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
    Asset asset = p.asset();
    if (asset.type() == AssetType.EQUITY && warnedOffSession.add(asset)) {
      LOG.warn(
          "{}: skipped {} price row(s) dated on no NYSE session: {}",
          asset.ticker(),
          dropped.size(),
          dropped);
    }
    return p.hasOpens()
        ? PriceHistory.of(
            asset, Arrays.copyOf(days, k), Arrays.copyOf(opens, k), Arrays.copyOf(closes, k))
        : PriceHistory.ofCloses(asset, Arrays.copyOf(days, k), Arrays.copyOf(closes, k));
  }

  /** Returns whether every row of a history is dated on an NYSE session. */
  private boolean allSessions(PriceHistory p) {
    for (int i = 0; i < p.size(); i++) {
      if (!calendar.isTradingDay(p.epochDay(i))) {
        return false;
      }
    }
    return true;
  }

  // ---------------------------------------------------------------- prices

  /**
   * Returns the identity of the price source: the namespace under which prices, profiles and
   * correlations are cached.
   */
  public SourceId priceSourceId() {
    return prices.sourceId();
  }

  /**
   * Returns the identity of the interest-rate source: the namespace under which yield curves are
   * cached, and what the command line names as the source of a rate.
   */
  public SourceId rateSourceId() {
    return rates.sourceId();
  }

  /**
   * Returns the settled prices of the asset in {@code range} as the source and cache hold them,
   * from the cache when it holds the whole range, else fetching the missing span from the source
   * first. The range ends at the {@link #lastSettled last settled} day: a row for a session that
   * has not settled (an intraday "close") or dated in the future is neither returned nor stored.
   *
   * @throws PriceUnavailableException when neither cache nor source has a price in the range, or
   *     the range starts after the last settled day
   */
  public PriceHistory prices(Asset asset, DateRange range) {
    Objects.requireNonNull(asset, "asset");
    Objects.requireNonNull(range, "range");
    LocalDate settled = lastSettled(asset.type());
    if (range.start().isAfter(settled)) {
      throw new PriceUnavailableException(
          asset.ticker()
              + ": no settled price between "
              + range.start()
              + " and "
              + range.end()
              + "; the latest settled "
              + (asset.type() == AssetType.EQUITY
                  ? "session is " + settled + " (a close is final at 16:30 New York time)"
                  : "day is " + settled + " (a crypto day is final when it is over in UTC)"));
    }
    DateRange r = range.end().isAfter(settled) ? DateRange.of(range.start(), settled) : range;
    Object lock = locks.computeIfAbsent(asset, a -> new Object());
    synchronized (lock) {
      SourceId source = priceSourceId();
      PriceHistory cached = cache.prices().get(source, asset, r);
      Optional<DateRange> missing = missingSpan(asset, cached, r);
      AskedSpans asked = fetched.computeIfAbsent(asset, a -> new AskedSpans());
      if (missing.isPresent() && !asked.encloses(missing.get(), settled, clock.instant())) {
        cached =
            cache
                .coordination()
                .exclusively(
                    leaseKey("prices", source) + "|" + asset.ticker() + ":" + typeName(asset),
                    () -> fetchMissing(source, asset, r, settled, asked));
      }
      if (cached.isEmpty()) {
        throw new PriceUnavailableException(
            asset.ticker()
                + ": no price between "
                + range.start()
                + " and "
                + range.end()
                + "; check the ticker, its type (equity or crypto) and the dates");
      }
      return cached;
    }
  }

  /**
   * Fetches the span of {@code r} that the cache lacks and this process has not asked for yet,
   * stores its settled rows and returns the cache's rows of {@code r}; run while holding the lease
   * of the asset. The cache is read again first, afresh: another process may have stored the rows
   * while this one waited for the lease.
   */
  private PriceHistory fetchMissing(
      SourceId source, Asset asset, DateRange r, LocalDate settled, AskedSpans asked) {
    if (cache instanceof LayeredCache layered) {
      layered.forgetPrices(source, asset);
    }
    PriceHistory cached = cache.prices().get(source, asset, r);
    Optional<DateRange> missing = missingSpan(asset, cached, r);
    if (missing.isEmpty() || asked.encloses(missing.get(), settled, clock.instant())) {
      return cached;
    }
    DateRange span = missing.get();
    LOG.debug("fetching {} {} from the source", asset, span);
    PriceHistory got = prices.prices(asset, span);
    if (!got.asset().equals(asset)) {
      throw new ScrillaException(
          ErrorCode.INTERNAL, "the price source returned " + got.asset() + " for " + asset);
    }
    PriceHistory keep = settledRows(got, settled);
    if (!keep.isEmpty()) {
      cache.prices().put(source, keep);
    }
    asked.add(span, settled, clock.instant());
    return cache.prices().get(source, asset, r);
  }

  /** Returns the lease key of what a kind of source gives, e.g. {@code prices|alpha_vantage}. */
  private static String leaseKey(String kind, SourceId source) {
    return kind + "|" + source.value();
  }

  private static String typeName(Asset asset) {
    return asset.type().name().toLowerCase(Locale.ROOT);
  }

  /**
   * Returns the rows of a history dated on or before the last settled day; the others (today's
   * unsettled price, or a date in the future) are dropped, with a warning for future dates.
   */
  private PriceHistory settledRows(PriceHistory got, LocalDate settled) {
    if (got.isEmpty() || !got.lastDate().isAfter(settled)) {
      return got;
    }
    PriceHistory keep =
        got.firstDate().isAfter(settled)
            ? PriceHistory.empty(got.asset())
            : got.slice(DateRange.of(got.firstDate(), settled));
    LocalDate today = today();
    if (got.lastDate().isAfter(today)) {
      LOG.warn(
          "{}: the price source gave {} row(s) dated after the latest settled day {}, up to"
              + " {}; they are not used",
          got.asset().ticker(),
          got.size() - keep.size(),
          settled,
          got.lastDate());
    } else {
      LOG.debug(
          "{}: dropped {} unsettled row(s) after {}",
          got.asset().ticker(),
          got.size() - keep.size(),
          settled);
    }
    return keep;
  }

  /**
   * Returns the span from the first to the last expected day of the range that the cached rows
   * lack, or empty when none is missing. Expected days: NYSE sessions for equities, every day for
   * crypto.
   */
  private Optional<DateRange> missingSpan(Asset asset, PriceHistory cached, DateRange range) {
    boolean sessions = asset.type() == AssetType.EQUITY;
    int count =
        sessions
            ? calendar.countTradingDays(range)
            : range.endEpochDay() - range.startEpochDay() + 1;
    // cheap checks first, without listing the expected days: none, nothing cached, all cached
    if (count == 0) {
      return Optional.empty();
    }
    if (cached.isEmpty()) {
      return Optional.of(
          sessions
              ? DateRange.of(
                  calendar.nextOrSame(range.start()), calendar.previousOrSame(range.end()))
              : range);
    }
    if (cached.size() == count
        && cached.epochDay(0) >= range.startEpochDay()
        && cached.epochDay(count - 1) <= range.endEpochDay()
        && (!sessions || allSessions(cached))) {
      return Optional.empty(); // as many distinct expected days of the range as expected: all
    }
    int[] expected = sessions ? calendar.tradingDays(range) : allDays(range);
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
    return first < 0
        ? Optional.empty()
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
   * cache when it holds a curve from the 4 days before the last session on or before {@code date}
   * (the Treasury skips bond-market holidays), else from the source; only when that fortnight has
   * no curve is the rest of the year before asked for.
   *
   * @throws PriceUnavailableException when no curve was published in that year, saying how to give
   *     a rate instead
   */
  public YieldCurve yieldCurve(LocalDate date, ProgressListener listener) {
    Objects.requireNonNull(date, "date");
    DateRange recentSpan = DateRange.of(date.minusDays(RECENT_CURVE_DAYS), date);
    LocalDate recent = calendar.previousOrSame(date).minusDays(4);
    List<YieldCurve> curves =
        curves(
            recentSpan,
            listener,
            cached -> !cached.isEmpty() && !cached.get(cached.size() - 1).date().isBefore(recent));
    if (curves.isEmpty()) {
      DateRange older =
          DateRange.of(
              date.minusDays(RISK_FREE_LOOKBACK_DAYS), date.minusDays(RECENT_CURVE_DAYS + 1));
      curves = yieldCurves(older, listener);
    }
    if (curves.isEmpty()) {
      throw new PriceUnavailableException(
          "no Treasury yield curve published between "
              + date.minusDays(RISK_FREE_LOOKBACK_DAYS)
              + " and "
              + date
              + "; give the risk-free rate explicitly (--risk-free-rate R in the scrilla command,"
              + " RiskFreeRate.of(r) in the library)");
    }
    return curves.get(curves.size() - 1);
  }

  /**
   * Returns the risk-free rate on a date: the {@code RISK_FREE} maturity's yield of the latest
   * Treasury curve published on or before the date (searched back one year), with the curve's date.
   *
   * @throws PriceUnavailableException when no curve was published in that year, or the curve lacks
   *     the maturity
   */
  public RiskFreeQuote riskFreeQuote(LocalDate date, ProgressListener listener) {
    YieldCurve curve = yieldCurve(date, listener);
    double rate =
        curve
            .rate(riskFree)
            .orElseThrow(
                () ->
                    new PriceUnavailableException(
                        "the Treasury curve of "
                            + curve.date()
                            + " has no "
                            + riskFree
                            + " yield; set RISK_FREE"
                            + " to a published maturity, or give the risk-free rate explicitly"
                            + " (--risk-free-rate R, RiskFreeRate.of(r))"));
    return new RiskFreeQuote(rate, riskFree, curve.date());
  }

  /**
   * Returns the risk-free rate of a statistic whose window ends on {@code date}: the fixed rate, or
   * the configured source's {@link #riskFreeQuote rate} on that date.
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
      DateRange range, ProgressListener listener, Predicate<List<YieldCurve>> complete) {
    synchronized (rateLock) {
      SourceId source = rates.sourceId();
      List<YieldCurve> cached = cache.interest().get(source, range);
      LocalDate settled = lastSettled(AssetType.EQUITY);
      if (!complete.test(cached) && !ratesFetched.encloses(range, settled, clock.instant())) {
        cached =
            cache
                .coordination()
                .exclusively(
                    leaseKey("interest", source),
                    () -> fetchCurves(source, range, listener, complete, settled));
      }
      return cached;
    }
  }

  /**
   * Fetches the curves of a range unless the cache, read again afresh, now holds them {@code
   * complete}; run while holding the lease of the source (see {@link #fetchMissing}).
   */
  private List<YieldCurve> fetchCurves(
      SourceId source,
      DateRange range,
      ProgressListener listener,
      Predicate<List<YieldCurve>> complete,
      LocalDate settled) {
    if (cache instanceof LayeredCache layered) {
      layered.forgetCurves(source);
    }
    List<YieldCurve> cached = cache.interest().get(source, range);
    if (complete.test(cached)) {
      return cached;
    }
    LocalDate today = today();
    List<YieldCurve> got = new ArrayList<>();
    for (YieldCurve c : rates.yieldCurves(range, listener)) {
      if (!c.date().isAfter(today)) {
        got.add(c);
      }
    }
    if (!got.isEmpty()) {
      cache.interest().put(source, got);
    }
    ratesFetched.add(range, settled, clock.instant());
    return cache.interest().get(source, range);
  }

  /**
   * The spans this process has asked a source for, so that a span the source lacks is not asked
   * again. A span that reaches the latest settled day is remembered only while that day is still
   * the latest settled one, and at most {@link #RECENT_SPAN_MEMORY}: the source may publish the
   * latest day late. Guarded by the caller's lock.
   */
  private static final class AskedSpans {
    private final List<Asked> spans = new ArrayList<>();

    /** Returns whether a remembered span encloses {@code r}, forgetting expired ones first. */
    boolean encloses(DateRange r, LocalDate settled, Instant now) {
      spans.removeIf(
          a ->
              a.recent()
                  && (!a.settled().equals(settled)
                      || !now.isBefore(a.at().plus(RECENT_SPAN_MEMORY))));
      return spans.stream().anyMatch(a -> a.span().encloses(r));
    }

    void add(DateRange span, LocalDate settled, Instant now) {
      spans.add(new Asked(span, settled, !span.end().isBefore(settled), now));
    }

    void clear() {
      spans.clear();
    }
  }

  /**
   * A span asked of a source.
   *
   * @param span the span
   * @param settled the last settled day when it was asked
   * @param recent whether the span reaches that day
   * @param at when it was asked
   */
  private record Asked(DateRange span, LocalDate settled, boolean recent, Instant at) {}

  /**
   * Empties the cache (prices, curves, profiles, correlations) and forgets which spans this process
   * has asked the sources for.
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
