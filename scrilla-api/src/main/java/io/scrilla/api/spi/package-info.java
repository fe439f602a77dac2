/**
 * Service-provider interfaces: data sources ({@link io.scrilla.api.spi.PriceSource}, {@link
 * io.scrilla.api.spi.InterestRateSource}, {@link io.scrilla.api.spi.DividendSource}) and cache
 * backends ({@link io.scrilla.api.spi.CacheProvider} opening a {@link io.scrilla.api.spi.Cache} of
 * four stores), each found by {@link java.util.ServiceLoader} and selected by name through {@link
 * io.scrilla.api.spi.Providers}.
 *
 * <p>Resolution: an instance passed to the {@code Scrilla} builder wins; else the configured name
 * ({@code CACHE_MODE}, {@code PRICE_MANAGER}, {@code STAT_MANAGER}, {@code DIV_MANAGER}); else the
 * default ({@code sqlite}, {@code csv}). An unknown name fails; there is no silent fallback.
 */
package io.scrilla.api.spi;
