package io.scrilla.cache.dynamodb.internal;

import io.scrilla.api.error.CacheException;
import io.scrilla.api.retry.RetryClock;
import io.scrilla.cache.dynamodb.CacheTable;
import io.scrilla.cache.dynamodb.DynamoDbSettings;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.enhanced.dynamodb.DynamoDbEnhancedClient;
import software.amazon.awssdk.enhanced.dynamodb.DynamoDbTable;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.KeySchemaElement;
import software.amazon.awssdk.services.dynamodb.model.ScanRequest;
import software.amazon.awssdk.services.dynamodb.model.ScanResponse;
import software.amazon.awssdk.services.dynamodb.model.WriteRequest;

/**
 * The clients, table handles and batch helper shared by the four stores and the coordination of one
 * open cache.
 */
public final class Tables {
  /**
   * Items per page of a query: below DynamoDB's 1 MB page (a price row is under 100 bytes), so long
   * histories are read in several pages and paging is exercised on every backend.
   */
  static final int PAGE_SIZE = 1000;

  final DynamoDbClient client;
  final DynamoDbSettings settings;
  final Batches batches;
  final DynamoDbTable<PriceItem> prices;
  final DynamoDbTable<RateItem> interest;
  final DynamoDbTable<ProfileItem> profile;
  final DynamoDbTable<CorrelationItem> correlations;
  final String leases;
  // true while this thread holds a lease: reads must see what the previous holder wrote
  private final ThreadLocal<Boolean> consistent = ThreadLocal.withInitial(() -> Boolean.FALSE);

  /**
   * Binds the tables of the settings to a client.
   *
   * @param client the client
   * @param settings the tables and limits
   * @param clock the clock of the batch retries; tests pass one that does not wait
   */
  public Tables(DynamoDbClient client, DynamoDbSettings settings, RetryClock clock) {
    this.client = client;
    this.settings = settings;
    this.batches = new Batches(client, settings.batchRetryLimit(), clock);
    DynamoDbEnhancedClient enhanced =
        DynamoDbEnhancedClient.builder().dynamoDbClient(client).build();
    this.prices = enhanced.table(settings.tableName(CacheTable.PRICES), PriceItem.SCHEMA);
    this.interest = enhanced.table(settings.tableName(CacheTable.INTEREST), RateItem.SCHEMA);
    this.profile = enhanced.table(settings.tableName(CacheTable.PROFILE), ProfileItem.SCHEMA);
    this.correlations =
        enhanced.table(settings.tableName(CacheTable.CORRELATIONS), CorrelationItem.SCHEMA);
    this.leases = settings.tableName(CacheTable.LEASES);
  }

  /**
   * Returns whether reads of prices and rates on this thread are strongly consistent: only inside
   * {@link #readingConsistently}, the work of a lease holder, which must see what the previous
   * holder wrote. Other reads are eventually consistent (half the cost).
   */
  boolean consistentReads() {
    return consistent.get();
  }

  /** Runs the work with strongly consistent reads on this thread. */
  <T> T readingConsistently(Supplier<T> work) {
    Boolean before = consistent.get();
    consistent.set(Boolean.TRUE);
    try {
      return work.get();
    } finally {
      consistent.set(before);
    }
  }

  /** Returns the key attribute names (hash, range) of a table. */
  static List<String> keyNames(CacheTable table) {
    List<String> names = new ArrayList<>();
    for (KeySchemaElement k : TableDefinitions.keySchema(table)) {
      names.add(k.attributeName());
    }
    return names;
  }

  /** Returns a put request of a mapped item. */
  static WriteRequest put(Map<String, AttributeValue> item) {
    return WriteRequest.builder().putRequest(p -> p.item(item)).build();
  }

  /**
   * Deletes every item of a table: a paginated Scan of the keys (names as {@code #placeholders},
   * since {@code date} is a reserved word), then batched deletes.
   *
   * @throws CacheException when DynamoDB fails
   */
  public void empty(CacheTable table) {
    String name = settings.tableName(table);
    List<String> keys = keyNames(table);
    List<WriteRequest> deletes = new ArrayList<>();
    try {
      ScanRequest scan =
          ScanRequest.builder()
              .tableName(name)
              .projectionExpression("#k0, #k1")
              .expressionAttributeNames(Map.of("#k0", keys.get(0), "#k1", keys.get(1)))
              .build();
      for (ScanResponse page : client.scanPaginator(scan)) {
        for (Map<String, AttributeValue> item : page.items()) {
          deletes.add(WriteRequest.builder().deleteRequest(d -> d.key(item)).build());
        }
      }
    } catch (SdkException e) {
      throw new CacheException(
          "cannot list the items of DynamoDB table '"
              + name
              + "' to clear it: "
              + Batches.reason(e),
          e);
    }
    batches.writeAll(name, keys, deletes, "the deletion of all " + deletes.size() + " items");
  }
}
