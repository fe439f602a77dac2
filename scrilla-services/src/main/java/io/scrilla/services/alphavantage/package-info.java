/**
 * AlphaVantage as a data source: daily prices of equities ({@code TIME_SERIES_DAILY}, unadjusted
 * close and open) and crypto currencies ({@code DIGITAL_CURRENCY_DAILY} in USD), and cash dividends
 * ({@code DIVIDENDS}).
 *
 * <p>Key types:
 *
 * <ul>
 *   <li>{@link io.scrilla.services.alphavantage.AlphaVantageClient}: holds the key and URL, sends
 *       the requests (one fetch for concurrent identical requests), recognizes quota, key and
 *       unknown-symbol answers;
 *   <li>{@link io.scrilla.services.alphavantage.AlphaVantagePriceSource}: the {@link
 *       io.scrilla.api.spi.PriceSource}, choosing compact or full output from the range;
 *   <li>{@link io.scrilla.services.alphavantage.AlphaVantageDividendSource}: the {@link
 *       io.scrilla.api.spi.DividendSource};
 *   <li>the providers {@code alpha_vantage} for {@code PRICE_MANAGER} and {@code DIV_MANAGER}.
 * </ul>
 *
 * <pre>{@code
 * AlphaVantageClient client = AlphaVantageClient.create(ScrillaConfig.load());
 * PriceSource prices = AlphaVantagePriceSource.of(client);
 * PriceHistory spy =
 *     prices.prices(Asset.equity("SPY"), DateRange.parse("2021-06-01", "2021-11-19"));
 * }</pre>
 *
 * <p>The API key never appears in a log line, an exception message or a {@code toString()}.
 */
package io.scrilla.services.alphavantage;
