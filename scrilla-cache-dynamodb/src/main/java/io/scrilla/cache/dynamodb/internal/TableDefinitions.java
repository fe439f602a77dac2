package io.scrilla.cache.dynamodb.internal;

import io.scrilla.cache.dynamodb.CacheTable;
import io.scrilla.cache.dynamodb.TableBilling;
import java.util.ArrayList;
import java.util.List;
import software.amazon.awssdk.services.dynamodb.model.AttributeDefinition;
import software.amazon.awssdk.services.dynamodb.model.BillingMode;
import software.amazon.awssdk.services.dynamodb.model.CreateTableRequest;
import software.amazon.awssdk.services.dynamodb.model.GlobalSecondaryIndex;
import software.amazon.awssdk.services.dynamodb.model.KeySchemaElement;
import software.amazon.awssdk.services.dynamodb.model.KeyType;
import software.amazon.awssdk.services.dynamodb.model.ProjectionType;
import software.amazon.awssdk.services.dynamodb.model.ProvisionedThroughput;
import software.amazon.awssdk.services.dynamodb.model.ScalarAttributeType;

/**
 * The creation requests of the deployment guide's four tables: attribute definitions, key schemas
 * and global secondary indexes exactly as the guide lists them, with the billing of {@code
 * DYNAMO_CONF} applied to the table and each index; and of the leases table, keyed by ({@value
 * #LEASE_ID} S, {@value #SLOT} N) with time to live on {@value #EXPIRES_AT}.
 */
public final class TableDefinitions {
  /** Hash key of the leases table: what is leased, e.g. {@code fetch|prices|alpha_vantage|SPY}. */
  public static final String LEASE_ID = "lease_id";

  /** Range key of the leases table: 0 for a fetch lease, the slot number of a budget. */
  public static final String SLOT = "slot";

  /** The time-to-live attribute of the leases table: epoch seconds after which an item is dead. */
  public static final String EXPIRES_AT = "expires_at";

  private TableDefinitions() {}

  /** Returns the key schema of a table (hash, then range), as the guide gives it. */
  public static List<KeySchemaElement> keySchema(CacheTable table) {
    switch (table) {
      case PRICES:
        return keys("ticker", "date");
      case INTEREST:
        return keys("maturity", "date");
      case PROFILE:
        return keys("ticker", "start_date");
      case CORRELATIONS:
        return keys("ticker_1", "start_date");
      case LEASES:
        return keys(LEASE_ID, SLOT);
      default:
        throw new AssertionError(table);
    }
  }

  /** Returns the attribute definitions of a table, in the guide's order. */
  public static List<AttributeDefinition> attributes(CacheTable table) {
    switch (table) {
      case PRICES:
        return List.of(s("ticker"), s("date"));
      case INTEREST:
        return List.of(s("maturity"), s("date"));
      case PROFILE:
        return List.of(s("ticker"), s("start_date"), s("end_date"), s("method"), n("weekends"));
      case CORRELATIONS:
        return List.of(
            s("ticker_1"),
            s("ticker_2"),
            s("start_date"),
            s("end_date"),
            s("method"),
            n("weekends"));
      case LEASES:
        return List.of(s(LEASE_ID), n(SLOT));
      default:
        throw new AssertionError(table);
    }
  }

  /** Returns the guide's global secondary indexes of a table, with the billing's throughput. */
  public static List<GlobalSecondaryIndex> indexes(CacheTable table, TableBilling billing) {
    List<GlobalSecondaryIndex> gsis = new ArrayList<>();
    switch (table) {
      case PROFILE:
        gsis.add(
            gsi(
                "DateTelescoping",
                keys("weekends", "end_date"),
                ProjectionType.KEYS_ONLY,
                billing));
        gsis.add(gsi("EstimationTelescoping", keys("method", null), ProjectionType.ALL, billing));
        break;
      case CORRELATIONS:
        gsis.add(
            gsi(
                "AssetTelescoping",
                keys("ticker_2", "end_date"),
                ProjectionType.KEYS_ONLY,
                billing));
        gsis.add(
            gsi("WeekendTelescoping", keys("weekends", null), ProjectionType.KEYS_ONLY, billing));
        gsis.add(gsi("EstimationTelescoping", keys("method", null), ProjectionType.ALL, billing));
        break;
      default:
        break;
    }
    return gsis;
  }

  /** Returns the CreateTable request of a table under its full name. */
  public static CreateTableRequest createRequest(
      CacheTable table, String tableName, TableBilling billing) {
    CreateTableRequest.Builder b =
        CreateTableRequest.builder()
            .tableName(tableName)
            .attributeDefinitions(attributes(table))
            .keySchema(keySchema(table));
    List<GlobalSecondaryIndex> gsis = indexes(table, billing);
    if (!gsis.isEmpty()) {
      b.globalSecondaryIndexes(gsis);
    }
    if (billing.isProvisioned()) {
      b.billingMode(BillingMode.PROVISIONED).provisionedThroughput(throughput(billing));
    } else {
      b.billingMode(BillingMode.PAY_PER_REQUEST);
    }
    return b.build();
  }

  private static GlobalSecondaryIndex gsi(
      String name, List<KeySchemaElement> keys, ProjectionType projection, TableBilling billing) {
    GlobalSecondaryIndex.Builder b =
        GlobalSecondaryIndex.builder()
            .indexName(name)
            .keySchema(keys)
            .projection(p -> p.projectionType(projection));
    if (billing.isProvisioned()) {
      b.provisionedThroughput(throughput(billing));
    }
    return b.build();
  }

  private static ProvisionedThroughput throughput(TableBilling billing) {
    return ProvisionedThroughput.builder()
        .readCapacityUnits(billing.readCapacityUnits())
        .writeCapacityUnits(billing.writeCapacityUnits())
        .build();
  }

  private static List<KeySchemaElement> keys(String hash, String range) {
    KeySchemaElement h =
        KeySchemaElement.builder().attributeName(hash).keyType(KeyType.HASH).build();
    if (range == null) {
      return List.of(h);
    }
    return List.of(
        h, KeySchemaElement.builder().attributeName(range).keyType(KeyType.RANGE).build());
  }

  private static AttributeDefinition s(String name) {
    return AttributeDefinition.builder()
        .attributeName(name)
        .attributeType(ScalarAttributeType.S)
        .build();
  }

  private static AttributeDefinition n(String name) {
    return AttributeDefinition.builder()
        .attributeName(name)
        .attributeType(ScalarAttributeType.N)
        .build();
  }
}
