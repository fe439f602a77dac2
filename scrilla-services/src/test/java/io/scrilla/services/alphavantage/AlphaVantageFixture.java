package io.scrilla.services.alphavantage;

import io.scrilla.services.http.FakeTime;
import io.scrilla.services.http.HttpFetcher;
import io.scrilla.services.http.HttpSettings;
import io.scrilla.services.http.LocalHttpServer;
import io.scrilla.services.http.Resources;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Map;

/** A local server, a non-waiting clock and a client pointed at the server; for tests. */
final class AlphaVantageFixture implements AutoCloseable {
  /** A key the tests recognize wherever it might leak. */
  static final String KEY = "SECRETKEY123";

  /** Monday 2021-11-22, 10:00 in New York. */
  static final Clock CLOCK = Clock.fixed(Instant.parse("2021-11-22T15:00:00Z"), ZoneOffset.UTC);

  final LocalHttpServer server = LocalHttpServer.start();
  final FakeTime time = new FakeTime();
  final AlphaVantageClient client;

  AlphaVantageFixture() {
    this(
        HttpSettings.builder()
            .requestTimeout(Duration.ofSeconds(10))
            .maxAttempts(3)
            .initialBackoff(Duration.ofSeconds(1))
            .quotaWait(Duration.ofSeconds(60))
            .quotaRetries(2));
  }

  AlphaVantageFixture(HttpSettings.Builder settings) {
    client =
        AlphaVantageClient.builder()
            .apiKey(KEY)
            .url(server.url("/query"))
            .fetcher(HttpFetcher.create(settings.build(), time))
            .build();
  }

  AlphaVantagePriceSource prices() {
    return AlphaVantagePriceSource.of(client, CLOCK);
  }

  AlphaVantageDividendSource dividends() {
    return AlphaVantageDividendSource.of(client);
  }

  /** The recorded body with {@code {apikey}} replaced by the key the server received. */
  static byte[] echoingKey(String resource, Map<String, String> query) {
    return Resources.text(resource)
        .replace("{apikey}", query.getOrDefault("apikey", ""))
        .getBytes(StandardCharsets.UTF_8);
  }

  @Override
  public void close() {
    server.close();
  }
}
