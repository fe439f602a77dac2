package io.scrilla.cache.dynamodb;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.scrilla.api.config.ScrillaConfig;
import io.scrilla.api.error.ConfigurationException;
import io.scrilla.api.spi.CacheProvider;
import io.scrilla.api.spi.Providers;
import java.net.URI;
import java.time.Duration;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Reading the backend's variables; no server needed. */
class DynamoDbSettingsTest {
  private static DynamoDbSettings read(String... variables) {
    ScrillaConfig.Builder b = ScrillaConfig.builder();
    for (int i = 0; i < variables.length; i += 2) {
      b.set(variables[i], variables[i + 1]);
    }
    return DynamoDbSettings.from(b.build());
  }

  @Test
  void from_nothingSet_isOnDemandWithoutPrefixOrEndpoint() {
    DynamoDbSettings s = read();
    assertEquals("", s.tablePrefix());
    assertEquals(Optional.empty(), s.endpoint());
    for (CacheTable t : CacheTable.values()) {
      assertEquals(TableBilling.PAY_PER_REQUEST, s.billing().get(t));
    }
    assertEquals("prices", s.tableName(CacheTable.PRICES));
    assertEquals("correlations", s.tableName(CacheTable.CORRELATIONS));
    assertEquals("leases", s.tableName(CacheTable.LEASES));
    assertEquals(Duration.ofSeconds(30), s.leaseDuration());
    assertEquals(Duration.ofMinutes(5), s.leaseWait());
  }

  @Test
  void from_leaseVariablesAndLeasesConf_areRead() {
    DynamoDbSettings s =
        read(
            "DYNAMO_LEASE_SECONDS",
            "3",
            "DYNAMO_LEASE_WAIT_SECONDS",
            "20",
            "DYNAMO_CONF",
            "{\"BillingMode\":\"PROVISIONED\",\"ProvisionedThroughput\":"
                + "{\"ReadCapacityUnits\":2,\"WriteCapacityUnits\":2}}",
            "DYNAMO_CONF_LEASES",
            "{\"BillingMode\":\"PAY_PER_REQUEST\"}");
    assertEquals(Duration.ofSeconds(3), s.leaseDuration());
    assertEquals(Duration.ofSeconds(20), s.leaseWait());
    assertEquals(TableBilling.PAY_PER_REQUEST, s.billing().get(CacheTable.LEASES));
    assertEquals(TableBilling.provisioned(2, 2), s.billing().get(CacheTable.PRICES));
  }

  @ParameterizedTest
  @ValueSource(strings = {"0", "3601", "ten"})
  void from_invalidLeaseSeconds_failsNamingTheVariable(String value) {
    ConfigurationException e =
        assertThrows(ConfigurationException.class, () -> read("DYNAMO_LEASE_SECONDS", value));
    assertTrue(e.getMessage().startsWith("DYNAMO_LEASE_SECONDS="), e.getMessage());
    assertTrue(e.getMessage().contains("at least 1 and at most 3600"), e.getMessage());
  }

  @Test
  void from_prefixEndpointAndProvisionedConf_readsThemAll() {
    DynamoDbSettings s =
        read(
            "DYNAMO_TABLE_PREFIX",
            "prod-scrilla.",
            "DYNAMO_ENDPOINT",
            "http://127.0.0.1:8000",
            "DYNAMO_CONF",
            "{\"BillingMode\": \"PROVISIONED\", \"ProvisionedThroughput\": "
                + "{\"ReadCapacityUnits\": 123, \"WriteCapacityUnits\": 45}}",
            "DYNAMO_CONF_INTEREST",
            "{\"BillingMode\":\"PAY_PER_REQUEST\"}");
    assertEquals("prod-scrilla.profile", s.tableName(CacheTable.PROFILE));
    assertEquals(Optional.of(URI.create("http://127.0.0.1:8000")), s.endpoint());
    assertEquals(TableBilling.provisioned(123, 45), s.billing().get(CacheTable.PRICES));
    assertEquals(TableBilling.PAY_PER_REQUEST, s.billing().get(CacheTable.INTEREST));
    assertEquals(TableBilling.provisioned(123, 45), s.billing().get(CacheTable.CORRELATIONS));
  }

  @Test
  void parse_throughputWithoutMode_isProvisioned() {
    assertEquals(
        TableBilling.provisioned(1, 2),
        TableBilling.parse(
            "X", "{\"ProvisionedThroughput\":{\"ReadCapacityUnits\":1,\"WriteCapacityUnits\":2}}"));
    assertEquals(TableBilling.PAY_PER_REQUEST, TableBilling.parse("X", "{}"));
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "PAY_PER_REQUEST",
        "{'BillingMode': 'PAY_PER_REQUEST'}",
        "[{\"BillingMode\":\"PAY_PER_REQUEST\"}]",
        "{\"BillingMode\":\"PAY_PER_REQUEST\"} trailing",
        "{\"BillingMode\":\"PAY_PER_REQUEST\",\"BillingMode\":\"PROVISIONED\"}",
        "{\"BillingMode\":\"ON_DEMAND\"}",
        "{\"BillingMode\":1}",
        "{\"Billingmode\":\"PAY_PER_REQUEST\"}",
        "{\"BillingMode\":\"PROVISIONED\"}",
        "{\"BillingMode\":\"PROVISIONED\",\"ProvisionedThroughput\":{\"ReadCapacityUnits\":5}}",
        "{\"BillingMode\":\"PROVISIONED\""
            + ",\"ProvisionedThroughput\":{\"ReadCapacityUnits\":0,\"WriteCapacityUnits\":5}}",
        "{\"BillingMode\":\"PROVISIONED\""
            + ",\"ProvisionedThroughput\":{\"ReadCapacityUnits\":5.5,\"WriteCapacityUnits\":5}}",
        "{\"BillingMode\":\"PROVISIONED\""
            + ",\"ProvisionedThroughput\":{\"ReadCapacityUnits\":\"5\",\"WriteCapacityUnits\":5}}",
        "{\"BillingMode\":\"PROVISIONED\""
            + ",\"ProvisionedThroughput\":{\"ReadCapacityUnits\":5,"
            + "\"WriteCapacityUnits\":5,\"Extra\":1}}",
        "{\"BillingMode\":\"PAY_PER_REQUEST\""
            + ",\"ProvisionedThroughput\":{\"ReadCapacityUnits\":5,\"WriteCapacityUnits\":5}}"
      })
  void from_invalidConf_failsNamingTheVariable(String value) {
    for (String variable :
        new String[] {
          "DYNAMO_CONF",
          "DYNAMO_CONF_PRICES",
          "DYNAMO_CONF_INTEREST",
          "DYNAMO_CONF_PROFILE",
          "DYNAMO_CONF_CORRELATIONS",
          "DYNAMO_CONF_LEASES"
        }) {
      ConfigurationException e =
          assertThrows(ConfigurationException.class, () -> read(variable, value));
      assertTrue(e.getMessage().startsWith(variable + "='"), e.getMessage());
      assertTrue(e.getMessage().contains("PAY_PER_REQUEST"), e.getMessage());
    }
  }

  @ParameterizedTest
  @ValueSource(strings = {"has space", "slash/", "colon:", "tab\tprefix"})
  void from_invalidPrefix_failsNamingTheVariable(String prefix) {
    ConfigurationException e =
        assertThrows(ConfigurationException.class, () -> read("DYNAMO_TABLE_PREFIX", prefix));
    assertTrue(e.getMessage().startsWith("DYNAMO_TABLE_PREFIX="), e.getMessage());
  }

  @ParameterizedTest
  @ValueSource(strings = {"localhost:8000", "ftp://127.0.0.1/", "http://", "not a url"})
  void from_invalidEndpoint_failsNamingTheVariable(String endpoint) {
    ConfigurationException e =
        assertThrows(ConfigurationException.class, () -> read("DYNAMO_ENDPOINT", endpoint));
    assertTrue(e.getMessage().startsWith("DYNAMO_ENDPOINT="), e.getMessage());
  }

  @Test
  void provider_isFoundByServiceLoaderUnderItsName() {
    assertEquals(
        DynamoDbCacheProvider.class,
        Providers.find(CacheProvider.class, "CACHE_MODE", "dynamodb").getClass());
  }
}
