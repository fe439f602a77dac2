package io.scrilla.aws.lambda;

import io.scrilla.services.http.LocalHttpServer;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Map;

/**
 * Measures the handler in a fresh JVM, as Lambda runs it: the initialisation (creating the handler:
 * reading the key, building the facade, checking the tables), the first invocation (which fetches),
 * a warm invocation of the same event, and a new container in the warm JVM (as after a SnapStart
 * restore) answering it from DynamoDB; prints one line. Not a test: run it against a running {@code
 * moto_server}, once to create the tables, then to measure (each run's local server has a new port,
 * hence a new source identity, so the first invocation fetches again); docs/deploy-aws.md gives the
 * commands.
 *
 * <p>Arguments: the moto endpoint (e.g. {@code http://127.0.0.1:5000}), the table prefix and
 * optionally another {@code CACHE_MODE} ({@code memory}: the handler's own time, without DynamoDB).
 */
public final class ColdStart {
  private static final byte[] EVENT =
      ("{\"function\": \"risk-profile\", \"tickers\": [\"SPY\", \"GLD\"], \"start\":"
              + " \"2021-01-04\", \"end\": \"2021-06-30\"}")
          .getBytes(StandardCharsets.UTF_8);

  private ColdStart() {}

  /**
   * Runs the measurement.
   *
   * @param args the moto endpoint and the table prefix
   */
  public static void main(String[] args) throws IOException, InterruptedException {
    long jvmMillis = ManagementFactory.getRuntimeMXBean().getUptime();
    URI moto = URI.create(args[0]);
    String secret = "scrilla/cold-start-key";
    createSecret(moto, secret);
    try (LocalHttpServer server = TestBed.replay(LocalHttpServer.start(), Map.of())) {
      Map<String, String> env = TestBed.environment(moto, args[1], secret, server);
      if (args.length > 2) {
        env.put("CACHE_MODE", args[2]); // memory: the handler's own time, without DynamoDB
      }
      long t0 = System.nanoTime();
      ScrillaHandler handler = new ScrillaHandler(env);
      long t1 = System.nanoTime();
      String first = handler.respond(EVENT);
      long t2 = System.nanoTime();
      int fetched = server.requests();
      String warm = handler.respond(EVENT);
      long t3 = System.nanoTime();
      // another container in this (now warm) JVM, as after a SnapStart restore: from DynamoDB
      ScrillaHandler restored = new ScrillaHandler(env);
      long t4 = System.nanoTime();
      String cached = restored.respond(EVENT);
      long t5 = System.nanoTime();
      System.out.printf(
          Locale.ROOT,
          "jvm start to main %d ms; initialisation %d ms; first invocation %d ms (%d HTTP"
              + " requests); warm invocation %d ms; new container in the warm JVM: initialisation"
              + " %d ms, invocation from DynamoDB %d ms; HTTP requests after the first: %d; same"
              + " answers: %s%n",
          jvmMillis,
          millis(t0, t1),
          millis(t1, t2),
          fetched,
          millis(t2, t3),
          millis(t3, t4),
          millis(t4, t5),
          server.requests() - fetched,
          first.equals(warm) && first.equals(cached) && !first.contains("\"error\""));
    }
  }

  private static long millis(long from, long to) {
    return (to - from) / 1_000_000;
  }

  /** Creates the secret through moto's HTTP API: no SDK class is loaded before the handler. */
  private static void createSecret(URI moto, String name) throws IOException, InterruptedException {
    HttpRequest request =
        HttpRequest.newBuilder(moto)
            .header("X-Amz-Target", "secretsmanager.CreateSecret")
            .header("Content-Type", "application/x-amz-json-1.1")
            .header(
                "Authorization",
                "AWS4-HMAC-SHA256"
                    + " Credential=testing/20240101/us-east-1/secretsmanager/aws4_request,"
                    + " SignedHeaders=host, Signature=0")
            .POST(
                HttpRequest.BodyPublishers.ofString(
                    "{\"Name\": \"" + name + "\", \"SecretString\": \"" + TestBed.KEY + "\"}"))
            .build();
    HttpResponse<String> r =
        HttpClient.newHttpClient().send(request, HttpResponse.BodyHandlers.ofString());
    if (r.statusCode() != 200 && !r.body().contains("ResourceExists")) {
      throw new IllegalStateException("moto answered " + r.statusCode() + ": " + r.body());
    }
  }
}
