package io.scrilla.core.service;

import io.scrilla.api.error.InvalidInputException;
import io.scrilla.api.error.SampleSizeException;
import io.scrilla.api.error.ScrillaException;
import io.scrilla.api.model.Asset;
import io.scrilla.api.model.AssetType;
import io.scrilla.api.model.CorrelationBlock;
import io.scrilla.api.model.CorrelationKey;
import io.scrilla.api.model.PriceHistory;
import io.scrilla.api.model.RiskProfile;
import io.scrilla.api.spi.Cache;
import io.scrilla.core.cache.ReadThrough;
import io.scrilla.core.calendar.TradingCalendar;
import io.scrilla.core.estimate.CorrelationEstimators;
import io.scrilla.core.estimate.CorrelationMatrixEstimator;
import io.scrilla.core.estimate.PairSample;
import io.scrilla.core.estimate.ProfileEstimators;
import io.scrilla.core.estimate.ReturnSample;
import io.scrilla.core.linalg.Symmetric;
import io.scrilla.core.market.CoveredHistory;
import io.scrilla.core.market.MarketData;
import io.scrilla.core.market.Sample;
import io.scrilla.core.risk.MarketStatistics;
import io.scrilla.core.stats.CorrelationMatrix;
import io.scrilla.core.stats.CorrelationSeries;
import io.scrilla.core.stats.MovingAverages;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalDouble;

/**
 * Statistics of a {@link Sample}: risk profiles, correlations, the correlation matrix, covariance
 * and moving averages (definitions in {@code docs/statistics.md}). Profiles and correlations are
 * read through the cache under their full identity ({@link ReadThrough}): computed once, then read.
 * A value computed from a history that does not cover its window ({@link MarketData#coverage}) is
 * returned but not stored. Thread-safe.
 */
public final class StatisticsService {
  private final MarketData market;
  private final Cache cache;
  private final int[] movingAveragePeriods;

  /**
   * Creates the service.
   *
   * @param market where the samples' prices come from
   * @param cache where profiles and correlations are stored
   * @param movingAveragePeriods the periods of {@link #movingAverages} ({@code MA_1..MA_3})
   */
  public StatisticsService(MarketData market, Cache cache, int[] movingAveragePeriods) {
    this.market = Objects.requireNonNull(market, "market");
    this.cache = Objects.requireNonNull(cache, "cache");
    this.movingAveragePeriods = movingAveragePeriods.clone();
  }

  private TradingCalendar calendar() {
    return market.calendar();
  }

  /**
   * Returns the annual return and volatility of a single-asset sample (see {@link
   * ProfileEstimators}), cache-first under the sample's {@link Sample#profileKey()}; stored only
   * when the asset's prices cover the window.
   *
   * @throws io.scrilla.api.error.PriceUnavailableException when the window has no price
   * @throws SampleSizeException with fewer than 3 prices in the window, naming ticker and dates
   */
  public RiskProfile riskProfile(Sample sample) {
    return ReadThrough.get(
        sample.profileKey(),
        cache.profiles()::get,
        key -> estimateProfile(sample),
        cache.profiles()::put);
  }

  private ReadThrough.Loaded<RiskProfile> estimateProfile(Sample sample) {
    Asset asset = sample.asset();
    PriceHistory p = market.history(sample, asset);
    boolean complete = market.coverage(sample, p).complete();
    try {
      return new ReadThrough.Loaded<>(
          ProfileEstimators.estimate(ReturnSample.of(p, calendar()), sample.method()), complete);
    } catch (SampleSizeException e) {
      throw new SampleSizeException(
          asset.ticker()
              + " "
              + sample.window().start()
              + " to "
              + sample.window().end()
              + ": "
              + e.getMessage(),
          e);
    }
  }

  /**
   * Returns the correlation of the two assets of a pair sample (see {@link CorrelationEstimators}),
   * cache-first under {@link CorrelationKey} (stored only when both assets' prices cover the
   * window); a sample of one asset is an asset's correlation with itself, 1 (once its prices are
   * known to exist).
   *
   * @throws InvalidInputException for a sample without variation
   * @throws io.scrilla.api.error.PriceUnavailableException when an asset has no price
   * @throws SampleSizeException with fewer than 3 common dates
   */
  public double correlation(Sample sample) {
    List<Asset> assets = sample.assets();
    if (assets.size() == 1) {
      market.history(sample, assets.get(0));
      return 1;
    }
    if (assets.size() != 2) {
      throw new InvalidInputException("a correlation needs two assets, got " + assets);
    }
    CorrelationKey key = sample.correlationKey(assets.get(0), assets.get(1));
    return ReadThrough.get(
        key,
        k -> boxed(cache.correlations().get(k)),
        k -> {
          PriceHistory first = market.history(sample, k.first());
          PriceHistory second = market.history(sample, k.second());
          return new ReadThrough.Loaded<>(
              computeCorrelation(k, first, second),
              market.coverage(sample, first).complete()
                  && market.coverage(sample, second).complete());
        },
        cache.correlations()::put);
  }

  private static Optional<Double> boxed(OptionalDouble d) {
    return d.isPresent() ? Optional.of(d.getAsDouble()) : Optional.empty();
  }

  private double computeCorrelation(CorrelationKey key, PriceHistory first, PriceHistory second) {
    try {
      return CorrelationEstimators.estimate(PairSample.of(first, second, calendar()), key.method());
    } catch (SampleSizeException e) {
      // the message names both tickers already
      throw new SampleSizeException(
          "window " + key.range().start() + " to " + key.range().end() + ": " + e.getMessage(), e);
    } catch (InvalidInputException e) {
      throw new InvalidInputException(
          key.first().ticker()
              + " and "
              + key.second().ticker()
              + " "
              + key.range().start()
              + " to "
              + key.range().end()
              + ": "
              + e.getMessage(),
          e);
    }
  }

  /**
   * Returns the pairwise correlations of the sample's assets as a symmetric matrix with a unit
   * diagonal, each entry as {@link #correlation(Sample)} of the pair on the same window and flag.
   *
   * <p>One pass: the cached entries are read as one block ({@code getBlock}), each price history
   * needed for the missing entries is read once, and the computed entries of assets whose prices
   * cover the window are written as one block ({@code putBlock}); no key or boxed value is made per
   * pair. An asset whose prices cannot be had, or whose sample with an earlier asset is too small,
   * is left out of the matrix and reported in {@link CorrelationMatrix#failures()}; the others are
   * unaffected.
   */
  public CorrelationMatrix correlationMatrix(Sample sample) {
    List<Asset> assets = sample.assets();
    int n = assets.size();
    CorrelationBlock known =
        n < 2
            ? CorrelationBlock.empty(
                sample.source(), assets, sample.window(), sample.method(), sample.weekends())
            : cache
                .correlations()
                .getBlock(
                    sample.source(), assets, sample.window(), sample.method(), sample.weekends());
    List<PriceHistory> histories = new ArrayList<>();
    int[] position = new int[n]; // of each history in the sample
    // whether the asset's prices cover the window (true for an asset whose prices are not read)
    boolean[] complete = new boolean[n];
    Arrays.fill(complete, true);
    Map<Asset, ScrillaException> failures = new LinkedHashMap<>();
    for (int i = 0; i < n; i++) {
      boolean needed = n == 1;
      for (int j = 0; j < n && !needed; j++) {
        needed = j != i && !known.has(i, j);
      }
      if (needed) {
        try {
          CoveredHistory h = market.coveredHistory(sample, i);
          position[histories.size()] = i;
          complete[i] = h.coverage().complete();
          histories.add(h.prices());
        } catch (ScrillaException e) {
          failures.put(assets.get(i), e);
        }
      }
    }
    Computed computed = computeMissing(sample, known, position, histories, failures);
    CorrelationBlock fresh = computed.block();
    if (n > 1) {
      ReadThrough.storeBlock(fresh, i -> complete[i], cache.correlations()::putBlock);
    }
    int[] ok = new int[n];
    int m = 0;
    for (int i = 0; i < n; i++) {
      if (!failures.containsKey(assets.get(i))) {
        ok[m++] = i;
      }
    }
    List<Asset> kept = new ArrayList<>(m);
    for (int a = 0; a < m; a++) {
      kept.add(assets.get(ok[a]));
    }
    // every pair computed here and none left out: the product's own array is the matrix
    double[][] matrix = computed.square();
    if (matrix == null) {
      matrix = new double[m][m];
      for (int a = 0; a < m; a++) {
        matrix[a][a] = 1;
        for (int b = a + 1; b < m; b++) {
          double v = known.get(ok[a], ok[b]);
          matrix[a][b] = Double.isNaN(v) ? fresh.get(ok[a], ok[b]) : v;
        }
      }
      Symmetric.mirrorUpper(matrix);
    }
    Map<Asset, ScrillaException> orderedFailures = new LinkedHashMap<>();
    for (Asset a : assets) {
      if (failures.containsKey(a)) {
        orderedFailures.put(a, failures.get(a));
      }
    }
    return CorrelationMatrix.of(kept, matrix, orderedFailures);
  }

  /**
   * Histories in, correlations out: computes every pair not already known from the histories read
   * once, with one pass per series and one product per group of common dates ({@link
   * CorrelationMatrixEstimator}); the assets left out go to {@code failures}. Returns them as a
   * block of the sample's pairs, NaN where nothing was computed, with the square matrix when every
   * pair was computed here.
   *
   * @param pos the position in the sample of each fetched history
   */
  private Computed computeMissing(
      Sample sample,
      CorrelationBlock known,
      int[] pos,
      List<PriceHistory> fetched,
      Map<Asset, ScrillaException> failures) {
    int n = sample.assets().size();
    if (fetched.isEmpty()) {
      // nothing to compute (every pair known, or no history read): a block without an array
      return new Computed(
          CorrelationBlock.empty(
              sample.source(),
              sample.assets(),
              sample.window(),
              sample.method(),
              sample.weekends()),
          null);
    }
    CorrelationMatrixEstimator.Pairwise pairwise =
        CorrelationMatrixEstimator.pairwiseByIndex(
            fetched,
            sample.method(),
            calendar(),
            (i, j) -> !known.has(pos[i], pos[j]),
            (pa, pb) -> computeCorrelation(sample.correlationKey(pa.asset(), pb.asset()), pa, pb));
    failures.putAll(pairwise.failures());
    if (fetched.size() == n && pairwise.isComplete()) {
      // every asset's history read (so in sample order) and every pair computed: the square is
      // the matrix, and the block is made from it
      double[][] square = pairwise.toMatrix();
      return new Computed(
          CorrelationBlock.ofMatrix(
              sample.source(),
              sample.assets(),
              sample.window(),
              sample.method(),
              sample.weekends(),
              square),
          square);
    }
    double[] computed = new double[n * (n - 1) / 2];
    Arrays.fill(computed, Double.NaN);
    for (int i = 0; i < fetched.size(); i++) {
      for (int j = i + 1; j < fetched.size(); j++) {
        OptionalDouble rho = pairwise.correlation(i, j);
        if (rho.isPresent()) {
          computed[CorrelationBlock.index(n, Math.min(pos[i], pos[j]), Math.max(pos[i], pos[j]))] =
              rho.getAsDouble();
        }
      }
    }
    return new Computed(
        CorrelationBlock.of(
            sample.source(),
            sample.assets(),
            sample.window(),
            sample.method(),
            sample.weekends(),
            computed),
        null);
  }

  /**
   * The correlations {@link #computeMissing} computed, as a block of the sample's pairs (NaN where
   * nothing was computed), and, when every pair was computed and no asset left out, the square
   * matrix in sample order they came from (null otherwise).
   */
  private record Computed(CorrelationBlock block, double[][] square) {}

  /**
   * Returns the covariance of the annual returns of a pair sample's assets, {@code sigma_a sigma_b
   * rho}, every factor on the same sample.
   */
  public double covariance(Sample sample) {
    double rho = correlation(sample);
    List<Asset> assets = sample.assets();
    Asset a = assets.get(0);
    Asset b = assets.get(assets.size() - 1);
    return MarketStatistics.covariance(
        riskProfile(sample.of(a)).annualVolatility(),
        riskProfile(sample.of(b)).annualVolatility(),
        rho);
  }

  /**
   * Returns the rolling correlation of a pair sample's two assets ({@link CorrelationSeries}): for
   * each common date of the window, the correlation ({@link #correlation(Sample)}'s estimator and
   * method) of the trailing {@code period} returns ending there. The histories are read from {@code
   * period} NYSE sessions before the window's start (calendar days when the sample keeps weekends);
   * the values are computed, not cached.
   *
   * @param sample a sample of two distinct assets
   * @param period returns in each correlation, at least 2
   * @throws InvalidInputException for another number of assets, a period below 2, or a window
   *     without variation (naming the tickers and the dates)
   * @throws io.scrilla.api.error.PriceUnavailableException when an asset has no price
   * @throws SampleSizeException when no date of the window has a full period before it
   */
  public CorrelationSeries correlationSeries(Sample sample, int period) {
    List<Asset> assets = sample.assets();
    if (assets.size() != 2) {
      throw new InvalidInputException(
          "a rolling correlation needs two different assets, got " + sample.label());
    }
    if (period < 2) {
      throw new InvalidInputException(
          "a rolling correlation period of " + period + " is too short: use at least 2 returns");
    }
    LocalDate start = sample.window().start();
    LocalDate from =
        sample.tradingDaysOnly()
            ? calendar().minusTradingDays(start, period)
            : start.minusDays(period);
    PriceHistory a = market.history(sample, assets.get(0), from);
    PriceHistory b = market.history(sample, assets.get(1), from);
    try {
      return CorrelationSeries.compute(a, b, sample.window(), period, sample.method(), calendar());
    } catch (InvalidInputException e) {
      throw new InvalidInputException(
          sample.label() + " " + sample.window() + ": " + e.getMessage(), e);
    }
  }

  /**
   * Returns the moving averages of annual return of a single-asset sample for every price date of
   * its window, over the configured periods ({@code MA_1}, {@code MA_2}, {@code MA_3}): for date d
   * and period k, the profile {@code annual_return} of the trailing k + 1 prices ending at d (NYSE
   * sessions for equities, calendar days for crypto). The history is read from k sessions (days for
   * crypto) before the window's start.
   */
  public MovingAverages movingAverages(Sample sample) {
    Asset asset = sample.asset();
    int longest = 0;
    for (int k : movingAveragePeriods) {
      longest = Math.max(longest, k);
    }
    LocalDate start = sample.window().start();
    LocalDate from =
        asset.type() == AssetType.EQUITY
            ? calendar().minusTradingDays(start, longest)
            : start.minusDays(longest);
    PriceHistory history = market.history(sample, asset, from);
    try {
      return MovingAverages.compute(
          history, sample.window(), movingAveragePeriods, sample.method(), calendar());
    } catch (InvalidInputException e) {
      throw new InvalidInputException(
          asset.ticker() + " " + sample.window() + ": " + e.getMessage(), e);
    }
  }
}
