package io.scrilla.aws.lambda;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.scrilla.api.config.ScrillaConfig;
import io.scrilla.cache.dynamodb.MotoServerExtension;
import io.scrilla.cache.dynamodb.OperationRecorder;
import io.scrilla.commands.Context;
import io.scrilla.commands.Json;
import io.scrilla.commands.ScrillaCommand;
import io.scrilla.core.Scrilla;
import java.io.ByteArrayOutputStream;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import picocli.CommandLine;

/**
 * Every function once, from an event file, against moto and the recorded services: the answer is
 * exactly what the command line prints with {@code --json}, and a second container answers the same
 * event from DynamoDB without any HTTP request (but the dividends', which no table holds).
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class EveryFunctionTest {
  @RegisterExtension static final MotoServerExtension MOTO = new MotoServerExtension();

  private static TestBed bed;
  private static ScrillaHandler handler;

  /** The DynamoDB operations of this class's containers, from their initialisation on. */
  private static Set<String> operations;

  @BeforeAll
  static void start() {
    bed = new TestBed(MOTO.endpoint());
    operations = OperationRecorder.start();
    handler = bed.handler();
  }

  @AfterAll
  static void stop() {
    OperationRecorder.stop(operations);
    bed.close();
  }

  static List<String> functions() {
    return Functions.ALL;
  }

  @ParameterizedTest
  @MethodSource("functions")
  @Order(1)
  void function_answersTheCommandLinesJson_andASecondContainerReadsItFromDynamoDb(String f) {
    String event = TestBed.resource("events/" + f + ".json");
    String first = TestBed.respond(handler, event);
    JsonNode json = Json.parse(first);
    assertFalse(json.has("error"), first);
    assertTrue(json.isContainerNode() && json.size() > 0, first);

    // the command line's own output for the same request: one code path, one serializer
    assertEquals(commandLine(TestBed.resource("events/" + f + ".args").strip().split(" ")), first);

    // a new container has nothing in memory: the answer comes from the DynamoDB tables; only
    // dividends are fetched again, since the deployment guide's tables hold none
    int requests = bed.server.queries().size();
    Set<String> read = OperationRecorder.start();
    String second;
    try {
      second = TestBed.respond(bed.handler(), event);
    } finally {
      OperationRecorder.stop(read);
    }
    assertEquals(first, second);
    List<Map<String, String>> all = bed.server.queries();
    List<Map<String, String>> fetched = all.subList(requests, all.size());
    fetched.forEach(q -> assertEquals("DIVIDENDS", q.get("function"), "fetched again: " + q));
    assertEquals(
        f.equals("dividends") || f.equals("discount-dividend-model") ? 1 : 0,
        fetched.size(),
        "HTTP requests of the second container");
    assertTrue(
        f.equals("dividends")
            || read.contains("Query")
            || read.contains("GetItem")
            || read.contains("BatchGetItem"),
        "read from DynamoDB: " + read);
  }

  @Test
  void everyFunctionServed_isACommandWithJson() {
    CommandLine cl = ScrillaCommand.commandLine(context(new ByteArrayOutputStream()));
    for (String f : Functions.ALL) {
      CommandLine sub = cl.getSubcommands().get(f);
      assertNotNull(sub, f);
      assertEquals(f, sub.getCommandName(), "served by its full name");
      assertNotNull(sub.getCommandSpec().findOption("--json"), f + " --json");
    }
  }

  @Test
  void apiKey_isReadFromTheSecret_andSentToAlphaVantageOnly() {
    JsonNode answer =
        TestBed.invoke(
            handler,
            "{\"function\": \"prices\", \"tickers\": [\"ALLY\"], \"start\": \"2021-06-01\","
                + " \"end\": \"2021-06-04\"}");
    assertTrue(answer.has("ALLY"), answer.toString());
    List<Map<String, String>> ally =
        bed.server.queries().stream().filter(q -> "ALLY".equals(q.get("symbol"))).toList();
    assertFalse(ally.isEmpty());
    ally.forEach(q -> assertEquals(TestBed.KEY, q.get("apikey")));
  }

  /**
   * The template's policy allows exactly the DynamoDB operations that every function called, in a
   * container that initialised and fetched and in containers that read what it stored: no more
   * (least privilege), no less (nothing the function does is refused). The tables exist, as the
   * template creates them, so CreateTable is not among them.
   */
  @Test
  @Order(Integer.MAX_VALUE)
  void policyActions_areExactlyTheOperationsTheFunctionsCalled() {
    JsonNode statement = new SamTemplate(Map.of()).statement("ScrillaDynamoDbCache");
    assertEquals(DeploymentFilesTest.actions(statement, "dynamodb:"), new TreeSet<>(operations));
  }

  /** Runs the command line's code path in this process over the same cache. */
  private static String commandLine(String... args) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    try (Context ctx = context(out)) {
      assertEquals(0, ScrillaCommand.commandLine(ctx).execute(args), String.join(" ", args));
    }
    return out.toString(StandardCharsets.UTF_8).strip();
  }

  private static Context context(OutputStream out) {
    ScrillaConfig config = ApiKeys.resolve(ScrillaConfig.from(bed.environment()));
    return new Context(
        config,
        new PrintStream(out, true, StandardCharsets.UTF_8),
        new PrintStream(OutputStream.nullOutputStream()),
        Scrilla::create);
  }
}
