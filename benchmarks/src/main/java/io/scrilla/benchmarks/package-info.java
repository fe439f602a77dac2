/**
 * JMH benchmarks of scrilla (not part of the API, never published): the exact optimisers on
 * random but realistic problems ({@link io.scrilla.benchmarks.OptimizerBenchmark}), the GBM
 * profile estimators ({@link io.scrilla.benchmarks.EstimatorBenchmark}) and the SQLite cache
 * ({@link io.scrilla.benchmarks.SqliteCacheBenchmark}). Every input comes from a fixed seed, so
 * two runs solve the same problems. Run with {@code java -jar benchmarks/target/benchmarks.jar};
 * see {@code docs/benchmarks.md}.
 */
package io.scrilla.benchmarks;
