package io.scrilla.aws.lambda;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.scrilla.api.config.ScrillaConfig;
import io.scrilla.cache.dynamodb.MotoServerExtension;
import io.scrilla.cache.dynamodb.OperationRecorder;
import io.scrilla.core.Scrilla;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The container's life: the facade, its clients and the table check are made once, at
 * initialisation; SnapStart's hooks (called directly here, as the runtime calls them around the
 * snapshot) close the network clients and open new ones, and the restored container answers from
 * the tables.
 */
class SnapStartHooksTest {
  @RegisterExtension static final MotoServerExtension MOTO = new MotoServerExtension();

  private static final String EVENT =
      "{\"function\": \"sharpe-ratio\", \"tickers\": [\"GLD\"], \"start\": \"2021-02-01\","
          + " \"end\": \"2021-05-28\", \"risk-free-rate\": 0.001}";

  private static TestBed bed;

  @BeforeAll
  static void start() {
    bed = new TestBed(MOTO.endpoint());
  }

  @AfterAll
  static void stop() {
    bed.close();
  }

  @Test
  void initialisation_buildsTheFacadeAndChecksTheTables_once() {
    AtomicInteger built = new AtomicInteger();
    Function<ScrillaConfig, Scrilla> factory =
        c -> {
          built.incrementAndGet();
          return Scrilla.create(c);
        };
    Set<String> init = OperationRecorder.start();
    ScrillaHandler handler;
    try {
      Map<String, String> env = bed.environment();
      env.put("DYNAMO_TABLE_PREFIX", bed.freshTables());
      handler = new ScrillaHandler(env, factory);
    } finally {
      OperationRecorder.stop(init);
    }
    assertEquals(1, built.get(), "facade built during initialisation");
    assertTrue(handler.container().isOpen());
    assertTrue(init.contains("DescribeTable"), "the table check, at initialisation: " + init);
    for (String itemOperation :
        Set.of("GetItem", "PutItem", "Query", "BatchGetItem", "BatchWriteItem", "CreateTable")) {
      assertFalse(init.contains(itemOperation), "at initialisation: " + init);
    }

    Set<String> invocations = OperationRecorder.start();
    try {
      TestBed.respond(handler, EVENT);
      TestBed.respond(handler, EVENT);
    } finally {
      OperationRecorder.stop(invocations);
    }
    assertEquals(1, built.get(), "invocations reuse the facade");
    assertFalse(invocations.contains("DescribeTable"), "no table check per invocation");
  }

  @Test
  void snapshotHooks_closeTheClients_andTheRestoredContainerAnswersFromTheTables() {
    ScrillaHandler handler = bed.handler();
    Container container = handler.container();
    String before = TestBed.respond(handler, EVENT);
    assertEquals(1, container.facadesBuilt());

    container.beforeCheckpoint(null);
    assertFalse(container.isOpen(), "closed before the snapshot");
    assertEquals(1, container.facadesBuilt());

    int requests = bed.server.requests();
    container.afterRestore(null);
    assertTrue(container.isOpen(), "opened again after the restore");
    assertEquals(2, container.facadesBuilt());
    assertEquals(before, TestBed.respond(handler, EVENT));
    assertEquals(requests, bed.server.requests(), "served from DynamoDB, not fetched again");
  }

  @Test
  void invocationBetweenTheHooks_opensTheFacadeItself() {
    ScrillaHandler handler = bed.handler();
    handler.container().beforeCheckpoint(null);
    assertFalse(handler.container().isOpen());
    assertTrue(TestBed.invoke(handler, EVENT).path("GLD").has("sharpe_ratio"));
    assertTrue(handler.container().isOpen());
  }
}
