package io.scrilla.services.treasury;

import io.scrilla.api.config.ScrillaConfig;
import io.scrilla.api.error.ConfigurationException;
import io.scrilla.api.model.DateRange;
import io.scrilla.api.model.Exchange;
import io.scrilla.api.model.SourceId;
import io.scrilla.api.model.YieldCurve;
import io.scrilla.api.spi.InterestRateSource;
import io.scrilla.api.spi.ProgressListener;
import io.scrilla.services.http.FetchRequest;
import io.scrilla.services.http.HttpFetcher;
import io.scrilla.services.http.Redactor;
import io.scrilla.services.http.SingleFlight;
import io.scrilla.services.http.SourceIds;
import io.scrilla.services.treasury.internal.TreasuryFeedParser;
import java.net.URI;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * The US Treasury's daily par yield curves from its XML feed; thread-safe. The {@code treasury}
 * {@code STAT_MANAGER}.
 *
 * <p>The feed has one page per year: {@code
 * {TREASURY_URL}?data=daily_treasury_yield_curve&field_tdr_date_value={YEAR}}. {@link
 * #yieldCurves(DateRange, ProgressListener)} fetches the page of every year from the range's start
 * to its end (or today, if earlier), reports each page to the listener, and returns the curves
 * dated in the range, ascending, rates as decimal fractions; a maturity the Treasury did not
 * publish on a date is absent from that curve. Concurrent requests for the same year share one
 * fetch.
 *
 * <pre>{@code
 * TreasuryRateSource rates = TreasuryRateSource.builder().clock(clock).build();
 * List<YieldCurve> curves = rates.yieldCurves(DateRange.parse("2021-01-01", "2022-03-31"),
 *     (task, done, total) -> System.err.println(task + " " + done + "/" + total));
 * }</pre>
 */
public final class TreasuryRateSource implements InterestRateSource {
  /** Name of the variable holding the base URL of the yearly pages. */
  public static final String TREASURY_URL = "TREASURY_URL";

  /** The default base URL of the Treasury's daily par yield curve XML pages. */
  public static final String DEFAULT_URL =
      "https://home.treasury.gov/resource-center/data-chart-center/interest-rates/pages/xml";

  private final URI baseUrl;
  private final HttpFetcher fetcher;
  private final Clock clock;
  private final SingleFlight<Integer, List<YieldCurve>> flights = new SingleFlight<>();

  private TreasuryRateSource(URI baseUrl, HttpFetcher fetcher, Clock clock) {
    this.baseUrl = baseUrl;
    this.fetcher = fetcher;
    this.clock = clock;
  }

  /**
   * Returns the source for {@code TREASURY_URL} (default {@value #DEFAULT_URL}) with the shared
   * fetcher and the system clock.
   *
   * @param config the configuration
   * @return the source
   * @throws ConfigurationException when {@code TREASURY_URL} is not an http(s) URL or has a {@code
   *     #fragment}
   */
  public static TreasuryRateSource create(ScrillaConfig config) {
    Objects.requireNonNull(config, "config");
    return builder()
        .baseUrl(config.getHttpUrl(TREASURY_URL).orElse(URI.create(DEFAULT_URL)))
        .build();
  }

  /** Returns a builder with the default URL, the shared fetcher and the system clock. */
  public static Builder builder() {
    return new Builder();
  }

  /**
   * {@inheritDoc}
   *
   * <p>Sends one request per year from {@code range.start()} to {@code min(range.end(), today)},
   * none when the range starts after today; the listener hears {@code ("treasury YEAR", k, n)}
   * after the k-th of n pages.
   *
   * @throws io.scrilla.api.error.ServiceException when a page cannot be fetched or read; no curve
   *     is returned then
   */
  @Override
  public List<YieldCurve> yieldCurves(DateRange range, ProgressListener listener) {
    Objects.requireNonNull(range, "range");
    Objects.requireNonNull(listener, "listener");
    LocalDate today = latestDate();
    LocalDate last = range.end().isAfter(today) ? today : range.end();
    List<YieldCurve> out = new ArrayList<>();
    if (range.start().isAfter(last)) {
      return List.of();
    }
    int first = range.start().getYear();
    int total = last.getYear() - first + 1;
    for (int year = first; year <= last.getYear(); year++) {
      for (YieldCurve c : page(year)) {
        if (c.date().getYear() == year && range.contains(c.date())) {
          out.add(c);
        }
      }
      listener.onProgress("treasury " + year, year - first + 1, total);
    }
    return List.copyOf(out);
  }

  /**
   * Returns every curve on the Treasury's page of one year, ascending (one request, shared with
   * concurrent callers asking for the same year).
   *
   * @param year the year
   * @return the curves of the page
   */
  public List<YieldCurve> page(int year) {
    String what = "Treasury yield curves " + year;
    String base = baseUrl.toString();
    String sep = base.contains("?") ? "&" : "?";
    URI uri =
        URI.create(base + sep + "data=daily_treasury_yield_curve&field_tdr_date_value=" + year);
    FetchRequest request = FetchRequest.of(uri, what, Redactor.none(), "xml");
    return flights.run(
        year, () -> fetcher.get(request, (body, type) -> TreasuryFeedParser.parse(body, what)));
  }

  /** Returns today's date in New York: the Treasury may publish today's curve in the evening. */
  @Override
  public LocalDate latestDate() {
    return Exchange.today(clock);
  }

  /**
   * Returns {@code treasury}, or {@code treasury@} and the URL's scheme, host, port and path when
   * the pages come from elsewhere than {@value #DEFAULT_URL}.
   */
  @Override
  public SourceId sourceId() {
    return SourceIds.forService(TreasuryRateSourceProvider.NAME, baseUrl, URI.create(DEFAULT_URL));
  }

  /** Returns the base URL of the yearly pages. */
  public URI baseUrl() {
    return baseUrl;
  }

  @Override
  public String toString() {
    return "TreasuryRateSource[url=" + Redactor.none().redact(baseUrl.toString()) + "]";
  }

  /** Builds a {@link TreasuryRateSource}. */
  public static final class Builder {
    private URI baseUrl = URI.create(DEFAULT_URL);
    private HttpFetcher fetcher;
    private Clock clock = Clock.systemUTC();

    private Builder() {}

    /** Sets the base URL of the yearly pages (default {@value TreasuryRateSource#DEFAULT_URL}). */
    public Builder baseUrl(URI url) {
      this.baseUrl = Objects.requireNonNull(url, "url");
      return this;
    }

    /** Sets the fetcher (default {@link HttpFetcher#shared()}). */
    public Builder fetcher(HttpFetcher fetcher) {
      this.fetcher = Objects.requireNonNull(fetcher, "fetcher");
      return this;
    }

    /** Sets the clock that tells today (read in New York). */
    public Builder clock(Clock clock) {
      this.clock = Objects.requireNonNull(clock, "clock");
      return this;
    }

    /**
     * Builds the source.
     *
     * @throws ConfigurationException when the URL is not http(s) or has a {@code #fragment}
     */
    public TreasuryRateSource build() {
      ScrillaConfig.httpUrl(TREASURY_URL, baseUrl.toString());
      return new TreasuryRateSource(
          baseUrl, fetcher == null ? HttpFetcher.shared() : fetcher, clock);
    }
  }
}
