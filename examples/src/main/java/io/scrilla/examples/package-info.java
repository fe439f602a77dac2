/**
 * Small programs that use scrilla as a user would, each runnable on the sample data bundled with
 * the library, offline and without writing a file: {@link io.scrilla.examples.RiskProfileExample}
 * (a price history and its risk profile by each method), {@link
 * io.scrilla.examples.CorrelationMatrixExample}, {@link io.scrilla.examples.PortfolioExample}
 * (minimum-variance and maximum-Sharpe portfolios bought in whole shares), {@link
 * io.scrilla.examples.PortfolioRiskExample} (VaR and CVaR of a portfolio), {@link
 * io.scrilla.examples.DividendDiscountModelExample} and {@link
 * io.scrilla.examples.CustomPriceSourceExample} (a price source of one's own, {@link
 * io.scrilla.examples.InMemoryPriceSource}, plugged in through the builder).
 *
 * <p>Run one with {@code mvn -q -pl examples -am test-compile exec:java
 * -Dexec.mainClass=io.scrilla.examples.NAME}; see {@code examples/README.md}.
 */
package io.scrilla.examples;
