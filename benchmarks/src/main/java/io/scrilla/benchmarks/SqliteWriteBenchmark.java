package io.scrilla.benchmarks;

import io.scrilla.api.model.Asset;
import io.scrilla.api.model.DateRange;
import io.scrilla.api.model.PriceHistory;
import io.scrilla.api.model.SourceId;
import io.scrilla.cache.sqlite.SqliteCache;
import java.io.IOException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

/**
 * {@link SqliteCache} at the size of a real cache: writing 1,000,000 daily prices (400 tickers of
 * 2,500 sessions, one put per ticker, into an emptied file) and a warm read of 1,260 sessions of
 * one ticker out of a file holding those 1,000,000 prices.
 */
@Fork(1)
public class SqliteWriteBenchmark {
  private static final SourceId SRC = SourceId.of("test");

  /** Tickers written. */
  static final int TICKERS = 400;

  /** Sessions per ticker. */
  static final int SESSIONS = 2_500;

  /** Sessions read. */
  static final int READ = 1_260;

  /** The histories of {@link #TICKERS} tickers, {@link #SESSIONS} prices each. */
  static List<PriceHistory> histories() {
    int[] days = Problems.sessions(SESSIONS - 1);
    List<PriceHistory> out = new ArrayList<>(TICKERS);
    double[] path = Problems.gbmCloses(SESSIONS, 13L);
    for (int i = 0; i < TICKERS; i++) {
      double[] opens = new double[SESSIONS];
      double[] closes = new double[SESSIONS];
      for (int k = 0; k < SESSIONS; k++) {
        opens[k] = path[k] * (1 + 0.001 * i);
        closes[k] = path[k + 1] * (1 + 0.001 * i);
      }
      out.add(PriceHistory.of(Asset.equity("W" + i), days, opens, closes));
    }
    return out;
  }

  /** An emptied cache file and the 1,000,000 prices to write into it. */
  @State(Scope.Benchmark)
  public static class Empty {
    CacheFile file;
    SqliteCache cache;
    List<PriceHistory> histories;

    /** Creates the file and the histories. */
    @Setup(Level.Trial)
    public void setUp() throws IOException {
      file = CacheFile.open();
      cache = file.cache();
      histories = histories();
    }

    /** Empties the tables before each write. */
    @Setup(Level.Iteration)
    public void clear() {
      cache.clear();
    }

    /** Closes the cache and deletes the file. */
    @TearDown(Level.Trial)
    public void tearDown() {
      file.close();
    }
  }

  /** A cache file holding the 1,000,000 prices. */
  @State(Scope.Benchmark)
  public static class Full {
    CacheFile file;
    SqliteCache cache;
    Asset asset = Asset.equity("W" + TICKERS / 2);
    DateRange range;

    /** Creates and fills the file, and checks the read. */
    @Setup(Level.Trial)
    public void setUp() throws IOException {
      file = CacheFile.open();
      cache = file.cache();
      histories().forEach(h -> cache.prices().put(SRC, h));
      int[] days = Problems.sessions(SESSIONS - 1);
      range = DateRange.of(LocalDate.ofEpochDay(days[SESSIONS - READ]), Problems.PANEL_END);
      int got = cache.prices().get(SRC, asset, range).size();
      if (got != READ) {
        throw new IllegalStateException("range read returned " + got + " rows, not " + READ);
      }
    }

    /** Closes the cache and deletes the file. */
    @TearDown(Level.Trial)
    public void tearDown() {
      file.close();
    }
  }

  /** Writes 1,000,000 prices: one put per ticker. One operation is the whole write. */
  @Benchmark
  @BenchmarkMode(Mode.SingleShotTime)
  @OutputTimeUnit(TimeUnit.MILLISECONDS)
  @Warmup(iterations = 1)
  @Measurement(iterations = 3)
  public int write1m(Empty s) {
    for (PriceHistory h : s.histories) {
      s.cache.prices().put(SRC, h);
    }
    return s.histories.size();
  }

  /** Reads 1,260 sessions of one ticker from the file of 1,000,000 prices (warm). */
  @Benchmark
  @BenchmarkMode(Mode.AverageTime)
  @OutputTimeUnit(TimeUnit.MICROSECONDS)
  @Warmup(iterations = 3, time = 1)
  @Measurement(iterations = 5, time = 1)
  public PriceHistory read1260(Full s) {
    return s.cache.prices().get(SRC, s.asset, s.range);
  }
}
