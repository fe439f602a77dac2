/**
 * Risk measures: the capital-market statistics ({@link io.scrilla.core.risk.MarketStatistics}:
 * Sharpe ratio, market premium, CAPM beta, cost of equity), probabilities of a price under
 * geometric Brownian motion with value at risk and conditional value at risk as price levels
 * ({@link io.scrilla.core.risk.Gbm}), and {@link io.scrilla.core.risk.AssetStatistics}, one asset's
 * profile with its market statistics.
 */
package io.scrilla.core.risk;
