package io.scrilla.benchmarks;

import io.scrilla.api.model.Asset;
import io.scrilla.api.model.DateRange;
import io.scrilla.api.model.EstimationMethod;
import io.scrilla.core.Scrilla;
import io.scrilla.core.stats.CorrelationMatrix;
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

/**
 * Time of {@link Scrilla#correlationMatrix(List, DateRange, EstimationMethod)} (moments) of {@code
 * assets} series of 1,260 returns from an in-memory source through a new facade with an empty
 * memory cache (so every pair is computed), for a panel on common dates and for a mixed panel
 * ({@link Problems#mixedPanel}: crypto priced every day and late listings); and of the positive
 * semi-definiteness check of a finished matrix ({@link CorrelationMatrix#of} on the computed
 * entries). Few iterations: one operation takes seconds before the matrix kernel.
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Fork(1)
@Warmup(iterations = 1, time = 1)
@Measurement(iterations = 3, time = 1)
@State(Scope.Benchmark)
public class CorrelationMatrixBenchmark {
  /** Returns per series (five years of sessions). */
  static final int DAYS = 1_260;

  /** Number of series. */
  @Param({"100", "500", "2000"})
  public int assets;

  /** {@code common}: one calendar; {@code mixed}: crypto and late listings among the equities. */
  @Param({"common", "mixed"})
  public String dates;

  private MemoryPrices source;
  private List<Asset> list;
  private DateRange range;
  private double[][] matrix;

  /** Generates the panel and checks that the matrix is complete. */
  @Setup(Level.Trial)
  public void setUp() {
    source =
        new MemoryPrices(
            "mixed".equals(dates)
                ? Problems.mixedPanel(assets, DAYS, Problems.PANEL_SEED)
                : Problems.commonPanel(assets, DAYS, Problems.PANEL_SEED));
    list = source.assets();
    range = source.span();
    CorrelationMatrix m = correlationMatrix();
    if (m.size() != assets || !m.failures().isEmpty()) {
      throw new IllegalStateException(
          "matrix of " + m.size() + " assets, failures " + m.failures());
    }
    matrix = m.toArray();
  }

  /** The whole matrix through the facade (a new facade, so nothing is cached). */
  @Benchmark
  public CorrelationMatrix correlationMatrix() {
    try (Scrilla scrilla = source.facade()) {
      return scrilla.correlationMatrix(list, range, EstimationMethod.MOMENTS);
    }
  }

  /** Building a {@link CorrelationMatrix} from finished entries: its PSD check. */
  @Benchmark
  public boolean psdCheck() {
    return CorrelationMatrix.of(list, matrix, Map.of()).isPositiveSemiDefinite();
  }
}
