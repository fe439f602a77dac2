package io.scrilla.aws.lambda;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.scrilla.aws.lambda.TestBed.ProxyAnswer;
import io.scrilla.commands.Json;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Function URL and API Gateway proxy events (payloads 1.0 and 2.0, plain and base64 bodies) are
 * answered with proxy responses whose body is the direct invocation's answer. Runs on the in-memory
 * cache and the sample data bundled with scrilla: the proxy layer needs no AWS.
 */
class ProxyEventsTest {
  private static ScrillaHandler handler;

  @BeforeAll
  static void start() {
    handler = new ScrillaHandler(Map.of("CACHE_MODE", "memory"));
  }

  private static String direct() {
    return TestBed.respond(handler, TestBed.resource("events/risk-profile.json"));
  }

  @Test
  void apiGatewayEvent_answersAProxyResponse_withTheDirectAnswerAsBody() {
    ProxyAnswer answer =
        TestBed.proxyAnswer(
            TestBed.respond(handler, TestBed.resource("events/proxy-v1-api-gateway.json")));
    assertEquals(200, answer.status());
    assertEquals(Json.parse(direct()), answer.body());
    assertTrue(answer.body().path("SPY").has("annual_return"), answer.body().toString());
  }

  @Test
  void functionUrlEvent_withABase64Body_isDecoded() {
    ProxyAnswer answer =
        TestBed.proxyAnswer(
            TestBed.respond(handler, TestBed.resource("events/proxy-v2-function-url-base64.json")));
    assertEquals(200, answer.status());
    assertEquals(Json.parse(direct()), answer.body());
  }

  @Test
  void requestWithoutBody_isAClientError() {
    ProxyAnswer answer =
        TestBed.proxyAnswer(
            TestBed.respond(handler, TestBed.resource("events/proxy-v2-get-without-body.json")));
    assertEquals(400, answer.status());
    assertTrue(TestBed.error(answer.body(), "malformed_json").contains("POST"));
  }

  @Test
  void bodyMarkedBase64ThatIsNot_isAClientError() {
    ObjectNode event =
        (ObjectNode) Json.parse(TestBed.resource("events/proxy-v1-api-gateway.json"));
    event.put("isBase64Encoded", true);
    event.put("body", "{not base64!}");
    ProxyAnswer answer = TestBed.proxyAnswer(TestBed.respond(handler, Json.write(event)));
    assertEquals(400, answer.status());
    TestBed.error(answer.body(), "malformed_json");
  }

  @Test
  void directEvent_isAnsweredAsItIs_notWrapped() {
    JsonNode answer = Json.parse(direct());
    assertFalse(answer.has("statusCode"));
    assertTrue(answer.has("GLD"), answer.toString());
  }
}
