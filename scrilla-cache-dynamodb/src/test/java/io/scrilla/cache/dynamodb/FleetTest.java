package io.scrilla.cache.dynamodb;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import io.scrilla.api.config.ScrillaConfig;
import io.scrilla.services.alphavantage.AlphaVantageClient;
import io.scrilla.services.http.LocalHttpServer;
import io.scrilla.services.http.LocalHttpServer.Reply;
import io.scrilla.services.http.LocalHttpServer.Request;
import io.scrilla.services.http.Resources;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * A fleet: several JVM processes ({@link FleetMain}, the facade with {@code CACHE_MODE=dynamodb})
 * share the tables on moto and ask a local HTTP server standing in for AlphaVantage (the recorded
 * SPY answer, renamed to the ticker asked for) for the same histories at once. The server logs each
 * request with its arrival time.
 */
class FleetTest {
  private static final String START = "2021-07-01";
  private static final String END = "2021-11-19";
  private static final int ROWS = 100; // the recorded answer's sessions, all in the range
  private static final String WAITING = "another process is fetching it; waiting for its lease";

  @RegisterExtension static final MotoServerExtension MOTO = new MotoServerExtension();

  @TempDir Path tmp;

  private final String recorded = Resources.text("recorded/spy_compact_response.json");
  private final CountDownLatch releaseHeld = new CountDownLatch(1);
  private final List<Process> started = new ArrayList<>();
  private LocalHttpServer server;
  private String prefix;

  @BeforeEach
  void start() {
    server = LocalHttpServer.start();
    server.on("/warm-up", (q, n) -> Reply.json("{}"));
    server.on("/query", (q, n) -> answer(q.get("symbol")));
    prefix = TestClients.uniquePrefix("fleet");
    // the tables exist before the fleet starts, as in a deployment (their creation is raced in
    // ProvisioningTest)
    ScrillaConfig config =
        ScrillaConfig.builder()
            .set(DynamoDbSettings.DYNAMO_ENDPOINT, MOTO.endpoint().toString())
            .set(DynamoDbSettings.DYNAMO_TABLE_PREFIX, prefix)
            .build();
    DynamoDbCache.open(config).close();
  }

  @AfterEach
  void stop() {
    for (Process p : started) {
      p.destroyForcibly();
    }
    releaseHeld.countDown();
    server.close();
  }

  /** The recorded answer with the ticker asked for. */
  private Reply answer(String symbol) {
    return Reply.json(
        recorded.replace("\"2. Symbol\": \"SPY\"", "\"2. Symbol\": \"" + symbol + "\""));
  }

  /** The variables of every process of a test: the shared tables, the stand-in service. */
  private Map<String, String> fleet(int requestsPerPeriod, int periodSeconds, int leaseSeconds) {
    Map<String, String> v = new LinkedHashMap<>();
    v.put(ScrillaConfig.CACHE_MODE, "dynamodb");
    v.put(DynamoDbSettings.DYNAMO_ENDPOINT, MOTO.endpoint().toString());
    v.put(DynamoDbSettings.DYNAMO_TABLE_PREFIX, prefix);
    v.put(DynamoDbSettings.DYNAMO_LEASE_SECONDS, Integer.toString(leaseSeconds));
    v.put(ScrillaConfig.PRICE_MANAGER, "alpha_vantage");
    v.put(ScrillaConfig.ALPHA_VANTAGE_KEY, "fleet-test-key");
    v.put(AlphaVantageClient.ALPHA_VANTAGE_URL, server.url("/query").toString());
    v.put(ScrillaConfig.ALPHA_VANTAGE_REQUESTS_PER_MINUTE, Integer.toString(requestsPerPeriod));
    v.put(ScrillaConfig.ALPHA_VANTAGE_BUDGET_PERIOD_SECONDS, Integer.toString(periodSeconds));
    return v;
  }

  /** A running process of the fleet and its output files. */
  private record Member(String name, Process process, Path out, Path err) {
    String output() {
      try {
        return "--- "
            + name
            + " stdout:\n"
            + Files.readString(out)
            + "--- stderr:\n"
            + Files.readString(err);
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }

    boolean logged(String text) {
      try {
        return Files.readString(err).contains(text);
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }
  }

  /** Starts {@code java -cp <the test class path> FleetMain START END tickers...}. */
  private Member launch(String name, Map<String, String> variables, String... tickers)
      throws IOException {
    List<String> command = new ArrayList<>();
    command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    command.addAll(List.of("-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC", "-Xshare:auto"));
    command.add("-cp");
    command.add(
        System.getProperty("surefire.test.class.path", System.getProperty("java.class.path")));
    // dummy credentials and a region, as the build gives the tests themselves
    command.addAll(
        List.of(
            "-Daws.accessKeyId=testing",
            "-Daws.secretAccessKey=testing",
            "-Daws.region=us-east-1",
            "-Daws.disableEc2Metadata=true"));
    command.add("-D" + OneRequestAtATime.PROPERTY + "=" + tmp.resolve("dynamo.lock"));
    command.add("-Dscrilla.test.warmUp=" + server.url("/warm-up"));
    variables.forEach((k, v) -> command.add("-D" + k + "=" + v));
    command.add(FleetMain.class.getName());
    command.add(START);
    command.add(END);
    command.addAll(List.of(tickers));
    ProcessBuilder pb = new ProcessBuilder(command);
    // nothing of the environment running the tests may configure the fleet
    pb.environment()
        .keySet()
        .removeIf(
            k ->
                k.startsWith("ALPHA_VANTAGE")
                    || k.startsWith("DYNAMO_")
                    || k.startsWith("SCRILLA_")
                    || k.startsWith("AWS_")
                    || k.endsWith("_MANAGER")
                    || Set.of("CACHE_MODE", "SQLITE_FILE", "LOG_LEVEL").contains(k));
    Path out = tmp.resolve(name + ".out");
    Path err = tmp.resolve(name + ".err");
    pb.redirectOutput(out.toFile()).redirectError(err.toFile());
    Process p = pb.start();
    started.add(p);
    return new Member(name, p, out, err);
  }

  /** Waits for every member to end and checks each printed every ticker with all its rows. */
  private static void assertAllSucceed(List<Member> members, Map<Member, List<String>> asked)
      throws Exception {
    for (Member m : members) {
      if (!m.process().waitFor(120, TimeUnit.SECONDS)) {
        fail(m.name() + " did not end within 120 s\n" + m.output());
      }
      assertEquals(0, m.process().exitValue(), m.output());
      List<String> want =
          asked.get(m).stream().map(t -> "OK " + t + " " + ROWS).collect(Collectors.toList());
      assertEquals(want, Files.readAllLines(m.out()), m.output());
    }
  }

  private static void await(String what, Duration within, BooleanSupplier condition)
      throws InterruptedException {
    long deadline = System.nanoTime() + within.toNanos();
    while (!condition.getAsBoolean()) {
      if (System.nanoTime() > deadline) {
        fail("not within " + within + ": " + what);
      }
      Thread.sleep(50);
    }
  }

  private List<Request> queries() {
    return server.received().stream().filter(r -> r.path().equals("/query")).toList();
  }

  private Map<String, Long> requestsPerTicker() {
    return queries().stream()
        .collect(
            Collectors.groupingBy(
                r -> r.query().get("symbol"), TreeMap::new, Collectors.counting()));
  }

  @Test
  void fourProcessesAskingForEightHistoriesUnderABudget_fetchEachOnceAndNeverExceedIt()
      throws Exception {
    int perPeriod = 3;
    Duration period = Duration.ofSeconds(2);
    Map<String, String> vars = fleet(perPeriod, (int) period.toSeconds(), 30);
    List<String> tickers = List.of("AAPL", "MSFT", "GLD", "DIS", "SPY", "QQQ", "IWM", "TLT");
    Map<Member, List<String>> asked = new LinkedHashMap<>();
    Instant launched = Instant.now();
    for (int k = 0; k < 4; k++) {
      // every process asks for every ticker, each starting elsewhere
      List<String> mine = new ArrayList<>();
      for (int j = 0; j < tickers.size(); j++) {
        mine.add(tickers.get((2 * k + j) % tickers.size()));
      }
      asked.put(launch("p" + k, vars, mine.toArray(String[]::new)), mine);
    }
    assertAllSucceed(new ArrayList<>(asked.keySet()), asked);
    Instant ended = Instant.now();
    Map<String, Long> once = new TreeMap<>();
    tickers.forEach(t -> once.put(t, 1L));
    assertEquals(once, requestsPerTicker(), "requests per history");
    List<Instant> arrivals = queries().stream().map(Request::at).sorted().toList();
    System.err.printf(
        "fleet: launch to first request %s, first to last %s, last to end %s%n",
        Duration.between(launched, arrivals.get(0)),
        Duration.between(arrivals.get(0), arrivals.get(7)),
        Duration.between(arrivals.get(7), ended));
    // no window of the period holds more than the budget: any budget + 1 requests span it
    for (int i = 0; i + perPeriod < arrivals.size(); i++) {
      Duration span = Duration.between(arrivals.get(i), arrivals.get(i + perPeriod));
      assertTrue(
          span.compareTo(period) >= 0,
          (perPeriod + 1) + " requests within " + span + ": " + arrivals);
    }
    // so the fleet waited: eight requests at three per period need two periods at least
    assertTrue(
        Duration.between(arrivals.get(0), arrivals.get(7)).compareTo(period.multipliedBy(2)) >= 0,
        arrivals.toString());
    assertTrue(
        asked.keySet().stream().anyMatch(m -> m.logged("shared request budget")),
        "some process waited for the budget");
    assertTrue(
        asked.keySet().stream().anyMatch(m -> m.logged(WAITING)),
        "some process waited for another's fetch");
  }

  @Test
  void killedLeaseHolder_blocksTheOthersOnlyUntilItsLeaseEnds() throws Exception {
    int leaseSeconds = 2;
    Duration lease = Duration.ofSeconds(leaseSeconds);
    Map<String, String> vars = fleet(100, 60, leaseSeconds);
    // the first request for SPY is never answered: its process holds the lease while it waits
    server.on(
        "/query",
        (q, n) -> n == 1 ? answer(q.get("symbol")).heldBy(releaseHeld) : answer(q.get("symbol")));
    Member holder = launch("holder", vars, "SPY");
    await("the holder's request", Duration.ofSeconds(60), () -> queries().size() == 1);
    Instant held = queries().get(0).at();
    Member w1 = launch("waiter1", vars, "SPY");
    Member w2 = launch("waiter2", vars, "SPY");
    await(
        "both waiters waiting for the lease",
        Duration.ofSeconds(60),
        () -> w1.logged(WAITING) && w2.logged(WAITING));
    // the holder keeps its lease for longer than the lease duration by renewing it
    Instant renewedPast = held.plus(lease.multipliedBy(2));
    Duration left = Duration.between(Instant.now(), renewedPast);
    if (!left.isNegative()) {
      Thread.sleep(left.toMillis());
    }
    assertEquals(1, queries().size(), "nobody fetched while the holder lived");
    holder.process().destroyForcibly();
    assertTrue(holder.process().waitFor(30, TimeUnit.SECONDS));
    Instant killed = Instant.now();
    assertAllSucceed(List.of(w1, w2), Map.of(w1, List.of("SPY"), w2, List.of("SPY")));
    List<Request> q = queries();
    assertEquals(2, q.size(), "one fetch by a waiter after the holder died: " + q);
    Duration after = Duration.between(killed, q.get(1).at());
    // the lease ends at most one lease duration after its last renewal, which came at most a
    // third of it before the kill; the waiters poll every quarter of it at most
    assertTrue(after.compareTo(lease.plusMillis(1500)) <= 0, "fetched " + after + " after");
    assertTrue(after.compareTo(lease.dividedBy(2)) >= 0, "fetched " + after + " after");
    // one waiter fetched (its HTTP client logs the request at debug); the other read the cache
    assertEquals(
        1,
        List.of(w1, w2).stream().filter(m -> m.logged("GET AlphaVantage")).count(),
        w1.output() + w2.output());
  }
}
