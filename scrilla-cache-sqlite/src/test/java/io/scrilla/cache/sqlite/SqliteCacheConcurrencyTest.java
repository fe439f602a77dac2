package io.scrilla.cache.sqlite;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.scrilla.api.model.DateRange;
import io.scrilla.api.model.PriceHistory;
import io.scrilla.api.model.SourceId;
import io.scrilla.api.spi.Cache;
import java.io.BufferedReader;
import java.io.File;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * Two writers on one file at once, as two threads of one cache, as two caches in one JVM (no shared
 * Java lock: only SQLite's file locks keep them apart) and as two processes. Neither may fail nor
 * lose a row. The timeouts only stop a hung test; nothing here measures speed.
 */
class SqliteCacheConcurrencyTest {
  private static final SourceId SRC = SourceId.of("test");

  private static final int TRANSACTIONS = 300;
  private static final int ROWS = 20;

  @TempDir Path dir;

  private Path file() {
    return dir.resolve("shared.db");
  }

  private static Workload writer(int slot) {
    return new Workload("W" + slot, slot, 2, TRANSACTIONS, ROWS);
  }

  /** Checks that every row every writer wrote is in the file. */
  private void assertEverythingStored(Workload... writers) {
    try (SqliteCache cache = SqliteCache.open(file())) {
      DateRange all = DateRange.of(Workload.D0, Workload.D0.plusDays(TRANSACTIONS * ROWS));
      for (Workload w : writers) {
        PriceHistory own = cache.prices().get(SRC, w.asset(), all);
        assertEquals(TRANSACTIONS * ROWS, own.size(), w.ticker);
        assertEquals(w.ownHistory(), own, w.ticker);
        for (int k = 0; k < TRANSACTIONS; k++) {
          assertEquals(Optional.of(w.profile(k)), cache.profiles().get(w.profileKey(k)));
          assertEquals(
              OptionalDouble.of(w.correlation(k)), cache.correlations().get(w.correlationKey(k)));
        }
      }
      PriceHistory shared = cache.prices().get(SRC, Workload.SHARED, all);
      assertEquals(TRANSACTIONS * writers.length, shared.size());
      for (int i = 0; i < shared.size(); i++) {
        assertEquals(Workload.D0.plusDays(i), shared.date(i));
        assertEquals(Workload.price(0, i), shared.close(i));
      }
    }
  }

  private static void runTogether(Runnable a, Runnable b) throws Exception {
    CyclicBarrier start = new CyclicBarrier(2);
    ExecutorService pool = Executors.newFixedThreadPool(2);
    try {
      List<Future<?>> f = new ArrayList<>();
      for (Runnable r : List.of(a, b)) {
        f.add(
            pool.submit(
                () -> {
                  start.await();
                  r.run();
                  return null;
                }));
      }
      for (Future<?> x : f) {
        x.get();
      }
    } finally {
      pool.shutdownNow();
    }
  }

  @Test
  @Timeout(value = 5, unit = TimeUnit.MINUTES)
  void twoThreads_oneCache_neitherFailsNorLosesRows() throws Exception {
    Workload w0 = writer(0);
    Workload w1 = writer(1);
    try (SqliteCache cache = SqliteCache.open(file())) {
      runTogether(() -> w0.run(cache), () -> w1.run(cache));
    }
    assertEverythingStored(w0, w1);
  }

  @Test
  @Timeout(value = 5, unit = TimeUnit.MINUTES)
  void twoCaches_sameFileOneJvm_neitherFailsNorLosesRows() throws Exception {
    Workload w0 = writer(0);
    Workload w1 = writer(1);
    try (SqliteCache a = SqliteCache.open(file());
        SqliteCache b = SqliteCache.open(file())) {
      runTogether(() -> w0.run(a), () -> w1.run(b));
    }
    assertEverythingStored(w0, w1);
  }

  @Test
  @Timeout(value = 5, unit = TimeUnit.MINUTES)
  void twoCaches_openingANewFileAtOnce_bothCreateOrFindTheSchema() throws Exception {
    for (int i = 0; i < 25; i++) {
      Path file = dir.resolve("new-" + i + ".db");
      List<SqliteCache> opened = Collections.synchronizedList(new ArrayList<>());
      runTogether(
          () -> opened.add(SqliteCache.open(file)), () -> opened.add(SqliteCache.open(file)));
      assertEquals(2, opened.size());
      opened.get(0).correlations().put(writer(0).correlationKey(i), 0.5);
      assertEquals(
          OptionalDouble.of(0.5), opened.get(1).correlations().get(writer(0).correlationKey(i)));
      opened.forEach(SqliteCache::close);
      assertEquals(
          List.of(String.valueOf(SqliteCache.SCHEMA_VERSION)),
          Sql.rows(file, "PRAGMA user_version"));
      assertEquals(List.of("wal"), Sql.rows(file, "PRAGMA journal_mode"));
    }
  }

  @Test
  @Timeout(value = 5, unit = TimeUnit.MINUTES)
  void twoProcesses_sameFile_neitherFailsNorLosesRows() throws Exception {
    Workload mine = writer(0);
    Workload theirs = writer(1);
    String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
    ProcessBuilder pb =
        new ProcessBuilder(
            java,
            "-Xmx128m",
            "-cp",
            System.getProperty("java.class.path"),
            WorkloadMain.class.getName(),
            file().toString(),
            theirs.ticker,
            String.valueOf(theirs.slot),
            String.valueOf(theirs.slots),
            String.valueOf(TRANSACTIONS),
            String.valueOf(ROWS));
    pb.redirectErrorStream(true);
    pb.directory(new File(dir.toString()));
    try (Cache cache = SqliteCache.open(file())) { // the file exists before the child opens it
      Process child = pb.start();
      List<String> output = Collections.synchronizedList(new ArrayList<>());
      CountDownLatch ready = new CountDownLatch(1);
      Thread reader =
          new Thread(
              () -> {
                try (BufferedReader r =
                    new BufferedReader(
                        new InputStreamReader(child.getInputStream(), StandardCharsets.UTF_8))) {
                  for (String line; (line = r.readLine()) != null; ) {
                    output.add(line);
                    if (line.equals("ready")) {
                      ready.countDown();
                    }
                  }
                } catch (Exception e) {
                  output.add("reader: " + e);
                } finally {
                  ready.countDown(); // the child died before getting ready: reported below
                }
              });
      reader.start();
      try {
        ready.await();
        assertTrue(output.contains("ready"), () -> "child did not start: " + output);
        try (OutputStream go = child.getOutputStream()) {
          go.write("go\n".getBytes(StandardCharsets.UTF_8));
        }
        mine.run(cache);
        assertTrue(child.waitFor(4, TimeUnit.MINUTES), "child still running");
        reader.join();
        assertEquals(0, child.exitValue(), () -> "child failed: " + String.join("\n", output));
        assertTrue(output.contains("done"), () -> String.join("\n", output));
      } finally {
        child.destroyForcibly();
      }
    }
    assertEverythingStored(mine, theirs);
  }
}
