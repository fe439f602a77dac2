package io.scrilla.cache.sqlite;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;

/**
 * The second process of {@link SqliteCacheConcurrencyTest}: opens the cache file, prints {@code
 * ready}, waits for a line on standard input, runs a {@link Workload}, prints {@code done}. Exits
 * with 1 and a stack trace on any failure.
 *
 * <p>Arguments: file, ticker, slot, slots, transactions, rows per transaction.
 */
public final class WorkloadMain {
  private WorkloadMain() {}

  /** Runs the workload described by the arguments. */
  public static void main(String[] args) {
    try (SqliteCache cache = SqliteCache.open(Path.of(args[0]))) {
      Workload w =
          new Workload(
              args[1],
              Integer.parseInt(args[2]),
              Integer.parseInt(args[3]),
              Integer.parseInt(args[4]),
              Integer.parseInt(args[5]));
      System.out.println("ready");
      System.out.flush();
      new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8)).readLine();
      w.run(cache);
      System.out.println("done");
      System.out.flush();
    } catch (Throwable t) {
      t.printStackTrace(System.out);
      System.out.flush();
      System.exit(1);
    }
  }
}
