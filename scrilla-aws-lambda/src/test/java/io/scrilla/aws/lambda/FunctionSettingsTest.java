package io.scrilla.aws.lambda;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.scrilla.aws.lambda.TestBed.ProxyAnswer;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * {@code SCRILLA_FUNCTION} fixes the function, {@code SCRILLA_FUNCTIONS_ALLOWED} limits them, and a
 * wrong value of either answers a configuration error. Runs on the in-memory cache and the sample
 * data bundled with scrilla.
 */
class FunctionSettingsTest {
  private static final String WINDOW = "\"start\": \"2021-01-04\", \"end\": \"2021-06-30\"";

  private static ScrillaHandler handler(Map<String, String> settings) {
    Map<String, String> env = new HashMap<>(settings);
    env.put("CACHE_MODE", "memory");
    return new ScrillaHandler(env);
  }

  @Test
  void fixedFunction_servesEventsWithoutFunction_andRefusesOthers() {
    ScrillaHandler h = handler(Map.of(Functions.SCRILLA_FUNCTION, "sharpe-ratio"));
    JsonNode answer = TestBed.invoke(h, "{\"tickers\": [\"SPY\"], " + WINDOW + "}");
    assertTrue(answer.path("SPY").has("sharpe_ratio"), answer.toString());
    assertEquals(
        answer,
        TestBed.invoke(
            h, "{\"function\": \"sharpe-ratio\", \"tickers\": [\"SPY\"], " + WINDOW + "}"));
    ProxyAnswer other =
        TestBed.viaUrl(h, "{\"function\": \"correlation\", \"tickers\": [\"SPY\", \"GLD\"]}");
    assertEquals(400, other.status());
    String message = TestBed.error(other.body(), "forbidden_function");
    assertTrue(message.contains("only sharpe-ratio") && message.contains("SCRILLA_FUNCTION"));
  }

  @Test
  void allowedList_limitsTheFunctions() {
    ScrillaHandler h = handler(Map.of(Functions.SCRILLA_FUNCTIONS_ALLOWED, " prices, risk-free "));
    JsonNode prices =
        TestBed.invoke(h, "{\"function\": \"prices\", \"tickers\": [\"GLD\"], " + WINDOW + "}");
    assertTrue(prices.has("GLD"), prices.toString());
    String message =
        TestBed.error(
            TestBed.invoke(h, "{\"function\": \"correlation\", \"tickers\": [\"SPY\", \"GLD\"]}"),
            "forbidden_function");
    assertTrue(message.contains("prices, risk-free"), message);
    message = TestBed.error(TestBed.invoke(h, "{\"tickers\": [\"SPY\"]}"), "unknown_function");
    assertTrue(message.contains("prices, risk-free"), message);
  }

  @Test
  void wrongSettings_answerAConfigurationError() {
    for (Map<String, String> settings :
        List.of(
            Map.of(Functions.SCRILLA_FUNCTIONS_ALLOWED, "prices,frobnicate"),
            Map.of(Functions.SCRILLA_FUNCTIONS_ALLOWED, " , "),
            Map.of(Functions.SCRILLA_FUNCTION, "clear-cache"),
            Map.of(
                Functions.SCRILLA_FUNCTION, "var", Functions.SCRILLA_FUNCTIONS_ALLOWED, "prices"),
            Map.of(ApiKeys.SECRET, "a", ApiKeys.PARAMETER, "/b"))) {
      ProxyAnswer answer =
          TestBed.viaUrl(handler(settings), "{\"function\": \"prices\", \"tickers\": [\"SPY\"]}");
      assertEquals(500, answer.status(), settings.toString());
      TestBed.error(answer.body(), "configuration");
    }
  }

  @Test
  void withoutCacheMode_theCacheIsDynamoDb() throws IOException {
    int port;
    try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getByName("127.0.0.1"))) {
      port = s.getLocalPort(); // closed again: no DynamoDB there, and no call leaves the machine
    }
    ScrillaHandler h = new ScrillaHandler(Map.of("DYNAMO_ENDPOINT", "http://127.0.0.1:" + port));
    ProxyAnswer answer =
        TestBed.viaUrl(h, "{\"function\": \"prices\", \"tickers\": [\"SPY\"], " + WINDOW + "}");
    assertEquals(503, answer.status());
    assertTrue(TestBed.error(answer.body(), "cache").contains("DynamoDB"), answer.toString());
  }
}
