package io.scrilla.cache.dynamodb;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.scrilla.api.config.ScrillaConfig;
import io.scrilla.api.error.CacheException;
import io.scrilla.api.model.Asset;
import io.scrilla.api.model.DateRange;
import io.scrilla.api.model.EstimationMethod;
import io.scrilla.api.model.PriceHistory;
import io.scrilla.api.model.ProfileKey;
import io.scrilla.api.model.RiskProfile;
import io.scrilla.api.model.SourceId;
import io.scrilla.cache.dynamodb.internal.Provisioner;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import software.amazon.awssdk.core.interceptor.Context;
import software.amazon.awssdk.core.interceptor.ExecutionAttributes;
import software.amazon.awssdk.core.interceptor.ExecutionInterceptor;
import software.amazon.awssdk.core.interceptor.SdkExecutionAttribute;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeDefinition;
import software.amazon.awssdk.services.dynamodb.model.BillingMode;
import software.amazon.awssdk.services.dynamodb.model.GlobalSecondaryIndexDescription;
import software.amazon.awssdk.services.dynamodb.model.KeySchemaElement;
import software.amazon.awssdk.services.dynamodb.model.KeyType;
import software.amazon.awssdk.services.dynamodb.model.ScalarAttributeType;
import software.amazon.awssdk.services.dynamodb.model.TableDescription;
import software.amazon.awssdk.services.dynamodb.model.TimeToLiveDescription;
import software.amazon.awssdk.services.dynamodb.model.TimeToLiveStatus;

/** Creation and checking of the four tables against a real (moto) DynamoDB server. */
class ProvisioningTest {
  private static final SourceId SRC = SourceId.of("test");

  @RegisterExtension static final MotoServerExtension MOTO = new MotoServerExtension();

  private DynamoDbClient setup;

  @BeforeEach
  void connect() {
    setup = TestClients.setup(MOTO.endpoint());
  }

  @AfterEach
  void disconnect() {
    setup.close();
  }

  private ScrillaConfig config(String prefix, String... variables) {
    ScrillaConfig.Builder b =
        ScrillaConfig.builder()
            .set("DYNAMO_ENDPOINT", MOTO.endpoint().toString())
            .set("DYNAMO_TABLE_PREFIX", prefix);
    for (int i = 0; i < variables.length; i += 2) {
      b.set(variables[i], variables[i + 1]);
    }
    return b.build();
  }

  /**
   * The five tables: the guide's, read from the JSON copy of the deployment guide, and the leases
   * table.
   */
  private static List<JsonNode> guideTables() throws IOException {
    List<JsonNode> out = new ArrayList<>();
    for (String file : List.of("/deployment-guide-tables.json", "/leases-table.json")) {
      try (InputStream in = ProvisioningTest.class.getResourceAsStream(file)) {
        new ObjectMapper().readTree(in).get("tables").forEach(out::add);
      }
    }
    return out;
  }

  private static List<String> keys(JsonNode keySchema) {
    List<String> out = new ArrayList<>();
    keySchema.forEach(
        k -> out.add(k.get("AttributeName").asText() + " " + k.get("KeyType").asText()));
    return out;
  }

  private static List<String> keys(List<KeySchemaElement> keySchema) {
    List<String> out = new ArrayList<>();
    keySchema.forEach(k -> out.add(k.attributeName() + " " + k.keyTypeAsString()));
    return out;
  }

  /** Compares a described table with the guide's configuration and the expected billing. */
  private void assertMatchesGuide(String prefix, JsonNode guide, long read, long write) {
    String name = prefix + guide.get("TableName").asText();
    TableDescription t = setup.describeTable(r -> r.tableName(name)).table();

    Set<String> wantAttributes = new TreeSet<>();
    guide
        .get("AttributeDefinitions")
        .forEach(
            a ->
                wantAttributes.add(
                    a.get("AttributeName").asText() + ":" + a.get("AttributeType").asText()));
    Set<String> haveAttributes = new TreeSet<>();
    for (AttributeDefinition a : t.attributeDefinitions()) {
      haveAttributes.add(a.attributeName() + ":" + a.attributeTypeAsString());
    }
    assertEquals(wantAttributes, haveAttributes, name + " attribute definitions");
    assertEquals(keys(guide.get("KeySchema")), keys(t.keySchema()), name + " key schema");

    Map<String, String> wantIndexes = new TreeMap<>();
    if (guide.has("GlobalSecondaryIndexes")) {
      guide
          .get("GlobalSecondaryIndexes")
          .forEach(
              g ->
                  wantIndexes.put(
                      g.get("IndexName").asText(),
                      keys(g.get("KeySchema"))
                          + " "
                          + g.get("Projection").get("ProjectionType").asText()));
    }
    Map<String, String> haveIndexes = new TreeMap<>();
    for (GlobalSecondaryIndexDescription g : t.globalSecondaryIndexes()) {
      haveIndexes.put(
          g.indexName(), keys(g.keySchema()) + " " + g.projection().projectionTypeAsString());
    }
    assertEquals(wantIndexes, haveIndexes, name + " global secondary indexes");

    if (read == 0) {
      assertEquals(
          BillingMode.PAY_PER_REQUEST, t.billingModeSummary().billingMode(), name + " billing");
    } else {
      assertTrue(
          t.billingModeSummary() == null
              || t.billingModeSummary().billingMode() == BillingMode.PROVISIONED,
          name + " billing");
      assertEquals(read, t.provisionedThroughput().readCapacityUnits(), name + " read capacity");
      assertEquals(write, t.provisionedThroughput().writeCapacityUnits(), name + " write capacity");
      for (GlobalSecondaryIndexDescription g : t.globalSecondaryIndexes()) {
        assertEquals(
            read, g.provisionedThroughput().readCapacityUnits(), name + "/" + g.indexName());
        assertEquals(
            write, g.provisionedThroughput().writeCapacityUnits(), name + "/" + g.indexName());
      }
    }
  }

  @Test
  void open_defaultConf_createsTheGuidesFourTablesAndTheLeasesTableOnDemand() throws IOException {
    String prefix = TestClients.uniquePrefix("ondemand");
    try (DynamoDbCache cache = DynamoDbCache.open(config(prefix))) {
      List<JsonNode> tables = guideTables();
      assertEquals(5, tables.size());
      for (JsonNode guide : tables) {
        assertMatchesGuide(prefix, guide, 0, 0);
      }
    }
  }

  @Test
  void open_leasesTable_hasTimeToLiveOnExpiresAt() throws IOException {
    String prefix = TestClients.uniquePrefix("ttl");
    try (DynamoDbCache cache = DynamoDbCache.open(config(prefix))) {
      JsonNode want = guideTables().get(4).get("TimeToLiveSpecification");
      TimeToLiveDescription ttl =
          setup.describeTimeToLive(r -> r.tableName(prefix + "leases")).timeToLiveDescription();
      assertEquals(TimeToLiveStatus.ENABLED, ttl.timeToLiveStatus());
      assertEquals(want.get("AttributeName").asText(), ttl.attributeName());
      // the guide's tables have none: their data is forgotten only by clear()
      assertEquals(
          TimeToLiveStatus.DISABLED,
          setup
              .describeTimeToLive(r -> r.tableName(prefix + "prices"))
              .timeToLiveDescription()
              .timeToLiveStatus());
    }
  }

  @Test
  void open_leasesTableWithTimeToLiveAlreadyOn_isLeftAsItIs() {
    String prefix = TestClients.uniquePrefix("ttlon");
    setup.createTable(
        r ->
            r.tableName(prefix + "leases")
                .attributeDefinitions(
                    attr("lease_id", ScalarAttributeType.S), attr("slot", ScalarAttributeType.N))
                .keySchema(key("lease_id", KeyType.HASH), key("slot", KeyType.RANGE))
                .billingMode(BillingMode.PAY_PER_REQUEST));
    setup.updateTimeToLive(
        r ->
            r.tableName(prefix + "leases")
                .timeToLiveSpecification(t -> t.enabled(true).attributeName("expires_at")));
    Calls calls = new Calls();
    try (DynamoDbClient c = TestClients.backend(MOTO.endpoint(), calls)) {
      DynamoDbCache.open(DynamoDbSettings.from(config(prefix)), c, false, new Provisioner())
          .close();
    }
    assertTrue(calls.operations.contains("DescribeTimeToLive"), calls.operations.toString());
    assertFalse(calls.operations.contains("UpdateTimeToLive"), calls.operations.toString());
  }

  @Test
  void open_leasesTableWithOtherKeys_isRefused() {
    String prefix = TestClients.uniquePrefix("wrongleases");
    setup.createTable(
        r ->
            r.tableName(prefix + "leases")
                .attributeDefinitions(attr("lease_id", ScalarAttributeType.S))
                .keySchema(key("lease_id", KeyType.HASH))
                .billingMode(BillingMode.PAY_PER_REQUEST));
    CacheException e = assertThrows(CacheException.class, () -> DynamoDbCache.open(config(prefix)));
    assertTrue(e.getMessage().contains("[lease_id HASH S, slot RANGE N]"), e.getMessage());
  }

  @Test
  void open_provisionedConfWithOverride_appliesThroughputToTablesAndIndexes() throws IOException {
    String prefix = TestClients.uniquePrefix("provisioned");
    String conf =
        "{\"BillingMode\":\"PROVISIONED\",\"ProvisionedThroughput\":"
            + "{\"ReadCapacityUnits\":7,\"WriteCapacityUnits\":3}}";
    String profileConf =
        "{\"BillingMode\":\"PROVISIONED\",\"ProvisionedThroughput\":"
            + "{\"ReadCapacityUnits\":11,\"WriteCapacityUnits\":13}}";
    String pricesConf = "{\"BillingMode\":\"PAY_PER_REQUEST\"}";
    try (DynamoDbCache cache =
        DynamoDbCache.open(
            config(
                prefix,
                "DYNAMO_CONF",
                conf,
                "DYNAMO_CONF_PROFILE",
                profileConf,
                "DYNAMO_CONF_PRICES",
                pricesConf))) {
      for (JsonNode guide : guideTables()) {
        switch (guide.get("TableName").asText()) {
          case "prices":
            assertMatchesGuide(prefix, guide, 0, 0);
            break;
          case "profile":
            assertMatchesGuide(prefix, guide, 11, 13);
            break;
          default:
            assertMatchesGuide(prefix, guide, 7, 3);
        }
      }
    }
  }

  @Test
  void open_existingTableWithOtherBillingAndNoIndexes_isUsedAsItIs() {
    String prefix = TestClients.uniquePrefix("existing");
    setup.createTable(
        r ->
            r.tableName(prefix + "profile")
                .attributeDefinitions(
                    attr("ticker", ScalarAttributeType.S),
                    attr("start_date", ScalarAttributeType.S))
                .keySchema(key("ticker", KeyType.HASH), key("start_date", KeyType.RANGE))
                .billingMode(BillingMode.PROVISIONED)
                .provisionedThroughput(p -> p.readCapacityUnits(1L).writeCapacityUnits(2L)));
    ProfileKey k =
        new ProfileKey(
            SRC,
            Asset.equity("SPY"),
            DateRange.parse("2021-01-04", "2021-06-30"),
            EstimationMethod.MOMENTS,
            false);
    try (DynamoDbCache cache = DynamoDbCache.open(config(prefix))) {
      cache.profiles().put(k, new RiskProfile(0.1, 0.2));
      assertEquals(Optional.of(new RiskProfile(0.1, 0.2)), cache.profiles().get(k));
    }
    TableDescription t = setup.describeTable(r -> r.tableName(prefix + "profile")).table();
    assertEquals(1L, t.provisionedThroughput().readCapacityUnits());
    assertEquals(2L, t.provisionedThroughput().writeCapacityUnits());
    assertTrue(t.globalSecondaryIndexes().isEmpty());
  }

  @Test
  void open_tableWithOtherKeyNames_isRefusedNamingTheTable() {
    String prefix = TestClients.uniquePrefix("wrongnames");
    setup.createTable(
        r ->
            r.tableName(prefix + "prices")
                .attributeDefinitions(
                    attr("symbol", ScalarAttributeType.S), attr("day", ScalarAttributeType.S))
                .keySchema(key("symbol", KeyType.HASH), key("day", KeyType.RANGE))
                .billingMode(BillingMode.PAY_PER_REQUEST));
    CacheException e = assertThrows(CacheException.class, () -> DynamoDbCache.open(config(prefix)));
    assertTrue(e.getMessage().contains("'" + prefix + "prices'"), e.getMessage());
    assertTrue(e.getMessage().contains("[symbol HASH S, day RANGE S]"), e.getMessage());
    assertTrue(e.getMessage().contains("[ticker HASH S, date RANGE S]"), e.getMessage());
    assertEquals(0, setup.scan(r -> r.tableName(prefix + "prices")).count());
  }

  @Test
  void open_tableWithOtherKeyType_isRefused() {
    String prefix = TestClients.uniquePrefix("wrongtype");
    setup.createTable(
        r ->
            r.tableName(prefix + "prices")
                .attributeDefinitions(
                    attr("ticker", ScalarAttributeType.S), attr("date", ScalarAttributeType.N))
                .keySchema(key("ticker", KeyType.HASH), key("date", KeyType.RANGE))
                .billingMode(BillingMode.PAY_PER_REQUEST));
    CacheException e = assertThrows(CacheException.class, () -> DynamoDbCache.open(config(prefix)));
    assertTrue(e.getMessage().contains("date RANGE N"), e.getMessage());
  }

  @Test
  void open_tableWithOnlyAHashKey_isRefused() {
    String prefix = TestClients.uniquePrefix("hashonly");
    setup.createTable(
        r ->
            r.tableName(prefix + "prices")
                .attributeDefinitions(attr("ticker", ScalarAttributeType.S))
                .keySchema(key("ticker", KeyType.HASH))
                .billingMode(BillingMode.PAY_PER_REQUEST));
    assertThrows(CacheException.class, () -> DynamoDbCache.open(config(prefix)));
  }

  /** Records the operations and the failures' exception names of one client. */
  private static final class Calls implements ExecutionInterceptor {
    final List<String> operations = Collections.synchronizedList(new ArrayList<>());
    final List<String> failures = Collections.synchronizedList(new ArrayList<>());

    @Override
    public void beforeExecution(Context.BeforeExecution context, ExecutionAttributes attributes) {
      operations.add(attributes.getAttribute(SdkExecutionAttribute.OPERATION_NAME));
    }

    @Override
    public void onExecutionFailure(
        Context.FailedExecution context, ExecutionAttributes attributes) {
      failures.add(
          attributes.getAttribute(SdkExecutionAttribute.OPERATION_NAME)
              + ":"
              + context.exception().getClass().getSimpleName());
    }
  }

  @Test
  void open_twoProcessesAtOnce_bothSucceedAndOneWaitsForTheOther() throws Exception {
    String prefix = TestClients.uniquePrefix("race");
    DynamoDbSettings settings = DynamoDbSettings.from(config(prefix));
    // Both describe a missing table and reach CreateTable; then the first sends it, and the
    // second only once the first has its answer. moto's CreateTable is not atomic (two truly
    // simultaneous requests may both succeed there), DynamoDB's is: this order gives the second
    // process the ResourceInUseException DynamoDB gives the loser of a race.
    CyclicBarrier bothDescribed = new CyclicBarrier(2);
    Semaphore firstAnswered = new Semaphore(0);
    Calls calls = new Calls();
    List<DynamoDbClient> clients = new ArrayList<>();
    for (boolean isFirst : new boolean[] {true, false}) {
      clients.add(
          TestClients.backend(
              MOTO.endpoint(),
              new ExecutionInterceptor() {
                private boolean create(ExecutionAttributes attributes) {
                  return "CreateTable"
                      .equals(attributes.getAttribute(SdkExecutionAttribute.OPERATION_NAME));
                }

                @Override
                public void beforeTransmission(
                    Context.BeforeTransmission context, ExecutionAttributes attributes) {
                  if (create(attributes)) {
                    try {
                      bothDescribed.await(30, TimeUnit.SECONDS);
                      if (!isFirst && !firstAnswered.tryAcquire(30, TimeUnit.SECONDS)) {
                        throw new IllegalStateException(
                            "the first process's CreateTable got no answer");
                      }
                    } catch (Exception e) {
                      throw new IllegalStateException(
                          "the other process did not reach CreateTable", e);
                    }
                  }
                }

                @Override
                public void afterExecution(
                    Context.AfterExecution context, ExecutionAttributes attributes) {
                  if (isFirst && create(attributes)) {
                    firstAnswered.release();
                  }
                }

                @Override
                public void onExecutionFailure(
                    Context.FailedExecution context, ExecutionAttributes attributes) {
                  if (isFirst && create(attributes)) {
                    firstAnswered.release();
                  }
                }
              },
              calls));
    }
    ExecutorService pool = Executors.newFixedThreadPool(2);
    try {
      List<Future<DynamoDbCache>> opened = new ArrayList<>();
      for (DynamoDbClient c : clients) {
        opened.add(pool.submit(() -> DynamoDbCache.open(settings, c, false, new Provisioner())));
      }
      DynamoDbCache a = opened.get(0).get(60, TimeUnit.SECONDS);
      DynamoDbCache b = opened.get(1).get(60, TimeUnit.SECONDS);
      assertEquals(10, calls.operations.stream().filter("CreateTable"::equals).count());
      assertEquals(
          5,
          calls.failures.stream().filter("CreateTable:ResourceInUseException"::equals).count(),
          calls.failures.toString());
      assertEquals(
          5,
          calls.failures.stream().filter(f -> f.startsWith("CreateTable")).count(),
          calls.failures.toString());
      for (JsonNode guide : guideTables()) {
        assertMatchesGuide(prefix, guide, 0, 0);
      }
      Asset spy = Asset.equity("SPY");
      PriceHistory h =
          PriceHistory.ofCloses(spy, new int[] {18631, 18632}, new double[] {370.5, 371.25});
      a.prices().put(SRC, h);
      assertEquals(h, b.prices().get(SRC, spy, DateRange.parse("2021-01-04", "2021-01-05")));
    } finally {
      pool.shutdownNow();
      clients.forEach(DynamoDbClient::close);
    }
  }

  @Test
  void open_againInTheSameProcess_provisionsNothing() {
    String prefix = TestClients.uniquePrefix("once");
    DynamoDbSettings settings = DynamoDbSettings.from(config(prefix));
    Provisioner process = new Provisioner();
    Calls first = new Calls();
    Calls second = new Calls();
    try (DynamoDbClient c1 = TestClients.backend(MOTO.endpoint(), first);
        DynamoDbClient c2 = TestClients.backend(MOTO.endpoint(), second)) {
      DynamoDbCache.open(settings, c1, false, process).close();
      DynamoDbCache.open(settings, c2, false, process).close();
      assertTrue(
          first.operations.containsAll(List.of("DescribeTable", "CreateTable")),
          first.operations.toString());
      assertEquals(List.of(), second.operations);
    }
  }

  @Test
  void open_failedProvisioning_isTriedAgainNextTime() {
    String prefix = TestClients.uniquePrefix("retry");
    setup.createTable(
        r ->
            r.tableName(prefix + "interest")
                .attributeDefinitions(
                    attr("maturity", ScalarAttributeType.N), attr("date", ScalarAttributeType.S))
                .keySchema(key("maturity", KeyType.HASH), key("date", KeyType.RANGE))
                .billingMode(BillingMode.PAY_PER_REQUEST));
    DynamoDbSettings settings = DynamoDbSettings.from(config(prefix));
    Provisioner process = new Provisioner();
    try (DynamoDbClient c = TestClients.backend(MOTO.endpoint())) {
      assertThrows(CacheException.class, () -> DynamoDbCache.open(settings, c, false, process));
      setup.deleteTable(r -> r.tableName(prefix + "interest"));
      DynamoDbCache.open(settings, c, false, process).close();
    }
    assertFalse(
        setup
            .describeTable(r -> r.tableName(prefix + "interest"))
            .table()
            .attributeDefinitions()
            .contains(attr("maturity", ScalarAttributeType.N)));
  }

  private static AttributeDefinition attr(String name, ScalarAttributeType type) {
    return AttributeDefinition.builder().attributeName(name).attributeType(type).build();
  }

  private static KeySchemaElement key(String name, KeyType type) {
    return KeySchemaElement.builder().attributeName(name).keyType(type).build();
  }
}
