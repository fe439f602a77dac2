/**
 * The capability services the {@link io.scrilla.core.Scrilla} facade composes, each stateless apart
 * from the collaborators it is given: statistics, CAPM, risk, valuation and portfolios. Each takes
 * the data it needs (a {@link io.scrilla.core.market.Sample} resolved by {@link
 * io.scrilla.core.market.MarketData}) and computes one kind of result.
 */
package io.scrilla.core.service;
