package io.scrilla.services.http;

import io.scrilla.api.error.ServiceException;
import io.scrilla.api.retry.Retrier;
import io.scrilla.api.retry.Retrier.Outcome;
import io.scrilla.api.retry.Retrier.Stop;
import io.scrilla.api.retry.RetryClock;
import java.io.IOException;
import java.net.ConnectException;
import java.net.http.HttpClient;
import java.net.http.HttpConnectTimeoutException;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.time.Duration;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Sends GET requests with bounded retries and hands successful bodies to a parser; thread-safe.
 *
 * <p>Policy (limits from {@link HttpSettings}):
 *
 * <ul>
 *   <li>connection errors, timeouts, HTTP 5xx and 429 are retried with exponential back-off and
 *       jitter, honoring a 429's {@code Retry-After} seconds, up to {@code maxAttempts} attempts
 *       and {@code maxRetryTime} in all; then the last failure is thrown, retryable;
 *   <li>any other status outside 2xx fails at once, not retryable;
 *   <li>a 2xx answer with an unexpected {@code Content-Type} fails at once, not retryable;
 *   <li>otherwise the parser reads the body; a {@link QuotaExceededException} it throws with {@link
 *       QuotaExceededException#shortTerm()} is retried after {@code quotaWait} (or its {@code
 *       Retry-After}) up to {@code quotaRetries} times; anything else it throws propagates.
 * </ul>
 *
 * <p>Each attempt is first taken from the request's {@link FetchRequest#budget() budget}; while the
 * budget is spent, the attempt is postponed (not sent, not counted against {@code maxAttempts})
 * until the budget says a request is left, within {@code maxRetryTime}; beyond it the {@link
 * QuotaExceededException} is thrown, retryable.
 *
 * <p>Log lines and messages name the request by its {@link FetchRequest#description()}, never by
 * its URI, and pass all service text through the request's {@link Redactor}.
 *
 * <pre>{@code
 * HttpFetcher fetcher = HttpFetcher.create(HttpSettings.builder().maxAttempts(2).build());
 * String text = fetcher.get(request, (body, type) -> new String(body, UTF_8));
 * }</pre>
 */
public final class HttpFetcher {
  private static final Logger LOG = LoggerFactory.getLogger(HttpFetcher.class);

  private final HttpSettings settings;
  private final Retrier retrier;
  private final HttpClient client;

  private HttpFetcher(HttpSettings settings, RetryClock clock) {
    this.settings = settings;
    this.retrier =
        Retrier.of(settings.retryPolicy(), clock, () -> ThreadLocalRandom.current().nextDouble());
    this.client =
        HttpClient.newBuilder()
            .connectTimeout(settings.connectTimeout())
            .followRedirects(HttpClient.Redirect.NORMAL)
            .build();
  }

  /** Reads the body of a successful answer. */
  @FunctionalInterface
  public interface BodyParser<T> {
    /**
     * Parses the body.
     *
     * @param body the bytes received
     * @param contentType the {@code Content-Type} header, if any
     * @return the parsed value
     * @throws QuotaExceededException when the body says the quota is used up
     * @throws RuntimeException for anything else wrong with the body
     */
    T parse(byte[] body, Optional<String> contentType);
  }

  /**
   * Returns the process-wide fetcher with {@link HttpSettings#defaults()}: one {@link HttpClient}
   * shared by every live source that is not given a fetcher of its own.
   */
  public static HttpFetcher shared() {
    return Shared.INSTANCE;
  }

  /** Returns a fetcher with its own client, the given settings and the system clock. */
  public static HttpFetcher create(HttpSettings settings) {
    return create(settings, RetryClock.system());
  }

  /**
   * Returns a fetcher with its own client.
   *
   * @param settings timeouts and retry limits
   * @param clock the clock and sleeping of the retry loop (tests pass one that does not wait)
   * @return the fetcher
   */
  public static HttpFetcher create(HttpSettings settings, RetryClock clock) {
    return new HttpFetcher(
        Objects.requireNonNull(settings, "settings"), Objects.requireNonNull(clock, "clock"));
  }

  /**
   * Fetches the request's URI and parses the body, retrying as described on this class.
   *
   * @param request what to fetch
   * @param parser reads a successful body
   * @param <T> the parsed type
   * @return the parsed value
   * @throws ServiceException when every allowed attempt failed, the service refused the request, or
   *     the body is unacceptable; {@link ServiceException#retryable()} tells which
   */
  public <T> T get(FetchRequest request, BodyParser<T> parser) {
    Objects.requireNonNull(request, "request");
    Objects.requireNonNull(parser, "parser");
    Exchange<T> exchange = new Exchange<>(request, parser);
    return retrier.call(exchange, exchange);
  }

  /**
   * One request and its retries: each attempt sends the request and sorts the answer into a
   * success, a failure to retry, or a failure thrown at once.
   */
  private final class Exchange<T>
      implements Retrier.Attempt<T, ServiceException, ServiceException>,
          Retrier.GiveUp<ServiceException, ServiceException> {
    private final FetchRequest request;
    private final BodyParser<T> parser;
    private final String what;
    private int quotaRetries;
    private boolean postponed;

    Exchange(FetchRequest request, BodyParser<T> parser) {
      this.request = request;
      this.parser = parser;
      this.what = request.description();
    }

    @Override
    public Outcome<T, ServiceException> run(int attempt) {
      Duration budgetWait = request.budget().tryTake();
      postponed = !budgetWait.isZero();
      if (postponed) {
        // nothing was sent: wait for the shared budget without spending an attempt
        return Outcome.postpone(
            new QuotaExceededException(
                what
                    + ": the shared request budget ("
                    + request.budget().description()
                    + ") is spent for now; the next request may be sent in "
                    + seconds(budgetWait),
                -1,
                budgetWait,
                true),
            budgetWait);
      }
      LOG.debug("GET {} (attempt {})", what, attempt);
      HttpResponse<byte[]> response;
      try {
        response = send(request);
      } catch (TransportFailure t) {
        return Outcome.retry(t.exception);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new ServiceException(what + ": interrupted", -1, true, null);
      }
      int status = response.statusCode();
      Optional<String> type = response.headers().firstValue("Content-Type");
      LOG.debug("{}: HTTP {}, {} bytes", what, status, response.body().length);
      if (status >= 200 && status < 300) {
        Optional<String> rejected = request.rejectContentType(type);
        if (rejected.isPresent()) {
          throw new ServiceException(
              what
                  + ": the service answered with "
                  + rejected.get()
                  + "; it may be down for maintenance, or the URL points elsewhere: check it",
              status,
              false,
              null);
        }
        try {
          return Outcome.success(parser.parse(response.body(), type));
        } catch (QuotaExceededException e) {
          if (!e.shortTerm() || quotaRetries >= settings.quotaRetries()) {
            throw quotaRetries == 0
                ? e
                : e.withMessage(
                    e.getMessage()
                        + "; still refused after "
                        + quotaRetries
                        + " retr"
                        + (quotaRetries == 1 ? "y" : "ies"));
          }
          quotaRetries++;
          // quota answers have their own limit (quotaRetries), not maxAttempts
          return Outcome.retryOutsideAttemptLimit(e, e.retryAfter().orElse(settings.quotaWait()));
        }
      } else if (status == 429) {
        Optional<Duration> after = retryAfter(response);
        ServiceException failure =
            new QuotaExceededException(
                what
                    + ": the service answered HTTP 429 Too Many Requests"
                    + after
                        .map(d -> " and asked to retry after " + d.toSeconds() + " s")
                        .orElse(""),
                429,
                after.orElse(null),
                true);
        return after.isPresent()
            ? Outcome.retryAfter(failure, after.get())
            : Outcome.retry(failure);
      } else if (status >= 500) {
        return Outcome.retry(
            new ServiceException(
                what + ": the service answered HTTP " + status + " (server error); try again later",
                status,
                true,
                null));
      } else {
        throw new ServiceException(
            what
                + ": the service answered HTTP "
                + status
                + (status == 404 ? " (not found): check the configured URL" : "")
                + (status == 401 || status == 403 ? " (refused): check the API key" : ""),
            status,
            false,
            null);
      }
    }

    @Override
    public void retrying(ServiceException failure, int attempts, Duration wait) {
      if (postponed) {
        // waiting for the fleet's budget is the budget working, not a degradation
        LOG.info("{}; waiting", request.redactor().redact(failure.getMessage()));
      } else {
        LOG.warn(
            "{}; retrying in {}", request.redactor().redact(failure.getMessage()), seconds(wait));
      }
    }

    @Override
    public ServiceException giveUp(ServiceException failure, Stop stop) {
      int n = stop.attempts();
      String attempts = "gave up after " + n + " attempt" + (n == 1 ? "" : "s");
      switch (stop.reason()) {
        case INTERRUPTED:
          return new ServiceException(
              what + ": interrupted while waiting to retry", -1, true, failure);
        case TIME:
          return HttpFetcher.giveUp(
              failure,
              (n == 0 ? "sent no request" : attempts)
                  + " because waiting "
                  + seconds(stop.nextWait())
                  + " more would exceed the retry limit of "
                  + seconds(settings.maxRetryTime()));
        case ATTEMPTS:
        default:
          return HttpFetcher.giveUp(failure, attempts);
      }
    }
  }

  private HttpResponse<byte[]> send(FetchRequest request)
      throws TransportFailure, InterruptedException {
    String what = request.description();
    HttpRequest req =
        HttpRequest.newBuilder(request.uri())
            .GET()
            .timeout(settings.requestTimeout())
            .header("User-Agent", settings.userAgent())
            .build();
    CompletableFuture<HttpResponse<byte[]>> f =
        client.sendAsync(req, HttpResponse.BodyHandlers.ofByteArray());
    try {
      // the request timeout of HttpRequest stops at the headers; this bounds the body as well
      return f.get(settings.requestTimeout().toMillis() + 1000, TimeUnit.MILLISECONDS);
    } catch (TimeoutException e) {
      f.cancel(true);
      throw new TransportFailure(
          new ServiceException(
              what + ": no complete answer within " + seconds(settings.requestTimeout()),
              -1,
              true,
              null));
    } catch (ExecutionException e) {
      Throwable c = e.getCause() == null ? e : e.getCause();
      Throwable safe = request.redactor().sanitize(c);
      String reason;
      if (c instanceof HttpConnectTimeoutException) {
        reason =
            "could not connect within the time allowed (connect timeout "
                + seconds(settings.connectTimeout())
                + ", request timeout "
                + seconds(settings.requestTimeout())
                + ")";
      } else if (c instanceof HttpTimeoutException) {
        reason = "no answer within " + seconds(settings.requestTimeout());
      } else if (c instanceof ConnectException) {
        String m = request.redactor().redact(c.getMessage());
        reason = "could not connect" + (m.isBlank() ? "" : " (" + m + ")");
      } else if (c instanceof IOException) {
        reason =
            "the connection failed ("
                + c.getClass().getSimpleName()
                + ": "
                + request.redactor().redact(c.getMessage())
                + ")";
      } else {
        throw new ServiceException(
            what + ": the request failed: " + request.redactor().redact(String.valueOf(c)),
            -1,
            false,
            safe);
      }
      throw new TransportFailure(new ServiceException(what + ": " + reason, -1, true, safe));
    }
  }

  private static Optional<Duration> retryAfter(HttpResponse<?> response) {
    Optional<String> h = response.headers().firstValue("Retry-After");
    if (h.isEmpty()) {
      return Optional.empty();
    }
    try {
      long s = Long.parseLong(h.get().trim());
      return s >= 0 ? Optional.of(Duration.ofSeconds(s)) : Optional.empty();
    } catch (NumberFormatException e) {
      return Optional.empty(); // an HTTP date: fall back to the back-off
    }
  }

  private static ServiceException giveUp(ServiceException last, String message) {
    String full = last.getMessage() + "; " + message;
    if (last instanceof QuotaExceededException) {
      return ((QuotaExceededException) last).withMessage(full);
    }
    return new ServiceException(full, last.httpStatus().orElse(-1), last.retryable(), last);
  }

  private static String seconds(Duration d) {
    return String.format(Locale.ROOT, "%.1f s", d.toMillis() / 1000.0);
  }

  @Override
  public String toString() {
    return "HttpFetcher[" + settings + "]";
  }

  /** A retryable transport failure, carried out of {@link #send}. */
  private static final class TransportFailure extends Exception {
    private static final long serialVersionUID = 1L;
    final transient ServiceException exception;

    TransportFailure(ServiceException exception) {
      super(null, null, false, false);
      this.exception = exception;
    }
  }

  /** Lazy holder of the shared fetcher. */
  private static final class Shared {
    static final HttpFetcher INSTANCE =
        new HttpFetcher(HttpSettings.defaults(), RetryClock.system());
  }
}
