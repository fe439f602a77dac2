package io.scrilla.services.alphavantage;

import io.scrilla.api.config.ScrillaConfig;
import io.scrilla.api.error.ConfigurationException;
import io.scrilla.api.error.SafeText;
import io.scrilla.api.model.Asset;
import io.scrilla.api.model.AssetType;
import io.scrilla.api.model.Dividend;
import io.scrilla.api.model.PriceHistory;
import io.scrilla.api.spi.Coordination;
import io.scrilla.api.spi.RequestBudget;
import io.scrilla.services.alphavantage.internal.DividendParser;
import io.scrilla.services.alphavantage.internal.TimeSeriesParser;
import io.scrilla.services.http.FetchRequest;
import io.scrilla.services.http.HttpFetcher;
import io.scrilla.services.http.Redactor;
import io.scrilla.services.http.SingleFlight;
import io.scrilla.services.http.SourceIds;
import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.stream.Collectors;

/**
 * Sends requests to AlphaVantage and validates the answers; thread-safe.
 *
 * <p>Requests go to {@code ALPHA_VANTAGE_URL} (default {@value #DEFAULT_URL}) with the parameters
 * {@code function}, {@code symbol}, {@code outputsize} or {@code market=USD}, and {@code apikey}.
 * Concurrent requests for the same ticker, function and output size share one fetch. Retries,
 * timeouts and quota waits follow the {@link HttpFetcher}'s settings. Every request, retries
 * included, is first taken from the client's {@link RequestBudget} (unlimited unless set; {@link
 * #create(ScrillaConfig, Coordination)} takes the fleet's shared budget of the key from a cache's
 * coordination), and waits while it is spent. Answers with a quota note raise {@link
 * io.scrilla.services.http.QuotaExceededException}, a rejected key a non-retryable {@link
 * io.scrilla.api.error.ServiceException}, an unknown ticker a {@link
 * io.scrilla.api.error.PriceUnavailableException}; a malformed answer or bad data (not a number,
 * not positive, a repeated date) a {@link io.scrilla.api.error.ServiceException} naming the ticker
 * and the date, and nothing of it is returned.
 *
 * <p>The key never appears in a log line, an exception message or {@link #toString()}: building a
 * client registers it with {@link SafeText}, which masks it in every form wherever it is echoed.
 *
 * <pre>{@code
 * AlphaVantageClient client = AlphaVantageClient.builder().apiKey(key).build();
 * PriceHistory spy = client.dailyPrices(Asset.equity("SPY"), OutputSize.COMPACT);
 * }</pre>
 */
public final class AlphaVantageClient {
  /** Name of the variable holding the query URL. */
  public static final String ALPHA_VANTAGE_URL = "ALPHA_VANTAGE_URL";

  /** The default query URL. */
  public static final String DEFAULT_URL = "https://www.alphavantage.co/query";

  /** The function for equity prices. */
  public static final String TIME_SERIES_DAILY = "TIME_SERIES_DAILY";

  /** The function for crypto prices. */
  public static final String DIGITAL_CURRENCY_DAILY = "DIGITAL_CURRENCY_DAILY";

  /** The function for dividends. */
  public static final String DIVIDENDS = "DIVIDENDS";

  /** Where a free key is issued. */
  public static final String KEY_URL = "https://www.alphavantage.co/support/#api-key";

  private final String apiKey;
  private final URI url;
  private final HttpFetcher fetcher;
  private final RequestBudget budget;
  private final Redactor redactor;
  private final SingleFlight<String, PriceHistory> priceFlights = new SingleFlight<>();
  private final SingleFlight<String, List<Dividend>> dividendFlights = new SingleFlight<>();

  private AlphaVantageClient(String apiKey, URI url, HttpFetcher fetcher, RequestBudget budget) {
    this.apiKey = apiKey;
    this.url = url;
    this.fetcher = fetcher;
    this.budget = budget;
    this.redactor = Redactor.of(List.of(apiKey));
  }

  /**
   * Returns a client for {@code ALPHA_VANTAGE_KEY} and {@code ALPHA_VANTAGE_URL} using the shared
   * {@link HttpFetcher}.
   *
   * @param config the configuration
   * @return the client
   * @throws ConfigurationException when no key is set, saying how to get and set one, or when
   *     {@code ALPHA_VANTAGE_URL} is not an http(s) URL or has a {@code #fragment}
   */
  public static AlphaVantageClient create(ScrillaConfig config) {
    return create(config, Coordination.local());
  }

  /**
   * Returns a client for {@code ALPHA_VANTAGE_KEY} and {@code ALPHA_VANTAGE_URL} using the shared
   * {@link HttpFetcher}, taking every request from the coordination's shared budget of the key:
   * {@code ALPHA_VANTAGE_REQUESTS_PER_MINUTE} requests per {@code
   * ALPHA_VANTAGE_BUDGET_PERIOD_SECONDS} (none when the former is 0), named by {@link
   * #budgetName(String)}.
   *
   * @param config the configuration
   * @param coordination the coordination of the processes sharing the cache
   * @return the client
   * @throws ConfigurationException as {@link #create(ScrillaConfig)}
   */
  public static AlphaVantageClient create(ScrillaConfig config, Coordination coordination) {
    Objects.requireNonNull(config, "config");
    Objects.requireNonNull(coordination, "coordination");
    URI url = config.getHttpUrl(ALPHA_VANTAGE_URL).orElse(URI.create(DEFAULT_URL));
    String key = config.alphaVantageKey().orElseThrow(AlphaVantageClient::missingKey);
    int requests = config.alphaVantageRequestsPerPeriod();
    RequestBudget budget =
        requests == 0
            ? RequestBudget.unlimited()
            : coordination.budget(budgetName(key), requests, config.alphaVantageBudgetPeriod());
    return builder().apiKey(key).url(url).budget(budget).build();
  }

  /**
   * Returns the name of an API key's shared budget: {@code alpha_vantage:} and the first 32 hex
   * digits of a SHA-256 of the key, so that every process with the key shares one budget while the
   * key itself is never stored.
   *
   * @param apiKey the key
   * @return the name, e.g. {@code alpha_vantage:5e2c9a1b7d03...}
   */
  public static String budgetName(String apiKey) {
    Objects.requireNonNull(apiKey, "apiKey");
    byte[] salted = ("scrilla request budget|" + apiKey.trim()).getBytes(StandardCharsets.UTF_8);
    return "alpha_vantage:" + SourceIds.sha256(salted).substring(0, 32);
  }

  /** Returns a builder with the default URL and the shared fetcher. */
  public static Builder builder() {
    return new Builder();
  }

  /**
   * Fetches the daily prices of an asset: {@code TIME_SERIES_DAILY} with the given output size for
   * an equity, {@code DIGITAL_CURRENCY_DAILY} with {@code market=USD} for a crypto currency (which
   * has no output size: its whole history comes back).
   *
   * @param asset the asset
   * @param size compact (the latest 100 points) or full; ignored for crypto
   * @return every price in the answer, ascending
   * @throws io.scrilla.api.error.PriceUnavailableException when AlphaVantage does not know the
   *     ticker
   * @throws io.scrilla.api.error.ServiceException when the request or the answer fails
   */
  public PriceHistory dailyPrices(Asset asset, OutputSize size) {
    Objects.requireNonNull(asset, "asset");
    Objects.requireNonNull(size, "size");
    Map<String, String> params = new LinkedHashMap<>();
    String description;
    if (asset.type() == AssetType.CRYPTO) {
      params.put("function", DIGITAL_CURRENCY_DAILY);
      params.put("symbol", asset.ticker());
      params.put("market", "USD");
      description = "AlphaVantage " + DIGITAL_CURRENCY_DAILY + " " + asset.ticker();
    } else {
      params.put("function", TIME_SERIES_DAILY);
      params.put("symbol", asset.ticker());
      params.put("outputsize", size.parameter());
      description =
          "AlphaVantage "
              + TIME_SERIES_DAILY
              + " "
              + asset.ticker()
              + " ("
              + size.parameter()
              + ")";
    }
    FetchRequest request = request(params, description);
    String key = String.join("|", params.values());
    return priceFlights.run(
        key,
        () ->
            fetcher.get(
                request,
                (body, type) ->
                    TimeSeriesParser.parse(body, asset, request.description(), redactor)));
  }

  /**
   * Fetches every dividend AlphaVantage knows for an equity ({@code DIVIDENDS}); a crypto currency
   * pays none and costs no request.
   *
   * @param asset the asset
   * @return the dividends ascending by payment date (the ex-dividend date when no payment date is
   *     published); empty when it pays none
   * @throws io.scrilla.api.error.PriceUnavailableException when AlphaVantage does not know the
   *     ticker
   * @throws io.scrilla.api.error.ServiceException when the request or the answer fails
   */
  public List<Dividend> dividends(Asset asset) {
    Objects.requireNonNull(asset, "asset");
    if (asset.type() == AssetType.CRYPTO) {
      return List.of();
    }
    Map<String, String> params = new LinkedHashMap<>();
    params.put("function", DIVIDENDS);
    params.put("symbol", asset.ticker());
    FetchRequest request = request(params, "AlphaVantage " + DIVIDENDS + " " + asset.ticker());
    return dividendFlights.run(
        asset.ticker(),
        () ->
            fetcher.get(
                request,
                (body, type) ->
                    DividendParser.parse(body, asset, request.description(), redactor)));
  }

  /** Returns the query URL (without the key). */
  public URI url() {
    return url;
  }

  /** Returns the fetcher that sends the requests. */
  public HttpFetcher fetcher() {
    return fetcher;
  }

  /** Returns the budget every request is taken from. */
  public RequestBudget budget() {
    return budget;
  }

  private FetchRequest request(Map<String, String> params, String description) {
    Map<String, String> all = new LinkedHashMap<>(params);
    all.put("apikey", apiKey);
    String query =
        all.entrySet().stream()
            .map(e -> enc(e.getKey()) + "=" + enc(e.getValue()))
            .collect(Collectors.joining("&"));
    String base = url.toString();
    String sep = base.contains("?") ? (base.endsWith("?") || base.endsWith("&") ? "" : "&") : "?";
    return FetchRequest.of(URI.create(base + sep + query), description, redactor, "json")
        .withBudget(budget);
  }

  private static String enc(String s) {
    return URLEncoder.encode(s, StandardCharsets.UTF_8);
  }

  static ConfigurationException missingKey() {
    return new ConfigurationException(
        "ALPHA_VANTAGE_KEY is not set, and the alpha_vantage source needs"
            + " it: get a free key at "
            + KEY_URL
            + " and set it, e.g. export ALPHA_VANTAGE_KEY=yourkey (or -DALPHA_VANTAGE_KEY=yourkey,"
            + " or ScrillaConfig.builder().alphaVantageKey(...)); or work offline with"
            + " PRICE_MANAGER=csv, DIV_MANAGER=csv and SCRILLA_DATA_DIR");
  }

  /** Names the URL; never the key. */
  @Override
  public String toString() {
    return "AlphaVantageClient[url="
        + redactor.redact(url.toString())
        + ", key="
        + Redactor.MASK
        + "]";
  }

  /** Builds an {@link AlphaVantageClient}. */
  public static final class Builder {
    private String apiKey;
    private URI url = URI.create(DEFAULT_URL);
    private HttpFetcher fetcher;
    private RequestBudget budget = RequestBudget.unlimited();

    private Builder() {}

    /** Sets the API key (required). */
    public Builder apiKey(String key) {
      this.apiKey = key;
      return this;
    }

    /** Sets the full query URL (default {@value AlphaVantageClient#DEFAULT_URL}). */
    public Builder url(URI url) {
      this.url = Objects.requireNonNull(url, "url");
      return this;
    }

    /**
     * Sets the budget every request is taken from (default {@link RequestBudget#unlimited()}), e.g.
     * {@code coordination.budget(AlphaVantageClient.budgetName(key), 5, Duration.ofMinutes(1))}.
     */
    public Builder budget(RequestBudget budget) {
      this.budget = Objects.requireNonNull(budget, "budget");
      return this;
    }

    /** Sets the fetcher (default {@link HttpFetcher#shared()}). */
    public Builder fetcher(HttpFetcher fetcher) {
      this.fetcher = Objects.requireNonNull(fetcher, "fetcher");
      return this;
    }

    /**
     * Builds the client.
     *
     * @throws ConfigurationException when no key was given, or the URL is not an http(s) URL or has
     *     a {@code #fragment} (which would swallow the query parameters)
     */
    public AlphaVantageClient build() {
      if (apiKey == null || apiKey.isBlank()) {
        throw missingKey();
      }
      SafeText.registerSecret(apiKey);
      ScrillaConfig.httpUrl(ALPHA_VANTAGE_URL, url.toString());
      return new AlphaVantageClient(
          apiKey.trim(), url, fetcher == null ? HttpFetcher.shared() : fetcher, budget);
    }
  }
}
