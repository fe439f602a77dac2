/**
 * HTTP plumbing shared by the live data sources: one {@link java.net.http.HttpClient} per {@link
 * io.scrilla.services.http.HttpSettings}, bounded retries with exponential back-off and jitter (the
 * {@link io.scrilla.api.retry.Retrier} of the API module, on an injectable {@link
 * io.scrilla.api.retry.RetryClock}), quota handling and redaction of secrets.
 *
 * <p>Key types:
 *
 * <ul>
 *   <li>{@link io.scrilla.services.http.HttpSettings}: timeouts and retry limits, immutable, with a
 *       builder and sensible defaults;
 *   <li>{@link io.scrilla.services.http.HttpFetcher}: sends a GET, retries connection errors,
 *       timeouts, HTTP 5xx and 429 (honoring {@code Retry-After}), never other 4xx, checks the
 *       content type and hands the body to a parser;
 *   <li>{@link io.scrilla.services.http.QuotaExceededException}: a service asked us to slow down
 *       (HTTP 429 or an AlphaVantage quota note);
 *   <li>{@link io.scrilla.services.http.SingleFlight}: concurrent identical requests share one
 *       fetch;
 *   <li>{@link io.scrilla.services.http.Redactor}: removes API keys from any text that could reach
 *       a log line or an exception.
 * </ul>
 *
 * <p>These types serve source implementations; applications normally only build an {@link
 * io.scrilla.services.http.HttpSettings} and pass an {@link io.scrilla.services.http.HttpFetcher}
 * to a source's builder.
 */
package io.scrilla.services.http;
