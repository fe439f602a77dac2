package io.scrilla.core;

import io.scrilla.api.config.ScrillaConfig;
import io.scrilla.api.error.SampleSizeException;
import io.scrilla.api.error.ScrillaException;
import io.scrilla.api.model.Asset;
import io.scrilla.api.model.AssetResolver;
import io.scrilla.api.model.AssetType;
import io.scrilla.api.model.DateRange;
import io.scrilla.api.model.EstimationMethod;
import io.scrilla.api.model.PriceHistory;
import io.scrilla.api.model.ProfileKey;
import io.scrilla.api.model.RiskProfile;
import io.scrilla.api.model.YieldCurve;
import io.scrilla.api.spi.Cache;
import io.scrilla.api.spi.CacheProvider;
import io.scrilla.api.spi.DividendSource;
import io.scrilla.api.spi.DividendSourceProvider;
import io.scrilla.api.spi.InterestRateSource;
import io.scrilla.api.spi.InterestRateSourceProvider;
import io.scrilla.api.spi.PriceSource;
import io.scrilla.api.spi.PriceSourceProvider;
import io.scrilla.api.spi.ProgressListener;
import io.scrilla.api.spi.Providers;
import io.scrilla.core.cache.LayeredCache;
import io.scrilla.core.calendar.TradingCalendar;
import io.scrilla.core.estimate.ProfileEstimators;
import io.scrilla.core.estimate.ReturnSample;
import io.scrilla.core.internal.MarketData;
import java.time.Clock;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * The entry point: statistics of assets computed from a price source, cached in a cache backend.
 * Thread-safe; close it to release the cache.
 *
 * <p>Every statistic is looked up in the cache first under its full identity (asset, window,
 * method, weekends flag); on a miss the prices come from the price cache when it holds every
 * trading day of the window, else the missing days are fetched from the source and saved; the
 * result is computed, saved and returned. A second identical request computes nothing.
 *
 * <pre>{@code
 * try (Scrilla scrilla = Scrilla.create()) {          // configuration from the environment
 *   RiskProfile spy = scrilla.riskProfile(Asset.equity("SPY"));
 *   System.out.println(spy.annualReturn() + " " + spy.annualVolatility());
 * }
 * }</pre>
 */
public final class Scrilla implements AutoCloseable {
  private final ScrillaConfig config;
  private final TradingCalendar calendar = TradingCalendar.nyse();
  private final PriceSource priceSource;
  private final Supplier<InterestRateSource> rateSource;
  private final Supplier<DividendSource> dividendSource;
  private final Cache cache;
  private final MarketData market;

  private Scrilla(Builder b) {
    this.config = b.config;
    ClassLoader loader = b.classLoader;
    this.priceSource = b.priceSource != null ? b.priceSource
        : Providers.find(PriceSourceProvider.class, ScrillaConfig.PRICE_MANAGER, config.priceManager(), loader).create(config);
    InterestRateSource rates = b.rateSource;
    this.rateSource = rates != null ? () -> rates : Lazy.of(() ->
        Providers.find(InterestRateSourceProvider.class, ScrillaConfig.STAT_MANAGER, config.statManager(), loader).create(config));
    DividendSource divs = b.dividendSource;
    this.dividendSource = divs != null ? () -> divs : Lazy.of(() ->
        Providers.find(DividendSourceProvider.class, ScrillaConfig.DIV_MANAGER, config.divManager(), loader).create(config));
    Cache backend = b.cache != null ? b.cache
        : Providers.find(CacheProvider.class, ScrillaConfig.CACHE_MODE, config.cacheMode(), loader).open(config);
    this.cache = backend instanceof LayeredCache ? backend : new LayeredCache(backend);
    this.market = new MarketData(priceSource, new LazyRates(this.rateSource), cache, calendar, b.clock);
  }

  /** Returns a facade configured from the environment and system properties ({@link ScrillaConfig#load()}). */
  public static Scrilla create() {
    return builder().config(ScrillaConfig.load()).build();
  }

  /** Returns a facade for the configuration, with sources and cache chosen by their names. */
  public static Scrilla create(ScrillaConfig config) {
    return builder().config(config).build();
  }

  /** Returns a builder; anything not set explicitly is chosen by the configuration. */
  public static Builder builder() {
    return new Builder();
  }

  /** Returns the configuration. */
  public ScrillaConfig config() {
    return config;
  }

  /** Returns the NYSE trading calendar used for equities. */
  public TradingCalendar calendar() {
    return calendar;
  }

  /** Returns the cache (with its in-memory layer). */
  public Cache cache() {
    return cache;
  }

  /** Returns the price source. */
  public PriceSource priceSource() {
    return priceSource;
  }

  /** Returns the interest-rate source, created on first use. */
  public InterestRateSource interestRateSource() {
    return rateSource.get();
  }

  /** Returns the dividend source, created on first use. */
  public DividendSource dividendSource() {
    return dividendSource.get();
  }

  /** Returns today's date in New York (from the builder's clock). */
  public LocalDate today() {
    return market.today();
  }

  /** Resolves ticker text ({@code SPY}, {@code BTC}, {@code BTC:crypto}) to an asset. */
  public static Asset asset(String ticker) {
    return AssetResolver.resolve(ticker);
  }

  /**
   * Returns the default window of the assets: {@code DEFAULT_ANALYSIS_PERIOD} trading days (101
   * prices for the default 100) ending at the latest completed session with a price of every
   * asset; calendar days when every asset is crypto.
   */
  public DateRange defaultRange(List<Asset> assets) {
    return market.defaultRange(assets, config.analysisPeriod());
  }

  /**
   * Resolves a window from optional ends: both given, that range; only the end, the default
   * length ending there; only the start, from there to the latest date; neither, the default
   * window.
   */
  public DateRange resolveRange(List<Asset> assets, Optional<LocalDate> start, Optional<LocalDate> end) {
    if (start.isPresent() && end.isPresent()) {
      return DateRange.of(start.get(), end.get());
    }
    if (end.isPresent()) {
      boolean allCrypto = assets.stream().allMatch(a -> a.type() == AssetType.CRYPTO);
      LocalDate e = allCrypto ? end.get() : calendar.previousOrSame(end.get());
      return DateRange.of(allCrypto ? e.minusDays(config.analysisPeriod())
          : calendar.minusTradingDays(e, config.analysisPeriod()), e);
    }
    DateRange dflt = defaultRange(assets);
    return start.map(s -> DateRange.of(s, dflt.end())).orElse(dflt);
  }

  /** Returns the default {@code weekends} flag of an asset: true for crypto, false for equities. */
  public static boolean defaultWeekends(Asset asset) {
    return asset.type() == AssetType.CRYPTO;
  }

  /**
   * Returns the window a single-asset statistic uses: a future end is cut to today; equities, and
   * crypto without weekends, have both ends moved back to trading days.
   */
  public DateRange window(Asset asset, DateRange requested, boolean weekends) {
    return market.window(requested, asset.type() == AssetType.EQUITY || !weekends);
  }

  /**
   * Returns the daily prices of the asset in the range, from the cache when complete, else from
   * the source (saved to the cache).
   *
   * @throws io.scrilla.api.error.PriceUnavailableException when there is no price in the range
   */
  public PriceHistory prices(Asset asset, DateRange range) {
    return market.prices(asset, range);
  }

  /**
   * Returns the prices of the sample of a single-asset statistic: the window's prices, restricted
   * to NYSE trading days for crypto without weekends.
   */
  public PriceHistory samplePrices(Asset asset, DateRange window, boolean weekends) {
    PriceHistory p = prices(asset, window);
    if (asset.type() == AssetType.CRYPTO && !weekends) {
      p = tradingDaysOnly(p);
    }
    return p;
  }

  /** Returns the rows of a history that fall on NYSE trading days. */
  public PriceHistory tradingDaysOnly(PriceHistory p) {
    int[] days = p.epochDays();
    double[] closes = p.closes();
    double[] opens = p.opens();
    int k = 0;
    for (int i = 0; i < days.length; i++) {
      if (calendar.isTradingDay(days[i])) {
        days[k] = days[i];
        closes[k] = closes[i];
        if (p.hasOpens()) {
          opens[k] = opens[i];
        }
        k++;
      }
    }
    return p.hasOpens()
        ? PriceHistory.of(p.asset(), java.util.Arrays.copyOf(days, k), java.util.Arrays.copyOf(opens, k), java.util.Arrays.copyOf(closes, k))
        : PriceHistory.ofCloses(p.asset(), java.util.Arrays.copyOf(days, k), java.util.Arrays.copyOf(closes, k));
  }

  /** Returns the risk profile of the asset over the default window with the default method. */
  public RiskProfile riskProfile(Asset asset) {
    return riskProfile(asset, defaultRange(List.of(asset)), config.defaultMethod());
  }

  /** Returns the risk profile of the asset over the default window. */
  public RiskProfile riskProfile(Asset asset, EstimationMethod method) {
    return riskProfile(asset, defaultRange(List.of(asset)), method);
  }

  /** Returns the risk profile with the asset type's default {@code weekends} flag. */
  public RiskProfile riskProfile(Asset asset, DateRange range, EstimationMethod method) {
    return riskProfile(asset, range, method, defaultWeekends(asset));
  }

  /**
   * Returns the annual return and volatility of the asset (see {@link ProfileEstimators}).
   *
   * @param asset the asset
   * @param range the requested window; equities (and crypto without weekends) have both ends moved
   *     back to trading days
   * @param method the estimation method
   * @param weekends whether crypto prices on weekends and NYSE holidays are kept (ignored for
   *     equities, which have none)
   * @throws io.scrilla.api.error.InvalidInputException for a window without a trading day
   * @throws io.scrilla.api.error.PriceUnavailableException when the window has no price
   * @throws SampleSizeException with fewer than 3 prices in the window
   */
  public RiskProfile riskProfile(Asset asset, DateRange range, EstimationMethod method, boolean weekends) {
    Objects.requireNonNull(method, "method");
    boolean w = weekends && asset.type() == AssetType.CRYPTO;
    DateRange window = window(asset, range, w);
    ProfileKey key = new ProfileKey(asset, window, method, w);
    Optional<RiskProfile> hit = cache.profiles().get(key);
    if (hit.isPresent()) {
      return hit.get();
    }
    PriceHistory p = samplePrices(asset, window, w);
    RiskProfile profile;
    try {
      profile = ProfileEstimators.estimate(ReturnSample.of(p, calendar), method);
    } catch (SampleSizeException e) {
      throw new SampleSizeException(asset.ticker() + " " + window.start() + " to " + window.end() + ": " + e.getMessage(), e);
    }
    cache.profiles().put(key, profile);
    return profile;
  }

  /**
   * Returns the risk profile of each asset over one window; a failure of one asset is reported as
   * its {@link Result.Failure} and does not stop the others. The map follows the order given.
   */
  public Map<Asset, Result<RiskProfile>> riskProfiles(List<Asset> assets, DateRange range, EstimationMethod method) {
    Map<Asset, Result<RiskProfile>> out = new LinkedHashMap<>();
    for (Asset a : assets) {
      out.put(a, attempt(() -> riskProfile(a, range, method)));
    }
    return out;
  }

  /**
   * Returns the latest Treasury yield curve published on or before the date, from the cache or
   * else the interest-rate source.
   */
  public YieldCurve yieldCurve(LocalDate date) {
    return yieldCurve(date, ProgressListener.none());
  }

  /** Returns {@link #yieldCurve(LocalDate)}, telling the listener of each page fetched. */
  public YieldCurve yieldCurve(LocalDate date, ProgressListener listener) {
    return market.yieldCurve(date, listener);
  }

  /** Returns the yield curves of a range, cache-first; progress of long fetches goes to the listener. */
  public List<YieldCurve> yieldCurves(DateRange range, ProgressListener listener) {
    return market.yieldCurves(range, listener);
  }

  /** Returns the latest date for which the interest-rate source may have a curve. */
  public LocalDate latestRateDate() {
    return market.latestRateDate();
  }

  /** Runs a computation for one item of a batch, turning its failure into a result. */
  static <T> Result<T> attempt(Supplier<T> computation) {
    try {
      return Result.success(computation.get());
    } catch (ScrillaException e) {
      return Result.failure(e);
    }
  }

  /** Closes the cache. */
  @Override
  public void close() {
    cache.close();
  }

  /** Builds a {@link Scrilla}; explicit instances win over the configured names. */
  public static final class Builder {
    private ScrillaConfig config = ScrillaConfig.defaults();
    private PriceSource priceSource;
    private InterestRateSource rateSource;
    private DividendSource dividendSource;
    private Cache cache;
    private ClassLoader classLoader = Scrilla.class.getClassLoader();
    private Clock clock = Clock.systemUTC();

    private Builder() {}

    /** Sets the configuration (default: {@link ScrillaConfig#defaults()}). */
    public Builder config(ScrillaConfig config) {
      this.config = Objects.requireNonNull(config, "config");
      return this;
    }

    /** Uses this price source instead of {@code PRICE_MANAGER}'s. */
    public Builder priceSource(PriceSource source) {
      this.priceSource = Objects.requireNonNull(source, "source");
      return this;
    }

    /** Uses this interest-rate source instead of {@code STAT_MANAGER}'s. */
    public Builder interestRateSource(InterestRateSource source) {
      this.rateSource = Objects.requireNonNull(source, "source");
      return this;
    }

    /** Uses this dividend source instead of {@code DIV_MANAGER}'s. */
    public Builder dividendSource(DividendSource source) {
      this.dividendSource = Objects.requireNonNull(source, "source");
      return this;
    }

    /** Uses this cache instead of {@code CACHE_MODE}'s; the facade closes it. */
    public Builder cache(Cache cache) {
      this.cache = Objects.requireNonNull(cache, "cache");
      return this;
    }

    /** Searches providers with this class loader (notebooks load jars dynamically). */
    public Builder classLoader(ClassLoader loader) {
      this.classLoader = Objects.requireNonNull(loader, "loader");
      return this;
    }

    /** Uses this clock for "today" (tests, reproducible runs). */
    public Builder clock(Clock clock) {
      this.clock = Objects.requireNonNull(clock, "clock");
      return this;
    }

    /**
     * Builds the facade, finding sources and the cache by name where none was given.
     *
     * @throws io.scrilla.api.error.ConfigurationException for an unknown provider name
     */
    public Scrilla build() {
      return new Scrilla(this);
    }
  }

  /** Memoizes a supplier (thread-safe). */
  private static final class Lazy<T> implements Supplier<T> {
    private final Supplier<T> delegate;
    private volatile T value;

    private Lazy(Supplier<T> delegate) {
      this.delegate = delegate;
    }

    static <T> Supplier<T> of(Supplier<T> s) {
      return new Lazy<>(s);
    }

    @Override
    public T get() {
      T v = value;
      if (v == null) {
        synchronized (this) {
          v = value;
          if (v == null) {
            value = v = delegate.get();
          }
        }
      }
      return v;
    }
  }

  /** An interest-rate source created on first use. */
  private static final class LazyRates implements InterestRateSource {
    private final Supplier<InterestRateSource> source;

    LazyRates(Supplier<InterestRateSource> source) {
      this.source = source;
    }

    @Override
    public List<YieldCurve> yieldCurves(DateRange range, ProgressListener listener) {
      return source.get().yieldCurves(range, listener);
    }

    @Override
    public LocalDate latestDate() {
      return source.get().latestDate();
    }
  }
}
