/**
 * Service-provider interfaces: data sources ({@link io.scrilla.api.spi.PriceSource}, {@link
 * io.scrilla.api.spi.InterestRateSource}, {@link io.scrilla.api.spi.DividendSource}) and cache
 * backends ({@link io.scrilla.api.spi.CacheProvider} opening a {@link io.scrilla.api.spi.Cache} of
 * four stores), each found by {@link java.util.ServiceLoader} and selected by name through {@link
 * io.scrilla.api.spi.Providers}.
 *
 * <p>A cache shared by many processes also coordinates them ({@link
 * io.scrilla.api.spi.Coordination}): a lease per missing history, so that the fleet fetches it
 * once, and a {@link io.scrilla.api.spi.RequestBudget} per service account, so that the fleet stays
 * within its quota. The facade hands the cache's coordination to the sources it creates ({@code
 * PriceSourceProvider.create(config, coordination)}) and uses it around every fetch on a cache
 * miss.
 *
 * <p>Resolution: an instance passed to the {@code Scrilla} builder wins; else the configured name
 * ({@code CACHE_MODE}, {@code PRICE_MANAGER}, {@code STAT_MANAGER}, {@code DIV_MANAGER}); else the
 * default ({@code sqlite}, {@code csv}). An unknown name fails; there is no silent fallback.
 */
package io.scrilla.api.spi;
