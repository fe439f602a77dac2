package io.scrilla.benchmarks;

import io.scrilla.api.model.Asset;
import io.scrilla.api.model.DateRange;
import io.scrilla.api.model.EstimationMethod;
import io.scrilla.api.model.PriceHistory;
import io.scrilla.api.model.RiskProfile;
import io.scrilla.core.Scrilla;
import io.scrilla.core.calendar.TradingCalendar;
import io.scrilla.core.estimate.ProfileEstimators;
import io.scrilla.core.estimate.ReturnSample;
import io.scrilla.core.optimize.Constraints;
import io.scrilla.core.optimize.Portfolio;
import io.scrilla.core.optimize.PortfolioOptimizer;
import io.scrilla.core.optimize.Solution;
import io.scrilla.core.optimize.SolutionStatus;
import io.scrilla.core.stats.CorrelationMatrix;
import io.scrilla.services.csv.CsvDataSource;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.lang.management.ManagementFactory;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Supplier;

/**
 * The Java side of {@code benchmarks/compare.py}, the side-by-side comparison with numpy and scipy.
 * Not a JMH benchmark: each workload is timed with wall-clock repetitions under a time budget, the
 * same way the Python side times its peer, and its output is written to a file so that the script
 * can check that both sides agree.
 *
 * <pre>
 * java -cp benchmarks.jar io.scrilla.benchmarks.Compare generate DIR SERIES DAYS
 * java -cp benchmarks.jar io.scrilla.benchmarks.Compare run DIR BUDGET_SECONDS WORKLOAD...
 * java -cp benchmarks.jar io.scrilla.benchmarks.Compare launch DIR ASSETS
 * </pre>
 *
 * <p>{@code generate} writes the fixed-seed data of {@link Problems}: {@code DIR/csv/T1.csv ..
 * TSERIES.csv} (a CSV folder as {@code docs/data-csv.md} describes; {@code date,close}, closes in
 * shortest round-trip decimal), {@code DIR/closes.f64} (the same closes, row-major, little-endian
 * doubles), the 200-asset portfolio ({@code DIR/portfolio/returns.f64}, {@code volatilities.f64},
 * {@code correlation.f64}) and {@code DIR/meta.json}. {@code run} reads them, times the workloads
 * and prints one JSON object; every output goes to {@code DIR/out/<workload>.f64}. {@code launch}
 * times a warm {@code Portfolio.of} plus minimum variance in this JVM (the script starts it ten
 * times). Workloads: {@code corr<N>} (the facade's correlation matrix of {@code T1..TN}, moments, a
 * new facade with a memory cache each time), {@code psd<N>} (the PSD check of that matrix: {@link
 * CorrelationMatrix#of}), {@code logret<N>} ({@link ReturnSample#ofCloses} of each row), {@code
 * samples<N>} ({@link ReturnSample#of} of each price history, counting sessions), {@code pct<N>}
 * (percentile profiles of prepared samples), {@code minvar<N>} ({@link Portfolio#of} plus long-only
 * minimum variance) and {@code minvarsolve<N>} (the solve alone).
 */
public final class Compare {
  private static final double TAU = 1.0 / 252;

  /** The most measured runs of one workload. */
  static final int MAX_REPS = 201;

  private static final PortfolioOptimizer OPTIMIZER = PortfolioOptimizer.create();
  private static final TradingCalendar NYSE = TradingCalendar.nyse();

  private final Path dir;
  private final double budget;
  private final Map<Integer, MemoryPrices> sources = new LinkedHashMap<>();
  private double[][] closes;

  private Compare(Path dir, double budget) {
    this.dir = dir;
    this.budget = budget;
  }

  /**
   * Runs a command; see the class comment.
   *
   * @param args the command and its arguments
   * @throws IOException when a file cannot be read or written
   */
  public static void main(String[] args) throws IOException {
    if (args.length < 2) {
      System.err.println(
          "usage: Compare generate DIR SERIES DAYS | run DIR BUDGET WORKLOAD... "
              + "| launch DIR ASSETS");
      System.exit(2);
    }
    Path dir = Path.of(args[1]);
    switch (args[0]) {
      case "generate":
        generate(dir, Integer.parseInt(args[2]), Integer.parseInt(args[3]));
        break;
      case "run":
        new Compare(dir, Double.parseDouble(args[2]))
            .run(Arrays.asList(args).subList(3, args.length));
        break;
      case "launch":
        launch(dir, Integer.parseInt(args[2]));
        break;
      default:
        throw new IllegalArgumentException("unknown command " + args[0]);
    }
  }

  private static void generate(Path dir, int series, int days) throws IOException {
    Path csv = dir.resolve("csv");
    Files.createDirectories(csv);
    List<PriceHistory> panel = Problems.commonPanel(series, days, Problems.PANEL_SEED);
    double[] all = new double[series * (days + 1)];
    for (int i = 0; i < series; i++) {
      PriceHistory h = panel.get(i);
      StringBuilder sb = new StringBuilder(32 * h.size()).append("date,close\n");
      for (int k = 0; k < h.size(); k++) {
        sb.append(h.date(k)).append(',').append(h.close(k)).append('\n');
        all[i * (days + 1) + k] = h.close(k);
      }
      Files.writeString(csv.resolve(h.asset().ticker() + ".csv"), sb, StandardCharsets.UTF_8);
    }
    writeDoubles(dir.resolve("closes.f64"), all);
    Problems.PortfolioInputs in = Problems.portfolioInputs(200, Problems.PORTFOLIO_SEED + 200);
    Path p = dir.resolve("portfolio");
    Files.createDirectories(p);
    writeDoubles(p.resolve("returns.f64"), in.returns());
    writeDoubles(p.resolve("volatilities.f64"), in.volatilities());
    writeDoubles(p.resolve("correlation.f64"), flatten(in.correlation()));
    PriceHistory first = panel.get(0);
    String meta =
        String.format(
            Locale.ROOT,
            "{\"series\": %d, \"days\": %d, \"start\": \"%s\", \"end\": \"%s\", \"tau\": %s,"
                + " \"panel_seed\": %d, \"portfolio_assets\": 200, \"risk_free_rate\": %s}%n",
            series,
            days,
            first.firstDate(),
            first.lastDate(),
            TAU,
            Problems.PANEL_SEED,
            in.riskFreeRate());
    Files.writeString(dir.resolve("meta.json"), meta, StandardCharsets.UTF_8);
  }

  private void run(List<String> workloads) throws IOException {
    Files.createDirectories(dir.resolve("out"));
    StringBuilder json = new StringBuilder();
    json.append("{\"jvm\": \"")
        .append(System.getProperty("java.vm.name"))
        .append(' ')
        .append(System.getProperty("java.runtime.version"))
        .append("\", \"threads\": ")
        .append(Runtime.getRuntime().availableProcessors())
        .append(", \"workloads\": {");
    String sep = "";
    for (String w : workloads) {
      json.append(sep).append('"').append(w).append("\": ").append(workload(w));
      sep = ", ";
    }
    json.append("}}");
    System.out.println(json);
  }

  private String workload(String name) throws IOException {
    String kind = name.replaceAll("[0-9]+$", "");
    int n = Integer.parseInt(name.substring(kind.length()));
    double load = loadAverage();
    Timing t;
    double[] out;
    String extra = "";
    switch (kind) {
      case "corr":
        {
          MemoryPrices src = source(n);
          List<Asset> assets = src.assets();
          DateRange range = src.span();
          CorrelationMatrix[] last = new CorrelationMatrix[1];
          t =
              time(
                  () -> {
                    try (Scrilla s = src.facade()) {
                      last[0] = s.correlationMatrix(assets, range, EstimationMethod.MOMENTS);
                      return last[0];
                    }
                  });
          if (last[0].size() != n) {
            throw new IllegalStateException(
                "matrix of " + last[0].size() + " assets: " + last[0].failures());
          }
          out = flatten(last[0].toArray());
          break;
        }
      case "psd":
        {
          MemoryPrices src = source(n);
          double[][] m;
          try (Scrilla s = src.facade()) {
            m = s.correlationMatrix(src.assets(), src.span(), EstimationMethod.MOMENTS).toArray();
          }
          List<Asset> assets = src.assets();
          CorrelationMatrix[] last = new CorrelationMatrix[1];
          t = time(() -> last[0] = CorrelationMatrix.of(assets, m, Map.of()));
          out = new double[] {last[0].smallestEigenvalue()};
          extra = ", \"psd\": " + last[0].isPositiveSemiDefinite();
          break;
        }
      case "logret":
        {
          double[][] c = Arrays.copyOf(closes(), n);
          ReturnSample[] samples = new ReturnSample[n];
          t =
              time(
                  () -> {
                    for (int i = 0; i < n; i++) {
                      samples[i] = ReturnSample.ofCloses(c[i], TAU);
                    }
                    return samples;
                  });
          out = returns(samples);
          break;
        }
      case "samples":
        {
          List<PriceHistory> hs = histories(n);
          ReturnSample[] samples = new ReturnSample[n];
          t =
              time(
                  () -> {
                    for (int i = 0; i < n; i++) {
                      samples[i] = ReturnSample.of(hs.get(i), NYSE);
                    }
                    return samples;
                  });
          out = returns(samples);
          break;
        }
      case "pct":
        {
          List<PriceHistory> hs = histories(n);
          ReturnSample[] samples = new ReturnSample[n];
          for (int i = 0; i < n; i++) {
            samples[i] = ReturnSample.of(hs.get(i), NYSE);
          }
          RiskProfile[] profiles = new RiskProfile[n];
          t =
              time(
                  () -> {
                    for (int i = 0; i < n; i++) {
                      profiles[i] = ProfileEstimators.percentiles(samples[i]);
                    }
                    return profiles;
                  });
          out = new double[2 * n];
          for (int i = 0; i < n; i++) {
            out[2 * i] = profiles[i].annualReturn();
            out[2 * i + 1] = profiles[i].annualVolatility();
          }
          break;
        }
      case "minvar":
      case "minvarsolve":
        {
          Problems.PortfolioInputs in = portfolio(n);
          Portfolio built = in.toPortfolio();
          boolean solveOnly = kind.equals("minvarsolve");
          Solution[] last = new Solution[1];
          t =
              time(
                  () ->
                      last[0] =
                          OPTIMIZER.minimumVariance(
                              solveOnly ? built : in.toPortfolio(), Constraints.longOnly()));
          if (last[0].status() != SolutionStatus.OPTIMAL) {
            throw new IllegalStateException("minimum variance ended " + last[0].status());
          }
          out = last[0].weights();
          extra = ", \"iterations\": " + last[0].iterations();
          break;
        }
      default:
        throw new IllegalArgumentException("unknown workload " + name);
    }
    Path file = dir.resolve("out").resolve(name + ".f64");
    writeDoubles(file, out);
    return String.format(
        Locale.ROOT,
        "{\"median_s\": %.9g, \"min_s\": %.9g, \"first_s\": %.9g, \"reps\": %d, \"load\": %.2f,"
            + " \"output\": \"%s\"%s}",
        t.median(),
        t.min(),
        t.first(),
        t.reps(),
        load,
        file.getFileName(),
        extra);
  }

  private static void launch(Path dir, int assets) {
    Problems.PortfolioInputs in = new Compare(dir, 0).portfolio(assets);
    Portfolio built = in.toPortfolio();
    // warm up both paths for two seconds, then time 200 solves, 20 blocks of 50 solves and 15
    // set-ups with a solve
    long warmEnd = System.nanoTime() + 2_000_000_000L;
    while (System.nanoTime() < warmEnd) {
      OPTIMIZER.minimumVariance(in.toPortfolio(), Constraints.longOnly());
      OPTIMIZER.minimumVariance(built, Constraints.longOnly());
    }
    double[] solve = new double[200];
    for (int r = 0; r < solve.length; r++) {
      long t0 = System.nanoTime();
      Solution s = OPTIMIZER.minimumVariance(built, Constraints.longOnly());
      solve[r] = (System.nanoTime() - t0) * 1e-9;
      if (s.status() != SolutionStatus.OPTIMAL) {
        throw new IllegalStateException("minimum variance ended " + s.status());
      }
    }
    // then 20 blocks of 50 solves, 100 ms apart: the machine's slow spells (which slow any code
    // running in them) last up to a few hundred milliseconds, so some block misses them; a launch
    // whose compiled code is slow has every block slow
    double bestBlock = Double.POSITIVE_INFINITY;
    double[] block = new double[50];
    for (int b = 0; b < 20; b++) {
      try {
        Thread.sleep(100);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new IllegalStateException(e);
      }
      for (int r = 0; r < block.length; r++) {
        long t0 = System.nanoTime();
        OPTIMIZER.minimumVariance(built, Constraints.longOnly());
        block[r] = (System.nanoTime() - t0) * 1e-9;
      }
      Arrays.sort(block);
      bestBlock = Math.min(bestBlock, block[block.length / 2]);
    }
    double[] both = new double[15];
    for (int r = 0; r < both.length; r++) {
      long t0 = System.nanoTime();
      OPTIMIZER.minimumVariance(in.toPortfolio(), Constraints.longOnly());
      both[r] = (System.nanoTime() - t0) * 1e-9;
    }
    Arrays.sort(solve);
    Arrays.sort(both);
    System.out.printf(
        Locale.ROOT,
        "{\"solve_median_s\": %.9g, \"solve_best_block_s\": %.9g,"
            + " \"of_and_solve_median_s\": %.9g, \"load\": %.2f}%n",
        solve[solve.length / 2],
        bestBlock,
        both[both.length / 2],
        loadAverage());
  }

  /** Wall-clock times of repeated runs of one workload. */
  private record Timing(double first, double median, double min, int reps) {}

  /**
   * Times a workload the way {@code compare.py} times its peer: one first run; if it took longer
   * than the budget, that run is the result. Otherwise warm up for a quarter of the budget (at most
   * 2 s, at least two runs), then repeat until half the budget is spent (at least 3, at most
   * {@value #MAX_REPS} runs) and report the median and the minimum.
   */
  private Timing time(Supplier<?> work) {
    double first = once(work);
    if (first >= budget) {
      return new Timing(first, first, first, 1);
    }
    double warm = 0;
    for (int r = 0; r < 2 || warm < Math.min(2.0, budget / 4); r++) {
      warm += once(work);
    }
    List<Double> times = new ArrayList<>();
    double spent = 0;
    while (times.size() < 3 || (spent < budget / 2 && times.size() < MAX_REPS)) {
      double s = once(work);
      times.add(s);
      spent += s;
    }
    double[] sorted = times.stream().mapToDouble(Double::doubleValue).sorted().toArray();
    int k = sorted.length;
    double median = k % 2 == 1 ? sorted[k / 2] : 0.5 * (sorted[k / 2 - 1] + sorted[k / 2]);
    return new Timing(first, median, sorted[0], k);
  }

  private static double once(Supplier<?> work) {
    long t0 = System.nanoTime();
    Object result = work.get();
    long t1 = System.nanoTime();
    if (result == null) {
      throw new IllegalStateException("a workload returned nothing");
    }
    return (t1 - t0) * 1e-9;
  }

  private MemoryPrices source(int n) {
    return sources.computeIfAbsent(n, k -> new MemoryPrices(histories(k)));
  }

  /** Reads {@code T1..Tn} with the library's CSV folder reader. */
  private List<PriceHistory> histories(int n) {
    CsvDataSource csv = CsvDataSource.of(dir.resolve("csv"));
    List<PriceHistory> out = new ArrayList<>(n);
    double[][] c = closes();
    for (int i = 1; i <= n; i++) {
      Asset a = Asset.equity("T" + i);
      PriceHistory h = csv.prices(a, DateRange.of(LocalDate.of(1970, 1, 2), Problems.PANEL_END));
      if (!Arrays.equals(h.closes(), c[i - 1])) {
        throw new IllegalStateException(a + ": the CSV file and closes.f64 differ");
      }
      out.add(h);
    }
    return out;
  }

  private double[][] closes() {
    if (closes == null) {
      double[] all = readDoubles(dir.resolve("closes.f64"));
      int days = closes(dir.resolve("csv").resolve("T1.csv"));
      int n = all.length / days;
      closes = new double[n][];
      for (int i = 0; i < n; i++) {
        closes[i] = Arrays.copyOfRange(all, i * days, (i + 1) * days);
      }
    }
    return closes;
  }

  private static int closes(Path csv) {
    try (var lines = Files.lines(csv)) {
      return (int) lines.filter(l -> !l.isBlank()).count() - 1;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private Problems.PortfolioInputs portfolio(int n) {
    Path p = dir.resolve("portfolio");
    double[] mu = readDoubles(p.resolve("returns.f64"));
    double[] vol = readDoubles(p.resolve("volatilities.f64"));
    double[] flat = readDoubles(p.resolve("correlation.f64"));
    if (mu.length != n) {
      throw new IllegalArgumentException("the generated portfolio has " + mu.length + " assets");
    }
    double[][] corr = new double[n][];
    for (int i = 0; i < n; i++) {
      corr[i] = Arrays.copyOfRange(flat, i * n, (i + 1) * n);
    }
    List<String> tickers = new ArrayList<>(n);
    for (int i = 0; i < n; i++) {
      tickers.add("A" + i);
    }
    return new Problems.PortfolioInputs(tickers, mu, vol, corr, 0.03);
  }

  private static double[] returns(ReturnSample[] samples) {
    int t = samples[0].size();
    double[] out = new double[samples.length * t];
    for (int i = 0; i < samples.length; i++) {
      System.arraycopy(samples[i].logReturns(), 0, out, i * t, t);
    }
    return out;
  }

  private static double[] flatten(double[][] m) {
    int n = m.length;
    double[] out = new double[n * n];
    for (int i = 0; i < n; i++) {
      System.arraycopy(m[i], 0, out, i * n, n);
    }
    return out;
  }

  private static double loadAverage() {
    return ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage();
  }

  private static void writeDoubles(Path file, double[] values) throws IOException {
    ByteBuffer b = ByteBuffer.allocate(8 * values.length).order(ByteOrder.LITTLE_ENDIAN);
    b.asDoubleBuffer().put(values);
    try (OutputStream out = Files.newOutputStream(file)) {
      out.write(b.array());
    }
  }

  private static double[] readDoubles(Path file) {
    try {
      ByteBuffer b = ByteBuffer.wrap(Files.readAllBytes(file)).order(ByteOrder.LITTLE_ENDIAN);
      double[] out = new double[b.remaining() / 8];
      b.asDoubleBuffer().get(out);
      return out;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
