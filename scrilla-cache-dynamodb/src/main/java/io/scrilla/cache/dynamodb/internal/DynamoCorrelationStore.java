package io.scrilla.cache.dynamodb.internal;

import io.scrilla.api.error.CacheException;
import io.scrilla.api.error.InvalidInputException;
import io.scrilla.api.model.CorrelationKey;
import io.scrilla.api.spi.CorrelationStore;
import io.scrilla.cache.dynamodb.CacheTable;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.OptionalDouble;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.enhanced.dynamodb.Key;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.WriteRequest;

/**
 * Correlations in the {@code correlations} table, one item per full identity: hash key {@code
 * ticker_1} the first asset of the canonical pair, sort key {@code
 * start#end#method#weekends#source#second}; every identifying attribute is compared on read. {@link
 * #putAll} and {@link #getAll} use BatchWriteItem (25 per request) and BatchGetItem (100 keys per
 * request).
 */
public final class DynamoCorrelationStore implements CorrelationStore {
  private static final Logger LOG = LoggerFactory.getLogger(DynamoCorrelationStore.class);
  private final Tables tables;

  /** Creates the store on the cache's tables. */
  public DynamoCorrelationStore(Tables tables) {
    this.tables = tables;
  }

  @Override
  public void put(CorrelationKey key, double correlation) {
    Objects.requireNonNull(key, "key");
    check(key, correlation);
    try {
      tables.correlations.putItem(CorrelationItem.of(key, correlation));
    } catch (SdkException e) {
      throw new CacheException(
          "writing the correlation of "
              + key
              + " to DynamoDB table '"
              + tables.correlations.tableName()
              + "' failed: "
              + Batches.reason(e),
          e);
    }
  }

  @Override
  public OptionalDouble get(CorrelationKey key) {
    Objects.requireNonNull(key, "key");
    CorrelationItem item;
    try {
      item =
          tables.correlations.getItem(
              Key.builder()
                  .partitionValue(Identity.assetKey(key.first()))
                  .sortValue(Identity.correlationSortKey(key))
                  .build());
    } catch (SdkException e) {
      throw new CacheException(
          "reading the correlation of "
              + key
              + " from DynamoDB table '"
              + tables.correlations.tableName()
              + "' failed: "
              + Batches.reason(e),
          e);
    }
    return value(item, key);
  }

  @Override
  public void putAll(Map<CorrelationKey, Double> correlations) {
    Objects.requireNonNull(correlations, "correlations");
    List<WriteRequest> writes = new ArrayList<>(correlations.size());
    correlations.forEach(
        (k, v) -> {
          Objects.requireNonNull(k, "key");
          Objects.requireNonNull(v, "correlation");
          check(k, v);
          writes.add(Tables.put(CorrelationItem.SCHEMA.itemToMap(CorrelationItem.of(k, v), true)));
        });
    tables.batches.writeAll(
        tables.correlations.tableName(),
        Tables.keyNames(CacheTable.CORRELATIONS),
        writes,
        correlations.size() + " correlations");
  }

  @Override
  public Map<CorrelationKey, Double> getAll(Collection<CorrelationKey> keys) {
    Objects.requireNonNull(keys, "keys");
    List<String> names = Tables.keyNames(CacheTable.CORRELATIONS);
    Map<Map<String, AttributeValue>, CorrelationKey> byKey = new LinkedHashMap<>();
    for (CorrelationKey k : keys) {
      Objects.requireNonNull(k, "key");
      byKey.putIfAbsent(
          Map.of(
              names.get(0), AttributeValue.fromS(Identity.assetKey(k.first())),
              names.get(1), AttributeValue.fromS(Identity.correlationSortKey(k))),
          k);
    }
    Map<CorrelationKey, Double> read = new HashMap<>();
    for (Map<String, AttributeValue> raw :
        tables.batches.getAll(tables.correlations.tableName(), new ArrayList<>(byKey.keySet()))) {
      CorrelationKey k =
          byKey.get(
              Map.of(names.get(0), raw.get(names.get(0)), names.get(1), raw.get(names.get(1))));
      if (k != null) {
        value(CorrelationItem.SCHEMA.mapToItem(raw), k).ifPresent(v -> read.put(k, v));
      }
    }
    Map<CorrelationKey, Double> found = new LinkedHashMap<>();
    for (CorrelationKey k : byKey.values()) {
      Double v = read.get(k);
      if (v != null) {
        found.put(k, v);
      }
    }
    return found;
  }

  private OptionalDouble value(CorrelationItem item, CorrelationKey key) {
    if (item == null) {
      return OptionalDouble.empty();
    }
    Double v = item.correlation();
    if (!item.matches(key) || v == null || !(v >= -1 && v <= 1)) {
      LOG.warn(
          "ignored item {}/{} of table {}: its attributes do not match {}",
          item.ticker1(),
          item.startDate(),
          tables.correlations.tableName(),
          key);
      return OptionalDouble.empty();
    }
    return OptionalDouble.of(v);
  }

  private static void check(CorrelationKey key, double correlation) {
    if (!(correlation >= -1 && correlation <= 1)) {
      throw new InvalidInputException(
          "correlation of " + key + " is " + correlation + ": it must lie in [-1, 1]");
    }
  }
}
