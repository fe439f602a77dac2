package io.scrilla.services.http;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A real HTTP server on 127.0.0.1 and a free port that replays recorded answers and counts the
 * requests it receives, with the time each arrived; for tests (shared with other modules through
 * this module's test jar).
 */
public final class LocalHttpServer implements AutoCloseable {
  /** One recorded answer. */
  public record Reply(int status, Map<String, String> headers, byte[] body, CountDownLatch hold) {
    /** A 200 answer with the given content type. */
    public static Reply ok(String contentType, byte[] body) {
      return new Reply(200, Map.of("Content-Type", contentType), body, null);
    }

    /** A 200 JSON answer. */
    public static Reply json(byte[] body) {
      return ok("application/json", body);
    }

    /** A 200 JSON answer. */
    public static Reply json(String body) {
      return json(body.getBytes(StandardCharsets.UTF_8));
    }

    /** A 200 XML answer. */
    public static Reply xml(byte[] body) {
      return ok("application/xml; charset=utf-8", body);
    }

    /** An answer with only a status and a short text body. */
    public static Reply status(int status) {
      return new Reply(
          status,
          Map.of("Content-Type", "text/plain"),
          ("status " + status).getBytes(StandardCharsets.UTF_8),
          null);
    }

    /** Returns this answer with one more header. */
    public Reply header(String name, String value) {
      Map<String, String> h = new LinkedHashMap<>(headers);
      h.put(name, value);
      return new Reply(status, h, body, hold);
    }

    /** Returns this answer held back (before any byte is sent) until the latch opens. */
    public Reply heldBy(CountDownLatch latch) {
      return new Reply(status, headers, body, latch);
    }
  }

  /**
   * One request received.
   *
   * @param at when it arrived (the system clock)
   * @param path the path, e.g. {@code /query}
   * @param query the decoded query parameters
   */
  public record Request(Instant at, String path, Map<String, String> query) {}

  /** Chooses the answer to a request. */
  @FunctionalInterface
  public interface Responder {
    /**
     * Returns the answer.
     *
     * @param query the decoded query parameters
     * @param n the number of this request on its path, from 1
     * @return the answer
     */
    Reply respond(Map<String, String> query, int n);
  }

  private final HttpServer server;
  private final ExecutorService executor;
  private final Map<String, Responder> routes = new ConcurrentHashMap<>();
  private final Map<String, AtomicInteger> counts = new ConcurrentHashMap<>();
  private final List<Request> received = Collections.synchronizedList(new ArrayList<>());
  private final AtomicInteger total = new AtomicInteger();

  private LocalHttpServer() throws IOException {
    server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
    executor =
        Executors.newCachedThreadPool(
            r -> {
              Thread t = new Thread(r, "local-http");
              t.setDaemon(true);
              return t;
            });
    server.setExecutor(executor);
    server.createContext("/", this::handle);
    server.start();
  }

  /** Starts a server on 127.0.0.1 and a free port. */
  public static LocalHttpServer start() {
    try {
      return new LocalHttpServer();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Returns the URL of a path on this server, e.g. {@code url("/query")}. */
  public URI url(String path) {
    return URI.create("http://127.0.0.1:" + server.getAddress().getPort() + path);
  }

  /** Answers requests to a path with the responder. */
  public LocalHttpServer on(String path, Responder responder) {
    routes.put(path, responder);
    return this;
  }

  /** Answers the n-th request to a path with the n-th reply; the last one repeats. */
  public LocalHttpServer script(String path, Reply... replies) {
    return on(path, (q, n) -> replies[Math.min(n, replies.length) - 1]);
  }

  /** Returns the number of requests received on all paths. */
  public int requests() {
    return total.get();
  }

  /** Returns the number of requests received on a path. */
  public int requests(String path) {
    AtomicInteger c = counts.get(path);
    return c == null ? 0 : c.get();
  }

  /** Returns the query parameters of every request, in arrival order. */
  public List<Map<String, String>> queries() {
    return received().stream().map(Request::query).toList();
  }

  /** Returns every request received, in arrival order. */
  public List<Request> received() {
    synchronized (received) {
      return List.copyOf(received);
    }
  }

  private void handle(HttpExchange ex) throws IOException {
    try (ex) {
      String path = ex.getRequestURI().getPath();
      Map<String, String> q = parse(ex.getRequestURI().getRawQuery());
      received.add(new Request(Instant.now(), path, Collections.unmodifiableMap(q)));
      total.incrementAndGet();
      int n = counts.computeIfAbsent(path, p -> new AtomicInteger()).incrementAndGet();
      try (InputStream in = ex.getRequestBody()) {
        in.readAllBytes();
      }
      Responder r = routes.get(path);
      Reply reply = r == null ? Reply.status(404) : r.respond(q, n);
      if (reply.hold() != null) {
        try {
          reply.hold().await(30, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
          return;
        }
      }
      reply.headers().forEach((k, v) -> ex.getResponseHeaders().add(k, v));
      ex.sendResponseHeaders(reply.status(), reply.body().length == 0 ? -1 : reply.body().length);
      if (reply.body().length > 0) {
        try (OutputStream out = ex.getResponseBody()) {
          out.write(reply.body());
        }
      }
    } catch (IOException e) {
      // the client went away (e.g. after its timeout)
    }
  }

  private static Map<String, String> parse(String raw) {
    Map<String, String> m = new LinkedHashMap<>();
    if (raw == null || raw.isEmpty()) {
      return m;
    }
    for (String pair : raw.split("&")) {
      int eq = pair.indexOf('=');
      String k = eq < 0 ? pair : pair.substring(0, eq);
      String v = eq < 0 ? "" : pair.substring(eq + 1);
      m.put(
          URLDecoder.decode(k, StandardCharsets.UTF_8),
          URLDecoder.decode(v, StandardCharsets.UTF_8));
    }
    return m;
  }

  @Override
  public void close() {
    server.stop(0);
    executor.shutdownNow();
  }
}
