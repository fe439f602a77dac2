package io.scrilla.benchmarks;

import io.scrilla.api.model.Asset;
import io.scrilla.api.model.DateRange;
import io.scrilla.api.model.EstimationMethod;
import io.scrilla.api.model.PriceHistory;
import io.scrilla.api.model.RiskProfile;
import io.scrilla.core.Result;
import io.scrilla.core.Scrilla;
import io.scrilla.core.calendar.TradingCalendar;
import io.scrilla.core.estimate.ProfileEstimators;
import io.scrilla.core.estimate.ReturnSample;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;
import org.openjdk.jmh.infra.Blackhole;

/**
 * Risk profiles of 500 series of 1,260 daily returns (one panel on common NYSE sessions) by each
 * {@code method}: from the price histories with the core types ({@link ReturnSample#of} and {@link
 * ProfileEstimators#estimate}), and through the facade ({@link Result#each} over {@link
 * Scrilla#riskProfile}, a new facade with an empty memory cache); and the 500 return samples alone.
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Fork(1)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@State(Scope.Benchmark)
public class RiskProfileBenchmark {
  /** Number of series. */
  static final int SERIES = 500;

  /** The estimator. */
  @Param({"MOMENTS", "PERCENTILES", "LIKELIHOOD"})
  public EstimationMethod method;

  private final TradingCalendar calendar = TradingCalendar.nyse();
  private List<PriceHistory> histories;
  private MemoryPrices source;
  private List<Asset> assets;
  private DateRange range;

  /** Generates the panel. */
  @Setup(Level.Trial)
  public void setUp() {
    histories = Problems.commonPanel(SERIES, CorrelationMatrixBenchmark.DAYS, Problems.PANEL_SEED);
    source = new MemoryPrices(histories);
    assets = source.assets();
    range = source.span();
    Map<Asset, Result<RiskProfile>> all = facade();
    if (all.values().stream().anyMatch(r -> !r.isSuccess())) {
      throw new IllegalStateException("a profile failed: " + all);
    }
  }

  /** 500 profiles from price histories with the core types. */
  @Benchmark
  public void profiles(Blackhole bh) {
    for (PriceHistory h : histories) {
      bh.consume(ProfileEstimators.estimate(ReturnSample.of(h, calendar), method));
    }
  }

  /** 500 profiles through the facade (a new facade, so nothing is cached). */
  @Benchmark
  public Map<Asset, Result<RiskProfile>> facade() {
    try (Scrilla scrilla = source.facade()) {
      return Result.each(assets, a -> scrilla.riskProfile(a, range, method));
    }
  }

  /** The 500 return samples alone (log returns and session counts); the same for each method. */
  @Benchmark
  public void returnSamples(Blackhole bh) {
    for (PriceHistory h : histories) {
      bh.consume(ReturnSample.of(h, calendar));
    }
  }
}
