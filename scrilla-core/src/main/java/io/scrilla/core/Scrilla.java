package io.scrilla.core;

import io.scrilla.api.config.ScrillaConfig;
import io.scrilla.api.error.InvalidInputException;
import io.scrilla.api.error.PriceUnavailableException;
import io.scrilla.api.model.CorrelationKey;
import io.scrilla.api.model.Dividend;
import io.scrilla.core.estimate.CorrelationEstimators;
import io.scrilla.core.estimate.CorrelationMatrixEstimator;
import io.scrilla.core.estimate.PairSample;
import io.scrilla.core.risk.AssetStatistics;
import io.scrilla.core.risk.MarketStatistics;
import io.scrilla.core.risk.TailEvent;
import io.scrilla.core.risk.TailRisk;
import io.scrilla.core.stats.CorrelationMatrix;
import io.scrilla.core.stats.MovingAverages;
import io.scrilla.core.valuation.DiscountDividendModel;
import io.scrilla.core.valuation.DividendValuation;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.OptionalDouble;
import java.util.function.Function;
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
import io.scrilla.api.model.SourceId;
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
import io.scrilla.core.allocate.Allocation;
import io.scrilla.core.allocate.ShareAllocator;
import io.scrilla.core.cache.LayeredCache;
import io.scrilla.core.optimize.Bounds;
import io.scrilla.core.optimize.Constraints;
import io.scrilla.core.optimize.CvarSolution;
import io.scrilla.core.optimize.FrontierSpacing;
import io.scrilla.core.optimize.Portfolio;
import io.scrilla.core.optimize.PortfolioOptimizer;
import io.scrilla.core.optimize.Solution;
import io.scrilla.core.calendar.TradingCalendar;
import io.scrilla.core.estimate.ProfileEstimators;
import io.scrilla.core.estimate.ReturnSample;
import io.scrilla.core.internal.MarketData;
import java.math.BigDecimal;
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
 * <p>Every statistic is looked up in the cache first under its full identity (the price source's
 * {@link SourceId}, asset, window, method, weekends flag); on a miss the prices come from the price cache when it holds every
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
    try {
      return market.window(requested, asset.type() == AssetType.EQUITY || !weekends);
    } catch (InvalidInputException e) {
      throw new InvalidInputException(asset.ticker() + ": " + e.getMessage()
          + "; choose dates that include an NYSE session", e);
    }
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
    ProfileKey key = new ProfileKey(priceSource.sourceId(), asset, window, method, w);
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
    return each(assets, a -> riskProfile(a, range, method));
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

  // ---------------------------------------------------------------- correlation

  /**
   * Returns the default {@code weekends} flag of a group of assets (a pair, a matrix, a
   * portfolio): true only when every asset is crypto.
   */
  public static boolean defaultWeekends(List<Asset> assets) {
    return !assets.isEmpty() && assets.stream().allMatch(a -> a.type() == AssetType.CRYPTO);
  }

  /**
   * Returns the correlation of two assets over their default window with the default method.
   *
   * @see #correlation(Asset, Asset, DateRange, EstimationMethod, boolean)
   */
  public double correlation(Asset a, Asset b) {
    return correlation(a, b, defaultRange(List.of(a, b)), config.defaultMethod());
  }

  /**
   * Returns the correlation of two assets with the pair's default {@code weekends} flag (true only
   * when both are crypto).
   *
   * @see #correlation(Asset, Asset, DateRange, EstimationMethod, boolean)
   */
  public double correlation(Asset a, Asset b, DateRange range, EstimationMethod method) {
    return correlation(a, b, range, method, defaultWeekends(List.of(a, b)));
  }

  /**
   * Returns the correlation of the two assets' GBM increments (see {@link CorrelationEstimators}).
   *
   * <p>The sample: when both are crypto and {@code weekends} is false, each series is first
   * restricted to NYSE sessions; the two series are then intersected on their common dates, and
   * each asset's returns, intervals and standardized residuals are taken on those dates. Moments
   * and likelihood give {@code rho = sum e1 e2 / sqrt(sum e1^2 sum e2^2)} (the Pearson
   * correlation of the log returns when every interval is one period); percentiles match the
   * empirical copula to the bivariate normal. An asset's correlation with itself is 1.
   *
   * <p>Cache-first under {@link CorrelationKey} (the unordered pair, the window, the method and
   * the flag); the result is stored.
   *
   * @param weekends whether weekend and holiday prices are kept; only honoured when both assets
   *     are crypto (a pair with an equity is sampled on the equity's dates)
   * @throws InvalidInputException for a window without a trading day, or a sample without
   *     variation
   * @throws PriceUnavailableException when an asset has no price in the window
   * @throws SampleSizeException with fewer than 3 common dates
   */
  public double correlation(Asset a, Asset b, DateRange range, EstimationMethod method, boolean weekends) {
    Objects.requireNonNull(a, "a");
    Objects.requireNonNull(b, "b");
    Objects.requireNonNull(range, "range");
    Objects.requireNonNull(method, "method");
    boolean w = weekends && defaultWeekends(List.of(a, b));
    DateRange window = pairWindow(a, b, range, w);
    if (a.equals(b)) {
      samplePrices(a, window, w);
      return 1;
    }
    CorrelationKey key = CorrelationKey.of(priceSource.sourceId(), a, b, window, method, w);
    OptionalDouble hit = cache.correlations().get(key);
    if (hit.isPresent()) {
      return hit.getAsDouble();
    }
    double rho = computeCorrelation(key, groupPrices(key.first(), window, w), groupPrices(key.second(), window, w));
    cache.correlations().put(key, rho);
    return rho;
  }

  private DateRange pairWindow(Asset a, Asset b, DateRange range, boolean weekends) {
    try {
      return market.window(range, !weekends);
    } catch (InvalidInputException e) {
      throw new InvalidInputException(a.ticker() + " and " + b.ticker() + ": " + e.getMessage()
          + "; choose dates that include an NYSE session", e);
    }
  }

  /** Prices of one member of a pair or matrix: crypto restricted to sessions without weekends. */
  private PriceHistory groupPrices(Asset asset, DateRange window, boolean weekends) {
    PriceHistory p = prices(asset, window);
    return asset.type() == AssetType.CRYPTO && !weekends ? tradingDaysOnly(p) : p;
  }

  private double computeCorrelation(CorrelationKey key, PriceHistory first, PriceHistory second) {
    try {
      return CorrelationEstimators.estimate(PairSample.of(first, second, calendar), key.method());
    } catch (SampleSizeException e) {
      // the message names both tickers already
      throw new SampleSizeException("window " + key.range().start() + " to " + key.range().end() + ": "
          + e.getMessage(), e);
    } catch (InvalidInputException e) {
      throw new InvalidInputException(key.first().ticker() + " and " + key.second().ticker() + " "
          + key.range().start() + " to " + key.range().end() + ": " + e.getMessage(), e);
    }
  }

  /** Returns the correlation matrix of the assets over their default window with the default method. */
  public CorrelationMatrix correlationMatrix(List<Asset> assets) {
    return correlationMatrix(assets, defaultRange(assets), config.defaultMethod());
  }

  /**
   * Returns the correlation matrix with the group's default {@code weekends} flag (true only when
   * every asset is crypto).
   *
   * @see #correlationMatrix(List, DateRange, EstimationMethod, boolean)
   */
  public CorrelationMatrix correlationMatrix(List<Asset> assets, DateRange range, EstimationMethod method) {
    return correlationMatrix(assets, range, method, defaultWeekends(assets));
  }

  /**
   * Returns the pairwise correlations of the assets as a symmetric matrix with a unit diagonal,
   * each entry as {@link #correlation(Asset, Asset, DateRange, EstimationMethod, boolean)} with
   * the matrix's window and flag (weekends are kept only when every asset is crypto).
   *
   * <p>One pass: the cached entries are read with one {@link
   * io.scrilla.api.spi.CorrelationStore#getAll} call, each price history needed for the missing
   * entries is read once, and the computed entries are written with one
   * {@link io.scrilla.api.spi.CorrelationStore#putAll} call. An asset whose prices cannot be had,
   * or whose sample with an earlier asset is too small, is left out of the matrix and reported in
   * {@link CorrelationMatrix#failures()}; the others are unaffected. Duplicates are ignored.
   *
   * <pre>{@code
   * CorrelationMatrix m = scrilla.correlationMatrix(
   *     List.of(Asset.equity("SPY"), Asset.equity("GLD"), Asset.crypto("BTC")),
   *     DateRange.parse("2021-01-04", "2021-06-30"), EstimationMethod.MOMENTS);
   * }</pre>
   *
   * @throws InvalidInputException for a window without a trading day
   */
  public CorrelationMatrix correlationMatrix(
      List<Asset> assets, DateRange range, EstimationMethod method, boolean weekends) {
    Objects.requireNonNull(assets, "assets");
    Objects.requireNonNull(range, "range");
    Objects.requireNonNull(method, "method");
    List<Asset> distinct = new ArrayList<>(new LinkedHashSet<>(assets));
    boolean w = weekends && defaultWeekends(distinct);
    DateRange window;
    try {
      window = market.window(range, !w);
    } catch (InvalidInputException e) {
      throw new InvalidInputException(distinct + ": " + e.getMessage() + "; choose dates that include an NYSE session", e);
    }
    int n = distinct.size();
    SourceId source = priceSource.sourceId();
    CorrelationKey[][] keys = new CorrelationKey[n][n];
    List<CorrelationKey> all = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      for (int j = i + 1; j < n; j++) {
        keys[i][j] = CorrelationKey.of(source, distinct.get(i), distinct.get(j), window, method, w);
        all.add(keys[i][j]);
      }
    }
    Map<CorrelationKey, Double> known = all.isEmpty() ? Map.of() : cache.correlations().getAll(all);
    Map<CorrelationKey, Double> computed = new LinkedHashMap<>();
    Map<Asset, PriceHistory> histories = new LinkedHashMap<>();
    Map<Asset, ScrillaException> failures = new LinkedHashMap<>();
    for (int i = 0; i < n; i++) {
      boolean needed = n == 1;
      for (int j = 0; j < n; j++) {
        if (j != i && !known.containsKey(i < j ? keys[i][j] : keys[j][i])) {
          needed = true;
        }
      }
      if (needed) {
        Asset a = distinct.get(i);
        try {
          histories.put(a, groupPrices(a, window, w));
        } catch (ScrillaException e) {
          failures.put(a, e);
        }
      }
    }
    // one pass per series and one product per group of common dates (CorrelationMatrixEstimator)
    List<PriceHistory> fetched = new ArrayList<>(histories.values());
    CorrelationMatrixEstimator.Pairwise pairwise = CorrelationMatrixEstimator.pairwise(
        fetched, method, calendar,
        (a, b) -> !known.containsKey(CorrelationKey.of(source, a, b, window, method, w)),
        (pa, pb) -> computeCorrelation(
            CorrelationKey.of(source, pa.asset(), pb.asset(), window, method, w), pa, pb));
    failures.putAll(pairwise.failures());
    for (int i = 0; i < fetched.size(); i++) {
      for (int j = i + 1; j < fetched.size(); j++) {
        OptionalDouble rho = pairwise.correlation(i, j);
        if (rho.isPresent()) {
          computed.put(CorrelationKey.of(source, fetched.get(i).asset(), fetched.get(j).asset(),
              window, method, w), rho.getAsDouble());
        }
      }
    }
    if (!computed.isEmpty()) {
      cache.correlations().putAll(computed);
    }
    List<Asset> ok = new ArrayList<>();
    for (Asset a : distinct) {
      if (!failures.containsKey(a)) {
        ok.add(a);
      }
    }
    double[][] m = new double[ok.size()][ok.size()];
    for (int i = 0; i < ok.size(); i++) {
      m[i][i] = 1;
      for (int j = i + 1; j < ok.size(); j++) {
        CorrelationKey key = CorrelationKey.of(source, ok.get(i), ok.get(j), window, method, w);
        Double v = known.containsKey(key) ? known.get(key) : computed.get(key);
        m[i][j] = v;
        m[j][i] = v;
      }
    }
    Map<Asset, ScrillaException> orderedFailures = new LinkedHashMap<>();
    for (Asset a : distinct) {
      if (failures.containsKey(a)) {
        orderedFailures.put(a, failures.get(a));
      }
    }
    return CorrelationMatrix.of(ok, m, orderedFailures);
  }

  /**
   * Returns the covariance of the two assets' annual returns {@code sigma_a sigma_b rho}, every
   * factor by the same method and on the same window with the pair's {@code weekends} flag.
   */
  public double covariance(Asset a, Asset b, DateRange range, EstimationMethod method) {
    boolean w = defaultWeekends(List.of(a, b));
    DateRange window = pairWindow(a, b, range, w);
    double rho = correlation(a, b, window, method, w);
    return MarketStatistics.covariance(
        riskProfile(a, window, method, w).annualVolatility(),
        riskProfile(b, window, method, w).annualVolatility(), rho);
  }

  // ---------------------------------------------------------------- market statistics

  /** Returns the market proxy ({@code MARKET_PROXY}, default SPY) as an asset. */
  public Asset marketProxy() {
    return asset(config.marketProxy());
  }

  /**
   * Returns the risk-free rate on a date: the {@code RISK_FREE} maturity's yield (default one
   * year) of the latest Treasury curve published on or before the date, as a decimal fraction.
   *
   * @throws PriceUnavailableException when no curve was published in the fortnight before the
   *     date, or the curve lacks that maturity
   */
  public double riskFreeRate(LocalDate date) {
    Objects.requireNonNull(date, "date");
    YieldCurve curve = yieldCurve(date);
    return curve.rate(config.riskFree()).orElseThrow(() -> new PriceUnavailableException(
        "the Treasury curve of " + curve.date() + " has no " + config.riskFree() + " yield; set RISK_FREE"
            + " to a published maturity"));
  }

  /** Returns the risk-free rate of today (the latest curve published). */
  public double riskFreeRate() {
    return riskFreeRate(today());
  }

  /**
   * Returns the Sharpe ratio {@code (mu - r_f) / sigma} of the asset's profile, with r_f the
   * risk-free rate of the window's end date (scrilla uses today's rate for every window).
   */
  public double sharpeRatio(Asset asset, DateRange range, EstimationMethod method) {
    DateRange window = window(asset, range, defaultWeekends(asset));
    return sharpeRatio(asset, window, method, riskFreeRate(window.end()));
  }

  /** Returns the Sharpe ratio {@code (mu - r_f) / sigma} with the given risk-free rate. */
  public double sharpeRatio(Asset asset, DateRange range, EstimationMethod method, double riskFreeRate) {
    return MarketStatistics.sharpeRatio(riskProfile(asset, range, method), riskFreeRate);
  }

  /** Returns {@link #sharpeRatio(Asset, DateRange, EstimationMethod)} of each asset. */
  public Map<Asset, Result<Double>> sharpeRatios(List<Asset> assets, DateRange range, EstimationMethod method) {
    return each(assets, a -> sharpeRatio(a, range, method));
  }

  /** Returns {@link #sharpeRatio(Asset, DateRange, EstimationMethod, double)} of each asset. */
  public Map<Asset, Result<Double>> sharpeRatios(
      List<Asset> assets, DateRange range, EstimationMethod method, double riskFreeRate) {
    return each(assets, a -> sharpeRatio(a, range, method, riskFreeRate));
  }

  /** Returns the market premium {@code mu_M - r_f}, r_f of the window's end date. */
  public double marketPremium(DateRange range, EstimationMethod method) {
    Asset m = marketProxy();
    DateRange window = window(m, range, defaultWeekends(m));
    return marketPremium(window, method, riskFreeRate(window.end()));
  }

  /** Returns the market premium {@code mu_M - r_f} with the given risk-free rate. */
  public double marketPremium(DateRange range, EstimationMethod method, double riskFreeRate) {
    return MarketStatistics.marketPremium(riskProfile(marketProxy(), range, method), riskFreeRate);
  }

  /**
   * Returns the CAPM beta of the asset against the market proxy,
   * {@code beta = rho_{A,M} sigma_A / sigma_M}, with the correlation and both volatilities
   * estimated by the same method on the same window and {@code weekends} flag (scrilla always
   * estimates the correlation by moments, bug B9). With moments and complete histories this is
   * the least-squares slope of the asset's log returns on the market's. The beta of the market
   * with itself is 1.
   */
  public double marketBeta(Asset asset, DateRange range, EstimationMethod method) {
    Asset m = marketProxy();
    boolean w = defaultWeekends(List.of(asset, m));
    DateRange window = pairWindow(asset, m, range, w);
    double rho = correlation(asset, m, window, method, w);
    return MarketStatistics.beta(rho,
        riskProfile(asset, window, method, w).annualVolatility(),
        riskProfile(m, window, method, w).annualVolatility());
  }

  /** Returns {@link #marketBeta(Asset, DateRange, EstimationMethod)} of each asset. */
  public Map<Asset, Result<Double>> marketBetas(List<Asset> assets, DateRange range, EstimationMethod method) {
    return each(assets, a -> marketBeta(a, range, method));
  }

  /**
   * Returns the CAPM cost of equity {@code r_f + beta (mu_M - r_f)}, r_f of the window's end date,
   * beta and the market return by the same method on the same window.
   */
  public double costOfEquity(Asset asset, DateRange range, EstimationMethod method) {
    Asset m = marketProxy();
    DateRange window = pairWindow(asset, m, range, defaultWeekends(List.of(asset, m)));
    return costOfEquity(asset, window, method, riskFreeRate(window.end()));
  }

  /** Returns the CAPM cost of equity {@code r_f + beta (mu_M - r_f)} with the given risk-free rate. */
  public double costOfEquity(Asset asset, DateRange range, EstimationMethod method, double riskFreeRate) {
    Asset m = marketProxy();
    boolean w = defaultWeekends(List.of(asset, m));
    DateRange window = pairWindow(asset, m, range, w);
    double beta = marketBeta(asset, window, method);
    return MarketStatistics.costOfEquity(riskFreeRate, beta, riskProfile(m, window, method, w).annualReturn());
  }

  /** Returns {@link #costOfEquity(Asset, DateRange, EstimationMethod)} of each asset. */
  public Map<Asset, Result<Double>> costsOfEquity(List<Asset> assets, DateRange range, EstimationMethod method) {
    return each(assets, a -> costOfEquity(a, range, method));
  }

  /** Returns {@link #costOfEquity(Asset, DateRange, EstimationMethod, double)} of each asset. */
  public Map<Asset, Result<Double>> costsOfEquity(
      List<Asset> assets, DateRange range, EstimationMethod method, double riskFreeRate) {
    return each(assets, a -> costOfEquity(a, range, method, riskFreeRate));
  }

  /**
   * Returns each asset's risk profile with its Sharpe ratio, CAPM beta and cost of equity where
   * they can be computed: the ratio and the cost need the risk-free rate of the window's end
   * date, the beta and the cost need the market proxy's prices; what cannot be had is absent, and
   * only a failure of the profile itself fails the asset.
   */
  public Map<Asset, Result<AssetStatistics>> assetStatistics(List<Asset> assets, DateRange range, EstimationMethod method) {
    return each(assets, a -> {
      OptionalDouble rf;
      try {
        rf = OptionalDouble.of(riskFreeRate(window(a, range, defaultWeekends(a)).end()));
      } catch (ScrillaException e) {
        rf = OptionalDouble.empty();
      }
      return statistics(a, range, method, rf);
    });
  }

  /** Returns {@link #assetStatistics(List, DateRange, EstimationMethod)} with the given risk-free rate. */
  public Map<Asset, Result<AssetStatistics>> assetStatistics(
      List<Asset> assets, DateRange range, EstimationMethod method, double riskFreeRate) {
    return each(assets, a -> statistics(a, range, method, OptionalDouble.of(riskFreeRate)));
  }

  private AssetStatistics statistics(Asset a, DateRange range, EstimationMethod method, OptionalDouble rf) {
    RiskProfile profile = riskProfile(a, range, method);
    OptionalDouble sharpe = OptionalDouble.empty();
    if (rf.isPresent() && profile.annualVolatility() > 0) {
      sharpe = OptionalDouble.of(MarketStatistics.sharpeRatio(profile, rf.getAsDouble()));
    }
    OptionalDouble beta = OptionalDouble.empty();
    OptionalDouble cost = OptionalDouble.empty();
    try {
      beta = OptionalDouble.of(marketBeta(a, range, method));
      if (rf.isPresent()) {
        cost = OptionalDouble.of(costOfEquity(a, range, method, rf.getAsDouble()));
      }
    } catch (ScrillaException e) {
      // the market proxy is unavailable for this window: beta and cost stay absent
    }
    return new AssetStatistics(profile, rf, sharpe, beta, cost);
  }

  // ---------------------------------------------------------------- value at risk

  /**
   * Returns the value at risk of the asset as a price level: the p-th quantile
   * of the price after T years under GBM,
   * {@code S_0 exp((mu - sigma^2/2) T + sigma sqrt(T) z_p)}, with S_0 the last close in the window
   * and mu, sigma the asset's profile over the window.
   *
   * @param event the tail probability p and the horizon T in years
   */
  public double valueAtRisk(Asset asset, DateRange range, EstimationMethod method, TailEvent event) {
    boolean w = defaultWeekends(asset);
    DateRange window = window(asset, range, w);
    RiskProfile profile = riskProfile(asset, window, method, w);
    return TailRisk.valueAtRiskPrice(lastClose(asset, window, w), profile, event);
  }

  /** Returns {@link #valueAtRisk} of each asset. */
  public Map<Asset, Result<Double>> valuesAtRisk(
      List<Asset> assets, DateRange range, EstimationMethod method, TailEvent event) {
    return each(assets, a -> valueAtRisk(a, range, method, event));
  }

  /**
   * Returns the conditional value at risk of the asset as a price level, the expected price after
   * T years given that it is below the value at risk:
   * {@code S_0 e^(mu T) Phi(z_p - sigma sqrt T) / p}.
   *
   * @param event the tail probability p and the horizon T in years
   */
  public double conditionalValueAtRisk(
      Asset asset, DateRange range, EstimationMethod method, TailEvent event) {
    boolean w = defaultWeekends(asset);
    DateRange window = window(asset, range, w);
    RiskProfile profile = riskProfile(asset, window, method, w);
    return TailRisk.conditionalValueAtRiskPrice(lastClose(asset, window, w), profile, event);
  }

  /** Returns {@link #conditionalValueAtRisk} of each asset. */
  public Map<Asset, Result<Double>> conditionalValuesAtRisk(
      List<Asset> assets, DateRange range, EstimationMethod method, TailEvent event) {
    return each(assets, a -> conditionalValueAtRisk(a, range, method, event));
  }

  private double lastClose(Asset asset, DateRange window, boolean weekends) {
    PriceHistory p = samplePrices(asset, window, weekends);
    return p.close(p.size() - 1);
  }

  // ---------------------------------------------------------------- moving averages

  /**
   * Returns the moving averages of annual return of the asset for every price date of the window,
   * over the periods {@code MA_1}, {@code MA_2}, {@code MA_3} (default 20, 60, 100): for date d and
   * period k, the profile {@code annual_return} of the trailing k + 1 prices ending at d (NYSE
   * sessions for equities, calendar days for crypto), the same definition for every method. The
   * history is read from k sessions (days for crypto) before the window's start.
   */
  public MovingAverages movingAverages(Asset asset, DateRange range, EstimationMethod method) {
    Objects.requireNonNull(method, "method");
    boolean w = defaultWeekends(asset);
    DateRange window = window(asset, range, w);
    int[] periods = config.movingAveragePeriods();
    int longest = 0;
    for (int k : periods) {
      longest = Math.max(longest, k);
    }
    LocalDate from = asset.type() == AssetType.EQUITY
        ? calendar.minusTradingDays(window.start(), longest)
        : window.start().minusDays(longest);
    PriceHistory history = samplePrices(asset, DateRange.of(from, window.end()), w);
    try {
      return MovingAverages.compute(history, window, periods, method, calendar);
    } catch (InvalidInputException e) {
      throw new InvalidInputException(asset.ticker() + " " + window + ": " + e.getMessage(), e);
    }
  }

  /** Returns {@link #movingAverages(Asset, DateRange, EstimationMethod)} of each asset. */
  public Map<Asset, Result<MovingAverages>> movingAverages(List<Asset> assets, DateRange range, EstimationMethod method) {
    return each(assets, a -> movingAverages(a, range, method));
  }

  // ---------------------------------------------------------------- dividend model

  /**
   * Values the asset with the discount dividend model (see {@link DiscountDividendModel}) from the
   * dividend source's payments on or before {@code asOf}.
   *
   * @param asOf the valuation date
   * @param discountRate r, annual decimal fraction, positive
   * @throws SampleSizeException with fewer than 3 payments
   * @throws InvalidInputException when r is not positive or the sum does not converge
   */
  public DividendValuation discountDividendModel(Asset asset, LocalDate asOf, double discountRate) {
    Objects.requireNonNull(asset, "asset");
    Objects.requireNonNull(asOf, "asOf");
    List<Dividend> dividends = dividendSource().dividends(asset);
    try {
      return DiscountDividendModel.value(dividends, asOf, discountRate);
    } catch (SampleSizeException e) {
      throw new SampleSizeException(asset.ticker() + ": " + e.getMessage(), e);
    } catch (InvalidInputException e) {
      throw new InvalidInputException(asset.ticker() + ": " + e.getMessage(), e);
    }
  }

  /**
   * Values the asset with the discount dividend model at its CAPM cost of equity (default method)
   * over the default window ending at {@code asOf} (the latest window when {@code asOf} is today
   * or later).
   */
  public DividendValuation discountDividendModel(Asset asset, LocalDate asOf) {
    Objects.requireNonNull(asOf, "asOf");
    List<Asset> group = List.of(asset, marketProxy());
    DateRange latest = defaultRange(group);
    DateRange range = asOf.isBefore(latest.end())
        ? resolveRange(group, Optional.empty(), Optional.of(asOf)) : latest;
    return discountDividendModel(asset, asOf, costOfEquity(asset, range, config.defaultMethod()));
  }

  /** Values the asset today at its CAPM cost of equity. */
  public DividendValuation discountDividendModel(Asset asset) {
    return discountDividendModel(asset, today());
  }

  /** Returns {@link #discountDividendModel(Asset, LocalDate, double)} of each asset. */
  public Map<Asset, Result<DividendValuation>> discountDividendModels(
      List<Asset> assets, LocalDate asOf, double discountRate) {
    return each(assets, a -> discountDividendModel(a, asOf, discountRate));
  }

  /** Returns {@link #discountDividendModel(Asset, LocalDate)} of each asset. */
  public Map<Asset, Result<DividendValuation>> discountDividendModels(List<Asset> assets, LocalDate asOf) {
    return each(assets, a -> discountDividendModel(a, asOf));
  }

  /** Applies a computation to each asset in order; a failure is that asset's result. */
  private static <T> Map<Asset, Result<T>> each(List<Asset> assets, Function<Asset, T> f) {
    return Result.each(Objects.requireNonNull(assets, "assets"), f);
  }


  // ---------------------------------------------------------------- portfolios

  /**
   * Returns the portfolio of the assets over a window: each asset's risk profile and the
   * correlation matrix, all from the same window, method and {@code weekends} flag (kept only when
   * every asset is crypto), with the risk-free rate of the {@code RISK_FREE} maturity on the
   * window's end date (scrilla used 0 here, bug B12). Statistics come from the cache when present.
   *
   * @throws io.scrilla.api.error.ScrillaException the failure of the first asset that has no
   *     statistics, naming it
   */
  public Portfolio portfolio(List<Asset> assets, DateRange range, EstimationMethod method) {
    requireDistinct(assets);
    boolean weekends = defaultWeekends(assets);
    return portfolio(assets, range, method, riskFreeRate(window(assets.get(0), range, weekends).end()));
  }

  /** Returns {@link #portfolio(List, DateRange, EstimationMethod)} with a given risk-free rate. */
  public Portfolio portfolio(List<Asset> assets, DateRange range, EstimationMethod method, double riskFreeRate) {
    requireDistinct(assets);
    boolean weekends = defaultWeekends(assets);
    CorrelationMatrix matrix = correlationMatrix(assets, range, method, weekends);
    if (!matrix.failures().isEmpty()) {
      throw matrix.failures().values().iterator().next();
    }
    List<RiskProfile> profiles = new java.util.ArrayList<>();
    for (Asset a : assets) {
      profiles.add(riskProfile(a, range, method, weekends));
    }
    return Portfolio.of(assets.stream().map(Asset::ticker).toList(), profiles, matrix.toArray(), riskFreeRate);
  }

  private static void requireDistinct(List<Asset> assets) {
    if (assets.isEmpty()) {
      throw new io.scrilla.api.error.InvalidInputException("a portfolio needs at least one ticker");
    }
    if (new java.util.HashSet<>(assets).size() != assets.size()) {
      throw new io.scrilla.api.error.InvalidInputException("a ticker is repeated in " + assets + ": give each once");
    }
  }

  /**
   * Returns the minimum-variance portfolio of the assets under the constraints (budget, bounds,
   * optional target return), from cached statistics.
   */
  public Solution minimumVariance(List<Asset> assets, DateRange range, EstimationMethod method, Constraints constraints) {
    return PortfolioOptimizer.create().minimumVariance(portfolio(assets, range, method), constraints);
  }

  /**
   * Returns the maximum-Sharpe-ratio portfolio, with the {@code RISK_FREE} rate at the window's end.
   *
   * @throws io.scrilla.api.error.InvalidInputException when no asset's return exceeds the rate
   */
  public Solution maximumSharpeRatio(List<Asset> assets, DateRange range, EstimationMethod method, Constraints constraints) {
    return PortfolioOptimizer.create().maximumSharpeRatio(portfolio(assets, range, method), constraints);
  }

  /** Returns the maximum-return portfolio under the bounds. */
  public Solution maximumReturn(List<Asset> assets, DateRange range, EstimationMethod method, Bounds bounds) {
    return PortfolioOptimizer.create().maximumReturn(portfolio(assets, range, method), bounds);
  }

  /**
   * Returns the portfolio of least conditional value at risk (a loss) in the tail {@code event}.
   */
  public CvarSolution minimumConditionalValueAtRisk(List<Asset> assets, DateRange range, EstimationMethod method,
      Constraints constraints, TailEvent event) {
    return PortfolioOptimizer.create().minimumConditionalValueAtRisk(
        portfolio(assets, range, method), constraints, event);
  }

  /**
   * Returns {@code steps} efficient portfolios, lowest return first, from the minimum-variance
   * return; {@link FrontierSpacing#SCRILLA} stops one step short of the maximum return,
   * {@link FrontierSpacing#INCLUSIVE} ends at it.
   */
  public List<Solution> efficientFrontier(List<Asset> assets, DateRange range, EstimationMethod method,
      Bounds bounds, int steps, FrontierSpacing spacing) {
    return PortfolioOptimizer.create().efficientFrontier(portfolio(assets, range, method), bounds, steps, spacing);
  }

  /**
   * Buys whole shares (fractional units with 8 decimals for crypto) of a solution's assets for at
   * most {@code amount}, at each asset's last close in the window (scrilla used the open, B17).
   */
  public Allocation allocate(Solution solution, List<Asset> assets, DateRange range, BigDecimal amount) {
    double[] closes = new double[assets.size()];
    int[] scales = new int[assets.size()];
    for (int i = 0; i < assets.size(); i++) {
      Asset a = assets.get(i);
      if (!a.ticker().equals(solution.tickers().get(i))) {
        throw new io.scrilla.api.error.InvalidInputException(
            "assets " + assets + " are not in the order of the solution's tickers " + solution.tickers());
      }
      PriceHistory p = prices(a, window(a, range, defaultWeekends(a)));
      closes[i] = p.close(p.size() - 1);
      scales[i] = a.type() == AssetType.CRYPTO ? ShareAllocator.CRYPTO_UNIT_SCALE : ShareAllocator.WHOLE_UNITS;
    }
    return ShareAllocator.create().allocate(solution.tickers(), solution.weights(), closes, scales, amount);
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

    @Override
    public SourceId sourceId() {
      return source.get().sourceId();
    }
  }
}
