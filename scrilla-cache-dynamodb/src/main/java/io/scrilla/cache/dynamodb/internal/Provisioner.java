package io.scrilla.cache.dynamodb.internal;

import io.scrilla.api.error.CacheException;
import io.scrilla.cache.dynamodb.CacheTable;
import io.scrilla.cache.dynamodb.DynamoDbSettings;
import io.scrilla.cache.dynamodb.TableBilling;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.core.waiters.WaiterOverrideConfiguration;
import software.amazon.awssdk.core.waiters.WaiterResponse;
import software.amazon.awssdk.retries.api.BackoffStrategy;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeDefinition;
import software.amazon.awssdk.services.dynamodb.model.DescribeTableResponse;
import software.amazon.awssdk.services.dynamodb.model.GlobalSecondaryIndex;
import software.amazon.awssdk.services.dynamodb.model.GlobalSecondaryIndexDescription;
import software.amazon.awssdk.services.dynamodb.model.KeySchemaElement;
import software.amazon.awssdk.services.dynamodb.model.ResourceInUseException;
import software.amazon.awssdk.services.dynamodb.model.ResourceNotFoundException;
import software.amazon.awssdk.services.dynamodb.model.TableDescription;
import software.amazon.awssdk.services.dynamodb.model.TableStatus;
import software.amazon.awssdk.services.dynamodb.model.TimeToLiveDescription;
import software.amazon.awssdk.services.dynamodb.model.TimeToLiveStatus;
import software.amazon.awssdk.services.dynamodb.waiters.DynamoDbWaiter;

/**
 * Creates the five tables (the guide's four and the leases table) on first use and checks existing
 * ones, once per table per process.
 *
 * <p>For each table: DescribeTable; when absent, CreateTable with the guide's definition. When
 * another process creates it at the same moment, CreateTable fails with {@link
 * ResourceInUseException} and this one waits as well. Then the SDK's waiter waits until the table
 * is ACTIVE, and the key schema (names, key types, attribute types) is compared with the guide's: a
 * table that differs is refused, so nothing is ever written to a wrong table. An existing table is
 * otherwise used as it is (its billing is not changed); differences in its secondary indexes, which
 * this backend never reads, are logged as a warning. On the leases table, DynamoDB's time to live
 * is then enabled on {@value TableDefinitions#EXPIRES_AT} (DescribeTimeToLive, and UpdateTimeToLive
 * when it is off); since an expired lease or budget slot is recognized by its times, not by its
 * absence, a failure there only logs a warning.
 *
 * <p>{@link #shared()} remembers provisioned tables for the whole process, keyed by region,
 * endpoint and table name; a failed attempt is not remembered, so the next open tries again.
 */
public final class Provisioner {
  private static final Logger LOG = LoggerFactory.getLogger(Provisioner.class);
  private static final Provisioner SHARED = new Provisioner();
  private static final Duration WAIT_DELAY = Duration.ofSeconds(2);
  private static final int WAIT_ATTEMPTS = 150; // five minutes

  private final Set<String> done = ConcurrentHashMap.newKeySet();
  private final Map<String, Object> locks = new ConcurrentHashMap<>();

  /** Creates a provisioner with its own memory (a test stands in for another process with one). */
  public Provisioner() {}

  /** Returns the provisioner shared by the whole process. */
  public static Provisioner shared() {
    return SHARED;
  }

  /**
   * Makes sure the five tables exist, are ACTIVE and have their key schemas, and that the leases
   * table has its time to live.
   *
   * @throws CacheException when a table has another key schema or DynamoDB cannot be reached
   */
  public void ensureTables(DynamoDbClient client, DynamoDbSettings settings) {
    Objects.requireNonNull(client, "client");
    Objects.requireNonNull(settings, "settings");
    String where =
        client.serviceClientConfiguration().region()
            + "|"
            + client
                .serviceClientConfiguration()
                .endpointOverride()
                .map(Object::toString)
                .orElse("aws");
    for (CacheTable table : CacheTable.values()) {
      String name = settings.tableName(table);
      String memo = where + "|" + name;
      if (done.contains(memo)) {
        continue;
      }
      synchronized (locks.computeIfAbsent(memo, k -> new Object())) {
        if (!done.contains(memo)) {
          provision(client, settings, table, name);
          done.add(memo);
        }
      }
    }
  }

  private void provision(
      DynamoDbClient client, DynamoDbSettings settings, CacheTable table, String name) {
    try {
      TableDescription description;
      try {
        description = client.describeTable(r -> r.tableName(name)).table();
      } catch (ResourceNotFoundException absent) {
        description = null;
      }
      if (description == null) {
        try {
          client.createTable(
              TableDefinitions.createRequest(table, name, settings.billing().get(table)));
          LOG.debug("creating DynamoDB table {} ({})", name, settings.billing().get(table).mode());
        } catch (ResourceInUseException raced) {
          LOG.debug("table {} is being created by another process: waiting for it", name);
        }
        description = waitUntilActive(client, name);
      } else if (description.tableStatus() != TableStatus.ACTIVE) {
        description = waitUntilActive(client, name);
      }
      check(table, name, description);
      if (table == CacheTable.LEASES) {
        ensureTimeToLive(client, name);
      }
    } catch (CacheException e) {
      throw e;
    } catch (SdkException e) {
      throw new CacheException(
          "cannot provision DynamoDB table '"
              + name
              + "': "
              + e.getMessage()
              + ". Check the region (AWS_REGION), DYNAMO_ENDPOINT, the credentials and that the "
              + "role may call dynamodb:DescribeTable and dynamodb:CreateTable on the table",
          e);
    }
  }

  /** Enables time to live on the leases table unless it is on; problems only log a warning. */
  private static void ensureTimeToLive(DynamoDbClient client, String name) {
    String attribute = TableDefinitions.EXPIRES_AT;
    try {
      if (timeToLiveOn(client, name)) {
        return;
      }
      try {
        client.updateTimeToLive(
            r ->
                r.tableName(name)
                    .timeToLiveSpecification(t -> t.enabled(true).attributeName(attribute)));
        LOG.debug("enabled time to live on {}.{}", name, attribute);
      } catch (SdkException raced) {
        // another process may have enabled it at the same moment
        if (!timeToLiveOn(client, name)) {
          throw raced;
        }
      }
    } catch (SdkException e) {
      LOG.warn(
          "could not enable time to live on DynamoDB table '{}' ({}): expired leases and budget"
              + " slots stay until deleted; they are ignored once expired. The role needs"
              + " dynamodb:DescribeTimeToLive and dynamodb:UpdateTimeToLive on the table",
          name,
          e.getMessage());
    }
  }

  /** Returns whether time to live is on (or being turned on), warning when on another attribute. */
  private static boolean timeToLiveOn(DynamoDbClient client, String name) {
    TimeToLiveDescription ttl =
        client.describeTimeToLive(r -> r.tableName(name)).timeToLiveDescription();
    TimeToLiveStatus status = ttl == null ? null : ttl.timeToLiveStatus();
    if (status != TimeToLiveStatus.ENABLED && status != TimeToLiveStatus.ENABLING) {
      return false;
    }
    if (!TableDefinitions.EXPIRES_AT.equals(ttl.attributeName())) {
      LOG.warn(
          "DynamoDB table '{}' has time to live on '{}' instead of '{}': expired leases and "
              + "budget slots stay until deleted (they are ignored once expired)",
          name,
          ttl.attributeName(),
          TableDefinitions.EXPIRES_AT);
    }
    return true;
  }

  private static TableDescription waitUntilActive(DynamoDbClient client, String name) {
    try (DynamoDbWaiter waiter =
        DynamoDbWaiter.builder()
            .client(client)
            .overrideConfiguration(
                WaiterOverrideConfiguration.builder()
                    .maxAttempts(WAIT_ATTEMPTS)
                    .backoffStrategyV2(BackoffStrategy.fixedDelay(WAIT_DELAY))
                    .build())
            .build()) {
      WaiterResponse<DescribeTableResponse> r = waiter.waitUntilTableExists(b -> b.tableName(name));
      return r.matched()
          .response()
          .map(DescribeTableResponse::table)
          .orElseThrow(
              () ->
                  new CacheException(
                      "DynamoDB table '"
                          + name
                          + "' did not become ACTIVE: "
                          + r.matched()
                              .exception()
                              .map(Throwable::getMessage)
                              .orElse("no answer")));
    }
  }

  /** Refuses a table whose key schema or key attribute types differ from the guide's. */
  static void check(CacheTable table, String name, TableDescription d) {
    List<String> expected =
        describeKeys(TableDefinitions.keySchema(table), TableDefinitions.attributes(table));
    List<String> actual = describeKeys(d.keySchema(), d.attributeDefinitions());
    if (!expected.equals(actual)) {
      throw new CacheException(
          "DynamoDB table '"
              + name
              + "' has key schema "
              + actual
              + " but the scrilla '"
              + table.baseName()
              + "' table needs "
              + expected
              + ". Nothing was written to it. "
              + "Delete or rename that table, or set DYNAMO_TABLE_PREFIX so that scrilla uses "
              + "tables of its own");
    }
    Map<String, String> wantIndexes = new LinkedHashMap<>();
    for (GlobalSecondaryIndex g : TableDefinitions.indexes(table, TableBilling.PAY_PER_REQUEST)) {
      wantIndexes.put(g.indexName(), g.keySchema() + " " + g.projection().projectionType());
    }
    Map<String, String> haveIndexes = new LinkedHashMap<>();
    for (GlobalSecondaryIndexDescription g : d.globalSecondaryIndexes()) {
      haveIndexes.put(g.indexName(), g.keySchema() + " " + g.projection().projectionType());
    }
    if (!wantIndexes.equals(haveIndexes)) {
      LOG.warn(
          "DynamoDB table '{}' has the global secondary indexes {} instead of the deployment "
              + "guide's {}; scrilla does not read them, the cache works",
          name,
          haveIndexes.keySet(),
          wantIndexes.keySet());
    }
  }

  private static List<String> describeKeys(
      List<KeySchemaElement> keys, List<AttributeDefinition> attributes) {
    Map<String, String> types =
        attributes.stream()
            .collect(
                Collectors.toMap(
                    AttributeDefinition::attributeName,
                    a -> a.attributeTypeAsString(),
                    (a, b) -> a));
    List<String> out = new ArrayList<>();
    for (KeySchemaElement k : keys) {
      out.add(
          k.attributeName()
              + " "
              + k.keyTypeAsString()
              + " "
              + types.getOrDefault(k.attributeName(), "?"));
    }
    return out;
  }
}
