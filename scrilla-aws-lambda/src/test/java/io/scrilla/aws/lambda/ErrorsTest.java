package io.scrilla.aws.lambda;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.scrilla.aws.lambda.TestBed.ProxyAnswer;
import io.scrilla.cache.dynamodb.MotoServerExtension;
import io.scrilla.cache.dynamodb.OperationRecorder;
import io.scrilla.services.http.LocalHttpServer.Reply;
import io.scrilla.services.http.Resources;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Every kind of failure answers {@code {"error": {"type", "message"}}} with the status of its kind
 * behind a proxy: 400 for the caller's mistakes, 502 for the data services, 503 for the cache, 500
 * for the deployment; no answer shows the key, a Java name or a stack trace ({@link
 * TestBed#assertClean}, applied to every answer).
 */
class ErrorsTest {
  @RegisterExtension static final MotoServerExtension MOTO = new MotoServerExtension();

  private static final String WINDOW = "\"start\": \"2021-03-01\", \"end\": \"2021-06-30\"";

  private static TestBed bed;
  private static ScrillaHandler handler;

  @BeforeAll
  static void start() {
    bed = new TestBed(MOTO.endpoint());
    handler = bed.handler();
  }

  @AfterAll
  static void stop() {
    bed.close();
  }

  private static JsonNode invoke(String event) {
    return TestBed.invoke(handler, event);
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "{not json",
        "",
        "   ",
        "[1, 2]",
        "\"risk-profile\"",
        "42",
        "null",
        "{\"function\": \"prices\"} {\"function\": \"var\"}",
        "{\"function\": \"prices\", \"function\": \"var\", \"tickers\": [\"SPY\"]}"
      })
  void malformedEvent_isAClientError(String event) {
    String message = TestBed.error(invoke(event), "malformed_json");
    assertTrue(message.contains("JSON"), message);
    ProxyAnswer proxied = TestBed.viaUrl(handler, event);
    assertEquals(400, proxied.status());
    TestBed.error(proxied.body(), "malformed_json");
  }

  @Test
  void unknownOrMissingFunction_isAClientErrorListingTheFunctions() {
    String message =
        TestBed.error(
            invoke("{\"function\": \"frobnicate\", \"tickers\": [\"SPY\"]}"), "unknown_function");
    assertTrue(message.contains("'frobnicate'") && message.contains("risk-profile"), message);
    message = TestBed.error(invoke("{\"tickers\": [\"SPY\"]}"), "unknown_function");
    assertTrue(message.contains("\"function\""), message);
    TestBed.error(invoke("{\"function\": 7}"), "unknown_function");
    assertEquals(
        400, TestBed.viaUrl(handler, "{\"function\": \"frobnicate\"}").status(), "behind a proxy");
  }

  @ParameterizedTest
  @ValueSource(strings = {"clear-cache", "help", "version", "rp", "interest"})
  void commandsThatDoNotCompute_areForbidden_andRunNothing(String function) {
    Set<String> operations = OperationRecorder.start();
    JsonNode answer;
    try {
      answer = invoke("{\"function\": \"" + function + "\"}");
    } finally {
      OperationRecorder.stop(operations);
    }
    String message = TestBed.error(answer, "forbidden_function");
    assertTrue(message.contains("full names"), message);
    assertEquals(Set.of(), operations, "no DynamoDB call");
  }

  @ParameterizedTest
  @ValueSource(strings = {"", ", \"tickers\": []", ", \"tickers\": null"})
  void missingTickers_isAClientErrorNamingTheKey(String tickers) {
    String message =
        TestBed.error(invoke("{\"function\": \"risk-profile\"" + tickers + "}"), "invalid_input");
    assertTrue(message.contains("risk-profile") && message.contains("\"tickers\""), message);
  }

  @Test
  void unknownKey_namesTheFunctionAndTheKey_andTheKeysAllowed() {
    String message =
        TestBed.error(
            invoke("{\"function\": \"var\", \"tickers\": [\"SPY\"], \"chance\": 0.1}"),
            "invalid_input");
    assertTrue(
        message.contains("var ")
            && message.contains("'chance'")
            && message.contains("probability")
            && !message.contains("debug")
            && !message.contains("quiet"),
        message);
    message =
        TestBed.error(
            invoke("{\"function\": \"var\", \"tickers\": [\"SPY\"], \"steps\": 3}"),
            "invalid_input");
    assertTrue(message.contains("'steps'"), message);
  }

  @Test
  void badValues_areClientErrorsInTheEventsTerms() {
    String message =
        TestBed.error(
            invoke("{\"function\": \"var\", \"tickers\": [\"SPY\"], \"prob\": \"abc\"}"),
            "invalid_input");
    // the option by its key, in whichever of its spellings picocli names it
    assertTrue(message.contains("\"prob") && !message.contains("--prob"), message);
    TestBed.error(
        invoke("{\"function\": \"var\", \"tickers\": [\"SPY\"], \"prob\": 2, " + WINDOW + "}"),
        "invalid_input");
    TestBed.error(
        invoke("{\"function\": \"optimize-portfolio\", \"tickers\": [\"SPY\"], \"sharpe\": 1}"),
        "invalid_input");
    TestBed.error(
        invoke("{\"function\": \"prices\", \"tickers\": [\"SPY\"], \"json\": false}"),
        "invalid_input");
    TestBed.error(invoke("{\"function\": \"prices\", \"tickers\": {\"SPY\": 1}}"), "invalid_input");
    TestBed.error(
        invoke("{\"function\": \"prices\", \"tickers\": [\"SPY\"], \"start\": \"June\"}"),
        "invalid_input");
  }

  @Test
  void fileOptions_areRefused_andNothingIsWritten(@TempDir Path dir) {
    Path file = dir.resolve("out.json");
    String message =
        TestBed.error(
            invoke(
                "{\"function\": \"prices\", \"tickers\": [\"SPY\"], "
                    + WINDOW
                    + ", \"save\": \""
                    + file.toString().replace("\\", "\\\\")
                    + "\"}"),
            "invalid_input");
    assertTrue(message.contains("'save'") && message.contains("files"), message);
    assertFalse(Files.exists(file));
  }

  @Test
  void aTickerStartingWithAt_isATicker_neverAFileToRead(@TempDir Path dir) throws IOException {
    Path file = dir.resolve("args.txt");
    Files.writeString(file, "--save\n" + dir.resolve("leak.json"), StandardCharsets.UTF_8);
    JsonNode answer =
        invoke(
            "{\"function\": \"prices\", \"tickers\": [\"@"
                + file.toString().replace("\\", "\\\\")
                + "\"], "
                + WINDOW
                + "}");
    assertTrue(answer.has("error"), answer.toString());
    assertFalse(Files.exists(dir.resolve("leak.json")));
  }

  @Test
  void unknownTicker_isAClientError_andBesideOthersAnErrorsEntry() {
    ProxyAnswer alone =
        TestBed.viaUrl(
            handler, "{\"function\": \"sharpe-ratio\", \"tickers\": [\"NOPE\"], " + WINDOW + "}");
    assertEquals(400, alone.status());
    String message = TestBed.error(alone.body(), "price_unavailable");
    assertTrue(message.contains("NOPE"), message);

    ProxyAnswer mixed =
        TestBed.viaUrl(
            handler,
            "{\"function\": \"sharpe-ratio\", \"tickers\": [\"SPY\", \"NOPE\"], " + WINDOW + "}");
    assertEquals(200, mixed.status());
    assertTrue(mixed.body().path("SPY").has("sharpe_ratio"), mixed.body().toString());
    assertTrue(mixed.body().path("errors").path("NOPE").asText().contains("NOPE"));
    assertFalse(mixed.body().has("NOPE"));
  }

  @Test
  void dataServiceFailing_isABadGateway_afterTheRetries() {
    bed.overrides.put("DOWN", (q, n) -> Reply.status(500));
    ProxyAnswer answer =
        TestBed.viaUrl(
            handler, "{\"function\": \"prices\", \"tickers\": [\"DOWN\"], " + WINDOW + "}");
    assertEquals(502, answer.status());
    TestBed.error(answer.body(), "service_unavailable");
    long sent = bed.server.queries().stream().filter(q -> "DOWN".equals(q.get("symbol"))).count();
    assertTrue(sent >= 2, "retried: " + sent);
  }

  @Test
  void dataServiceRefusing_isABadGateway_withoutTheKeyItEchoes() {
    bed.overrides.put(
        "QUOTA",
        (q, n) ->
            Reply.json(
                Resources.text("recorded/av_information_daily_limit.json")
                    .replace("{apikey}", q.getOrDefault("apikey", ""))));
    ProxyAnswer quota =
        TestBed.viaUrl(
            handler, "{\"function\": \"prices\", \"tickers\": [\"QUOTA\"], " + WINDOW + "}");
    assertEquals(502, quota.status());
    TestBed.error(quota.body(), "quota_exceeded"); // and assertClean: the key is not shown

    bed.overrides.put(
        "REFUSED", (q, n) -> Reply.json(Resources.bytes("recorded/av_error_invalid_key.json")));
    ProxyAnswer refused =
        TestBed.viaUrl(
            handler, "{\"function\": \"prices\", \"tickers\": [\"REFUSED\"], " + WINDOW + "}");
    assertEquals(502, refused.status());
    TestBed.error(refused.body(), "service_refused");
  }

  @Test
  void cacheUnreachable_isServiceUnavailable() throws IOException {
    int port;
    try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getByName("127.0.0.1"))) {
      port = s.getLocalPort(); // closed again: nothing listens there
    }
    ScrillaHandler broken = bed.handler(Map.of("DYNAMO_ENDPOINT", "http://127.0.0.1:" + port));
    ProxyAnswer answer =
        TestBed.viaUrl(
            broken, "{\"function\": \"prices\", \"tickers\": [\"SPY\"], " + WINDOW + "}");
    assertEquals(503, answer.status());
    TestBed.error(answer.body(), "cache");
  }

  @Test
  void wrongDeployment_isAServerError_withoutTheAwsDetails() {
    ProxyAnswer function =
        TestBed.viaUrl(
            bed.handler(Map.of(Functions.SCRILLA_FUNCTION, "frobnicate")),
            "{\"tickers\": [\"SPY\"]}");
    assertEquals(500, function.status());
    String message = TestBed.error(function.body(), "configuration");
    assertTrue(message.contains(Functions.SCRILLA_FUNCTION), message);

    Map<String, String> noSecret = new HashMap<>();
    noSecret.put(ApiKeys.SECRET, "scrilla/no-such-secret");
    ProxyAnswer secret =
        TestBed.viaUrl(
            bed.handler(noSecret),
            "{\"function\": \"prices\", \"tickers\": [\"SPY\"], " + WINDOW + "}");
    assertEquals(500, secret.status());
    message = TestBed.error(secret.body(), "configuration");
    assertTrue(message.contains("'scrilla/no-such-secret'"), message);
    assertFalse(message.contains("arn:"), message);
  }
}
