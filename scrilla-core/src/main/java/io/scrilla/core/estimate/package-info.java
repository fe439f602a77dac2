/**
 * Samples of log returns ({@link io.scrilla.core.estimate.ReturnSample}) and the estimators of risk
 * profiles under geometric Brownian motion ({@link io.scrilla.core.estimate.ProfileEstimators}):
 * moments, percentiles, likelihood.
 */
package io.scrilla.core.estimate;
