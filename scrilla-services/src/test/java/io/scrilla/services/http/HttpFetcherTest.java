package io.scrilla.services.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.scrilla.api.error.ServiceException;
import io.scrilla.api.spi.RequestBudget;
import io.scrilla.services.http.LocalHttpServer.Reply;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.OptionalInt;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class HttpFetcherTest {
  private final LocalHttpServer server = LocalHttpServer.start();
  private final FakeTime time = new FakeTime();
  private final CountDownLatch release = new CountDownLatch(1);

  @AfterEach
  void stop() {
    release.countDown();
    server.close();
  }

  private HttpFetcher fetcher(HttpSettings.Builder b) {
    return HttpFetcher.create(b.build(), time);
  }

  private static HttpSettings.Builder settings() {
    return HttpSettings.builder()
        .requestTimeout(Duration.ofSeconds(10))
        .maxAttempts(3)
        .initialBackoff(Duration.ofSeconds(2))
        .maxBackoff(Duration.ofSeconds(30))
        .maxRetryTime(Duration.ofMinutes(10))
        .quotaWait(Duration.ofSeconds(60))
        .quotaRetries(2);
  }

  private FetchRequest request(String path) {
    return FetchRequest.of(server.url(path), "test " + path, Redactor.none(), "json");
  }

  private static String text(byte[] body) {
    return new String(body, StandardCharsets.UTF_8);
  }

  private static void assertJittered(Duration nominal, Duration actual) {
    long n = nominal.toNanos();
    assertTrue(
        actual.toNanos() >= n / 2 && actual.toNanos() <= n,
        "wait " + actual + " outside [" + nominal.dividedBy(2) + ", " + nominal + "]");
  }

  @Test
  void get_success_returnsParsedBodyAfterOneRequest() {
    server.script("/a", Reply.json("{\"x\":1}"));
    String body = fetcher(settings()).get(request("/a"), (b, t) -> text(b));
    assertEquals("{\"x\":1}", body);
    assertEquals(1, server.requests("/a"));
    assertTrue(time.sleeps().isEmpty());
  }

  @Test
  void get_503ThenSuccess_retriesOnceAfterJitteredBackoff() {
    server.script("/a", Reply.status(503), Reply.json("{}"));
    String body = fetcher(settings()).get(request("/a"), (b, t) -> text(b));
    assertEquals("{}", body);
    assertEquals(2, server.requests("/a"));
    assertEquals(1, time.sleeps().size());
    assertJittered(Duration.ofSeconds(2), time.sleeps().get(0));
  }

  @Test
  void get_500Always_failsRetryableAfterMaxAttemptsWithGrowingBackoff() {
    server.script("/a", Reply.status(500));
    ServiceException e =
        assertThrows(
            ServiceException.class,
            () -> fetcher(settings()).get(request("/a"), (b, t) -> text(b)));
    assertEquals(3, server.requests("/a"));
    assertTrue(e.retryable());
    assertEquals(OptionalInt.of(500), e.httpStatus());
    assertTrue(
        e.getMessage().contains("HTTP 500") && e.getMessage().contains("3 attempts"),
        e.getMessage());
    List<Duration> sleeps = time.sleeps();
    assertEquals(2, sleeps.size());
    assertJittered(Duration.ofSeconds(2), sleeps.get(0));
    assertJittered(Duration.ofSeconds(4), sleeps.get(1));
  }

  @Test
  void get_429WithRetryAfter_waitsTheSecondsAskedFor() {
    server.script("/a", Reply.status(429).header("Retry-After", "7"), Reply.json("{}"));
    fetcher(settings()).get(request("/a"), (b, t) -> text(b));
    assertEquals(2, server.requests("/a"));
    assertEquals(List.of(Duration.ofSeconds(7)), time.sleeps());
  }

  @Test
  void get_429Always_throwsQuotaExceeded() {
    server.script("/a", Reply.status(429));
    QuotaExceededException e =
        assertThrows(
            QuotaExceededException.class,
            () -> fetcher(settings()).get(request("/a"), (b, t) -> text(b)));
    assertEquals(3, server.requests("/a"));
    assertTrue(e.retryable());
    assertEquals(OptionalInt.of(429), e.httpStatus());
  }

  @Test
  void get_404_failsAtOnceNotRetryable() {
    server.script("/a", Reply.status(404));
    ServiceException e =
        assertThrows(
            ServiceException.class,
            () -> fetcher(settings()).get(request("/a"), (b, t) -> text(b)));
    assertEquals(1, server.requests("/a"));
    assertFalse(e.retryable());
    assertEquals(OptionalInt.of(404), e.httpStatus());
    assertTrue(time.sleeps().isEmpty());
  }

  @Test
  void get_htmlWhereJsonExpected_failsAtOnceNamingTheType() {
    server.script(
        "/a",
        Reply.ok(
            "text/html; charset=utf-8",
            "<html>maintenance</html>".getBytes(StandardCharsets.UTF_8)));
    AtomicInteger parsed = new AtomicInteger();
    ServiceException e =
        assertThrows(
            ServiceException.class,
            () -> fetcher(settings()).get(request("/a"), (b, t) -> parsed.incrementAndGet()));
    assertEquals(1, server.requests("/a"));
    assertEquals(0, parsed.get());
    assertFalse(e.retryable());
    assertTrue(e.getMessage().contains("text/html"), e.getMessage());
  }

  @Test
  void get_answerSlowerThanRequestTimeout_timesOutAndRetries() {
    HttpFetcher f = fetcher(settings().requestTimeout(Duration.ofSeconds(1)).maxAttempts(2));
    server.script("/warm", Reply.json("{}"));
    f.get(request("/warm"), (b, t) -> text(b)); // loads the client's classes before timing matters
    server.script("/a", Reply.json("{}").heldBy(release));
    ServiceException e =
        assertThrows(ServiceException.class, () -> f.get(request("/a"), (b, t) -> text(b)));
    assertEquals(2, server.requests("/a"), e.getMessage());
    assertEquals(1, time.sleeps().size());
    assertTrue(e.retryable());
    assertTrue(e.httpStatus().isEmpty());
    assertTrue(e.getMessage().contains("within 1.0 s"), e.getMessage());
  }

  @Test
  void get_connectionRefused_retriedThenFailsRetryable() throws IOException {
    int port;
    try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      port = s.getLocalPort();
    }
    FetchRequest r =
        FetchRequest.of(
            URI.create("http://127.0.0.1:" + port + "/x"), "closed port", Redactor.none());
    ServiceException e =
        assertThrows(ServiceException.class, () -> fetcher(settings()).get(r, (b, t) -> text(b)));
    assertTrue(e.retryable());
    assertEquals(2, time.sleeps().size());
    assertTrue(e.getMessage().contains("closed port"), e.getMessage());
  }

  @Test
  void get_retryTimeLimit_stopsBeforeMaxAttempts() {
    server.script("/a", Reply.status(503));
    HttpSettings.Builder s =
        settings()
            .maxAttempts(20)
            .initialBackoff(Duration.ofSeconds(10))
            .maxBackoff(Duration.ofSeconds(10))
            .maxRetryTime(Duration.ofSeconds(25));
    ServiceException e =
        assertThrows(
            ServiceException.class, () -> fetcher(s).get(request("/a"), (b, t) -> text(b)));
    // each wait lies in [5, 10] s, so 2 to 4 waits fit into 25 s
    assertTrue(
        server.requests("/a") >= 3 && server.requests("/a") <= 5,
        "requests " + server.requests("/a"));
    assertTrue(time.slept().compareTo(Duration.ofSeconds(25)) <= 0, "slept " + time.slept());
    assertTrue(e.getMessage().contains("retry limit"), e.getMessage());
    assertTrue(e.retryable());
  }

  @Test
  void get_shortTermQuotaFromParser_retriedAfterQuotaWait() {
    server.script("/a", Reply.json("{\"Note\":\"slow down\"}"), Reply.json("{}"));
    String body =
        fetcher(settings())
            .get(
                request("/a"),
                (b, t) -> {
                  String s = text(b);
                  if (s.contains("Note")) {
                    throw new QuotaExceededException("quota", 200, null, true);
                  }
                  return s;
                });
    assertEquals("{}", body);
    assertEquals(2, server.requests("/a"));
    assertEquals(List.of(Duration.ofSeconds(60)), time.sleeps());
  }

  @Test
  void get_quotaEveryTime_givesUpAfterQuotaRetries() {
    server.script("/a", Reply.json("{}"));
    QuotaExceededException e =
        assertThrows(
            QuotaExceededException.class,
            () ->
                fetcher(settings())
                    .get(
                        request("/a"),
                        (b, t) -> {
                          throw new QuotaExceededException("quota", 200, null, true);
                        }));
    assertEquals(3, server.requests("/a"));
    assertEquals(List.of(Duration.ofSeconds(60), Duration.ofSeconds(60)), time.sleeps());
    assertTrue(e.getMessage().contains("2 retries"), e.getMessage());
  }

  @Test
  void get_dailyQuotaFromParser_notWaitedFor() {
    server.script("/a", Reply.json("{}"));
    QuotaExceededException e =
        assertThrows(
            QuotaExceededException.class,
            () ->
                fetcher(settings())
                    .get(
                        request("/a"),
                        (b, t) -> {
                          throw new QuotaExceededException("daily quota", 200, null, false);
                        }));
    assertEquals(1, server.requests("/a"));
    assertTrue(time.sleeps().isEmpty());
    assertFalse(e.shortTerm());
  }

  @Test
  void get_parserFailure_propagatesWithoutRetry() {
    server.script("/a", Reply.json("{}"));
    IllegalStateException e =
        assertThrows(
            IllegalStateException.class,
            () ->
                fetcher(settings())
                    .get(
                        request("/a"),
                        (b, t) -> {
                          throw new IllegalStateException("bad body");
                        }));
    assertEquals("bad body", e.getMessage());
    assertEquals(1, server.requests("/a"));
  }

  @Test
  void get_retryAfterLongerThanRetryLimit_givesUpWithoutWaiting() {
    server.script("/a", Reply.status(429).header("Retry-After", "3600"));
    ServiceException e =
        assertThrows(
            ServiceException.class,
            () -> fetcher(settings()).get(request("/a"), (b, t) -> text(b)));
    assertInstanceOf(QuotaExceededException.class, e);
    assertEquals(1, server.requests("/a"));
    assertTrue(time.sleeps().isEmpty());
  }

  /** A budget that answers with the given waits in turn, then always allows, and counts takes. */
  private static final class ScriptedBudget implements RequestBudget {
    private final List<Duration> waits;
    private final AtomicInteger asked = new AtomicInteger();
    private final AtomicInteger taken = new AtomicInteger();

    ScriptedBudget(Duration... waits) {
      this.waits = List.of(waits);
    }

    @Override
    public Duration tryTake() {
      int n = asked.getAndIncrement();
      Duration w = n < waits.size() ? waits.get(n) : Duration.ZERO;
      if (w.isZero()) {
        taken.incrementAndGet();
      }
      return w;
    }

    @Override
    public String description() {
      return "3 requests per 60.0 s";
    }
  }

  @Test
  void get_budgetSpent_waitsForItWithoutSpendingAttempts() {
    // one attempt allowed: two budget waits, then one request, must still fit
    server.script("/a", Reply.json("{}"));
    ScriptedBudget budget = new ScriptedBudget(Duration.ofSeconds(20), Duration.ofSeconds(5));
    String body =
        fetcher(settings().maxAttempts(1)).get(request("/a").withBudget(budget), (b, t) -> text(b));
    assertEquals("{}", body);
    assertEquals(1, server.requests("/a"));
    assertEquals(List.of(Duration.ofSeconds(20), Duration.ofSeconds(5)), time.sleeps());
    assertEquals(1, budget.taken.get());
  }

  @Test
  void get_retries_takeEachAttemptFromTheBudget() {
    server.script("/a", Reply.status(503), Reply.status(503), Reply.json("{}"));
    ScriptedBudget budget = new ScriptedBudget();
    fetcher(settings()).get(request("/a").withBudget(budget), (b, t) -> text(b));
    assertEquals(3, server.requests("/a"));
    assertEquals(3, budget.taken.get());
  }

  @Test
  void get_budgetWaitBeyondRetryTime_failsRetryableWithoutARequest() {
    ScriptedBudget budget = new ScriptedBudget(Duration.ofMinutes(11));
    QuotaExceededException e =
        assertThrows(
            QuotaExceededException.class,
            () -> fetcher(settings()).get(request("/a").withBudget(budget), (b, t) -> text(b)));
    assertTrue(e.retryable());
    assertTrue(
        e.getMessage().contains("shared request budget (3 requests per 60.0 s)"), e.getMessage());
    assertTrue(e.getMessage().contains("sent no request"), e.getMessage());
    assertEquals(0, server.requests("/a"));
    assertTrue(time.sleeps().isEmpty());
  }
}
