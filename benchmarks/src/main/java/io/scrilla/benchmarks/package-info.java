/**
 * JMH benchmarks of scrilla (not part of the API, never published): the correlation matrix ({@link
 * io.scrilla.benchmarks.CorrelationMatrixBenchmark}), risk profiles ({@link
 * io.scrilla.benchmarks.RiskProfileBenchmark}), portfolio set-up with the solves and the frontier
 * ({@link io.scrilla.benchmarks.PortfolioBenchmark}), the exact optimizers on random but realistic
 * problems ({@link io.scrilla.benchmarks.OptimizerBenchmark}), the GBM profile estimators ({@link
 * io.scrilla.benchmarks.EstimatorBenchmark}) and the SQLite cache ({@link
 * io.scrilla.benchmarks.SqliteCacheBenchmark}, {@link io.scrilla.benchmarks.SqliteWriteBenchmark});
 * and the Java side of {@code benchmarks/compare.py} ({@link io.scrilla.benchmarks.Compare}). Every
 * input comes from one fixed-seed generator, so two runs solve the same problems. Run with {@code
 * java -jar benchmarks/target/benchmarks.jar}; see {@code docs/benchmarks.md}.
 */
package io.scrilla.benchmarks;
