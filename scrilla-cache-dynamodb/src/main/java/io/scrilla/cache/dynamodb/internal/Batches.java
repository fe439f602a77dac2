package io.scrilla.cache.dynamodb.internal;

import io.scrilla.api.error.CacheException;
import io.scrilla.api.retry.Retrier;
import io.scrilla.api.retry.Retrier.Outcome;
import io.scrilla.api.retry.Retrier.Reason;
import io.scrilla.api.retry.Retrier.Stop;
import io.scrilla.api.retry.RetryClock;
import io.scrilla.api.retry.RetryPolicy;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicReference;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.BatchGetItemResponse;
import software.amazon.awssdk.services.dynamodb.model.BatchWriteItemResponse;
import software.amazon.awssdk.services.dynamodb.model.KeysAndAttributes;
import software.amazon.awssdk.services.dynamodb.model.WriteRequest;

/**
 * Batched writes and reads on the low-level client, within DynamoDB's documented limits.
 *
 * <p>BatchWriteItem takes at most {@value #WRITE_BATCH} requests and BatchGetItem at most {@value
 * #GET_BATCH} keys; DynamoDB may leave part of a batch unprocessed (throttling, size), so
 * unprocessed items are sent again with exponential back-off (from {@code 50 ms}, doubling up to
 * {@code 2 s}, each wait shortened by a random fraction of up to a half) until done; no retry
 * starts whose wait would end after the retry limit. Throttling and server errors of a whole
 * request are retried by the SDK's retry policy.
 *
 * <p>A write that fails is not reported as half a success: the rows of the call that DynamoDB had
 * acknowledged are deleted again (best effort), so that the call leaves nothing or, if even the
 * clean-up fails, only correct rows the next write replaces; the exception says which.
 */
public final class Batches {
  /** DynamoDB's limit of requests in one BatchWriteItem. */
  public static final int WRITE_BATCH = 25;

  /** DynamoDB's limit of keys in one BatchGetItem. */
  public static final int GET_BATCH = 100;

  private static final Logger LOG = LoggerFactory.getLogger(Batches.class);
  private static final Duration FIRST_BACKOFF = Duration.ofMillis(50);
  private static final Duration MAX_BACKOFF = Duration.ofSeconds(2);
  private static final double JITTER = 0.5;

  private final DynamoDbClient client;
  private final Duration retryLimit;
  private final Retrier retrier;

  /**
   * Creates the batch helper of a client.
   *
   * @param client the client
   * @param retryLimit how long unprocessed items of one batch are retried
   * @param clock the clock of the retries; tests pass one that does not wait
   */
  public Batches(DynamoDbClient client, Duration retryLimit, RetryClock clock) {
    this.client = client;
    this.retryLimit = retryLimit;
    this.retrier =
        Retrier.of(
            new RetryPolicy(
                RetryPolicy.UNLIMITED_ATTEMPTS, FIRST_BACKOFF, MAX_BACKOFF, JITTER, retryLimit),
            clock,
            () -> ThreadLocalRandom.current().nextDouble());
  }

  /**
   * Writes (puts or deletes) all requests to one table, all or nothing as far as DynamoDB allows.
   *
   * @param table the table name
   * @param keyNames the table's key attributes (hash, range), to undo puts
   * @param requests the writes; no two may have the same key
   * @param what what is written, for messages, e.g. {@code "5000 prices of SPY"}
   * @throws CacheException when the write fails
   */
  public void writeAll(
      String table, List<String> keyNames, List<WriteRequest> requests, String what) {
    Set<Map<String, AttributeValue>> written = new LinkedHashSet<>();
    try {
      for (int i = 0; i < requests.size(); i += WRITE_BATCH) {
        writeChunk(
            table,
            keyNames,
            requests.subList(i, Math.min(requests.size(), i + WRITE_BATCH)),
            written);
      }
    } catch (RuntimeException e) {
      throw new CacheException(
          "writing "
              + what
              + " to DynamoDB table '"
              + table
              + "' failed: "
              + reason(e)
              + ". "
              + undo(table, keyNames, written, requests.size()),
          e);
    }
  }

  /** Writes at most 25 requests, retrying unprocessed ones; adds the keys of acknowledged puts. */
  private void writeChunk(
      String table,
      List<String> keyNames,
      List<WriteRequest> chunk,
      Set<Map<String, AttributeValue>> written) {
    AtomicReference<List<WriteRequest>> pending = new AtomicReference<>(chunk);
    retrier.call(
        attempt -> {
          List<WriteRequest> send = pending.get();
          BatchWriteItemResponse r =
              client.batchWriteItem(b -> b.requestItems(Map.of(table, send)));
          List<WriteRequest> left =
              r.hasUnprocessedItems()
                  ? r.unprocessedItems().getOrDefault(table, List.of())
                  : List.of();
          Set<Map<String, AttributeValue>> leftKeys = new HashSet<>();
          for (WriteRequest w : left) {
            leftKeys.add(keyOf(keyNames, w));
          }
          for (WriteRequest w : send) {
            Map<String, AttributeValue> key = keyOf(keyNames, w);
            if (w.putRequest() != null && !leftKeys.contains(key)) {
              written.add(key);
            }
          }
          if (left.isEmpty()) {
            return Outcome.<Integer>done();
          }
          LOG.debug(
              "{} unprocessed items in table {} after attempt {}", left.size(), table, attempt);
          pending.set(new ArrayList<>(left));
          return Outcome.retry(left.size());
        },
        (left, stop) -> unprocessed(left, "items", "write", stop));
  }

  /** The failure when items are still unprocessed as the retries stop. */
  private CacheException unprocessed(int left, String what, String capacity, Stop stop) {
    if (stop.reason() == Reason.INTERRUPTED) {
      return new CacheException(
          "interrupted while retrying " + left + " unprocessed DynamoDB " + "batch " + what);
    }
    return new CacheException(
        left
            + " of the batch's "
            + what
            + " were still unprocessed after "
            + stop.elapsed().toMillis()
            + " ms of retries (limit "
            + retryLimit.toMillis()
            + " ms; "
            + "DynamoDB is throttling: raise the table's "
            + capacity
            + " capacity in DYNAMO_CONF or "
            + "use PAY_PER_REQUEST)");
  }

  private String undo(
      String table, List<String> keyNames, Set<Map<String, AttributeValue>> written, int total) {
    if (written.isEmpty()) {
      return "No row of this call was written";
    }
    List<WriteRequest> deletes = new ArrayList<>();
    for (Map<String, AttributeValue> key : written) {
      deletes.add(WriteRequest.builder().deleteRequest(d -> d.key(key)).build());
    }
    try {
      Set<Map<String, AttributeValue>> ignored = new HashSet<>();
      for (int i = 0; i < deletes.size(); i += WRITE_BATCH) {
        writeChunk(
            table,
            keyNames,
            deletes.subList(i, Math.min(deletes.size(), i + WRITE_BATCH)),
            ignored);
      }
      return "The "
          + deletes.size()
          + " of "
          + total
          + " rows already written were deleted again, "
          + "so this call left nothing";
    } catch (RuntimeException e) {
      LOG.warn(
          "could not delete the {} rows written before a failed write to {}: {}",
          deletes.size(),
          table,
          reason(e));
      return deletes.size()
          + " of "
          + total
          + " rows were written before the failure and could "
          + "not be deleted again ("
          + reason(e)
          + "); they hold the values of this call";
    }
  }

  private static Map<String, AttributeValue> keyOf(List<String> keyNames, WriteRequest w) {
    Map<String, AttributeValue> source =
        w.putRequest() != null ? w.putRequest().item() : w.deleteRequest().key();
    Map<String, AttributeValue> key = new LinkedHashMap<>();
    for (String k : keyNames) {
      key.put(k, source.get(k));
    }
    return key;
  }

  /**
   * Reads items by key from one table, in batches of {@value #GET_BATCH}; absent keys are absent
   * from the result.
   *
   * @param table the table name
   * @param keys distinct keys
   * @throws CacheException when the read fails
   */
  public List<Map<String, AttributeValue>> getAll(
      String table, List<Map<String, AttributeValue>> keys) {
    List<Map<String, AttributeValue>> found = new ArrayList<>();
    try {
      for (int i = 0; i < keys.size(); i += GET_BATCH) {
        AtomicReference<List<Map<String, AttributeValue>>> pending =
            new AtomicReference<>(keys.subList(i, Math.min(keys.size(), i + GET_BATCH)));
        retrier.call(
            attempt -> {
              List<Map<String, AttributeValue>> ask = pending.get();
              BatchGetItemResponse r =
                  client.batchGetItem(
                      b ->
                          b.requestItems(
                              Map.of(table, KeysAndAttributes.builder().keys(ask).build())));
              found.addAll(r.responses().getOrDefault(table, List.of()));
              KeysAndAttributes left =
                  r.hasUnprocessedKeys() ? r.unprocessedKeys().get(table) : null;
              if (left == null || left.keys().isEmpty()) {
                return Outcome.<Integer>done();
              }
              pending.set(left.keys());
              return Outcome.retry(left.keys().size());
            },
            (left, stop) -> unprocessed(left, "keys", "read", stop));
      }
      return found;
    } catch (CacheException e) {
      throw new CacheException(
          "reading "
              + keys.size()
              + " items from DynamoDB table '"
              + table
              + "' failed: "
              + e.getMessage(),
          e);
    } catch (SdkException e) {
      throw new CacheException(
          "reading "
              + keys.size()
              + " items from DynamoDB table '"
              + table
              + "' failed: "
              + reason(e),
          e);
    }
  }

  /** Returns the message of a failure, for the exceptions of this backend. */
  static String reason(Throwable e) {
    String m = e.getMessage();
    return m == null ? e.getClass().getSimpleName() : m;
  }
}
