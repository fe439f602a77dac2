package io.scrilla.services.alphavantage;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import io.scrilla.api.config.ScrillaConfig;
import io.scrilla.api.model.Asset;
import io.scrilla.api.model.DateRange;
import io.scrilla.services.http.FakeTime;
import io.scrilla.services.http.HttpFetcher;
import io.scrilla.services.http.HttpSettings;
import io.scrilla.services.http.LocalHttpServer;
import io.scrilla.services.http.LocalHttpServer.Reply;
import io.scrilla.services.http.Resources;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.function.Consumer;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * Provokes every failure of the AlphaVantage sources with a recognizable key and searches all
 * output for it: exception messages and causes (whole stack traces), {@code toString()}s and the
 * log lines written while it ran.
 */
class AlphaVantageSecretsTest {
  private static final String KEY = AlphaVantageFixture.KEY;
  private static final Asset SPY = Asset.equity("SPY");
  private static final DateRange RECENT = DateRange.parse("2021-08-01", "2021-11-19");

  private static Reply recorded(String name) {
    return Reply.json(Resources.bytes(name));
  }

  private static Reply spyWith(String from, String to) {
    return Reply.json(
        Resources.text("recorded/spy_compact_response.json")
            .replaceFirst(Pattern.quote(from), Matcher.quoteReplacement(to)));
  }

  /** Scenarios: what the server answers, and which call to make. */
  private static Map<String, LocalHttpServer.Responder> scenarios(CountDownLatch release) {
    Map<String, LocalHttpServer.Responder> s = new LinkedHashMap<>();
    s.put("quota note", (q, n) -> recorded("recorded/av_note_per_minute.json"));
    s.put(
        "daily limit quoting the key",
        (q, n) ->
            Reply.json(
                AlphaVantageFixture.echoingKey("recorded/av_information_daily_limit.json", q)));
    s.put("invalid key (error message)", (q, n) -> recorded("recorded/av_error_invalid_key.json"));
    s.put(
        "invalid key (information)",
        (q, n) -> recorded("recorded/av_information_invalid_key.json"));
    s.put("unknown symbol", (q, n) -> recorded("recorded/av_error_unknown_symbol.json"));
    s.put("premium", (q, n) -> recorded("recorded/av_information_premium.json"));
    s.put(
        "unknown notice quoting the key",
        (q, n) ->
            Reply.json(
                "{\"Information\": \"key "
                    + q.get("apikey")
                    + " apikey="
                    + q.get("apikey")
                    + " is odd\"}"));
    s.put("http 500", (q, n) -> Reply.status(500));
    s.put("http 503", (q, n) -> Reply.status(503));
    s.put("http 404", (q, n) -> Reply.status(404));
    s.put("http 401", (q, n) -> Reply.status(401));
    s.put("http 429", (q, n) -> Reply.status(429).header("Retry-After", "1"));
    s.put("truncated json", (q, n) -> recorded("recorded/spy_compact_truncated.json"));
    s.put("html", (q, n) -> Reply.ok("text/html", Resources.bytes("recorded/maintenance.html")));
    s.put(
        "content type quoting the key",
        (q, n) -> Reply.ok("text/html; x=" + q.get("apikey"), new byte[] {'x'}));
    s.put(
        "non-numeric price",
        (q, n) -> spyWith("\"4. close\": \"468.8900\"", "\"4. close\": \"n/a\""));
    s.put("zero price", (q, n) -> spyWith("\"4. close\": \"468.8900\"", "\"4. close\": \"0\""));
    s.put("duplicate date", (q, n) -> spyWith("\"2021-11-18\": {", "\"2021-11-19\": {"));
    s.put(
        "other symbol quoting the key",
        (q, n) -> spyWith("\"2. Symbol\": \"SPY\"", "\"2. Symbol\": \"" + q.get("apikey") + "\""));
    s.put("not json", (q, n) -> Reply.json("apikey=" + q.get("apikey")));
    s.put("slow", (q, n) -> recorded("recorded/spy_compact_response.json").heldBy(release));
    return s;
  }

  @Test
  void everyFailure_neverShowsTheKey() throws Exception {
    PrintStream oldErr = System.err;
    PrintStream oldOut = System.out;
    ByteArrayOutputStream captured = new ByteArrayOutputStream();
    PrintStream capture = new PrintStream(captured, true, StandardCharsets.UTF_8);
    List<String> texts = new ArrayList<>();
    int failures = 0;
    int keysSent = 0;
    CountDownLatch release = new CountDownLatch(1);
    System.setErr(capture);
    System.setOut(capture);
    try {
      for (Map.Entry<String, LocalHttpServer.Responder> sc : scenarios(release).entrySet()) {
        HttpSettings.Builder settings =
            HttpSettings.builder()
                .maxAttempts(2)
                .quotaRetries(1)
                .requestTimeout(Duration.ofSeconds(1));
        try (AlphaVantageFixture fx = new AlphaVantageFixture(settings)) {
          fx.server.on("/query", sc.getValue());
          texts.add(fx.client.toString());
          texts.add(fx.prices().toString());
          texts.add(fx.dividends().toString());
          for (Consumer<AlphaVantageFixture> call :
              List.<Consumer<AlphaVantageFixture>>of(
                  f -> f.prices().prices(SPY, RECENT), f -> f.dividends().dividends(SPY))) {
            try {
              call.accept(fx);
              if (!sc.getKey().contains("price")
                  && !sc.getKey().contains("date")
                  && !sc.getKey().contains("symbol q")) {
                fail(sc.getKey() + ": no failure");
              }
            } catch (RuntimeException e) {
              failures++;
              texts.add(sc.getKey() + ": " + stackTrace(e));
            }
          }
          keysSent +=
              (int) fx.server.queries().stream().filter(q -> KEY.equals(q.get("apikey"))).count();
        }
      }
      // transport failures: a closed port and a server that answers garbage
      for (URI url : List.of(closedPort(), garbageServer())) {
        AlphaVantageClient c =
            AlphaVantageClient.builder()
                .apiKey(KEY)
                .url(url)
                .fetcher(
                    HttpFetcher.create(
                        HttpSettings.builder()
                            .maxAttempts(2)
                            .requestTimeout(Duration.ofSeconds(2))
                            .build(),
                        new FakeTime()))
                .build();
        texts.add(c.toString());
        try {
          AlphaVantagePriceSource.of(c).prices(SPY, RECENT);
          fail("no failure from " + url);
        } catch (RuntimeException e) {
          failures++;
          texts.add(stackTrace(e));
        }
      }
      try {
        AlphaVantagePriceSource.create(ScrillaConfig.builder().alphaVantageKey(" ").build());
      } catch (RuntimeException e) {
        failures++;
        texts.add(stackTrace(e));
      }
      texts.add(ScrillaConfig.builder().alphaVantageKey(KEY).build().toString());
      texts.add(
          AlphaVantageClient.builder()
              .apiKey(KEY)
              .url(URI.create("http://127.0.0.1:1/q?apikey=" + KEY))
              .build()
              .toString());
    } finally {
      release.countDown();
      System.setErr(oldErr);
      System.setOut(oldOut);
    }
    String logs = captured.toString(StandardCharsets.UTF_8);
    // the capture worked: the sources logged their requests and retries
    assertTrue(logs.contains("GET AlphaVantage TIME_SERIES_DAILY SPY (compact)"), logs);
    assertTrue(logs.contains("retrying in"), logs);
    assertTrue(failures >= 40, "failures provoked: " + failures);
    assertTrue(keysSent > 0, "the key was sent to the server");
    assertFalse(logs.contains(KEY), "a log line shows the key");
    for (String t : texts) {
      assertFalse(t.contains(KEY), t);
    }
    assertEquals(0, texts.stream().filter(t -> t.contains(KEY)).count());
  }

  private static String stackTrace(Throwable e) {
    StringWriter sw = new StringWriter();
    e.printStackTrace(new PrintWriter(sw));
    return sw.toString();
  }

  private static URI closedPort() throws IOException {
    try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      return URI.create("http://127.0.0.1:" + s.getLocalPort() + "/query");
    }
  }

  /** A socket server that answers each connection with bytes that are not HTTP and hangs up. */
  private static URI garbageServer() throws IOException {
    ServerSocket s = new ServerSocket(0, 5, InetAddress.getLoopbackAddress());
    Thread t =
        new Thread(
            () -> {
              try (s) {
                while (true) {
                  try (Socket c = s.accept()) {
                    c.setSoTimeout(2000);
                    InputStream in = c.getInputStream();
                    in.read(new byte[4096]);
                    OutputStream out = c.getOutputStream();
                    out.write("NOT HTTP AT ALL\r\n\r\n".getBytes(StandardCharsets.US_ASCII));
                    out.flush();
                  }
                }
              } catch (IOException e) {
                // closed
              }
            },
            "garbage-server");
    t.setDaemon(true);
    t.start();
    return URI.create("http://127.0.0.1:" + s.getLocalPort() + "/query?apikey=" + KEY);
  }
}
