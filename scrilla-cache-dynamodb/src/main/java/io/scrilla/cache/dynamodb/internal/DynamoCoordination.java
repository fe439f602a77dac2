package io.scrilla.cache.dynamodb.internal;

import static io.scrilla.cache.dynamodb.internal.TableDefinitions.EXPIRES_AT;
import static io.scrilla.cache.dynamodb.internal.TableDefinitions.LEASE_ID;
import static io.scrilla.cache.dynamodb.internal.TableDefinitions.SLOT;

import io.scrilla.api.error.CacheException;
import io.scrilla.api.error.ServiceException;
import io.scrilla.api.retry.Retrier;
import io.scrilla.api.retry.Retrier.Outcome;
import io.scrilla.api.retry.Retrier.Reason;
import io.scrilla.api.retry.Retrier.Stop;
import io.scrilla.api.retry.RetryClock;
import io.scrilla.api.retry.RetryPolicy;
import io.scrilla.api.spi.Coordination;
import io.scrilla.api.spi.RequestBudget;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;
import software.amazon.awssdk.services.dynamodb.model.QueryRequest;
import software.amazon.awssdk.services.dynamodb.model.QueryResponse;

/**
 * The coordination of the processes sharing the tables, kept in the leases table; thread-safe.
 *
 * <p>Fetch leases: item ({@code lease_id = fetch|<key>}, {@code slot = 0}) with {@code owner} (a
 * random token per acquisition), {@code until_ms} (epoch milliseconds when the lease ends unless
 * renewed) and {@code expires_at} (epoch seconds, DynamoDB's time to live). A lease is taken with a
 * conditional PutItem ({@code attribute_not_exists(lease_id) OR until_ms < :now}); while it is
 * held, a daemon thread renews it every third of its duration with a conditional UpdateItem ({@code
 * owner = :me}); it is released with a conditional DeleteItem ({@code owner = :me}). A process that
 * finds the lease held tries again with back-off (50 ms doubling to at most 1 s, or a quarter of
 * the lease) for at most the wait bound. A holder that dies stops renewing, and its lease ends at
 * most one lease duration later.
 *
 * <p>Request budgets of {@code N} requests per period {@code P}: items ({@code lease_id =
 * budget|<name>}, {@code slot = 0..N-1}) with {@code used_ms}, the epoch milliseconds of the last
 * request taken from that slot. A request takes a slot with a conditional UpdateItem ({@code
 * attribute_not_exists(used_ms) OR used_ms <= :now - P - margin}), so each slot serves at most one
 * request in any period and the fleet sends at most {@code N} requests in any window of length
 * {@code P}, however the service aligns its windows; the margin (1 s) absorbs network delay and
 * clocks that differ a little between processes. A random slot is tried first (one write when the
 * budget is far from spent); when it is taken, a strongly consistent Query reads the slots and
 * either takes a free one or returns the wait until the oldest frees up.
 *
 * <p>Times are read from each process's clock: processes whose clocks differ by more than the
 * margin may exceed the budget by that difference.
 */
public final class DynamoCoordination implements Coordination, AutoCloseable {
  /** The prefix of the lease id of a fetch. */
  public static final String FETCH = "fetch|";

  /** The prefix of the lease id of a budget. */
  public static final String BUDGET = "budget|";

  /** The attribute holding a lease's owner token. */
  public static final String OWNER = "owner";

  /** The attribute holding the epoch milliseconds a lease lasts until unless renewed. */
  public static final String UNTIL = "until_ms";

  /** The attribute holding the epoch milliseconds a budget slot was last used. */
  public static final String USED = "used_ms";

  /** The longest budget name, in characters. */
  public static final int MAX_NAME_LENGTH = 200;

  private static final Logger LOG = LoggerFactory.getLogger(DynamoCoordination.class);
  private static final Duration FIRST_POLL = Duration.ofMillis(50);
  private static final Duration MAX_POLL = Duration.ofSeconds(1);

  /** Time added to every period: network delay and scheduling between taking a slot and sending. */
  private static final long MARGIN_MS = 1000;

  private static final int CONTENTION_ROUNDS = 8;

  private final DynamoDbClient client;
  private final Tables tables;
  private final String table;
  private final Duration lease;
  private final Retrier waiting;
  private final Clock wall;
  private final Object lock = new Object();
  private ScheduledExecutorService renewals; // created with the first lease, guarded by lock
  private boolean closed; // guarded by lock

  /**
   * Creates the coordination of one open cache.
   *
   * @param tables the tables, with the lease settings
   * @param clock the monotonic clock and the sleeping of the waits for a lease
   * @param wall the clock of lease and budget times, compared between processes
   */
  public DynamoCoordination(Tables tables, RetryClock clock, Clock wall) {
    this.tables = Objects.requireNonNull(tables, "tables");
    this.client = tables.client;
    this.table = tables.leases;
    this.lease = tables.settings.leaseDuration();
    this.wall = Objects.requireNonNull(wall, "wall");
    Duration quarter = lease.dividedBy(4);
    Duration maxPoll = quarter.compareTo(MAX_POLL) < 0 ? quarter : MAX_POLL;
    this.waiting =
        Retrier.of(
            new RetryPolicy(
                RetryPolicy.UNLIMITED_ATTEMPTS,
                FIRST_POLL.compareTo(maxPoll) < 0 ? FIRST_POLL : maxPoll,
                maxPoll,
                0.5,
                tables.settings.leaseWait()),
            Objects.requireNonNull(clock, "clock"),
            () -> ThreadLocalRandom.current().nextDouble());
  }

  // ---------------------------------------------------------------- fetch leases

  @Override
  public <T> T exclusively(String key, Supplier<T> work) {
    Coordination.checkName("key", key, MAX_KEY_LENGTH);
    Objects.requireNonNull(work, "work");
    String id = FETCH + key;
    ScheduledExecutorService renewals = renewals();
    String owner = acquire(id, key);
    ScheduledFuture<?> renewing;
    try {
      long every = Math.max(1, lease.toMillis() / 3);
      renewing =
          renewals.scheduleAtFixedRate(
              () -> renew(id, owner, key), every, every, TimeUnit.MILLISECONDS);
    } catch (RuntimeException e) {
      release(id, owner, key);
      throw new CacheException("the DynamoDB cache is closed: open it again to fetch", e);
    }
    try {
      return tables.readingConsistently(work);
    } finally {
      renewing.cancel(false);
      release(id, owner, key);
    }
  }

  /** Takes the lease, waiting while another holds it; returns the owner token. */
  private String acquire(String id, String key) {
    String owner = UUID.randomUUID().toString();
    return waiting.call(
        attempt -> tryPut(id, owner, key) ? Outcome.success(owner) : Outcome.retry(key),
        new Retrier.GiveUp<String, ServiceException>() {
          @Override
          public ServiceException giveUp(String lastFailure, Stop stop) {
            if (stop.reason() == Reason.INTERRUPTED) {
              return new ServiceException(
                  key + ": interrupted while waiting for another process's fetch", -1, true, null);
            }
            return new ServiceException(
                key
                    + ": another process has held the lease of this fetch for "
                    + seconds(stop.elapsed())
                    + ", longer than this process waits ("
                    + "DYNAMO_LEASE_WAIT_SECONDS="
                    + tables.settings.leaseWait().toSeconds()
                    + "); try again later",
                -1,
                true,
                null);
          }

          @Override
          public void retrying(String failure, int attempts, Duration wait) {
            if (attempts == 1) {
              LOG.info("{}: another process is fetching it; waiting for its lease", key);
            }
          }
        });
  }

  /** Puts the lease item unless a live lease is there; returns whether this owner holds it. */
  private boolean tryPut(String id, String owner, String key) {
    long now = wall.millis();
    long until = now + lease.toMillis();
    try {
      client.putItem(
          r ->
              r.tableName(table)
                  .item(
                      Map.of(
                          LEASE_ID, s(id),
                          SLOT, n(0),
                          OWNER, s(owner),
                          UNTIL, n(until),
                          EXPIRES_AT, n(epochSecondsAfter(until))))
                  .conditionExpression("attribute_not_exists(#id) OR #until < :now")
                  .expressionAttributeNames(Map.of("#id", LEASE_ID, "#until", UNTIL))
                  .expressionAttributeValues(Map.of(":now", n(now))));
      return true;
    } catch (ConditionalCheckFailedException held) {
      return false;
    } catch (SdkException e) {
      throw failure("take the lease of " + key, e);
    }
  }

  /** Extends the lease while this owner holds it; stops renewing when it was lost. */
  private void renew(String id, String owner, String key) {
    long until = wall.millis() + lease.toMillis();
    try {
      client.updateItem(
          r ->
              r.tableName(table)
                  .key(key(id, 0))
                  .updateExpression("SET #until = :until, #exp = :exp")
                  .conditionExpression("#owner = :owner")
                  .expressionAttributeNames(
                      Map.of("#until", UNTIL, "#exp", EXPIRES_AT, "#owner", OWNER))
                  .expressionAttributeValues(
                      Map.of(
                          ":until", n(until),
                          ":exp", n(epochSecondsAfter(until)),
                          ":owner", s(owner))));
    } catch (ConditionalCheckFailedException lost) {
      LOG.warn(
          "{}: the lease of this fetch ended before it was renewed (is the process starved, or"
              + " DYNAMO_LEASE_SECONDS too short?); another process may fetch it too",
          key);
      throw new IllegalStateException("lease lost"); // ends the renewals of this lease
    } catch (RuntimeException e) {
      LOG.warn("{}: could not renew the lease of this fetch ({}); trying again", key, e.toString());
    }
  }

  /** Deletes the lease if this owner still holds it; a failure only logs (the lease expires). */
  private void release(String id, String owner, String key) {
    try {
      client.deleteItem(
          r ->
              r.tableName(table)
                  .key(key(id, 0))
                  .conditionExpression("#owner = :owner")
                  .expressionAttributeNames(Map.of("#owner", OWNER))
                  .expressionAttributeValues(Map.of(":owner", s(owner))));
    } catch (ConditionalCheckFailedException gone) {
      LOG.debug("{}: the lease had already ended", key);
    } catch (RuntimeException e) {
      LOG.warn(
          "{}: could not release the lease of this fetch ({}); it ends within {}",
          key,
          e.toString(),
          seconds(lease));
    }
  }

  private ScheduledExecutorService renewals() {
    synchronized (lock) {
      if (closed) {
        throw new CacheException("the DynamoDB cache is closed: open it again to fetch");
      }
      if (renewals == null) {
        ScheduledThreadPoolExecutor e =
            new ScheduledThreadPoolExecutor(
                1,
                r -> {
                  Thread t = new Thread(r, "scrilla-lease-renewal");
                  t.setDaemon(true);
                  return t;
                });
        e.setRemoveOnCancelPolicy(true);
        renewals = e;
      }
      return renewals;
    }
  }

  /** Stops the renewal thread; leases still held end within their duration. */
  @Override
  public void close() {
    synchronized (lock) {
      closed = true;
      if (renewals != null) {
        renewals.shutdownNow();
      }
    }
  }

  // ---------------------------------------------------------------- request budgets

  @Override
  public RequestBudget budget(String name, int requests, Duration period) {
    Coordination.checkName("name", name, MAX_NAME_LENGTH);
    Coordination.checkBudget(requests, period);
    return new SlotBudget(BUDGET + name, requests, period);
  }

  /** A budget of {@code slots} requests per period, one item per slot. */
  private final class SlotBudget implements RequestBudget {
    private final String id;
    private final int slots;
    private final Duration period;
    private final long periodMs;
    private final long marginMs;

    SlotBudget(String id, int slots, Duration period) {
      this.id = id;
      this.slots = slots;
      this.period = period;
      this.periodMs = period.toMillis();
      this.marginMs = MARGIN_MS;
    }

    @Override
    public Duration tryTake() {
      ThreadLocalRandom random = ThreadLocalRandom.current();
      if (take(random.nextInt(slots))) {
        return Duration.ZERO;
      }
      for (int round = 0; round < CONTENTION_ROUNDS; round++) {
        long cutoff = wall.millis() - periodMs - marginMs;
        long[] used = usedSlots();
        List<Integer> free = new ArrayList<>();
        long oldest = Long.MAX_VALUE;
        for (int i = 0; i < slots; i++) {
          if (used[i] <= cutoff) {
            free.add(i);
          }
          oldest = Math.min(oldest, used[i]);
        }
        if (free.isEmpty()) {
          return Duration.ofMillis(Math.max(1, oldest - cutoff));
        }
        if (take(free.get(random.nextInt(free.size())))) {
          return Duration.ZERO;
        }
      }
      // other processes took every free slot first, round after round: ask again shortly
      return Duration.ofMillis(10 + random.nextInt(40));
    }

    /** Takes a slot unless it served a request within the period; returns whether it did. */
    private boolean take(int slot) {
      long now = wall.millis();
      long cutoff = now - periodMs - marginMs;
      try {
        client.updateItem(
            r ->
                r.tableName(table)
                    .key(key(id, slot))
                    .updateExpression("SET #used = :now, #exp = :exp")
                    .conditionExpression("attribute_not_exists(#used) OR #used <= :cutoff")
                    .expressionAttributeNames(Map.of("#used", USED, "#exp", EXPIRES_AT))
                    .expressionAttributeValues(
                        Map.of(
                            ":now", n(now),
                            ":cutoff", n(cutoff),
                            ":exp", n(epochSecondsAfter(now + periodMs + marginMs)))));
        return true;
      } catch (ConditionalCheckFailedException taken) {
        return false;
      } catch (SdkException e) {
        throw failure("take a request from the budget " + description(), e);
      }
    }

    /** Returns when each slot was last used; {@code Long.MIN_VALUE} for a slot never used. */
    private long[] usedSlots() {
      long[] used = new long[slots];
      Arrays.fill(used, Long.MIN_VALUE);
      QueryRequest query =
          QueryRequest.builder()
              .tableName(table)
              .keyConditionExpression("#id = :id")
              .projectionExpression("#slot, #used")
              .expressionAttributeNames(Map.of("#id", LEASE_ID, "#slot", SLOT, "#used", USED))
              .expressionAttributeValues(Map.of(":id", s(id)))
              .consistentRead(true)
              .build();
      try {
        for (QueryResponse page : client.queryPaginator(query)) {
          for (Map<String, AttributeValue> item : page.items()) {
            AttributeValue slot = item.get(SLOT);
            AttributeValue at = item.get(USED);
            if (slot != null && slot.n() != null && at != null && at.n() != null) {
              int i = Integer.parseInt(slot.n());
              if (i >= 0 && i < slots) {
                used[i] = Long.parseLong(at.n());
              }
            }
          }
        }
      } catch (SdkException e) {
        throw failure("read the budget " + description(), e);
      } catch (NumberFormatException e) {
        throw new CacheException(
            "the budget items '"
                + id
                + "' of DynamoDB table '"
                + table
                + "' are not scrilla's: "
                + e.getMessage(),
            e);
      }
      return used;
    }

    @Override
    public String description() {
      return slots + (slots == 1 ? " request" : " requests") + " per " + seconds(period);
    }

    @Override
    public String toString() {
      return "RequestBudget[" + id + ", " + description() + "]";
    }
  }

  // ---------------------------------------------------------------- items

  private CacheException failure(String what, SdkException e) {
    return new CacheException(
        "cannot "
            + what
            + " in DynamoDB table '"
            + table
            + "': "
            + Batches.reason(e)
            + ". Check that the role may call dynamodb:PutItem, UpdateItem, DeleteItem and Query"
            + " on the table",
        e);
  }

  private static Map<String, AttributeValue> key(String id, int slot) {
    return Map.of(LEASE_ID, s(id), SLOT, n(slot));
  }

  /** Returns the epoch second after a time in epoch milliseconds: when an item may be deleted. */
  private static long epochSecondsAfter(long epochMillis) {
    return Math.floorDiv(epochMillis, 1000) + 1;
  }

  private static AttributeValue s(String text) {
    return AttributeValue.fromS(text);
  }

  private static AttributeValue n(long number) {
    return AttributeValue.fromN(Long.toString(number));
  }

  private static String seconds(Duration d) {
    return String.format(Locale.ROOT, "%.1f s", d.toMillis() / 1000.0);
  }

  @Override
  public String toString() {
    return "Coordination[DynamoDB table " + table + ", leases of " + seconds(lease) + "]";
  }
}
