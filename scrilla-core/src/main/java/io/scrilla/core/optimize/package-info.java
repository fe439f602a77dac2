/**
 * Portfolio optimization from numbers: build a {@link io.scrilla.core.optimize.Portfolio} (tickers,
 * annual returns, volatilities, correlation matrix, risk-free rate), state the {@link
 * io.scrilla.core.optimize.Constraints} (budget, {@link io.scrilla.core.optimize.Bounds}, optional
 * target return) and ask {@link io.scrilla.core.optimize.PortfolioOptimizer} for the
 * minimum-variance, maximum-Sharpe, maximum-return or minimum-CVaR portfolio, or for the efficient
 * frontier. Each answer is a {@link io.scrilla.core.optimize.Solution} (weights in ticker order,
 * return, volatility, Sharpe ratio, solver status, iterations, KKT residual); the VaR and CVaR
 * formulas are those of {@link io.scrilla.core.risk.TailRisk}.
 *
 * <p>Units: returns, volatilities and rates are annualized decimal fractions; horizons are in
 * years; VaR and CVaR losses are fractions of the initial value. The solvers are exact (active-set
 * solution of the KKT conditions of convex quadratic programs); see {@code docs/optimization.md}.
 */
package io.scrilla.core.optimize;
