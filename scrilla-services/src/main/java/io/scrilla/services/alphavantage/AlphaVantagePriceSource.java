package io.scrilla.services.alphavantage;

import io.scrilla.api.config.ScrillaConfig;
import io.scrilla.api.model.Asset;
import io.scrilla.api.model.AssetType;
import io.scrilla.api.model.DateRange;
import io.scrilla.api.model.Exchange;
import io.scrilla.api.model.PriceHistory;
import io.scrilla.api.model.SourceId;
import io.scrilla.api.spi.PriceSource;
import io.scrilla.services.http.SourceIds;
import java.net.URI;
import java.time.Clock;
import java.time.LocalDate;
import java.util.Objects;

/**
 * Daily prices from AlphaVantage; thread-safe. The {@code alpha_vantage} {@code PRICE_MANAGER}.
 *
 * <p>Equities come from {@code TIME_SERIES_DAILY} (unadjusted {@code "4. close"} and {@code "1.
 * open"}), crypto currencies from {@code DIGITAL_CURRENCY_DAILY} in USD. For an equity the output
 * size follows the range: {@code compact} (the latest 100 trading days) when {@code range.start()}
 * is at most {@value #COMPACT_CALENDAR_DAYS} calendar days before today in New York (100 trading
 * days span about 140 calendar days), else {@code full}. The whole answer is returned, which may
 * hold more than the range; the caller caches it.
 *
 * <pre>{@code
 * PriceSource source = AlphaVantagePriceSource.create(ScrillaConfig.load());
 * PriceHistory h = source.prices(Asset.equity("SPY"), DateRange.parse("2021-01-04", "2021-11-19"));
 * }</pre>
 */
public final class AlphaVantagePriceSource implements PriceSource {
  /**
   * A range starting at most this many calendar days before today is served by a compact answer;
   * 100 trading days span 140 calendar days or a few more, because of holidays.
   */
  public static final int COMPACT_CALENDAR_DAYS = 140;

  private final AlphaVantageClient client;
  private final Clock clock;

  private AlphaVantagePriceSource(AlphaVantageClient client, Clock clock) {
    this.client = client;
    this.clock = clock;
  }

  /**
   * Returns the source for the configuration's key and URL.
   *
   * @throws io.scrilla.api.error.ConfigurationException when {@code ALPHA_VANTAGE_KEY} is not set
   */
  public static AlphaVantagePriceSource create(ScrillaConfig config) {
    return of(AlphaVantageClient.create(config));
  }

  /** Returns the source using the client and the system clock. */
  public static AlphaVantagePriceSource of(AlphaVantageClient client) {
    return of(client, Clock.systemUTC());
  }

  /**
   * Returns the source using the client and a clock that tells "today".
   *
   * @param client sends the requests
   * @param clock tells today's date (read in New York)
   * @return the source
   */
  public static AlphaVantagePriceSource of(AlphaVantageClient client, Clock clock) {
    return new AlphaVantagePriceSource(
        Objects.requireNonNull(client, "client"), Objects.requireNonNull(clock, "clock"));
  }

  /**
   * {@inheritDoc}
   *
   * <p>Sends one request: compact or full for an equity as described on this class; the crypto
   * function has no output size and returns the whole history.
   */
  @Override
  public PriceHistory prices(Asset asset, DateRange range) {
    Objects.requireNonNull(asset, "asset");
    Objects.requireNonNull(range, "range");
    return client.dailyPrices(asset, outputSize(asset, range));
  }

  /**
   * Returns the output size a request for the range uses: compact when the range starts at most
   * {@value #COMPACT_CALENDAR_DAYS} days before today in New York, else full; crypto has no output
   * size and reports full.
   *
   * @param asset the asset
   * @param range the dates wanted
   * @return the output size
   */
  public OutputSize outputSize(Asset asset, DateRange range) {
    if (asset.type() == AssetType.CRYPTO) {
      return OutputSize.FULL;
    }
    LocalDate cutoff = today().minusDays(COMPACT_CALENDAR_DAYS);
    return range.start().isBefore(cutoff) ? OutputSize.FULL : OutputSize.COMPACT;
  }

  /** Returns today's date in New York; the caller moves it back to a completed trading day. */
  @Override
  public LocalDate latestDate(Asset asset) {
    Objects.requireNonNull(asset, "asset");
    return today();
  }

  /**
   * Returns {@code alpha_vantage}, or {@code alpha_vantage@} and the URL's scheme, host, port and
   * path when the client sends its requests elsewhere than {@value AlphaVantageClient#DEFAULT_URL}
   * (a proxy or a test server is a source of its own).
   */
  @Override
  public SourceId sourceId() {
    return SourceIds.forService(
        AlphaVantagePriceSourceProvider.NAME,
        client.url(),
        URI.create(AlphaVantageClient.DEFAULT_URL));
  }

  private LocalDate today() {
    return Exchange.today(clock);
  }

  @Override
  public String toString() {
    return "AlphaVantagePriceSource[" + client + "]";
  }
}
