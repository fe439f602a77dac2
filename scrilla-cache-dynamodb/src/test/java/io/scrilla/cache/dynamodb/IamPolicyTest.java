package io.scrilla.cache.dynamodb;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.scrilla.api.config.ScrillaConfig;
import io.scrilla.api.model.Asset;
import io.scrilla.api.model.CorrelationKey;
import io.scrilla.api.model.DateRange;
import io.scrilla.api.model.EstimationMethod;
import io.scrilla.api.model.Maturity;
import io.scrilla.api.model.PriceHistory;
import io.scrilla.api.model.ProfileKey;
import io.scrilla.api.model.RiskProfile;
import io.scrilla.api.model.SourceId;
import io.scrilla.api.model.YieldCurve;
import io.scrilla.api.spi.Cache;
import io.scrilla.api.spi.CacheProvider;
import io.scrilla.api.spi.Providers;
import io.scrilla.api.spi.RequestBudget;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The committed IAM policy ({@code iam-policy.json}) allows exactly the DynamoDB operations the
 * backend calls: a full workload from a cold start records every operation (a global SDK
 * interceptor, {@link OperationRecorder}), and every action of the policy must have been used and
 * every operation used in this test run must be allowed (the class runs last, see {@code
 * junit-platform.properties}).
 */
@Order(Integer.MAX_VALUE)
class IamPolicyTest {
  private static final SourceId SRC = SourceId.of("test");

  @RegisterExtension static final MotoServerExtension MOTO = new MotoServerExtension();

  private static JsonNode policy() throws IOException {
    return new ObjectMapper().readTree(Path.of("iam-policy.json").toFile());
  }

  private static Set<String> allowedOperations(JsonNode policy) {
    Set<String> ops = new TreeSet<>();
    for (JsonNode statement : policy.get("Statement")) {
      assertEquals("Allow", statement.get("Effect").asText());
      for (JsonNode action : statement.get("Action")) {
        String a = action.asText();
        assertTrue(a.startsWith("dynamodb:") && !a.contains("*"), "no wildcard actions: " + a);
        ops.add(a.substring("dynamodb:".length()));
      }
    }
    return ops;
  }

  @Test
  void policy_resources_areTheFivePrefixedTablesOnly() throws IOException {
    Set<String> resources = new TreeSet<>();
    for (JsonNode statement : policy().get("Statement")) {
      statement.get("Resource").forEach(r -> resources.add(r.asText()));
    }
    Set<String> expected = new TreeSet<>();
    for (String t : List.of("prices", "interest", "profile", "correlations", "leases")) {
      expected.add("arn:aws:dynamodb:*:*:table/${prefix}" + t);
    }
    assertEquals(expected, resources);
  }

  @Test
  void policy_actions_equalTheOperationsTheBackendCalls() throws IOException {
    Set<String> used = OperationRecorder.start();
    try {
      ScrillaConfig config =
          ScrillaConfig.builder()
              .cacheMode("dynamodb")
              .set("DYNAMO_ENDPOINT", MOTO.endpoint().toString())
              .set("DYNAMO_TABLE_PREFIX", TestClients.uniquePrefix("iam"))
              .build();
      try (Cache cache =
          Providers.find(CacheProvider.class, "CACHE_MODE", "dynamodb").open(config)) {
        workload(cache);
      }
    } finally {
      OperationRecorder.stop(used);
    }
    Set<String> allowed = allowedOperations(policy());
    assertEquals(allowed, new TreeSet<>(used), "operations of one full workload");
    Set<String> everUsed = OperationRecorder.all();
    everUsed.removeAll(allowed);
    assertEquals(
        Set.of(),
        everUsed,
        "operations the backend called in this test run but the policy forbids");
  }

  /** Every operation of the Cache API once, with its coordination: a lease and a spent budget. */
  private static void workload(Cache cache) {
    LocalDate d0 = LocalDate.of(2021, 1, 4);
    DateRange range = DateRange.of(d0, d0.plusDays(9));
    Asset spy = Asset.equity("SPY");
    Asset gld = Asset.equity("GLD");
    cache
        .prices()
        .put(
            SRC,
            PriceHistory.ofCloses(spy, new int[] {(int) d0.toEpochDay()}, new double[] {370.0}));
    cache.prices().get(SRC, spy, range);
    cache.interest().put(SRC, List.of(new YieldCurve(d0, Map.of(Maturity.ONE_YEAR, 0.001))));
    cache.interest().get(SRC, range);
    ProfileKey pk = new ProfileKey(SRC, spy, range, EstimationMethod.MOMENTS, false);
    cache.profiles().put(pk, new RiskProfile(0.1, 0.2));
    cache.profiles().get(pk);
    CorrelationKey ck = CorrelationKey.of(SRC, spy, gld, range, EstimationMethod.MOMENTS, false);
    cache.correlations().put(ck, 0.5);
    cache.correlations().get(ck);
    cache.correlations().putAll(Map.of(ck, 0.25));
    cache.correlations().getAll(List.of(ck));
    cache.coordination().exclusively("prices|test|SPY", () -> cache.prices().get(SRC, spy, range));
    RequestBudget budget = cache.coordination().budget("iam", 1, Duration.ofMinutes(1));
    assertEquals(Duration.ZERO, budget.tryTake());
    assertTrue(budget.tryTake().compareTo(Duration.ofSeconds(50)) > 0, "the budget is spent");
    cache.clear();
  }
}
