package io.scrilla.cache.dynamodb;

import io.scrilla.api.config.ScrillaConfig;
import io.scrilla.api.error.ConfigurationException;
import java.net.URI;
import java.net.URISyntaxException;
import java.time.Duration;
import java.util.Collections;
import java.util.EnumMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * The settings of the DynamoDB cache backend; immutable.
 *
 * <table>
 *   <caption>Variables read by {@link #from(ScrillaConfig)}</caption>
 *   <tr><th>variable</th><th>meaning</th><th>default</th></tr>
 *   <tr><td>{@code DYNAMO_TABLE_PREFIX}</td><td>prepended to every table name</td>
 *       <td>empty</td></tr>
 *   <tr><td>{@code DYNAMO_ENDPOINT}</td><td>an http(s) URL replacing the AWS endpoint, e.g. a
 *       local DynamoDB-compatible server</td><td>the region's AWS endpoint</td></tr>
 *   <tr><td>{@code DYNAMO_CONF}</td><td>billing of every table, a JSON object of the deployment
 *       guide's shape (see {@link TableBilling})</td><td>{@code PAY_PER_REQUEST}</td></tr>
 *   <tr><td>{@code DYNAMO_CONF_PRICES}, {@code DYNAMO_CONF_INTEREST},
 *       {@code DYNAMO_CONF_PROFILE}, {@code DYNAMO_CONF_CORRELATIONS},
 *       {@code DYNAMO_CONF_LEASES}</td><td>billing of one table, replacing {@code DYNAMO_CONF}
 *       for it</td><td>{@code DYNAMO_CONF}</td></tr>
 *   <tr><td>{@code DYNAMO_LEASE_SECONDS}</td><td>how long a fetch lease lasts unless its holder
 *       renews it (it does, every third of that, while it works): how long a crashed holder
 *       blocks the others, 1 to 3600</td><td>30</td></tr>
 *   <tr><td>{@code DYNAMO_LEASE_WAIT_SECONDS}</td><td>how long a process waits for a lease that
 *       another holds before it fails (retryable), 1 to 86400</td><td>300</td></tr>
 * </table>
 *
 * <p>Region and credentials are not settings of this backend: the AWS SDK's default chains find
 * them ({@code AWS_REGION}, {@code AWS_ACCESS_KEY_ID}, profiles, the Lambda or EC2 role).
 *
 * @param tablePrefix prefix of every table name, letters, digits, {@code _ - .}; may be empty
 * @param endpoint endpoint replacing the AWS one, if any
 * @param billing billing of each table (the guide's four and the leases table)
 * @param batchRetryLimit how long unprocessed items of a batch are retried before a write or read
 *     fails
 * @param leaseDuration how long a fetch lease lasts unless renewed, at least 1 ms
 * @param leaseWait how long a process waits for a lease another holds, not negative
 */
public record DynamoDbSettings(
    String tablePrefix,
    Optional<URI> endpoint,
    Map<CacheTable, TableBilling> billing,
    Duration batchRetryLimit,
    Duration leaseDuration,
    Duration leaseWait) {
  /** Name of the table prefix variable. */
  public static final String DYNAMO_TABLE_PREFIX = "DYNAMO_TABLE_PREFIX";

  /** Name of the endpoint variable. */
  public static final String DYNAMO_ENDPOINT = "DYNAMO_ENDPOINT";

  /** Name of the billing variable shared by the five tables. */
  public static final String DYNAMO_CONF = "DYNAMO_CONF";

  /** Name of the lease duration variable, in seconds. */
  public static final String DYNAMO_LEASE_SECONDS = "DYNAMO_LEASE_SECONDS";

  /** Name of the variable bounding the wait for a lease, in seconds. */
  public static final String DYNAMO_LEASE_WAIT_SECONDS = "DYNAMO_LEASE_WAIT_SECONDS";

  /** Default duration of a fetch lease. */
  public static final Duration DEFAULT_LEASE_DURATION = Duration.ofSeconds(30);

  /**
   * Default bound of the wait for a lease: longer than a holder's fetch may take (the HTTP client
   * gives up after 3 minutes of retries and quota waits).
   */
  public static final Duration DEFAULT_LEASE_WAIT = Duration.ofMinutes(5);

  /** Default limit of the retries of unprocessed batch items. */
  public static final Duration DEFAULT_BATCH_RETRY_LIMIT = Duration.ofSeconds(30);

  private static final Pattern PREFIX = Pattern.compile("[A-Za-z0-9_.\\-]{0,200}");

  /** Validates the values and copies the billing map, which must name every table. */
  public DynamoDbSettings {
    Objects.requireNonNull(tablePrefix, "tablePrefix");
    Objects.requireNonNull(endpoint, "endpoint");
    Objects.requireNonNull(billing, "billing");
    Objects.requireNonNull(batchRetryLimit, "batchRetryLimit");
    Objects.requireNonNull(leaseDuration, "leaseDuration");
    Objects.requireNonNull(leaseWait, "leaseWait");
    if (!PREFIX.matcher(tablePrefix).matches()) {
      throw new ConfigurationException(
          DYNAMO_TABLE_PREFIX
              + "='"
              + tablePrefix
              + "' is not allowed: use at most 200 letters, "
              + "digits, '_', '-' or '.' (DynamoDB table names allow only these)");
    }
    EnumMap<CacheTable, TableBilling> copy = new EnumMap<>(CacheTable.class);
    for (CacheTable t : CacheTable.values()) {
      copy.put(t, Objects.requireNonNull(billing.get(t), "billing of " + t));
    }
    billing = Collections.unmodifiableMap(copy);
    if (batchRetryLimit.isNegative()) {
      throw new IllegalArgumentException("batchRetryLimit " + batchRetryLimit + " is negative");
    }
    if (leaseDuration.toMillis() < 1) {
      throw new IllegalArgumentException("leaseDuration " + leaseDuration + " is below 1 ms");
    }
    if (leaseWait.isNegative()) {
      throw new IllegalArgumentException("leaseWait " + leaseWait + " is negative");
    }
  }

  /** Returns the settings of a prefix and endpoint with on-demand billing and default limits. */
  public static DynamoDbSettings of(String tablePrefix, Optional<URI> endpoint) {
    EnumMap<CacheTable, TableBilling> b = new EnumMap<>(CacheTable.class);
    for (CacheTable t : CacheTable.values()) {
      b.put(t, TableBilling.PAY_PER_REQUEST);
    }
    return new DynamoDbSettings(
        tablePrefix,
        endpoint,
        b,
        DEFAULT_BATCH_RETRY_LIMIT,
        DEFAULT_LEASE_DURATION,
        DEFAULT_LEASE_WAIT);
  }

  /**
   * Reads the settings from the configuration (see the table above).
   *
   * <pre>{@code
   * DynamoDbSettings s = DynamoDbSettings.from(ScrillaConfig.load());
   * }</pre>
   *
   * @throws ConfigurationException naming the variable when a value is invalid
   */
  public static DynamoDbSettings from(ScrillaConfig config) {
    Objects.requireNonNull(config, "config");
    String prefix = config.get(DYNAMO_TABLE_PREFIX).orElse("");
    Optional<URI> endpoint = config.get(DYNAMO_ENDPOINT).map(DynamoDbSettings::endpoint);
    TableBilling shared =
        config
            .get(DYNAMO_CONF)
            .map(s -> TableBilling.parse(DYNAMO_CONF, s))
            .orElse(TableBilling.PAY_PER_REQUEST);
    EnumMap<CacheTable, TableBilling> billing = new EnumMap<>(CacheTable.class);
    for (CacheTable t : CacheTable.values()) {
      billing.put(
          t,
          config
              .get(t.confVariable())
              .map(s -> TableBilling.parse(t.confVariable(), s))
              .orElse(shared));
    }
    Duration lease =
        Duration.ofSeconds(
            config
                .getInt(DYNAMO_LEASE_SECONDS, 1, 3600)
                .orElse((int) DEFAULT_LEASE_DURATION.toSeconds()));
    Duration wait =
        Duration.ofSeconds(
            config
                .getInt(DYNAMO_LEASE_WAIT_SECONDS, 1, 86_400)
                .orElse((int) DEFAULT_LEASE_WAIT.toSeconds()));
    return new DynamoDbSettings(prefix, endpoint, billing, DEFAULT_BATCH_RETRY_LIMIT, lease, wait);
  }

  /** Returns these settings with another retry limit for unprocessed batch items. */
  public DynamoDbSettings withBatchRetryLimit(Duration limit) {
    return new DynamoDbSettings(tablePrefix, endpoint, billing, limit, leaseDuration, leaseWait);
  }

  /**
   * Returns these settings with another lease duration and wait bound.
   *
   * @param duration how long a fetch lease lasts unless renewed
   * @param wait how long a process waits for a lease another holds
   * @return the settings
   */
  public DynamoDbSettings withLeases(Duration duration, Duration wait) {
    return new DynamoDbSettings(tablePrefix, endpoint, billing, batchRetryLimit, duration, wait);
  }

  /** Returns the full name of a table: the prefix and the guide's name. */
  public String tableName(CacheTable table) {
    return table.tableName(tablePrefix);
  }

  private static URI endpoint(String text) {
    try {
      URI u = new URI(text);
      if (u.getScheme() == null
          || !(u.getScheme().equals("http") || u.getScheme().equals("https"))
          || u.getHost() == null) {
        throw new URISyntaxException(text, "use http(s)://host[:port]");
      }
      return u;
    } catch (URISyntaxException e) {
      throw new ConfigurationException(
          DYNAMO_ENDPOINT
              + "='"
              + text
              + "' is not an http(s) URL ("
              + e.getReason()
              + "), e.g. http://127.0.0.1:8000; leave it unset to use AWS",
          e);
    }
  }
}
