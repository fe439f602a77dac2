package io.scrilla.core;

import io.scrilla.api.config.ScrillaConfig;
import io.scrilla.api.model.Asset;
import io.scrilla.api.model.AssetResolver;
import io.scrilla.api.model.DateRange;
import io.scrilla.api.model.Dividend;
import io.scrilla.api.model.EstimationMethod;
import io.scrilla.api.model.PriceHistory;
import io.scrilla.api.model.RiskProfile;
import io.scrilla.api.model.SourceId;
import io.scrilla.api.model.YieldCurve;
import io.scrilla.api.spi.Cache;
import io.scrilla.api.spi.CacheProvider;
import io.scrilla.api.spi.Coordination;
import io.scrilla.api.spi.DividendSource;
import io.scrilla.api.spi.DividendSourceProvider;
import io.scrilla.api.spi.InterestRateSource;
import io.scrilla.api.spi.InterestRateSourceProvider;
import io.scrilla.api.spi.PriceSource;
import io.scrilla.api.spi.PriceSourceProvider;
import io.scrilla.api.spi.ProgressListener;
import io.scrilla.api.spi.Providers;
import io.scrilla.core.allocate.Allocation;
import io.scrilla.core.cache.LayeredCache;
import io.scrilla.core.calendar.TradingCalendar;
import io.scrilla.core.market.MarketData;
import io.scrilla.core.market.RiskFreeRate;
import io.scrilla.core.market.Window;
import io.scrilla.core.optimize.Bounds;
import io.scrilla.core.optimize.Constraints;
import io.scrilla.core.optimize.CvarSolution;
import io.scrilla.core.optimize.FrontierSpacing;
import io.scrilla.core.optimize.Portfolio;
import io.scrilla.core.optimize.PortfolioOptimizer;
import io.scrilla.core.optimize.Solution;
import io.scrilla.core.risk.AssetStatistics;
import io.scrilla.core.risk.TailEvent;
import io.scrilla.core.service.CapmService;
import io.scrilla.core.service.PortfolioService;
import io.scrilla.core.service.RiskService;
import io.scrilla.core.service.StatisticsService;
import io.scrilla.core.service.ValuationService;
import io.scrilla.core.stats.CorrelationMatrix;
import io.scrilla.core.stats.CorrelationSeries;
import io.scrilla.core.stats.MovingAverages;
import io.scrilla.core.valuation.DividendValuation;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Supplier;

/**
 * The entry point and composition root: builds the capability services over a price source, an
 * interest-rate source, a dividend source and a cache, and offers each statistic as a one-line call
 * for notebooks. Thread-safe; close it to release what it created.
 *
 * <p>The services: {@link #marketData()} (prices, yield curves, the risk-free rate, windows and the
 * resolution of a request into a {@link io.scrilla.core.market.Sample}), {@link #statistics()}
 * (profiles, correlations, covariance, moving averages), {@link #capm()} (Sharpe ratio, market
 * premium, beta, cost of equity), {@link #risk()} (VaR and CVaR), {@link #valuation()} (dividend
 * discount model) and {@link #portfolios()} (assemble, optimize, allocate). Every statistic is read
 * from the cache first under its full identity (the price source's {@link SourceId}, asset, window,
 * method, weekends flag) and computed at most once.
 *
 * <p>Batches: {@code Result.each(assets, a -> scrilla.sharpeRatio(a, range, method))} gives each
 * asset's result or failure without one bad ticker hiding the others.
 *
 * <p>Fleets: the sources the facade creates take their requests from the budgets of the cache's
 * {@link Coordination}, and every fetch on a cache miss runs under its lease (see {@link
 * MarketData}), so processes sharing a DynamoDB cache fetch each history once and stay within a
 * service's quota together; with a cache of one process nothing changes.
 *
 * <p>Ownership: a cache or source passed to the {@link Builder} belongs to the caller and is not
 * closed by {@link #close()}; what the facade created from the configuration, it closes.
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
  private final LayeredCache cache;
  private final boolean ownsCache;
  private final List<AutoCloseable> created = new ArrayList<>();
  private final MarketData market;
  private final StatisticsService statistics;
  private final CapmService capm;
  private final RiskService risk;
  private final ValuationService valuation;
  private final PortfolioService portfolios;

  private Scrilla(Builder b) {
    this.config = b.config;
    ClassLoader loader = b.classLoader;
    this.ownsCache = b.cache == null;
    Cache backend =
        ownsCache
            ? Providers.find(
                    CacheProvider.class, ScrillaConfig.CACHE_MODE, config.cacheMode(), loader)
                .open(config)
            : b.cache;
    this.cache = backend instanceof LayeredCache l ? l : new LayeredCache(backend);
    // the sources take their requests from the budgets of the processes sharing the cache
    Coordination coordination = cache.coordination();
    PriceSource prices = b.priceSource;
    if (prices == null) {
      try {
        prices =
            owned(
                Providers.find(
                        PriceSourceProvider.class,
                        ScrillaConfig.PRICE_MANAGER,
                        config.priceManager(),
                        loader)
                    .create(config, coordination));
      } catch (RuntimeException e) {
        if (ownsCache) {
          cache.close();
        }
        throw e;
      }
    }
    InterestRateSource rates = b.rateSource;
    Supplier<InterestRateSource> rateSource =
        rates != null
            ? () -> rates
            : Lazy.of(
                () ->
                    owned(
                        Providers.find(
                                InterestRateSourceProvider.class,
                                ScrillaConfig.STAT_MANAGER,
                                config.statManager(),
                                loader)
                            .create(config)));
    DividendSource divs = b.dividendSource;
    Supplier<DividendSource> dividendSource =
        divs != null
            ? () -> divs
            : Lazy.of(
                () ->
                    owned(
                        Providers.find(
                                DividendSourceProvider.class,
                                ScrillaConfig.DIV_MANAGER,
                                config.divManager(),
                                loader)
                            .create(config, coordination)));
    this.market =
        new MarketData(
            prices, new LazyRates(rateSource), cache, TradingCalendar.nyse(), b.clock, config);
    this.statistics = new StatisticsService(market, cache, config.movingAveragePeriods());
    this.capm = new CapmService(market, statistics, asset(config.marketProxy()));
    this.risk = new RiskService(market, statistics);
    this.valuation = new ValuationService(market, capm, dividendSource, config.defaultMethod());
    this.portfolios = new PortfolioService(market, statistics, PortfolioOptimizer.create());
  }

  /** Remembers a source this facade created, to close it when it is closeable. */
  private synchronized <T> T owned(T created) {
    if (created instanceof AutoCloseable c) {
      this.created.add(c);
    }
    return created;
  }

  /** Returns a facade configured from the environment and system properties. */
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

  /** Resolves ticker text ({@code SPY}, {@code BTC}, {@code BTC:crypto}) to an asset. */
  public static Asset asset(String ticker) {
    return AssetResolver.resolve(ticker);
  }

  // ---------------------------------------------------------------- services

  /** Returns the configuration. */
  public ScrillaConfig config() {
    return config;
  }

  /** Returns the market-data service: prices, curves, the risk-free rate, windows, samples. */
  public MarketData marketData() {
    return market;
  }

  /** Returns the statistics service: profiles, correlations, covariance, moving averages. */
  public StatisticsService statistics() {
    return statistics;
  }

  /** Returns the CAPM service: Sharpe ratio, market premium, beta, cost of equity. */
  public CapmService capm() {
    return capm;
  }

  /** Returns the risk service: value at risk and conditional value at risk. */
  public RiskService risk() {
    return risk;
  }

  /** Returns the valuation service: dividends and the dividend discount model. */
  public ValuationService valuation() {
    return valuation;
  }

  /** Returns the portfolio service: assemble, optimize, allocate. */
  public PortfolioService portfolios() {
    return portfolios;
  }

  // ---------------------------------------------------------------- market data

  /** Returns today's date in New York (from the builder's clock). */
  public LocalDate today() {
    return market.today();
  }

  /** Returns the default window of the assets (see {@link MarketData#defaultRange(List)}). */
  public DateRange defaultRange(List<Asset> assets) {
    return market.defaultRange(assets);
  }

  /** Returns the window of a request (see {@link MarketData#range(List, Window)}). */
  public DateRange range(List<Asset> assets, Window window) {
    return market.range(assets, window);
  }

  /** Returns the daily prices of the asset in the range, cache-first. */
  public PriceHistory prices(Asset asset, DateRange range) {
    return market.prices(asset, range);
  }

  /** Returns the latest Treasury yield curve published on or before the date. */
  public YieldCurve yieldCurve(LocalDate date) {
    return market.yieldCurve(date, ProgressListener.none());
  }

  /** Returns the {@code RISK_FREE} yield of the latest curve on or before the date. */
  public double riskFreeRate(LocalDate date) {
    return market.riskFreeQuote(date, ProgressListener.none()).rate();
  }

  /** Returns the risk-free rate of today (the latest curve published). */
  public double riskFreeRate() {
    return riskFreeRate(today());
  }

  /** Returns every known cash dividend of the asset. */
  public List<Dividend> dividends(Asset asset) {
    return valuation.dividends(asset);
  }

  /** Empties the cache (see {@link MarketData#clearCache()}). */
  public void clearCache() {
    market.clearCache();
  }

  // ---------------------------------------------------------------- statistics

  /** Returns the risk profile over the default window with the default method. */
  public RiskProfile riskProfile(Asset asset) {
    return riskProfile(asset, defaultRange(List.of(asset)), config.defaultMethod());
  }

  /** Returns the risk profile over the default window. */
  public RiskProfile riskProfile(Asset asset, EstimationMethod method) {
    return riskProfile(asset, defaultRange(List.of(asset)), method);
  }

  /** Returns the risk profile with the asset's default {@code weekends} flag. */
  public RiskProfile riskProfile(Asset asset, DateRange range, EstimationMethod method) {
    return statistics.riskProfile(market.sample(List.of(asset), range, method));
  }

  /**
   * Returns the annual return and volatility of the asset.
   *
   * @param weekends whether crypto prices on weekends and NYSE holidays are kept (ignored for
   *     equities)
   */
  public RiskProfile riskProfile(
      Asset asset, DateRange range, EstimationMethod method, boolean weekends) {
    return statistics.riskProfile(market.sample(List.of(asset), range, method, weekends));
  }

  /** Returns the correlation of two assets over their default window with the default method. */
  public double correlation(Asset a, Asset b) {
    return correlation(a, b, defaultRange(List.of(a, b)), config.defaultMethod());
  }

  /** Returns the correlation with the pair's default {@code weekends} flag. */
  public double correlation(Asset a, Asset b, DateRange range, EstimationMethod method) {
    return statistics.correlation(market.sample(pair(a, b), range, method));
  }

  /**
   * Returns the correlation of the two assets' GBM increments; weekends are kept only when asked
   * for and both are crypto. An asset's correlation with itself is 1.
   */
  public double correlation(
      Asset a, Asset b, DateRange range, EstimationMethod method, boolean weekends) {
    return statistics.correlation(market.sample(pair(a, b), range, method, weekends));
  }

  private static List<Asset> pair(Asset a, Asset b) {
    Objects.requireNonNull(a, "a");
    Objects.requireNonNull(b, "b");
    return a.equals(b) ? List.of(a) : List.of(a, b);
  }

  /**
   * Returns the rolling correlation of two different assets on each date of the range: the
   * correlation of the trailing {@code period} returns ending there (see {@link
   * StatisticsService#correlationSeries}), with the pair's default {@code weekends} flag.
   */
  public CorrelationSeries correlationSeries(
      Asset a, Asset b, DateRange range, EstimationMethod method, int period) {
    return statistics.correlationSeries(market.sample(pair(a, b), range, method), period);
  }

  /** Returns the correlation matrix over the default window with the default method. */
  public CorrelationMatrix correlationMatrix(List<Asset> assets) {
    return correlationMatrix(assets, defaultRange(assets), config.defaultMethod());
  }

  /** Returns the correlation matrix with the group's default {@code weekends} flag. */
  public CorrelationMatrix correlationMatrix(
      List<Asset> assets, DateRange range, EstimationMethod method) {
    return statistics.correlationMatrix(market.sample(distinct(assets), range, method));
  }

  /**
   * Returns the correlation matrix of the assets (duplicates ignored), reading each history once;
   * an asset without prices is left out and reported in {@link CorrelationMatrix#failures()}.
   */
  public CorrelationMatrix correlationMatrix(
      List<Asset> assets, DateRange range, EstimationMethod method, boolean weekends) {
    return statistics.correlationMatrix(market.sample(distinct(assets), range, method, weekends));
  }

  private static List<Asset> distinct(List<Asset> assets) {
    return new ArrayList<>(new LinkedHashSet<>(Objects.requireNonNull(assets, "assets")));
  }

  /** Returns the covariance {@code sigma_a sigma_b rho} of the two assets' annual returns. */
  public double covariance(Asset a, Asset b, DateRange range, EstimationMethod method) {
    return statistics.covariance(market.sample(pair(a, b), range, method));
  }

  /** Returns the moving averages of annual return over {@code MA_1..MA_3}. */
  public MovingAverages movingAverages(Asset asset, DateRange range, EstimationMethod method) {
    return statistics.movingAverages(market.sample(List.of(asset), range, method));
  }

  // ---------------------------------------------------------------- CAPM

  /** Returns the market proxy ({@code MARKET_PROXY}, default SPY). */
  public Asset marketProxy() {
    return capm.marketProxy();
  }

  /** Returns the Sharpe ratio with the risk-free rate of the window's end date. */
  public double sharpeRatio(Asset asset, DateRange range, EstimationMethod method) {
    return capm.sharpeRatio(asset, range, method, RiskFreeRate.configured());
  }

  /** Returns the Sharpe ratio {@code (mu - r_f) / sigma}. */
  public double sharpeRatio(
      Asset asset, DateRange range, EstimationMethod method, RiskFreeRate riskFree) {
    return capm.sharpeRatio(asset, range, method, riskFree);
  }

  /** Returns the market premium with the risk-free rate of the window's end date. */
  public double marketPremium(DateRange range, EstimationMethod method) {
    return capm.marketPremium(range, method, RiskFreeRate.configured());
  }

  /** Returns the market premium {@code mu_M - r_f}. */
  public double marketPremium(DateRange range, EstimationMethod method, RiskFreeRate riskFree) {
    return capm.marketPremium(range, method, riskFree);
  }

  /** Returns the CAPM beta against the market proxy. */
  public double marketBeta(Asset asset, DateRange range, EstimationMethod method) {
    return capm.marketBeta(asset, range, method);
  }

  /** Returns the CAPM cost of equity with the risk-free rate of the window's end date. */
  public double costOfEquity(Asset asset, DateRange range, EstimationMethod method) {
    return capm.costOfEquity(asset, range, method, RiskFreeRate.configured());
  }

  /** Returns the CAPM cost of equity {@code r_f + beta (mu_M - r_f)}. */
  public double costOfEquity(
      Asset asset, DateRange range, EstimationMethod method, RiskFreeRate riskFree) {
    return capm.costOfEquity(asset, range, method, riskFree);
  }

  /** Returns each asset's statistics with the risk-free rate of the window's end date. */
  public Map<Asset, Result<AssetStatistics>> assetStatistics(
      List<Asset> assets, DateRange range, EstimationMethod method) {
    return assetStatistics(assets, range, method, RiskFreeRate.configured());
  }

  /**
   * Returns each asset's profile with what CAPM statistics can be had (see {@link
   * CapmService#assetStatistics}); one asset's failure does not hide the others.
   */
  public Map<Asset, Result<AssetStatistics>> assetStatistics(
      List<Asset> assets, DateRange range, EstimationMethod method, RiskFreeRate riskFree) {
    return Result.each(assets, a -> capm.assetStatistics(a, range, method, riskFree));
  }

  // ---------------------------------------------------------------- risk and valuation

  /**
   * Returns the value at risk as a price level ({@link RiskService#valueAtRisk}).
   *
   * @param event the tail probability p and the horizon T in years
   */
  public double valueAtRisk(
      Asset asset, DateRange range, EstimationMethod method, TailEvent event) {
    return risk.valueAtRisk(market.sample(List.of(asset), range, method), event);
  }

  /**
   * Returns the conditional value at risk as a price level ({@link
   * RiskService#conditionalValueAtRisk}).
   *
   * @param event the tail probability p and the horizon T in years
   */
  public double conditionalValueAtRisk(
      Asset asset, DateRange range, EstimationMethod method, TailEvent event) {
    return risk.conditionalValueAtRisk(market.sample(List.of(asset), range, method), event);
  }

  /** Values the asset with the discount dividend model at an annual discount rate. */
  public DividendValuation discountDividendModel(Asset asset, LocalDate asOf, double discountRate) {
    return valuation.discountDividendModel(asset, asOf, discountRate);
  }

  /** Values the asset at its CAPM cost of equity over the default window ending at asOf. */
  public DividendValuation discountDividendModel(Asset asset, LocalDate asOf) {
    return valuation.discountDividendModel(asset, asOf);
  }

  /** Values the asset today at its CAPM cost of equity. */
  public DividendValuation discountDividendModel(Asset asset) {
    return discountDividendModel(asset, today());
  }

  // ---------------------------------------------------------------- portfolios

  /** Returns the portfolio of the assets with the risk-free rate of the window's end date. */
  public Portfolio portfolio(List<Asset> assets, DateRange range, EstimationMethod method) {
    return portfolio(assets, range, method, RiskFreeRate.configured());
  }

  /** Returns the portfolio of the assets ({@link PortfolioService#portfolio}). */
  public Portfolio portfolio(
      List<Asset> assets, DateRange range, EstimationMethod method, RiskFreeRate riskFree) {
    return portfolios.portfolio(assets, range, method, riskFree);
  }

  /** Returns the minimum-variance portfolio of the assets under the constraints. */
  public Solution minimumVariance(
      List<Asset> assets, DateRange range, EstimationMethod method, Constraints constraints) {
    return portfolios.minimumVariance(portfolio(assets, range, method), constraints);
  }

  /** Returns the maximum-Sharpe-ratio portfolio (risk-free rate of the window's end). */
  public Solution maximumSharpeRatio(
      List<Asset> assets, DateRange range, EstimationMethod method, Constraints constraints) {
    return portfolios.maximumSharpeRatio(portfolio(assets, range, method), constraints);
  }

  /** Returns the maximum-return portfolio under the bounds. */
  public Solution maximumReturn(
      List<Asset> assets, DateRange range, EstimationMethod method, Bounds bounds) {
    return portfolios.maximumReturn(portfolio(assets, range, method), bounds);
  }

  /** Returns the portfolio of least conditional value at risk (a loss fraction) in the event. */
  public CvarSolution minimumConditionalValueAtRisk(
      List<Asset> assets,
      DateRange range,
      EstimationMethod method,
      Constraints constraints,
      TailEvent event) {
    return portfolios.minimumConditionalValueAtRisk(
        portfolio(assets, range, method), constraints, event);
  }

  /** Returns {@code steps} efficient portfolios, lowest return first. */
  public List<Solution> efficientFrontier(
      List<Asset> assets,
      DateRange range,
      EstimationMethod method,
      Bounds bounds,
      int steps,
      FrontierSpacing spacing) {
    return portfolios.efficientFrontier(portfolio(assets, range, method), bounds, steps, spacing);
  }

  /** Buys whole shares of the solution's assets for at most the amount, at the window's closes. */
  public Allocation allocate(Solution solution, DateRange range, BigDecimal amount) {
    return portfolios.allocate(solution, range, amount);
  }

  /**
   * Closes what this facade created: the cache it opened from {@code CACHE_MODE} and closeable
   * sources it created; a cache or source given to the builder is left open for its owner.
   */
  @Override
  public void close() {
    if (ownsCache) {
      cache.close();
    }
    List<AutoCloseable> toClose;
    synchronized (this) {
      toClose = new ArrayList<>(created);
      created.clear();
    }
    for (AutoCloseable c : toClose) {
      try {
        c.close();
      } catch (Exception e) {
        // a source that fails to close holds nothing the caller can act on
      }
    }
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

    /** Uses this price source instead of {@code PRICE_MANAGER}'s; the caller owns it. */
    public Builder priceSource(PriceSource source) {
      this.priceSource = Objects.requireNonNull(source, "source");
      return this;
    }

    /** Uses this interest-rate source instead of {@code STAT_MANAGER}'s; the caller owns it. */
    public Builder interestRateSource(InterestRateSource source) {
      this.rateSource = Objects.requireNonNull(source, "source");
      return this;
    }

    /** Uses this dividend source instead of {@code DIV_MANAGER}'s; the caller owns it. */
    public Builder dividendSource(DividendSource source) {
      this.dividendSource = Objects.requireNonNull(source, "source");
      return this;
    }

    /**
     * Uses this cache instead of {@code CACHE_MODE}'s. The caller owns it: closing the facade does
     * not close it.
     */
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
