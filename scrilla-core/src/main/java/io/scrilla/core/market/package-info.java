/**
 * Market data and the resolution of a request into a {@link io.scrilla.core.market.Sample}: prices
 * and yield curves cache-first, the risk-free rate, default windows, and the one place where the
 * window and weekends policy is decided.
 */
package io.scrilla.core.market;
