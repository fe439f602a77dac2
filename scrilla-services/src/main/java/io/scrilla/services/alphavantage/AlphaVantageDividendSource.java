package io.scrilla.services.alphavantage;

import io.scrilla.api.config.ScrillaConfig;
import io.scrilla.api.model.Asset;
import io.scrilla.api.model.Dividend;
import io.scrilla.api.spi.DividendSource;
import java.util.List;
import java.util.Objects;

/**
 * Cash dividends from AlphaVantage's {@code DIVIDENDS} function; thread-safe. The {@code
 * alpha_vantage} {@code DIV_MANAGER}.
 *
 * <p>Each dividend is dated by its payment date (the ex-dividend date when AlphaVantage publishes
 * no payment date) and carries the cash amount per share. Crypto currencies pay none (no request is
 * sent).
 *
 * <pre>{@code
 * DividendSource source = AlphaVantageDividendSource.create(ScrillaConfig.load());
 * List<Dividend> divs = source.dividends(Asset.equity("ALLY"));
 * }</pre>
 */
public final class AlphaVantageDividendSource implements DividendSource {
  private final AlphaVantageClient client;

  private AlphaVantageDividendSource(AlphaVantageClient client) {
    this.client = client;
  }

  /**
   * Returns the source for the configuration's key and URL.
   *
   * @throws io.scrilla.api.error.ConfigurationException when {@code ALPHA_VANTAGE_KEY} is not set
   */
  public static AlphaVantageDividendSource create(ScrillaConfig config) {
    return of(AlphaVantageClient.create(config));
  }

  /** Returns the source using the client. */
  public static AlphaVantageDividendSource of(AlphaVantageClient client) {
    return new AlphaVantageDividendSource(Objects.requireNonNull(client, "client"));
  }

  @Override
  public List<Dividend> dividends(Asset asset) {
    return client.dividends(asset);
  }

  @Override
  public String toString() {
    return "AlphaVantageDividendSource[" + client + "]";
  }
}
