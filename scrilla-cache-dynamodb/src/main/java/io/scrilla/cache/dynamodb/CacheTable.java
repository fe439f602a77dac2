package io.scrilla.cache.dynamodb;

/**
 * The tables of the backend, each with its base name and the variable that may override {@code
 * DYNAMO_CONF} for it: the four cache tables of the deployment guide, and {@link #LEASES}, where
 * the processes sharing them coordinate.
 *
 * <p>The table's real name is {@code DYNAMO_TABLE_PREFIX} followed by {@link #baseName()}.
 */
public enum CacheTable {
  /** Daily prices, keyed by (ticker, date). */
  PRICES("prices", "DYNAMO_CONF_PRICES"),
  /** Daily Treasury par yields, keyed by (maturity, date). */
  INTEREST("interest", "DYNAMO_CONF_INTEREST"),
  /** Risk profiles, keyed by (ticker, start_date). */
  PROFILE("profile", "DYNAMO_CONF_PROFILE"),
  /** Pairwise correlations, keyed by (ticker_1, start_date). */
  CORRELATIONS("correlations", "DYNAMO_CONF_CORRELATIONS"),
  /**
   * Leases of fetches and request budgets shared by the processes, keyed by (lease_id, slot), with
   * DynamoDB time to live on {@code expires_at}; holds no cached data.
   */
  LEASES("leases", "DYNAMO_CONF_LEASES");

  private final String baseName;
  private final String confVariable;

  CacheTable(String baseName, String confVariable) {
    this.baseName = baseName;
    this.confVariable = confVariable;
  }

  /**
   * Returns whether the table holds cached data (the guide's four tables), which {@code clear()}
   * deletes; the leases table does not.
   */
  public boolean holdsData() {
    return this != LEASES;
  }

  /** Returns the table name of the deployment guide, e.g. {@code prices}. */
  public String baseName() {
    return baseName;
  }

  /**
   * Returns the variable holding this table's own billing configuration, e.g. {@code
   * DYNAMO_CONF_PRICES}.
   */
  public String confVariable() {
    return confVariable;
  }

  /**
   * Returns the table name with the prefix, e.g. {@code scrilla_prices} for prefix {@code
   * scrilla_}.
   */
  public String tableName(String prefix) {
    return prefix + baseName;
  }
}
