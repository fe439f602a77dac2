/**
 * Immutable value types: {@link io.scrilla.api.model.Asset} and {@link
 * io.scrilla.api.model.AssetType}, {@link io.scrilla.api.model.DateRange}, {@link
 * io.scrilla.api.model.PriceHistory} (primitive arrays, slicing without copies), {@link
 * io.scrilla.api.model.YieldCurve} and {@link io.scrilla.api.model.Maturity}, {@link
 * io.scrilla.api.model.Dividend}, {@link io.scrilla.api.model.EstimationMethod}, {@link
 * io.scrilla.api.model.RiskProfile}, and the cache identities {@link
 * io.scrilla.api.model.SourceId}, {@link io.scrilla.api.model.ProfileKey} and {@link
 * io.scrilla.api.model.CorrelationKey}.
 *
 * <p>Units: prices in the quote currency; returns, volatilities and rates as annualized decimal
 * fractions; dates as {@link java.time.LocalDate} or epoch days.
 */
package io.scrilla.api.model;
