package io.scrilla.api.config;

import io.scrilla.api.error.ConfigurationException;
import io.scrilla.api.error.SafeText;
import io.scrilla.api.error.ScrillaException;
import io.scrilla.api.model.EstimationMethod;
import io.scrilla.api.model.Maturity;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.Properties;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Function;

/**
 * The library's configuration; immutable and thread-safe.
 *
 * <p>Values have scrilla's variable names and come from the environment ({@link
 * #fromEnvironment()}), from Java system properties of the same names, from the user's
 * configuration file ({@link ConfigFile}), from a map, or from a {@link Builder}. {@link #load()}
 * reads the configuration file, lets the environment override it and system properties override
 * both. The variables of the library itself are validated on construction; a bad value fails with a
 * {@link ConfigurationException} naming the variable, the value and what is allowed.
 *
 * <table>
 *   <caption>Variables read here</caption>
 *   <tr><th>variable</th><th>default</th></tr>
 *   <tr><td>{@code CACHE_MODE}</td><td>{@code sqlite}</td></tr>
 *   <tr><td>{@code DEFAULT_ESTIMATION_METHOD}</td><td>{@code moments}</td></tr>
 *   <tr><td>{@code RISK_FREE}</td><td>{@code ONE_YEAR}</td></tr>
 *   <tr><td>{@code MARKET_PROXY}</td><td>{@code SPY}</td></tr>
 *   <tr><td>{@code FRONTIER_STEPS}</td><td>5 (2 to 1000)</td></tr>
 *   <tr><td>{@code MA_1}, {@code MA_2}, {@code MA_3}</td><td>20, 60, 100</td></tr>
 *   <tr><td>{@code DEFAULT_ANALYSIS_PERIOD}</td><td>100 (trading days)</td></tr>
 *   <tr><td>{@code PRICE_MANAGER}, {@code DIV_MANAGER}</td><td>{@code alpha_vantage} when a key
 *       is set and no {@code SCRILLA_DATA_DIR}, else {@code csv}</td></tr>
 *   <tr><td>{@code STAT_MANAGER}</td><td>{@code treasury} when a key is set and no
 *       {@code SCRILLA_DATA_DIR}, else {@code csv}</td></tr>
 *   <tr><td>{@code SCRILLA_DATA_DIR}</td><td>none: the bundled sample data</td></tr>
 *   <tr><td>{@code ALPHA_VANTAGE_KEY}</td><td>none</td></tr>
 *   <tr><td>{@code ALPHA_VANTAGE_REQUESTS_PER_MINUTE}</td><td>5 (0 to 1000000; 0: no shared
 *       budget)</td></tr>
 *   <tr><td>{@code ALPHA_VANTAGE_BUDGET_PERIOD_SECONDS}</td><td>60 (1 to 86400)</td></tr>
 *   <tr><td>{@code SCRILLA_CONFIG_DIR}</td><td>{@code ~/.scrilla}: the configuration file, the
 *       watchlist and the default SQLite cache file</td></tr>
 * </table>
 *
 * <p>The AlphaVantage budget: the processes sharing a cache that coordinates them (the DynamoDB
 * backend) send together at most {@code ALPHA_VANTAGE_REQUESTS_PER_MINUTE} requests per API key in
 * any {@code ALPHA_VANTAGE_BUDGET_PERIOD_SECONDS} seconds (a minute unless set: the free tier's 5
 * per minute by default; 25 per 86400 s keeps the free tier's daily limit instead). A cache of one
 * process (SQLite, memory) sets no budget.
 *
 * <p>This class knows no backend. Each provider parses and validates its own variables from the
 * generic accessors {@link #get}, {@link #getPath}, {@link #getHttpUrl} and {@link #getInt}, whose
 * errors name the variable, the value and what is allowed: the SQLite cache reads {@code
 * SQLITE_FILE}, the AlphaVantage client {@code ALPHA_VANTAGE_URL}, the Treasury source {@code
 * TREASURY_URL}, the DynamoDB cache {@code DYNAMO_CONF} and its siblings, the command line {@code
 * LOG_LEVEL}. The API key never appears in {@link #toString()}.
 *
 * <pre>{@code
 * ScrillaConfig config =
 *     ScrillaConfig.builder().cacheMode("memory").dataDir(Path.of("data")).build();
 * }</pre>
 */
public final class ScrillaConfig {
  /** Name of the cache backend variable. */
  public static final String CACHE_MODE = "CACHE_MODE";

  /** Name of the SQLite file variable, read by the SQLite cache module. */
  public static final String SQLITE_FILE = "SQLITE_FILE";

  /** Name of the default estimation method variable. */
  public static final String DEFAULT_ESTIMATION_METHOD = "DEFAULT_ESTIMATION_METHOD";

  /** Name of the risk-free maturity variable. */
  public static final String RISK_FREE = "RISK_FREE";

  /** Name of the market proxy variable. */
  public static final String MARKET_PROXY = "MARKET_PROXY";

  /** Name of the efficient frontier steps variable. */
  public static final String FRONTIER_STEPS = "FRONTIER_STEPS";

  /** The fewest efficient-frontier points allowed ({@code FRONTIER_STEPS}, {@code --steps}). */
  public static final int MIN_FRONTIER_STEPS = 2;

  /**
   * The most efficient-frontier points allowed ({@code FRONTIER_STEPS}, {@code --steps}): each is
   * one optimization, and a thousand already draw a smooth curve.
   */
  public static final int MAX_FRONTIER_STEPS = 1000;

  /** Name of the first moving-average period variable. */
  public static final String MA_1 = "MA_1";

  /** Name of the second moving-average period variable. */
  public static final String MA_2 = "MA_2";

  /** Name of the third moving-average period variable. */
  public static final String MA_3 = "MA_3";

  /** Name of the default window length variable. */
  public static final String DEFAULT_ANALYSIS_PERIOD = "DEFAULT_ANALYSIS_PERIOD";

  /** Name of the price source variable. */
  public static final String PRICE_MANAGER = "PRICE_MANAGER";

  /** Name of the interest-rate source variable. */
  public static final String STAT_MANAGER = "STAT_MANAGER";

  /** Name of the dividend source variable. */
  public static final String DIV_MANAGER = "DIV_MANAGER";

  /** Name of the CSV folder variable. */
  public static final String SCRILLA_DATA_DIR = "SCRILLA_DATA_DIR";

  /** Name of the AlphaVantage key variable. */
  public static final String ALPHA_VANTAGE_KEY = "ALPHA_VANTAGE_KEY";

  /**
   * Name of the variable holding the number of AlphaVantage requests the processes sharing a cache
   * may send together per API key in one budget period.
   */
  public static final String ALPHA_VANTAGE_REQUESTS_PER_MINUTE =
      "ALPHA_VANTAGE_REQUESTS_PER_MINUTE";

  /** Name of the variable holding the length of the AlphaVantage budget period in seconds. */
  public static final String ALPHA_VANTAGE_BUDGET_PERIOD_SECONDS =
      "ALPHA_VANTAGE_BUDGET_PERIOD_SECONDS";

  /** The most AlphaVantage requests per budget period allowed. */
  public static final int MAX_REQUESTS_PER_PERIOD = 1_000_000;

  /** The longest AlphaVantage budget period allowed, in seconds: a day. */
  public static final int MAX_BUDGET_PERIOD_SECONDS = 86_400;

  /**
   * Name of the variable of the user's configuration folder (default {@code ~/.scrilla}), which
   * holds the configuration file ({@link ConfigFile}), the command line's watchlist and the default
   * SQLite cache file. Read from the environment or a system property, never from the file itself.
   */
  public static final String SCRILLA_CONFIG_DIR = "SCRILLA_CONFIG_DIR";

  /** Name of the log level variable, read by the command line. */
  public static final String LOG_LEVEL = "LOG_LEVEL";

  private static final Set<String> SECRETS = Set.of(ALPHA_VANTAGE_KEY);

  private final Map<String, String> values;
  private final String cacheMode;
  private final EstimationMethod defaultMethod;
  private final Maturity riskFree;
  private final String marketProxy;
  private final int frontierSteps;
  private final int ma1;
  private final int ma2;
  private final int ma3;
  private final int analysisPeriod;
  private final Optional<Path> dataDir;
  private final Optional<String> alphaVantageKey;
  private final String priceManager;
  private final String statManager;
  private final String divManager;
  private final int alphaVantageRequests;
  private final Duration alphaVantageBudgetPeriod;

  private ScrillaConfig(Map<String, String> raw) {
    Map<String, String> v = new TreeMap<>();
    raw.forEach(
        (k, val) -> {
          if (k != null && val != null && !val.isBlank()) {
            v.put(k, val.trim());
          }
        });
    this.values = Collections.unmodifiableMap(v);
    this.cacheMode = text(CACHE_MODE, "sqlite").toLowerCase(Locale.ROOT);
    this.defaultMethod =
        parse(DEFAULT_ESTIMATION_METHOD, EstimationMethod.MOMENTS, EstimationMethod::parse);
    this.riskFree = parse(RISK_FREE, Maturity.ONE_YEAR, Maturity::parse);
    this.marketProxy = text(MARKET_PROXY, "SPY").toUpperCase(Locale.ROOT);
    this.frontierSteps = getInt(FRONTIER_STEPS, MIN_FRONTIER_STEPS, MAX_FRONTIER_STEPS).orElse(5);
    this.ma1 = getInt(MA_1, 1).orElse(20);
    this.ma2 = getInt(MA_2, 1).orElse(60);
    this.ma3 = getInt(MA_3, 1).orElse(100);
    this.analysisPeriod = getInt(DEFAULT_ANALYSIS_PERIOD, 2).orElse(100);
    this.dataDir = getPath(SCRILLA_DATA_DIR);
    this.alphaVantageKey = Optional.ofNullable(v.get(ALPHA_VANTAGE_KEY));
    boolean live = alphaVantageKey.isPresent() && dataDir.isEmpty();
    this.priceManager = manager(PRICE_MANAGER, live ? "alpha_vantage" : "csv");
    this.statManager = manager(STAT_MANAGER, live ? "treasury" : "csv");
    this.divManager = manager(DIV_MANAGER, live ? "alpha_vantage" : "csv");
    this.alphaVantageRequests =
        getInt(ALPHA_VANTAGE_REQUESTS_PER_MINUTE, 0, MAX_REQUESTS_PER_PERIOD).orElse(5);
    this.alphaVantageBudgetPeriod =
        Duration.ofSeconds(
            getInt(ALPHA_VANTAGE_BUDGET_PERIOD_SECONDS, 1, MAX_BUDGET_PERIOD_SECONDS).orElse(60));
  }

  /** Returns the configuration from the environment variables alone. */
  public static ScrillaConfig fromEnvironment() {
    return new ScrillaConfig(System.getenv());
  }

  /**
   * Returns the configuration of the user's configuration file ({@link ConfigFile}, in {@link
   * #configDir()}), overridden by the environment, overridden in turn by Java system properties of
   * the same names ({@code -DCACHE_MODE=memory}). The folder is found from the environment and the
   * system properties ({@code SCRILLA_CONFIG_DIR}, default {@code ~/.scrilla}); a missing file
   * holds nothing.
   *
   * @throws ConfigurationException when the file exists but cannot be read, or a value is invalid
   */
  public static ScrillaConfig load() {
    return load(System.getenv(), System.getProperties());
  }

  /** {@link #load()} over a given environment and system properties (tests pass their own). */
  static ScrillaConfig load(Map<String, String> env, Properties system) {
    Map<String, String> over = new LinkedHashMap<>(env);
    for (String name : system.stringPropertyNames()) {
      if (name.equals(name.toUpperCase(Locale.ROOT))) {
        over.put(name, system.getProperty(name));
      }
    }
    Map<String, String> m =
        new LinkedHashMap<>(ConfigFile.read(ConfigFile.in(configDir(over, system))));
    m.remove(SCRILLA_CONFIG_DIR); // the file cannot move its own folder
    m.putAll(over);
    return new ScrillaConfig(m);
  }

  /** Returns {@code SCRILLA_CONFIG_DIR} of the values, else {@code ~/.scrilla}. */
  private static Path configDir(Map<String, String> values, Properties system) {
    String dir = values.get(SCRILLA_CONFIG_DIR);
    if (dir != null && !dir.isBlank()) {
      try {
        return Path.of(dir.trim());
      } catch (RuntimeException e) {
        throw new ConfigurationException(
            SCRILLA_CONFIG_DIR
                + "="
                + SafeText.quote(dir)
                + " is not a valid path: give a folder, or leave it unset for ~/.scrilla",
            e);
      }
    }
    return Path.of(system.getProperty("user.home", ""), ".scrilla");
  }

  /** Returns the configuration from a map of variable names to values. */
  public static ScrillaConfig from(Map<String, String> values) {
    return new ScrillaConfig(Objects.requireNonNull(values, "values"));
  }

  /** Returns the defaults: no environment, no system properties. */
  public static ScrillaConfig defaults() {
    return new ScrillaConfig(Map.of());
  }

  /** Returns a builder starting from no values (all defaults). */
  public static Builder builder() {
    return new Builder(Map.of());
  }

  /** Returns a builder starting from this configuration's values. */
  public Builder toBuilder() {
    return new Builder(values);
  }

  /**
   * Returns the value of any variable, e.g. {@code DYNAMO_CONF}, trimmed, if set and not blank.
   *
   * @param name the variable
   * @return its text, or empty
   */
  public Optional<String> get(String name) {
    return Optional.ofNullable(values.get(Objects.requireNonNull(name, "name")));
  }

  /**
   * Returns a variable's value as a file-system path, if set.
   *
   * @param name the variable, e.g. {@code SQLITE_FILE}
   * @return the path, or empty
   * @throws ConfigurationException naming the variable and the value when it is not a valid path
   */
  public Optional<Path> getPath(String name) {
    Optional<String> s = get(name);
    if (s.isEmpty()) {
      return Optional.empty();
    }
    try {
      return Optional.of(Path.of(s.get()));
    } catch (RuntimeException e) {
      throw new ConfigurationException(
          name + "=" + SafeText.quote(s.get()) + " is not a valid path: give a file or folder", e);
    }
  }

  /**
   * Returns a variable's value as an http or https URL to which query parameters can be appended,
   * if set.
   *
   * @param name the variable, e.g. {@code ALPHA_VANTAGE_URL}
   * @return the URL, or empty
   * @throws ConfigurationException naming the variable, the value and what is allowed when it is
   *     not an absolute http(s) URL with a host, or has a {@code #fragment} (which would swallow
   *     the query parameters appended to it)
   */
  public Optional<URI> getHttpUrl(String name) {
    Optional<String> s = get(name);
    return s.map(text -> httpUrl(name, text));
  }

  /**
   * Checks that a text is an absolute http(s) URL with a host and without a fragment, for a
   * variable's value or a URL given in code.
   *
   * @param name the variable the URL stands for, for the message
   * @param text the URL
   * @return the URL
   * @throws ConfigurationException naming the variable, the value and what is allowed
   */
  public static URI httpUrl(String name, String text) {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(text, "text");
    String problem;
    try {
      URI u = new URI(text);
      String scheme = u.getScheme() == null ? "" : u.getScheme().toLowerCase(Locale.ROOT);
      if (!scheme.equals("http") && !scheme.equals("https")) {
        problem = "is not an http(s) URL";
      } else if (u.getHost() == null) {
        problem = "has no host";
      } else if (u.getRawFragment() != null) {
        problem =
            "has a #fragment, which would swallow the query parameters appended to it;"
                + " remove the '#' and what follows";
      } else {
        return u;
      }
    } catch (URISyntaxException e) {
      problem = "is not an http(s) URL (" + e.getReason() + ")";
    }
    throw new ConfigurationException(
        name
            + "="
            + SafeText.quote(text)
            + " "
            + problem
            + ": use an http or https URL such as https://example.com/query");
  }

  /**
   * Returns a variable's value as a whole number of at least {@code min}, if set.
   *
   * @param name the variable, e.g. {@code FRONTIER_STEPS}
   * @param min the least value allowed
   * @return the number, or empty
   * @throws ConfigurationException naming the variable, the value and the least value allowed
   */
  public OptionalInt getInt(String name, int min) {
    return getInt(name, min, Integer.MAX_VALUE);
  }

  /**
   * Returns a variable's value as a whole number from {@code min} to {@code max}, if set.
   *
   * @param name the variable, e.g. {@code FRONTIER_STEPS}
   * @param min the least value allowed
   * @param max the greatest value allowed
   * @return the number, or empty
   * @throws ConfigurationException naming the variable, the value and the range allowed
   */
  public OptionalInt getInt(String name, int min, int max) {
    Optional<String> s = get(name);
    if (s.isEmpty()) {
      return OptionalInt.empty();
    }
    try {
      int n = Integer.parseInt(s.get());
      if (n >= min && n <= max) {
        return OptionalInt.of(n);
      }
    } catch (NumberFormatException e) {
      // reported below
    }
    throw new ConfigurationException(
        name
            + "="
            + SafeText.quote(s.get())
            + " is not allowed: use a whole number of at least "
            + min
            + (max == Integer.MAX_VALUE ? "" : " and at most " + max));
  }

  /**
   * Returns the user's configuration folder: {@code SCRILLA_CONFIG_DIR}, else {@code .scrilla} in
   * the user's home folder. It holds the configuration file ({@link ConfigFile}), the command
   * line's watchlist and the default SQLite cache file; nothing is created by this call.
   *
   * @throws ConfigurationException when {@code SCRILLA_CONFIG_DIR} is not a valid path
   */
  public Path configDir() {
    return configDir(values, System.getProperties());
  }

  /** Returns the cache backend name ({@code CACHE_MODE}), lower case. */
  public String cacheMode() {
    return cacheMode;
  }

  /** Returns the default estimation method ({@code DEFAULT_ESTIMATION_METHOD}). */
  public EstimationMethod defaultMethod() {
    return defaultMethod;
  }

  /** Returns the maturity whose yield is the risk-free rate ({@code RISK_FREE}). */
  public Maturity riskFree() {
    return riskFree;
  }

  /** Returns the ticker of the market proxy ({@code MARKET_PROXY}). */
  public String marketProxy() {
    return marketProxy;
  }

  /** Returns the number of efficient-frontier points ({@code FRONTIER_STEPS}). */
  public int frontierSteps() {
    return frontierSteps;
  }

  /** Returns the three moving-average periods ({@code MA_1}, {@code MA_2}, {@code MA_3}). */
  public int[] movingAveragePeriods() {
    return new int[] {ma1, ma2, ma3};
  }

  /** Returns the default window length in trading days ({@code DEFAULT_ANALYSIS_PERIOD}). */
  public int analysisPeriod() {
    return analysisPeriod;
  }

  /** Returns the folder of the {@code csv} sources, if set ({@code SCRILLA_DATA_DIR}). */
  public Optional<Path> dataDir() {
    return dataDir;
  }

  /** Returns the AlphaVantage API key, if set. Never log it. */
  public Optional<String> alphaVantageKey() {
    return alphaVantageKey;
  }

  /**
   * Returns how many AlphaVantage requests the processes sharing a cache may send together per API
   * key in one {@link #alphaVantageBudgetPeriod() period} ({@code
   * ALPHA_VANTAGE_REQUESTS_PER_MINUTE}, default 5); 0 when no shared budget is kept.
   */
  public int alphaVantageRequestsPerPeriod() {
    return alphaVantageRequests;
  }

  /**
   * Returns the length of the AlphaVantage budget period ({@code
   * ALPHA_VANTAGE_BUDGET_PERIOD_SECONDS}, default 60 s).
   */
  public Duration alphaVantageBudgetPeriod() {
    return alphaVantageBudgetPeriod;
  }

  /** Returns the price source name ({@code PRICE_MANAGER}), lower case. */
  public String priceManager() {
    return priceManager;
  }

  /** Returns the interest-rate source name ({@code STAT_MANAGER}), lower case. */
  public String statManager() {
    return statManager;
  }

  /** Returns the dividend source name ({@code DIV_MANAGER}), lower case. */
  public String divManager() {
    return divManager;
  }

  /**
   * Returns whether the {@code csv} sources will read the sample data bundled with the library:
   * true when a source is {@code csv} and no {@code SCRILLA_DATA_DIR} is set.
   */
  public boolean usesSampleData() {
    return dataDir.isEmpty()
        && (priceManager.equals("csv") || statManager.equals("csv") || divManager.equals("csv"));
  }

  private String text(String name, String dflt) {
    return values.getOrDefault(name, dflt);
  }

  private String manager(String name, String dflt) {
    return text(name, dflt).toLowerCase(Locale.ROOT);
  }

  private <T> T parse(String name, T dflt, Function<String, T> parser) {
    String s = values.get(name);
    if (s == null) {
      return dflt;
    }
    try {
      return parser.apply(s);
    } catch (ScrillaException e) {
      throw new ConfigurationException(name + ": " + e.getMessage(), e);
    }
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof ScrillaConfig && ((ScrillaConfig) o).values.equals(values);
  }

  @Override
  public int hashCode() {
    return values.hashCode();
  }

  /**
   * Returns whether a variable holds a secret that is never shown: {@code ALPHA_VANTAGE_KEY} and
   * any name containing {@code KEY} or {@code SECRET}.
   *
   * @param name the variable
   * @return whether its value is masked
   */
  public static boolean isSecret(String name) {
    return SECRETS.contains(name) || name.contains("SECRET") || name.contains("KEY");
  }

  /** Lists the variables set, with secrets masked. */
  @Override
  public String toString() {
    Map<String, String> shown = new TreeMap<>();
    values.forEach((k, v) -> shown.put(k, isSecret(k) ? SafeText.MASK : v));
    return "ScrillaConfig" + shown;
  }

  /** Builds a configuration; setters take the same text the environment variables would hold. */
  public static final class Builder {
    private final Map<String, String> values;

    private Builder(Map<String, String> initial) {
      this.values = new LinkedHashMap<>(initial);
    }

    /**
     * Sets any variable by name; a blank or {@code null} value removes it.
     *
     * @param name the variable, e.g. {@code DYNAMO_CONF}
     * @param value its text
     * @return this builder
     */
    public Builder set(String name, String value) {
      Objects.requireNonNull(name, "name");
      if (value == null || value.isBlank()) {
        values.remove(name);
      } else {
        values.put(name, value);
      }
      return this;
    }

    /** Sets {@code CACHE_MODE}, e.g. {@code sqlite}, {@code memory}, {@code dynamodb}. */
    public Builder cacheMode(String mode) {
      return set(CACHE_MODE, mode);
    }

    /** Sets {@code SQLITE_FILE}, the file of the SQLite cache module. */
    public Builder sqliteFile(Path file) {
      return set(SQLITE_FILE, file.toString());
    }

    /** Sets {@code SCRILLA_DATA_DIR}. */
    public Builder dataDir(Path dir) {
      return set(SCRILLA_DATA_DIR, dir.toString());
    }

    /** Sets {@code DEFAULT_ESTIMATION_METHOD}. */
    public Builder defaultMethod(EstimationMethod method) {
      return set(DEFAULT_ESTIMATION_METHOD, method.canonicalName());
    }

    /** Sets {@code RISK_FREE}. */
    public Builder riskFree(Maturity maturity) {
      return set(RISK_FREE, maturity.name());
    }

    /** Sets {@code MARKET_PROXY}. */
    public Builder marketProxy(String ticker) {
      return set(MARKET_PROXY, ticker);
    }

    /** Sets {@code ALPHA_VANTAGE_KEY}. */
    public Builder alphaVantageKey(String key) {
      return set(ALPHA_VANTAGE_KEY, key);
    }

    /** Builds and validates the configuration. */
    public ScrillaConfig build() {
      return new ScrillaConfig(values);
    }
  }
}
