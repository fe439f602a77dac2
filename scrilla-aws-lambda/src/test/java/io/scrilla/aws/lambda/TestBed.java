package io.scrilla.aws.lambda;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.scrilla.cache.dynamodb.CacheTable;
import io.scrilla.cache.dynamodb.OperationRecorder;
import io.scrilla.cache.dynamodb.TableBilling;
import io.scrilla.cache.dynamodb.internal.TableDefinitions;
import io.scrilla.commands.Json;
import io.scrilla.services.http.LocalHttpServer;
import io.scrilla.services.http.LocalHttpServer.Reply;
import io.scrilla.services.http.Resources;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.BiFunction;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.secretsmanager.SecretsManagerClient;

/**
 * What the handler's tests run against: the moto server (DynamoDB and Secrets Manager on one
 * endpoint), the five tables created as the SAM template creates them (so the handler only checks
 * them), the API key in a secret, and a local HTTP server replaying recorded AlphaVantage and
 * Treasury answers and counting requests.
 */
final class TestBed implements AutoCloseable {
  /** The API key in the secret; no response may show it. */
  static final String KEY = "LAMBDAKEY42SECRET";

  /** The local server's AlphaVantage path. */
  static final String QUERY = "/query";

  /** The local server's Treasury path. */
  static final String TREASURY = "/treasury";

  private static final AtomicInteger BEDS = new AtomicInteger();

  /** Texts that would show internals: Java names, stack frames. */
  private static final List<String> INTERNALS =
      List.of(
          "exception",
          "io.scrilla",
          "java.",
          "javax.",
          "software.amazon",
          "com.fasterxml",
          "picocli.",
          "\tat ",
          "stacktrace");

  final URI moto;
  final String prefix;
  final String secretName;
  final LocalHttpServer server = LocalHttpServer.start();

  /** Answers that replace the recorded ones, by ticker (failure tests). */
  final Map<String, BiFunction<Map<String, String>, Integer, Reply>> overrides =
      new ConcurrentHashMap<>();

  TestBed(URI moto) {
    this.moto = moto;
    int n = BEDS.incrementAndGet();
    this.prefix = "lambda" + n + "_";
    this.secretName = "scrilla/test-key-" + n;
    replay(server, overrides);
    createTables(prefix);
    try (SecretsManagerClient secrets = secrets()) {
      secrets.createSecret(r -> r.name(secretName).secretString(KEY));
    }
  }

  /** The function's environment, as the SAM template sets it, pointed at the local servers. */
  Map<String, String> environment() {
    return environment(moto, prefix, secretName, server);
  }

  /** The function's environment for a moto endpoint, a table prefix, a secret and a server. */
  static Map<String, String> environment(
      URI moto, String prefix, String secretName, LocalHttpServer server) {
    Map<String, String> env = new LinkedHashMap<>();
    env.put("CACHE_MODE", "dynamodb");
    env.put("DYNAMO_TABLE_PREFIX", prefix);
    env.put("DYNAMO_CONF", "{\"BillingMode\": \"PAY_PER_REQUEST\"}");
    env.put("DYNAMO_ENDPOINT", moto.toString());
    env.put(ApiKeys.SECRET, secretName);
    env.put(ApiKeys.SECRETS_MANAGER_ENDPOINT, moto.toString());
    env.put("ALPHA_VANTAGE_URL", server.url(QUERY).toString());
    env.put("TREASURY_URL", server.url(TREASURY).toString());
    // a shared request budget far above what the tests send: they must not wait for it
    env.put("ALPHA_VANTAGE_REQUESTS_PER_MINUTE", "100000");
    return env;
  }

  /** Returns a handler in a new container (its own facade) over this bed. */
  ScrillaHandler handler() {
    return new ScrillaHandler(environment());
  }

  /**
   * Returns a handler in a new container with variables added to (or, when null, removed from) the
   * bed's.
   */
  ScrillaHandler handler(Map<String, String> changes) {
    Map<String, String> env = environment();
    changes.forEach(
        (k, v) -> {
          if (v == null) {
            env.remove(k);
          } else {
            env.put(k, v);
          }
        });
    return new ScrillaHandler(env);
  }

  /** Returns the text of a test resource, e.g. {@code events/prices.json}. */
  static String resource(String name) {
    return Resources.text(name);
  }

  /** Answers an event and checks that the answer shows no internals and no key. */
  static String respond(ScrillaHandler handler, String event) {
    String answer = handler.respond(event.getBytes(StandardCharsets.UTF_8));
    assertClean(answer);
    return answer;
  }

  /** Answers an event and returns the parsed answer. */
  static JsonNode invoke(ScrillaHandler handler, String event) {
    return Json.parse(respond(handler, event));
  }

  /** A proxy answer: the status and the parsed body. */
  record ProxyAnswer(int status, JsonNode body) {}

  /**
   * Sends a body as a function URL event (payload 2.0) and returns the proxy response's status and
   * parsed body, checking the response's shape.
   */
  static ProxyAnswer viaUrl(ScrillaHandler handler, String body) {
    ObjectNode event = Json.object();
    event.put("version", "2.0");
    event.put("routeKey", "$default");
    event.put("rawPath", "/");
    event.putObject("headers").put("content-type", "application/json");
    event.putObject("requestContext").putObject("http").put("method", "POST").put("path", "/");
    event.put("body", body);
    event.put("isBase64Encoded", false);
    return proxyAnswer(respond(handler, Json.write(event)));
  }

  /** Checks a proxy response's shape and returns its status and parsed body. */
  static ProxyAnswer proxyAnswer(String response) {
    JsonNode r = Json.parse(response);
    assertEquals(3, r.size(), response);
    assertEquals("application/json", r.path("headers").path("Content-Type").asText(), response);
    assertEquals(1, r.path("headers").size(), response);
    assertTrue(r.path("statusCode").isInt(), response);
    assertTrue(r.path("body").isTextual(), response);
    return new ProxyAnswer(r.get("statusCode").intValue(), Json.parse(r.get("body").textValue()));
  }

  /** Fails when a response shows the key, a Java name or a stack trace. */
  static void assertClean(String response) {
    String lower = response.toLowerCase(Locale.ROOT);
    assertFalse(lower.contains(KEY.toLowerCase(Locale.ROOT)), "the key in " + response);
    for (String s : INTERNALS) {
      assertFalse(lower.contains(s), "'" + s + "' in " + response);
    }
  }

  /** Checks an error answer's type and returns its message. */
  static String error(JsonNode answer, String type) {
    assertTrue(answer.has("error"), "an error: " + answer);
    JsonNode e = answer.get("error");
    assertTrue(type.equals(e.path("type").asText()), "type " + type + ": " + answer);
    assertTrue(e.path("message").isTextual() && !e.path("message").asText().isBlank());
    assertTrue(e.size() == 2 && answer.size() == 1, "only type and message: " + answer);
    return e.get("message").asText();
  }

  /**
   * Creates the tables under a prefix no handler of this JVM has used, so that the next container
   * checks them (the check is remembered per table for the process); returns the prefix.
   */
  String freshTables() {
    String fresh = "fresh" + BEDS.incrementAndGet() + "_";
    createTables(fresh);
    return fresh;
  }

  /**
   * Creates the five tables as the template does (the leases table with its time to live), with a
   * client whose calls are not recorded.
   */
  void createTables(String tablePrefix) {
    try (DynamoDbClient setup = dynamo()) {
      for (CacheTable t : CacheTable.values()) {
        setup.createTable(
            TableDefinitions.createRequest(
                t, t.tableName(tablePrefix), TableBilling.PAY_PER_REQUEST));
      }
      // the template turns on the leases table's time to live; the function only checks it
      setup.updateTimeToLive(
          r ->
              r.tableName(CacheTable.LEASES.tableName(tablePrefix))
                  .timeToLiveSpecification(
                      t -> t.enabled(true).attributeName(TableDefinitions.EXPIRES_AT)));
    }
  }

  DynamoDbClient dynamo() {
    return DynamoDbClient.builder()
        .endpointOverride(moto)
        .region(Region.US_EAST_1)
        .credentialsProvider(credentials())
        .httpClientBuilder(UrlConnectionHttpClient.builder())
        .overrideConfiguration(o -> o.addExecutionInterceptor(OperationRecorder.setupMarker()))
        .build();
  }

  SecretsManagerClient secrets() {
    return SecretsManagerClient.builder()
        .endpointOverride(moto)
        .region(Region.US_EAST_1)
        .credentialsProvider(credentials())
        .httpClientBuilder(UrlConnectionHttpClient.builder())
        .build();
  }

  static StaticCredentialsProvider credentials() {
    return StaticCredentialsProvider.create(AwsBasicCredentials.create("testing", "testing"));
  }

  /**
   * Makes the server replay recorded AlphaVantage ({@value #QUERY}) and Treasury ({@value
   * #TREASURY}) answers: a ticker's recorded prices or dividends, AlphaVantage's answer for an
   * unknown symbol otherwise, unless an override answers for the ticker.
   */
  static LocalHttpServer replay(
      LocalHttpServer server,
      Map<String, BiFunction<Map<String, String>, Integer, Reply>> overrides) {
    server.on(QUERY, (q, n) -> alphaVantage(overrides, q, n));
    server.on(TREASURY, (q, n) -> treasury(q));
    return server;
  }

  private static Reply alphaVantage(
      Map<String, BiFunction<Map<String, String>, Integer, Reply>> overrides,
      Map<String, String> q,
      int n) {
    String symbol = q.getOrDefault("symbol", "");
    BiFunction<Map<String, String>, Integer, Reply> o = overrides.get(symbol);
    if (o != null) {
      return o.apply(q, n);
    }
    String name =
        "DIVIDENDS".equals(q.get("function"))
            ? "recorded/" + symbol.toLowerCase(Locale.ROOT) + "_dividends.json"
            : "fixtures/" + symbol.toLowerCase(Locale.ROOT) + "_response.json";
    if (TestBed.class.getClassLoader().getResource(name) == null) {
      name = "recorded/av_error_unknown_symbol.json";
    }
    return Reply.json(Resources.bytes(name));
  }

  private static Reply treasury(Map<String, String> q) {
    String name = "recorded/treasury_" + q.getOrDefault("field_tdr_date_value", "") + ".xml";
    if (TestBed.class.getClassLoader().getResource(name) == null) {
      return Reply.status(404);
    }
    return Reply.xml(Resources.bytes(name));
  }

  @Override
  public void close() {
    server.close();
  }
}
