package io.scrilla.benchmarks;

import io.scrilla.core.optimize.Constraints;
import io.scrilla.core.optimize.CvarSolution;
import io.scrilla.core.optimize.Portfolio;
import io.scrilla.core.optimize.PortfolioOptimizer;
import io.scrilla.core.optimize.Solution;
import io.scrilla.core.optimize.SolutionStatus;
import io.scrilla.core.risk.TailEvent;
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
 * Time of one long-only solve (warm JIT) of {@link PortfolioOptimizer} on a fixed random {@link
 * Problems#portfolio portfolio}: minimum variance and maximum Sharpe ratio for 10, 50 and 200
 * assets, minimum CVaR (5% tail, one year) for 50 assets, and minimum variance of the worst case
 * ({@link Problems#diversified}: 200 assets, most of them held). Building the portfolio (and its
 * positive semi-definiteness check) is setup, not measured, except in {@link
 * #portfolioOfAndMinimumVariance}.
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Fork(1)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
public class OptimizerBenchmark {
  private static final PortfolioOptimizer OPTIMIZER = PortfolioOptimizer.create();
  private static final TailEvent TAIL = TailEvent.of(0.05, 1.0);

  /** A portfolio of {@code assets} assets. */
  @State(Scope.Benchmark)
  public static class Problem {
    /** Number of assets. */
    @Param({"10", "50", "200"})
    public int assets;

    Portfolio portfolio;
    double[] returns;
    double[] volatilities;
    double[][] correlation;

    /** Builds the portfolio and checks that both problems solve to optimality. */
    @Setup(Level.Trial)
    public void setUp() {
      portfolio = Problems.portfolio(assets, 20_240_601L + assets);
      returns = portfolio.returns();
      volatilities = portfolio.volatilities();
      correlation = portfolio.correlation();
      check(OPTIMIZER.minimumVariance(portfolio, Constraints.longOnly()));
      check(OPTIMIZER.maximumSharpeRatio(portfolio, Constraints.longOnly()));
    }
  }

  /** The 50-asset portfolio for minimum CVaR. */
  @State(Scope.Benchmark)
  public static class CvarProblem {
    Portfolio portfolio;

    /** Builds the portfolio and checks that it solves. */
    @Setup(Level.Trial)
    public void setUp() {
      portfolio = Problems.portfolio(50, 20_240_601L + 50);
      check(
          OPTIMIZER
              .minimumConditionalValueAtRisk(portfolio, Constraints.longOnly(), TAIL)
              .solution());
    }
  }

  /**
   * The worst case: 200 nearly uncorrelated assets, most of them held at the minimum variance (the
   * solver frees them one by one, about 130 iterations with up to about 130 free assets).
   */
  @State(Scope.Benchmark)
  public static class AllHeldProblem {
    Portfolio portfolio;

    /** Builds the portfolio and checks that it solves holding most assets. */
    @Setup(Level.Trial)
    public void setUp() {
      portfolio = Problems.diversified(200, 99);
      Solution s = OPTIMIZER.minimumVariance(portfolio, Constraints.longOnly());
      check(s);
      int held = 0;
      for (double w : s.weights()) {
        held += w > 0 ? 1 : 0;
      }
      if (held < 100) {
        throw new IllegalStateException("worst-case problem holds only " + held + " assets");
      }
    }
  }

  private static void check(Solution s) {
    if (s.status() != SolutionStatus.OPTIMAL) {
      throw new IllegalStateException("benchmark problem did not solve: " + s.status());
    }
  }

  /** Long-only minimum variance. */
  @Benchmark
  public Solution minimumVariance(Problem p) {
    return OPTIMIZER.minimumVariance(p.portfolio, Constraints.longOnly());
  }

  /**
   * {@code Portfolio.of} (validation and the positive semi-definiteness check) plus long-only
   * minimum variance: the whole cost of a solve from plain numbers.
   */
  @Benchmark
  public Solution portfolioOfAndMinimumVariance(Problem p) {
    Portfolio q =
        Portfolio.of(
            p.portfolio.tickers(),
            p.returns,
            p.volatilities,
            p.correlation,
            p.portfolio.riskFreeRate());
    return OPTIMIZER.minimumVariance(q, Constraints.longOnly());
  }

  /** Long-only maximum Sharpe ratio (homogenized QP). */
  @Benchmark
  public Solution maximumSharpe(Problem p) {
    return OPTIMIZER.maximumSharpeRatio(p.portfolio, Constraints.longOnly());
  }

  /**
   * Long-only minimum variance of the worst case: 200 assets, most of them held. Longer warmup: on
   * 2 shared cores the JIT takes several seconds to settle here.
   */
  @Benchmark
  @Warmup(iterations = 8, time = 1)
  public Solution minimumVarianceAllHeld200(AllHeldProblem p) {
    return OPTIMIZER.minimumVariance(p.portfolio, Constraints.longOnly());
  }

  /**
   * Long-only minimum CVaR at p = 0.05 over one year, 50 assets (Brent over the frontier, about 40
   * minimum-variance solves with a target). Longer warmup, as for the worst case.
   */
  @Benchmark
  @Warmup(iterations = 8, time = 1)
  public CvarSolution minimumCvar50(CvarProblem p) {
    return OPTIMIZER.minimumConditionalValueAtRisk(p.portfolio, Constraints.longOnly(), TAIL);
  }
}
