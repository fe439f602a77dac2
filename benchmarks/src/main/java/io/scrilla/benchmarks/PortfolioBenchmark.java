package io.scrilla.benchmarks;

import io.scrilla.core.optimize.Bounds;
import io.scrilla.core.optimize.Constraints;
import io.scrilla.core.optimize.FrontierSpacing;
import io.scrilla.core.optimize.Portfolio;
import io.scrilla.core.optimize.PortfolioOptimizer;
import io.scrilla.core.optimize.Solution;
import io.scrilla.core.optimize.SolutionStatus;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Portfolio set-up and solve together, as a caller pays for them: {@link Portfolio#of} (which
 * validates and factors the covariance) alone and followed by a long-only minimum-variance or
 * maximum-Sharpe solve, for 50 and 200 assets of {@link Problems#portfolio}; and a 20-point
 * efficient frontier (inclusive spacing, long-only) of a built 50-asset portfolio.
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Fork(1)
@Warmup(iterations = 5, time = 1)
@Measurement(iterations = 5, time = 1)
public class PortfolioBenchmark {
  private static final PortfolioOptimizer OPTIMIZER = PortfolioOptimizer.create();

  /** The inputs of a portfolio of {@code assets} assets. */
  @State(Scope.Benchmark)
  public static class Inputs {
    /** Number of assets. */
    @Param({"50", "200"})
    public int assets;

    Problems.PortfolioInputs in;

    /** Draws the inputs and checks that both problems solve to optimality. */
    @Setup(Level.Trial)
    public void setUp() {
      in = Problems.portfolioInputs(assets, Problems.PORTFOLIO_SEED + assets);
      Portfolio p = in.toPortfolio();
      check(OPTIMIZER.minimumVariance(p, Constraints.longOnly()));
      check(OPTIMIZER.maximumSharpeRatio(p, Constraints.longOnly()));
    }
  }

  /** A built 50-asset portfolio for the frontier. */
  @State(Scope.Benchmark)
  public static class Frontier {
    Portfolio portfolio;

    /** Builds the portfolio and checks every point of the frontier. */
    @Setup(Level.Trial)
    public void setUp() {
      portfolio = Problems.portfolio(50, Problems.PORTFOLIO_SEED + 50);
      List<Solution> points = frontier(portfolio);
      if (points.size() != 20) {
        throw new IllegalStateException(points.size() + " frontier points, not 20");
      }
      points.forEach(PortfolioBenchmark::check);
    }
  }

  private static List<Solution> frontier(Portfolio p) {
    return OPTIMIZER.efficientFrontier(p, Bounds.longOnly(), 20, FrontierSpacing.INCLUSIVE);
  }

  private static void check(Solution s) {
    if (s.status() != SolutionStatus.OPTIMAL) {
      throw new IllegalStateException("benchmark problem did not solve: " + s.status());
    }
  }

  private static Portfolio build(Problems.PortfolioInputs in) {
    return Portfolio.of(
        in.tickers(), in.returns(), in.volatilities(), in.correlation(), in.riskFreeRate());
  }

  /** {@link Portfolio#of} alone. */
  @Benchmark
  public Portfolio portfolioOf(Inputs s) {
    return build(s.in);
  }

  /** {@link Portfolio#of} and a long-only minimum-variance solve. */
  @Benchmark
  public Solution ofAndMinimumVariance(Inputs s) {
    return OPTIMIZER.minimumVariance(build(s.in), Constraints.longOnly());
  }

  /** {@link Portfolio#of} and a long-only maximum-Sharpe solve. */
  @Benchmark
  public Solution ofAndMaximumSharpe(Inputs s) {
    return OPTIMIZER.maximumSharpeRatio(build(s.in), Constraints.longOnly());
  }

  /** A 20-point long-only efficient frontier (inclusive spacing) of 50 assets. */
  @Benchmark
  public List<Solution> frontier20(Frontier f) {
    return frontier(f.portfolio);
  }
}
