/**
 * Distributions and derived statistics: the standard normal ({@link io.scrilla.core.stats.Normal})
 * and bivariate normal ({@link io.scrilla.core.stats.BivariateNormal}) distributions, correlation
 * matrices with their positive semi-definiteness diagnostic ({@link
 * io.scrilla.core.stats.CorrelationMatrix}), and moving averages of annual return ({@link
 * io.scrilla.core.stats.MovingAverages}).
 */
package io.scrilla.core.stats;
