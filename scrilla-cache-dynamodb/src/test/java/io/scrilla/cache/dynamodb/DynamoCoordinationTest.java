package io.scrilla.cache.dynamodb;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.scrilla.api.error.ServiceException;
import io.scrilla.api.spi.Coordination;
import io.scrilla.api.spi.RequestBudget;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInfo;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * Fetch leases and request budgets in the leases table, against a real (moto) DynamoDB server;
 * several open caches, each with a client of its own, stand in for several processes, and their
 * threads race on the conditional writes. moto is made to apply each request atomically, as
 * DynamoDB does ({@link OneRequestAtATime}).
 */
class DynamoCoordinationTest {
  // one set of tables for the class (provisioning costs a second a test); each test its own key
  private static final String PREFIX = TestClients.uniquePrefix("coord");

  @RegisterExtension static final MotoServerExtension MOTO = new MotoServerExtension();

  private final List<AutoCloseable> open = new ArrayList<>();
  private DynamoDbClient setup;
  private String key;
  private ExecutorService pool;

  @BeforeEach
  void connect(@TempDir Path tmp, TestInfo test) {
    OneRequestAtATime.turnOn(tmp.resolve("dynamo.lock"));
    setup = TestClients.setup(MOTO.endpoint());
    key = "prices|test|" + test.getTestMethod().orElseThrow().getName();
    pool = Executors.newCachedThreadPool();
  }

  @AfterEach
  void disconnect() throws Exception {
    pool.shutdownNow();
    for (AutoCloseable c : open) {
      c.close();
    }
    setup.close();
    OneRequestAtATime.turnOff();
  }

  /** Opens the tables as another process would: a client, a cache and a coordination of its own. */
  private Coordination process(Duration lease, Duration wait) {
    DynamoDbClient client = TestClients.backend(MOTO.endpoint());
    DynamoDbCache cache =
        DynamoDbCache.open(
            DynamoDbSettings.of(PREFIX, Optional.of(MOTO.endpoint())).withLeases(lease, wait),
            client);
    open.add(cache);
    open.add(client);
    return cache.coordination();
  }

  private Coordination process() {
    return process(Duration.ofSeconds(2), Duration.ofSeconds(30));
  }

  private Map<String, AttributeValue> leaseItem() {
    return setup
        .getItem(
            r ->
                r.tableName(PREFIX + "leases")
                    .consistentRead(true)
                    .key(
                        Map.of(
                            "lease_id", AttributeValue.fromS("fetch|" + key),
                            "slot", AttributeValue.fromN("0"))))
        .item();
  }

  /** Writes a live lease that no process holds, as a process killed while holding it leaves. */
  private void orphanLease(Duration left) {
    long until = System.currentTimeMillis() + left.toMillis();
    setup.putItem(
        r ->
            r.tableName(PREFIX + "leases")
                .item(
                    Map.of(
                        "lease_id", AttributeValue.fromS("fetch|" + key),
                        "slot", AttributeValue.fromN("0"),
                        "owner", AttributeValue.fromS("a process that was killed"),
                        "until_ms", AttributeValue.fromN(Long.toString(until)),
                        "expires_at", AttributeValue.fromN(Long.toString(until / 1000 + 1)))));
  }

  private static void sleep(long millis) {
    try {
      Thread.sleep(millis);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  @Test
  void exclusively_threadsOfThreeProcesses_holdTheLeaseOneAtATime() throws Exception {
    List<Coordination> processes = List.of(process(), process(), process());
    AtomicInteger inside = new AtomicInteger();
    AtomicInteger most = new AtomicInteger();
    AtomicInteger runs = new AtomicInteger();
    CountDownLatch start = new CountDownLatch(1);
    List<Future<?>> done = new ArrayList<>();
    for (Coordination c : processes) {
      for (int t = 0; t < 2; t++) {
        done.add(
            pool.submit(
                () -> {
                  start.await();
                  for (int round = 0; round < 2; round++) {
                    c.exclusively(
                        key,
                        () -> {
                          most.accumulateAndGet(inside.incrementAndGet(), Math::max);
                          sleep(30);
                          inside.decrementAndGet();
                          return runs.incrementAndGet();
                        });
                  }
                  return null;
                }));
      }
    }
    start.countDown();
    for (Future<?> f : done) {
      f.get(60, TimeUnit.SECONDS);
    }
    assertEquals(12, runs.get());
    assertEquals(1, most.get(), "holders at once");
    assertTrue(leaseItem().isEmpty(), "the last holder released the lease");
  }

  @Test
  void exclusively_workThrows_releasesTheLeaseAndRethrows() {
    Coordination c = process();
    IllegalStateException e =
        assertThrows(
            IllegalStateException.class,
            () ->
                c.exclusively(
                    key,
                    () -> {
                      assertFalse(leaseItem().isEmpty(), "held while working");
                      throw new IllegalStateException("the source failed");
                    }));
    assertEquals("the source failed", e.getMessage());
    assertTrue(leaseItem().isEmpty());
    assertEquals("again", c.exclusively(key, () -> "again"));
  }

  @Test
  void exclusively_leaseOfAKilledHolder_blocksOnlyUntilItEnds() {
    Coordination c = process(Duration.ofSeconds(1), Duration.ofSeconds(30));
    orphanLease(Duration.ofMillis(1500));
    long start = System.nanoTime();
    c.exclusively(key, () -> null);
    long waited = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start);
    assertTrue(waited >= 1300, "waited " + waited + " ms for a lease with 1500 ms left");
    // the polls back off to a quarter of the lease: 250 ms at most, plus the machine's slack
    assertTrue(waited < 3000, "waited " + waited + " ms for a lease with 1500 ms left");
  }

  @Test
  void exclusively_holderWorkingLongerThanTheLease_keepsItByRenewing() throws Exception {
    Duration lease = Duration.ofMillis(600);
    Coordination holder = process(lease, Duration.ofSeconds(30));
    Coordination other = process(lease, Duration.ofSeconds(30));
    CountDownLatch held = new CountDownLatch(1);
    List<String> order = Collections.synchronizedList(new ArrayList<>());
    Future<?> first =
        pool.submit(
            () ->
                holder.exclusively(
                    key,
                    () -> {
                      held.countDown();
                      sleep(2000); // more than three lease durations
                      order.add("holder done");
                      return null;
                    }));
    assertTrue(held.await(30, TimeUnit.SECONDS));
    long until = Long.parseLong(leaseItem().get("until_ms").n());
    sleep(700);
    long renewed = Long.parseLong(leaseItem().get("until_ms").n());
    assertTrue(renewed > until, "renewed to " + renewed + " from " + until);
    other.exclusively(key, () -> order.add("other ran"));
    first.get(30, TimeUnit.SECONDS);
    assertEquals(List.of("holder done", "other ran"), order);
    assertTrue(leaseItem().isEmpty());
  }

  @Test
  void exclusively_heldLongerThanTheWaitBound_failsRetryableNamingTheKey() {
    Coordination c = process(Duration.ofSeconds(2), Duration.ofSeconds(1));
    orphanLease(Duration.ofSeconds(60));
    long start = System.nanoTime();
    ServiceException e = assertThrows(ServiceException.class, () -> c.exclusively(key, () -> 1));
    long waited = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start);
    assertTrue(e.retryable());
    assertTrue(e.getMessage().startsWith(key + ": another process"), e.getMessage());
    assertTrue(e.getMessage().contains("DYNAMO_LEASE_WAIT_SECONDS=1"), e.getMessage());
    assertTrue(waited >= 500 && waited < 5000, "waited " + waited + " ms");
    assertFalse(leaseItem().isEmpty(), "the other's lease is left alone");
  }

  /** A grant: before the call that took it, and after it returned (epoch milliseconds). */
  private record Grant(long before, long after) {}

  @Test
  void budget_threadsOfTwoProcesses_neverTakeMoreThanNInAnyPeriod() throws Exception {
    int n = 3;
    Duration period = Duration.ofMillis(500);
    long margin = 1000;
    List<RequestBudget> budgets =
        List.of(
            process().budget("alpha_vantage:test", n, period),
            process().budget("alpha_vantage:test", n, period));
    List<Grant> grants = Collections.synchronizedList(new ArrayList<>());
    CountDownLatch start = new CountDownLatch(1);
    List<Future<?>> done = new ArrayList<>();
    long began = System.currentTimeMillis();
    for (RequestBudget b : budgets) {
      for (int t = 0; t < 3; t++) {
        done.add(
            pool.submit(
                () -> {
                  start.await();
                  for (int taken = 0; taken < 2; ) {
                    long before = System.currentTimeMillis();
                    Duration wait = b.tryTake();
                    if (wait.isZero()) {
                      grants.add(new Grant(before, System.currentTimeMillis()));
                      taken++;
                    } else {
                      assertTrue(wait.compareTo(period.plusMillis(margin)) <= 0, wait.toString());
                      Thread.sleep(wait.toMillis());
                    }
                  }
                  return null;
                }));
      }
    }
    start.countDown();
    for (Future<?> f : done) {
      f.get(60, TimeUnit.SECONDS);
    }
    assertEquals(12, grants.size());
    // any n + 1 grants include two of one slot, taken at least period + margin apart
    List<Grant> g = new ArrayList<>(grants);
    for (int a = 0; a < g.size(); a++) {
      for (int b = a + 1; b < g.size(); b++) {
        for (int c = b + 1; c < g.size(); c++) {
          for (int d = c + 1; d < g.size(); d++) {
            List<Grant> four = List.of(g.get(a), g.get(b), g.get(c), g.get(d));
            long last = four.stream().mapToLong(Grant::after).max().orElseThrow();
            long first = four.stream().mapToLong(Grant::before).min().orElseThrow();
            assertTrue(
                last - first >= period.toMillis() + margin,
                "4 requests within " + (last - first) + " ms: " + four);
          }
        }
      }
    }
    long took = System.currentTimeMillis() - began;
    assertTrue(took >= 3 * (period.toMillis() + margin), "12 grants of 3 per period in " + took);
  }

  @Test
  void budget_spent_waitIsUntilTheOldestRequestLeavesThePeriod() {
    Coordination c = process();
    RequestBudget b = c.budget("alpha_vantage:spent", 2, Duration.ofSeconds(10));
    assertEquals("2 requests per 10.0 s", b.description());
    assertEquals(Duration.ZERO, b.tryTake());
    assertEquals(Duration.ZERO, b.tryTake());
    Duration wait = b.tryTake();
    // the oldest request plus the period and the margin of 1 s
    assertTrue(
        wait.compareTo(Duration.ofMillis(10_500)) > 0
            && wait.compareTo(Duration.ofSeconds(11)) <= 0,
        wait.toString());
    // another account's budget is its own
    assertEquals(
        Duration.ZERO, c.budget("alpha_vantage:other", 2, Duration.ofSeconds(10)).tryTake());
  }
}
