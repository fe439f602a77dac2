/**
 * The offline {@code csv} data sources: {@link io.scrilla.services.csv.CsvDataSource} reads prices
 * ({@code <TICKER>.csv}), dividends ({@code <TICKER>.dividends.csv}) and the Treasury's daily par
 * yield curves ({@code yields.csv}) from a folder ({@code SCRILLA_DATA_DIR}) or from the sample
 * data bundled in the jar, and serves them through the {@link io.scrilla.api.spi.PriceSource},
 * {@link io.scrilla.api.spi.InterestRateSource} and {@link io.scrilla.api.spi.DividendSource} SPIs.
 *
 * <p>The three providers {@link io.scrilla.services.csv.CsvPriceSourceProvider}, {@link
 * io.scrilla.services.csv.CsvInterestRateSourceProvider} and {@link
 * io.scrilla.services.csv.CsvDividendSourceProvider} register under the name {@code csv} ({@code
 * PRICE_MANAGER=csv}, {@code STAT_MANAGER=csv}, {@code DIV_MANAGER=csv}). The file layout and the
 * bundled data are described in {@code docs/data-csv.md}.
 */
package io.scrilla.services.csv;
