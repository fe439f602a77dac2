package io.scrilla.cache.dynamodb;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * Gives each test class a wiped DynamoDB-compatible server on 127.0.0.1: Python moto's {@code
 * moto_server}, started once per JVM on a free port and stopped by its process id when the test run
 * ends (a value of the root context's store). With {@code SCRILLA_TEST_DYNAMO_ENDPOINT} set (e.g.
 * {@code http://127.0.0.1:5000}), that running server is used instead. Before each test class,
 * {@code POST /moto-api/reset} wipes all tables.
 *
 * <p>When the server cannot be started the tests fail, saying how to install and start it.
 */
public final class MotoServerExtension implements BeforeAllCallback {
  /** Variable naming an already running server to use. */
  public static final String ENDPOINT_VARIABLE = "SCRILLA_TEST_DYNAMO_ENDPOINT";

  private static final ExtensionContext.Namespace NS =
      ExtensionContext.Namespace.create(MotoServerExtension.class);
  private static final HttpClient HTTP =
      HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
  private static final String HOW =
      "The DynamoDB tests need moto's server on 127.0.0.1. Install it with pip install"
          + " \"moto[server]\" so that moto_server is on the PATH, or start one yourself"
          + " (moto_server -H 127.0.0.1 -p 5000) and set "
          + ENDPOINT_VARIABLE
          + "=http://127.0.0.1:5000";

  private volatile Server server;

  @Override
  public void beforeAll(ExtensionContext context) throws Exception {
    Server s =
        context
            .getRoot()
            .getStore(NS)
            .computeIfAbsent(Server.class, k -> Server.start(), Server.class);
    s.reset();
    server = s;
  }

  /** Returns the server's endpoint, e.g. {@code http://127.0.0.1:41234}. */
  public URI endpoint() {
    if (server == null) {
      throw new IllegalStateException("the moto server is started before the test class");
    }
    return server.endpoint;
  }

  /** A running moto server; closing it stops the process this extension started. */
  static final class Server implements AutoCloseable {
    final URI endpoint;
    private final Process process; // null when the server was started by someone else

    private Server(URI endpoint, Process process) {
      this.endpoint = endpoint;
      this.process = process;
    }

    static Server start() {
      String given = System.getenv(ENDPOINT_VARIABLE);
      if (given != null && !given.isBlank()) {
        URI u = URI.create(given.trim());
        if (!ready(u, Duration.ofSeconds(5))) {
          throw new AssertionError(
              ENDPOINT_VARIABLE + "=" + given + " does not answer GET /moto-api/. " + HOW);
        }
        return new Server(u, null);
      }
      int port;
      Path log;
      Process p;
      try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getByName("127.0.0.1"))) {
        port = socket.getLocalPort();
      } catch (IOException e) {
        throw new AssertionError("no free port on 127.0.0.1: " + e.getMessage(), e);
      }
      try {
        log = Files.createTempFile("moto-server-", ".log");
        p =
            new ProcessBuilder("moto_server", "-H", "127.0.0.1", "-p", Integer.toString(port))
                .redirectErrorStream(true)
                .redirectOutput(log.toFile())
                .start();
      } catch (IOException e) {
        throw new AssertionError("cannot run moto_server (" + e.getMessage() + "). " + HOW, e);
      }
      URI u = URI.create("http://127.0.0.1:" + port);
      if (!ready(u, Duration.ofSeconds(30)) || !p.isAlive()) {
        new Server(u, p).close();
        String out;
        try {
          out = Files.readString(log);
        } catch (IOException e) {
          out = "";
        }
        throw new AssertionError(
            "moto_server did not answer on "
                + u
                + " within 30 s (output: "
                + out.strip()
                + "). "
                + HOW);
      }
      return new Server(u, p);
    }

    private static boolean ready(URI u, Duration within) {
      long deadline = System.nanoTime() + within.toNanos();
      while (System.nanoTime() < deadline) {
        try {
          HttpResponse<Void> r =
              HTTP.send(
                  HttpRequest.newBuilder(u.resolve("/moto-api/"))
                      .timeout(Duration.ofSeconds(2))
                      .GET()
                      .build(),
                  HttpResponse.BodyHandlers.discarding());
          if (r.statusCode() == 200) {
            return true;
          }
        } catch (IOException e) {
          // not up yet
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
          return false;
        }
        try {
          Thread.sleep(100);
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
          return false;
        }
      }
      return false;
    }

    void reset() throws IOException, InterruptedException {
      HttpResponse<Void> r =
          HTTP.send(
              HttpRequest.newBuilder(endpoint.resolve("/moto-api/reset"))
                  .POST(HttpRequest.BodyPublishers.noBody())
                  .build(),
              HttpResponse.BodyHandlers.discarding());
      if (r.statusCode() != 200) {
        throw new AssertionError("POST /moto-api/reset answered " + r.statusCode());
      }
    }

    /** Stops the server process by its id (and its children), if this extension started it. */
    @Override
    public void close() {
      if (process == null) {
        return;
      }
      ProcessHandle handle = ProcessHandle.of(process.pid()).orElse(null);
      if (handle == null) {
        return;
      }
      handle.descendants().forEach(ProcessHandle::destroy);
      handle.destroy();
      try {
        if (!process.waitFor(5, TimeUnit.SECONDS)) {
          handle.descendants().forEach(ProcessHandle::destroyForcibly);
          handle.destroyForcibly();
        }
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        handle.destroyForcibly();
      }
    }
  }
}
