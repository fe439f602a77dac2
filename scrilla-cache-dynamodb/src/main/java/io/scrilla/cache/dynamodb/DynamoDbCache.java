package io.scrilla.cache.dynamodb;

import io.scrilla.api.config.ScrillaConfig;
import io.scrilla.api.error.CacheException;
import io.scrilla.api.error.ConfigurationException;
import io.scrilla.api.retry.RetryClock;
import io.scrilla.api.spi.Cache;
import io.scrilla.api.spi.Coordination;
import io.scrilla.api.spi.CorrelationStore;
import io.scrilla.api.spi.InterestStore;
import io.scrilla.api.spi.PriceStore;
import io.scrilla.api.spi.ProfileStore;
import io.scrilla.cache.dynamodb.internal.DynamoCoordination;
import io.scrilla.cache.dynamodb.internal.DynamoCorrelationStore;
import io.scrilla.cache.dynamodb.internal.DynamoInterestStore;
import io.scrilla.cache.dynamodb.internal.DynamoPriceStore;
import io.scrilla.cache.dynamodb.internal.DynamoProfileStore;
import io.scrilla.cache.dynamodb.internal.Provisioner;
import io.scrilla.cache.dynamodb.internal.Tables;
import java.time.Clock;
import java.util.Objects;
import java.util.concurrent.atomic.AtomicBoolean;
import software.amazon.awssdk.core.exception.SdkClientException;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.DynamoDbClientBuilder;

/**
 * A cache in the four DynamoDB tables of the deployment guide, shared by many processes, which
 * coordinate through a fifth table, {@code leases}; thread-safe.
 *
 * <p>Opening makes sure the tables exist (created on first use, once per process) and have the
 * guide's key schemas. {@link #coordination()} keeps fetch leases and request budgets in the {@code
 * leases} table, so that the processes sharing the tables fetch each missing history once and stay
 * within a service's quota together. Reads are eventually consistent: a row written a moment ago by
 * another process may not be seen yet, which the cache treats as a miss. A cache may forget but
 * never lie: every item carries its full identity (the source it came from, asset type, window,
 * method, weekends flag, second asset) and a read that finds an item with any other identity is a
 * miss.
 *
 * <pre>{@code
 * try (Cache cache = DynamoDbCache.open(ScrillaConfig.builder().cacheMode("dynamodb").build())) {
 *   cache.prices().put(source.sourceId(), history);
 * }
 * }</pre>
 */
public final class DynamoDbCache implements Cache {
  private final DynamoDbClient client;
  private final boolean ownsClient;
  private final Tables tables;
  private final PriceStore prices;
  private final InterestStore interest;
  private final ProfileStore profiles;
  private final CorrelationStore correlations;
  private final DynamoCoordination coordination;
  private final AtomicBoolean closed = new AtomicBoolean();

  private DynamoDbCache(
      DynamoDbClient client, boolean ownsClient, DynamoDbSettings settings, RetryClock clock) {
    this.client = client;
    this.ownsClient = ownsClient;
    this.tables = new Tables(client, settings, clock);
    this.prices = new DynamoPriceStore(tables);
    this.interest = new DynamoInterestStore(tables);
    this.profiles = new DynamoProfileStore(tables);
    this.correlations = new DynamoCorrelationStore(tables);
    this.coordination = new DynamoCoordination(tables, clock, Clock.systemUTC());
  }

  /**
   * Opens the cache with a client of its own: region and credentials from the AWS SDK's default
   * chains, the endpoint from {@code DYNAMO_ENDPOINT} if set, the JDK's HTTP client. The client is
   * closed with the cache.
   *
   * @param config the configuration (see {@link DynamoDbSettings#from})
   * @return the open cache
   * @throws ConfigurationException for an invalid variable or when no AWS region is configured
   * @throws CacheException when the tables cannot be created or checked
   */
  public static DynamoDbCache open(ScrillaConfig config) {
    DynamoDbSettings settings = DynamoDbSettings.from(config);
    DynamoDbClientBuilder b =
        DynamoDbClient.builder().httpClientBuilder(UrlConnectionHttpClient.builder());
    settings.endpoint().ifPresent(b::endpointOverride);
    DynamoDbClient client;
    try {
      client = b.build();
    } catch (SdkClientException e) {
      throw new ConfigurationException(
          "CACHE_MODE=dynamodb needs an AWS region: set AWS_REGION (or the aws.region system "
              + "property, or a region in the AWS profile). "
              + e.getMessage(),
          e);
    }
    return open(settings, client, true, Provisioner.shared());
  }

  /**
   * Opens the cache on a client that the caller built and keeps owning (it is not closed with the
   * cache); use it to choose credentials, retries, metrics or interceptors yourself.
   *
   * @param settings the tables' prefix and billing
   * @param client the DynamoDB client
   * @return the open cache
   * @throws CacheException when the tables cannot be created or checked
   */
  public static DynamoDbCache open(DynamoDbSettings settings, DynamoDbClient client) {
    return open(settings, client, false, Provisioner.shared());
  }

  /**
   * Opens the cache with a given provisioner; tests use a provisioner of their own to stand in for
   * another process.
   */
  static DynamoDbCache open(
      DynamoDbSettings settings,
      DynamoDbClient client,
      boolean ownsClient,
      Provisioner provisioner) {
    return open(settings, client, ownsClient, provisioner, RetryClock.system());
  }

  /**
   * Opens the cache with a given provisioner and the clock of the batch retries; tests pass a clock
   * that does not wait.
   */
  static DynamoDbCache open(
      DynamoDbSettings settings,
      DynamoDbClient client,
      boolean ownsClient,
      Provisioner provisioner,
      RetryClock clock) {
    Objects.requireNonNull(settings, "settings");
    Objects.requireNonNull(clock, "clock");
    Objects.requireNonNull(client, "client");
    try {
      provisioner.ensureTables(client, settings);
    } catch (RuntimeException e) {
      if (ownsClient) {
        client.close();
      }
      throw e;
    }
    return new DynamoDbCache(client, ownsClient, settings, clock);
  }

  @Override
  public PriceStore prices() {
    return prices;
  }

  @Override
  public InterestStore interest() {
    return interest;
  }

  @Override
  public ProfileStore profiles() {
    return profiles;
  }

  @Override
  public CorrelationStore correlations() {
    return correlations;
  }

  /**
   * Returns the coordination kept in the {@code leases} table: fetch leases (see {@link
   * DynamoDbSettings#leaseDuration()}) and request budgets shared by every process using the same
   * tables.
   */
  @Override
  public Coordination coordination() {
    return coordination;
  }

  /**
   * Deletes every item of the four cache tables (Scan, then batched deletes); the tables remain,
   * and the leases table is left alone (other processes may hold leases and budgets in it).
   */
  @Override
  public void clear() {
    for (CacheTable t : CacheTable.values()) {
      if (t.holdsData()) {
        tables.empty(t);
      }
    }
  }

  @Override
  public void close() {
    if (closed.compareAndSet(false, true)) {
      coordination.close();
      if (ownsClient) {
        client.close();
      }
    }
  }
}
