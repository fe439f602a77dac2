package io.scrilla.benchmarks;

import io.scrilla.api.model.Asset;
import io.scrilla.api.model.CorrelationKey;
import io.scrilla.api.model.DateRange;
import io.scrilla.api.model.EstimationMethod;
import io.scrilla.api.model.PriceHistory;
import io.scrilla.api.model.SourceId;
import io.scrilla.cache.sqlite.SqliteCache;
import java.io.IOException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

/**
 * {@link SqliteCache} on a temporary file: an indexed range read of 1,260 daily prices (five years
 * of sessions) out of a stored history of 5,000 rows, a bulk put of 100,000 rows in one call
 * (scored in rows per second: one operation is one row), and the warm read of the 124,750
 * correlations of a 500-ticker matrix in one {@code getAll}.
 */
@Fork(1)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
public class SqliteCacheBenchmark {
  private static final SourceId SRC = SourceId.of("test");

  /** Rows in one bulk put. */
  static final int BULK_ROWS = 100_000;

  /** Rows stored for the range read. */
  static final int STORED_ROWS = 5_000;

  /** Rows returned by the range read. */
  static final int READ_ROWS = 1_260;

  /** Tickers of the cached correlation matrix. */
  static final int MATRIX_TICKERS = 500;

  private static final int FIRST_DAY = (int) LocalDate.of(1990, 1, 1).toEpochDay();

  /** A cache file holding {@link #STORED_ROWS} consecutive daily prices of one equity. */
  @State(Scope.Benchmark)
  public static class Stored {
    CacheFile file;
    SqliteCache cache;
    Asset asset = Asset.equity("BENCH");
    DateRange range;

    /** Creates the file and stores the history. */
    @Setup(Level.Trial)
    public void setUp() throws IOException {
      file = CacheFile.open();
      cache = file.cache();
      cache.prices().put(SRC, history(asset, FIRST_DAY, STORED_ROWS));
      int start = FIRST_DAY + 2_000;
      range =
          DateRange.of(LocalDate.ofEpochDay(start), LocalDate.ofEpochDay(start + READ_ROWS - 1));
      int got = cache.prices().get(SRC, asset, range).size();
      if (got != READ_ROWS) {
        throw new IllegalStateException("range read returned " + got + " rows, not " + READ_ROWS);
      }
    }

    /** Closes the cache and deletes the file. */
    @TearDown(Level.Trial)
    public void tearDown() {
      file.close();
    }
  }

  /**
   * An empty cache file and a 100,000-row history; each put stores it under a new ticker (fresh
   * inserts, not replacements), and the table is emptied before each iteration so it stays small.
   */
  @State(Scope.Benchmark)
  public static class Bulk {
    CacheFile file;
    SqliteCache cache;
    int[] days;
    double[] opens;
    double[] closes;
    int next;

    /** Creates the file and the rows. */
    @Setup(Level.Trial)
    public void setUp() throws IOException {
      file = CacheFile.open();
      cache = file.cache();
      PriceHistory h = history(Asset.equity("BULK"), FIRST_DAY - 60_000, BULK_ROWS);
      days = h.epochDays();
      opens = h.opens();
      closes = h.closes();
    }

    /** Empties the tables. */
    @Setup(Level.Iteration)
    public void clear() {
      cache.clear();
    }

    /** Closes the cache and deletes the file. */
    @TearDown(Level.Trial)
    public void tearDown() {
      file.close();
    }

    PriceHistory nextHistory() {
      return PriceHistory.of(Asset.equity("BULK" + next++), days, opens, closes);
    }
  }

  /** A cache file holding every correlation of a {@link #MATRIX_TICKERS}-ticker matrix. */
  @State(Scope.Benchmark)
  public static class Matrix {
    CacheFile file;
    SqliteCache cache;
    List<CorrelationKey> keys;

    /** Creates the file and stores the matrix. */
    @Setup(Level.Trial)
    public void setUp() throws IOException {
      file = CacheFile.open();
      cache = file.cache();
      DateRange window = DateRange.of(LocalDate.of(2016, 11, 18), LocalDate.of(2021, 11, 19));
      Asset[] assets = new Asset[MATRIX_TICKERS];
      for (int i = 0; i < assets.length; i++) {
        assets[i] = Asset.equity(String.format(Locale.ROOT, "T%03d", i));
      }
      keys = new ArrayList<>();
      Map<CorrelationKey, Double> values = new LinkedHashMap<>();
      for (int i = 0; i < assets.length; i++) {
        for (int j = i + 1; j < assets.length; j++) {
          CorrelationKey k =
              CorrelationKey.of(SRC, assets[i], assets[j], window, EstimationMethod.MOMENTS, false);
          keys.add(k);
          values.put(k, ((i * 31 + j * 17) % 200 - 100) / 100.0);
        }
      }
      cache.correlations().putAll(values);
      int got = cache.correlations().getAll(keys).size();
      if (got != keys.size()) {
        throw new IllegalStateException("matrix read returned " + got + " of " + keys.size());
      }
    }

    /** Closes the cache and deletes the file. */
    @TearDown(Level.Trial)
    public void tearDown() {
      file.close();
    }
  }

  /** Reads the 124,750 correlations of a 500-ticker matrix in one call. */
  @Benchmark
  @BenchmarkMode(Mode.AverageTime)
  @OutputTimeUnit(TimeUnit.MILLISECONDS)
  public Map<CorrelationKey, Double> matrixRead500(Matrix m) {
    return m.cache.correlations().getAll(m.keys);
  }

  /** Reads 1,260 rows by an indexed date range. */
  @Benchmark
  @BenchmarkMode(Mode.AverageTime)
  @OutputTimeUnit(TimeUnit.MICROSECONDS)
  public PriceHistory rangeRead1260(Stored s) {
    return s.cache.prices().get(SRC, s.asset, s.range);
  }

  /** Stores 100,000 rows in one put (one transaction); the score is rows per second. */
  @Benchmark
  @BenchmarkMode(Mode.Throughput)
  @OutputTimeUnit(TimeUnit.SECONDS)
  @OperationsPerInvocation(BULK_ROWS)
  public void bulkPut100k(Bulk b) {
    b.cache.prices().put(SRC, b.nextHistory());
  }

  static PriceHistory history(Asset asset, int firstDay, int rows) {
    int[] days = new int[rows];
    double[] opens = new double[rows];
    double[] closes = new double[rows];
    double[] path = Problems.gbmCloses(rows, 11L + rows);
    for (int i = 0; i < rows; i++) {
      days[i] = firstDay + i;
      closes[i] = path[i + 1];
      opens[i] = path[i];
    }
    return PriceHistory.of(asset, days, opens, closes);
  }
}
