/**
 * Risk measures: the capital-market statistics ({@link io.scrilla.core.risk.MarketStatistics}:
 * Sharpe ratio, market premium, CAPM beta, cost of equity), probabilities of a price under
 * geometric Brownian motion ({@link io.scrilla.core.risk.Gbm}), value at risk and conditional value
 * at risk as price levels, ratios to the price now or losses ({@link
 * io.scrilla.core.risk.TailRisk}) over a {@link io.scrilla.core.risk.TailEvent} (tail probability
 * and horizon in years), and {@link io.scrilla.core.risk.AssetStatistics}, one asset's profile with
 * its market statistics.
 */
package io.scrilla.core.risk;
