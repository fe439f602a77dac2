package io.scrilla.benchmarks;

import io.scrilla.api.model.RiskProfile;
import io.scrilla.core.estimate.ProfileEstimators;
import io.scrilla.core.estimate.ReturnSample;
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

/**
 * Time of one {@link ProfileEstimators} estimate (moments, percentiles, likelihood) on a {@link
 * ReturnSample} of 100 and 5,000 daily returns of a fixed GBM path.
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Fork(1)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@State(Scope.Benchmark)
public class EstimatorBenchmark {
  /** Number of returns in the sample. */
  @Param({"100", "5000"})
  public int returns;

  private ReturnSample sample;

  /** Builds the sample. */
  @Setup(Level.Trial)
  public void setUp() {
    sample = ReturnSample.ofCloses(Problems.gbmCloses(returns, 7L + returns), 1.0 / 252);
  }

  /** Moment matching. */
  @Benchmark
  public RiskProfile moments() {
    return ProfileEstimators.moments(sample);
  }

  /** Percentile matching (sorts a copy of the annualized returns). */
  @Benchmark
  public RiskProfile percentiles() {
    return ProfileEstimators.percentiles(sample);
  }

  /** Maximum likelihood. */
  @Benchmark
  public RiskProfile likelihood() {
    return ProfileEstimators.likelihood(sample);
  }
}
