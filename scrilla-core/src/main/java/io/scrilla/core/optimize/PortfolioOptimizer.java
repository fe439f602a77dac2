package io.scrilla.core.optimize;

import io.scrilla.api.error.InvalidInputException;
import io.scrilla.api.model.RiskProfile;
import io.scrilla.core.optimize.internal.ActiveSetQp;
import io.scrilla.core.optimize.internal.BoundStatus;
import io.scrilla.core.risk.TailEvent;
import io.scrilla.core.risk.TailRisk;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.function.DoubleFunction;
import java.util.function.ToDoubleFunction;
import java.util.stream.IntStream;
import org.hipparchus.exception.MathIllegalStateException;
import org.hipparchus.optim.MaxEval;
import org.hipparchus.optim.nonlinear.scalar.GoalType;
import org.hipparchus.optim.univariate.BrentOptimizer;
import org.hipparchus.optim.univariate.SearchInterval;
import org.hipparchus.optim.univariate.UnivariateObjectiveFunction;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Exact mean-variance optimizers: minimum variance, maximum Sharpe ratio, maximum return, minimum
 * CVaR and the efficient frontier; stateless and thread-safe.
 *
 * <p>Every problem has the budget {@code sum w = 1}, per-asset {@link Bounds} (long-only {@code [0,
 * 1]} by default) and, where allowed, a target return. Before solving, the bounds are checked
 * (contradictory bounds name the assets) and a target is checked against the attainable range
 * {@link #attainableReturns(Portfolio, Bounds)} (the message states the range).
 *
 * <p>Solvers (docs/optimization.md, "Problems and solvers"):
 *
 * <ul>
 *   <li><b>minimum variance</b>: the convex QP {@code min w' Sigma w / 2} by a primal active-set
 *       method that solves the KKT system of each equality-constrained subproblem exactly (LU of a
 *       small Schur complement); the result satisfies the KKT conditions to rounding (the residual
 *       is reported in {@link Solution#kktResidual()}, and a result that fails the certificate
 *       check is reported {@link SolutionStatus#CHECK_FAILED}, never {@link
 *       SolutionStatus#OPTIMAL}). It starts from a vertex-like feasible point found by moving along
 *       descent directions that keep the equalities until bounds block, so the number of iterations
 *       is about the number of assets held strictly inside their bounds.
 *   <li><b>maximum Sharpe</b>: the homogenized convex reformulation {@code min y' Sigma y / 2}
 *       subject to {@code (mu - r_f)' y = 1}, {@code sum y = kappa}, {@code lo kappa <= y <= hi
 *       kappa} (for long-only bounds this is {@code y >= 0}), solved by the same active-set method;
 *       then {@code w = y / kappa}. With a target return the Sharpe ratio is {@code (R* - r_f) /
 *       V}, so the answer is the minimum-variance portfolio at the target (which must exceed {@code
 *       r_f}).
 *   <li><b>maximum return</b>: a linear program with one equality and box bounds, solved exactly by
 *       filling the assets in decreasing order of return; when several assets share the marginal
 *       return, the budget among them is split by a minimum-variance solve (so the answer is the
 *       least risky of the maximum-return portfolios).
 *   <li><b>minimum CVaR</b>: see {@link #minimumConditionalValueAtRisk}.
 *   <li><b>efficient frontier</b>: minimum-variance portfolios at target returns spaced by {@link
 *       FrontierSpacing}.
 * </ul>
 *
 * A problem whose feasible set is one portfolio (one asset, or bounds that pin every weight)
 * returns it with status {@link SolutionStatus#UNIQUE_FEASIBLE}; for one asset that is {@code w =
 * [1]}.
 *
 * <pre>{@code
 * PortfolioOptimizer opt = PortfolioOptimizer.create();
 * Solution s = opt.maximumSharpeRatio(portfolio, Constraints.longOnly());
 * List<Solution> frontier = opt.efficientFrontier(portfolio, Bounds.longOnly(), 5,
 *     FrontierSpacing.SCRILLA);
 * }</pre>
 */
public final class PortfolioOptimizer {
  private static final Logger LOG = LoggerFactory.getLogger(PortfolioOptimizer.class);
  private static final PortfolioOptimizer INSTANCE = new PortfolioOptimizer();

  /** Default number of efficient-frontier points, scrilla's {@code FRONTIER_STEPS}. */
  public static final int FRONTIER_STEPS = 5;

  /** The evaluation budget of the minimum-CVaR search over returns. */
  static final int CVAR_EVALUATIONS = 500;

  private static final double BOUND_TOLERANCE = 1e-12;

  /**
   * Relative tolerance of the certificate check: a quadratic program's solution is reported {@link
   * SolutionStatus#OPTIMAL} only when its KKT residual is at most this times {@code max(1, |y|,
   * |kappa|) max(1, max_i Sigma_ii)}, its weights sum to 1 and lie within their bounds (each to
   * this relative tolerance); otherwise {@link SolutionStatus#CHECK_FAILED}.
   */
  static final double KKT_TOLERANCE = 1e-9;

  private PortfolioOptimizer() {}

  /** Returns the optimizer (stateless, shared). */
  public static PortfolioOptimizer create() {
    return INSTANCE;
  }

  // ---------------------------------------------------------------------------------------------
  // public problems

  /**
   * Returns the range of annual returns attainable with {@code sum w = 1} within the bounds.
   *
   * @param portfolio the portfolio
   * @param bounds the bounds
   * @return the lowest and highest attainable returns
   * @throws InvalidInputException for contradictory bounds
   */
  public ReturnRange attainableReturns(Portfolio portfolio, Bounds bounds) {
    Problem pr = new Problem(portfolio, bounds);
    return new ReturnRange(pr.extremeVertex(false).ret, pr.extremeVertex(true).ret);
  }

  /**
   * Returns the long-only minimum-variance portfolio (no target).
   *
   * @param portfolio the portfolio
   * @return the solution
   */
  public Solution minimumVariance(Portfolio portfolio) {
    return minimumVariance(portfolio, Constraints.longOnly());
  }

  /**
   * Returns the portfolio of least variance {@code w' Sigma w} under the constraints: budget,
   * bounds and the optional target return {@code R(w) = R*}.
   *
   * @param portfolio the portfolio
   * @param constraints bounds and optional target
   * @return the solution; {@link Solution#kktResidual()} certifies it
   * @throws InvalidInputException for contradictory bounds or a target outside the attainable range
   *     (the message states the range)
   */
  public Solution minimumVariance(Portfolio portfolio, Constraints constraints) {
    Objects.requireNonNull(constraints, "constraints");
    Problem pr = new Problem(portfolio, constraints.bounds());
    if (constraints.targetReturn().isPresent()) {
      return pr.minimumVarianceAt(constraints.targetReturn().getAsDouble());
    }
    return pr.globalMinimumVariance();
  }

  /**
   * Returns the portfolio of highest Sharpe ratio {@code (R - r_f) / V} under the constraints, with
   * {@code r_f} the portfolio's risk-free rate.
   *
   * <p>Solved through the homogenized convex QP in {@code y = kappa w} (see the class comment),
   * which is exact. With a target return the answer is the minimum-variance portfolio at that
   * target.
   *
   * @param portfolio the portfolio
   * @param constraints bounds and optional target
   * @return the solution
   * @throws InvalidInputException when no attainable return exceeds {@code r_f} (e.g. every {@code
   *     mu_j <= r_f} for long-only bounds), when the target does not exceed {@code r_f}, when the
   *     target is outside the attainable range, when a riskless combination of assets earns more
   *     than {@code r_f} (the Sharpe ratio is then unbounded), or for contradictory bounds
   */
  public Solution maximumSharpeRatio(Portfolio portfolio, Constraints constraints) {
    Objects.requireNonNull(constraints, "constraints");
    Problem pr = new Problem(portfolio, constraints.bounds());
    return pr.maximumSharpe(constraints);
  }

  /**
   * Returns the portfolio of highest return within the bounds (long-only: everything in the asset
   * with the highest return); among several, the one of least variance.
   *
   * @param portfolio the portfolio
   * @param bounds the bounds
   * @return the solution
   * @throws InvalidInputException for contradictory bounds
   */
  public Solution maximumReturn(Portfolio portfolio, Bounds bounds) {
    return new Problem(portfolio, bounds).extremePortfolio(true);
  }

  /**
   * Returns the portfolio of least conditional value at risk (CVaR loss, see {@link
   * TailRisk#conditionalValueAtRiskLoss}) in the tail event, under the constraints.
   *
   * <p>Why a 1-D search is exact: the CVaR loss {@code L(R, V) = 1 - e^{RT} Phi(z_p - V sqrt T)/p}
   * falls as {@code R} rises and rises as {@code V} rises. Among the portfolios of a given return
   * {@code R}, the minimum-variance one therefore has the least CVaR, so the optimum lies on the
   * minimum-variance curve {@code V*(R)}, and only {@code R} remains. {@code V*(R)} is convex in
   * {@code R} (a minimum of a convex function over an affinely moving convex set), so {@code g(R) =
   * RT + ln Phi(z_p - V*(R) sqrt T)} is concave ({@code ln Phi} is concave and increasing, its
   * argument concave), and {@code L = 1 - e^{g}/p} is unimodal in {@code R}. Below {@code R0}, the
   * return of the minimum-variance portfolio, both {@code R} falls and {@code V} rises, so the
   * search runs over {@code [R0, R1]} ({@code R1} the highest attainable return) with Hipparchus'
   * Brent optimizer (relative tolerance 1e-14, so that an optimum at a kink of the frontier, where
   * the loss is not smooth, is still located to about 1e-15 in return), compares the result with
   * both ends, and polishes it by probing the returns {@code 1e-7 (R1 - R0)} either side (the
   * improvement found, if any, is reported as {@link Solution#optimalityGap()}). A search that
   * reaches its budget of {@value #CVAR_EVALUATIONS} evaluations returns the best point it found
   * with status {@link SolutionStatus#ITERATION_LIMIT}.
   *
   * <p>With a target return (honored, unlike scrilla: bug B15) the return is fixed, and the least
   * CVaR at a fixed return is the least volatility: the answer is the minimum-variance portfolio at
   * the target.
   *
   * @param portfolio the portfolio
   * @param constraints bounds and optional target
   * @param event the tail probability p and the horizon T in years
   * @return the portfolio with its VaR and CVaR losses
   * @throws InvalidInputException for contradictory bounds or an unattainable target
   */
  public CvarSolution minimumConditionalValueAtRisk(
      Portfolio portfolio, Constraints constraints, TailEvent event) {
    return minimumConditionalValueAtRisk(portfolio, constraints, event, CVAR_EVALUATIONS);
  }

  /** As the public method, with the search's evaluation budget as a parameter (for tests). */
  CvarSolution minimumConditionalValueAtRisk(
      Portfolio portfolio, Constraints constraints, TailEvent event, int evaluations) {
    Objects.requireNonNull(constraints, "constraints");
    Objects.requireNonNull(event, "event");
    Problem pr = new Problem(portfolio, constraints.bounds());
    Solution best;
    if (constraints.targetReturn().isPresent()) {
      best = pr.minimumVarianceAt(constraints.targetReturn().getAsDouble());
    } else {
      best = pr.minimumCvar(event, evaluations);
    }
    RiskProfile profile = new RiskProfile(best.annualReturn(), best.annualVolatility());
    return new CvarSolution(
        best,
        event,
        TailRisk.valueAtRiskLoss(profile, event),
        TailRisk.conditionalValueAtRiskLoss(profile, event));
  }

  /**
   * Returns {@link #FRONTIER_STEPS} points of the efficient frontier with scrilla's spacing.
   *
   * @param portfolio the portfolio
   * @param bounds the bounds
   * @return the points, lowest return first
   */
  public List<Solution> efficientFrontier(Portfolio portfolio, Bounds bounds) {
    return efficientFrontier(portfolio, bounds, FRONTIER_STEPS, FrontierSpacing.SCRILLA);
  }

  /**
   * Returns points of the efficient frontier: minimum-variance portfolios at target returns between
   * {@code R0} (the minimum-variance portfolio's return) and {@code R1} (the highest attainable
   * return), spaced as {@code spacing} says. Returns rise and volatilities do not fall from one
   * point to the next.
   *
   * @param portfolio the portfolio
   * @param bounds the bounds
   * @param steps number of points: at least 1, at least 2 for {@link FrontierSpacing#INCLUSIVE}
   * @param spacing scrilla's spacing or the inclusive one ending at the maximum-return portfolio
   * @return the points, lowest return first
   * @throws InvalidInputException for a bad {@code steps} or contradictory bounds
   */
  public List<Solution> efficientFrontier(
      Portfolio portfolio, Bounds bounds, int steps, FrontierSpacing spacing) {
    Objects.requireNonNull(spacing, "spacing");
    int min = spacing == FrontierSpacing.INCLUSIVE ? 2 : 1;
    if (steps < min) {
      throw new InvalidInputException(
          "efficient frontier steps must be at least "
              + min
              + " for "
              + spacing
              + " spacing, got "
              + steps);
    }
    Problem pr = new Problem(portfolio, bounds);
    Solution first = pr.globalMinimumVariance();
    double r0 = first.annualReturn();
    Solution last = pr.extremePortfolio(true);
    double r1 = last.annualReturn();
    List<Solution> out = new ArrayList<>(steps);
    out.add(first);
    double div = spacing == FrontierSpacing.INCLUSIVE ? steps - 1 : steps;
    for (int i = 1; i < steps; i++) {
      if (spacing == FrontierSpacing.INCLUSIVE && i == steps - 1) {
        out.add(last);
      } else if (r1 - r0 <= pr.returnTolerance()) {
        out.add(first);
      } else {
        out.add(pr.minimumVarianceAt(r0 + i * (r1 - r0) / div));
      }
    }
    return List.copyOf(out);
  }

  // ---------------------------------------------------------------------------------------------
  // one problem: portfolio data with resolved bounds

  /** A vertex of the budget polytope with its return. */
  private record Vertex(double[] w, double ret, int marginal) {}

  private static final class Problem {
    final Portfolio p;
    final int n;
    final double[] mu;
    final double[] sigma;
    final double[] lo;
    final double[] hi;

    Problem(Portfolio portfolio, Bounds bounds) {
      Objects.requireNonNull(portfolio, "portfolio");
      Objects.requireNonNull(bounds, "bounds");
      this.p = portfolio;
      this.n = portfolio.size();
      this.mu = portfolio.returnsArray();
      this.sigma = portfolio.covarianceArray();
      List<String> t = portfolio.tickers();
      if (!bounds.isUniform() && bounds.lower().length != n) {
        throw new InvalidInputException(
            "got "
                + bounds.lower().length
                + " bounds for "
                + n
                + " tickers "
                + t
                + ": give one pair per ticker, or one pair for all");
      }
      lo = new double[n];
      hi = new double[n];
      List<String> crossed = new ArrayList<>();
      double sumLo = 0;
      double sumHi = 0;
      for (int i = 0; i < n; i++) {
        lo[i] = bounds.lower(i);
        hi[i] = bounds.upper(i);
        if (lo[i] > hi[i]) {
          crossed.add(t.get(i) + " [" + lo[i] + ", " + hi[i] + "]");
        }
        sumLo += lo[i];
        sumHi += hi[i];
      }
      if (!crossed.isEmpty()) {
        throw new InvalidInputException(
            "lower bound above upper bound for " + crossed + ": give each asset LO <= HI");
      }
      if (sumLo > 1 + BOUND_TOLERANCE) {
        throw new InvalidInputException(
            "the lower bounds of "
                + describe(t, lo)
                + " add up to "
                + sumLo
                + " > 1, so no portfolio with weights summing to 1 fits;"
                + " lower them");
      }
      if (sumHi < 1 - BOUND_TOLERANCE) {
        throw new InvalidInputException(
            "the upper bounds of "
                + describe(t, hi)
                + " add up to "
                + sumHi
                + " < 1, so no portfolio with weights summing to 1 fits;"
                + " raise them");
      }
      if (sumLo >= 1) {
        System.arraycopy(lo, 0, hi, 0, n);
      } else if (sumHi <= 1) {
        System.arraycopy(hi, 0, lo, 0, n);
      }
    }

    private static String describe(List<String> tickers, double[] v) {
      StringBuilder sb = new StringBuilder("[");
      for (int i = 0; i < v.length; i++) {
        sb.append(i == 0 ? "" : ", ").append(tickers.get(i)).append('=').append(v[i]);
      }
      return sb.append(']').toString();
    }

    double returnTolerance() {
      double scale = 1;
      for (double m : mu) {
        scale = Math.max(scale, Math.abs(m));
      }
      return 1e-12 * scale;
    }

    boolean uniqueFeasible() {
      for (int i = 0; i < n; i++) {
        if (lo[i] != hi[i]) {
          return n == 1;
        }
      }
      return true;
    }

    /** Greedy LP vertex: fill assets from the highest (or lowest) return. */
    Vertex extremeVertex(boolean max) {
      Integer[] order = IntStream.range(0, n).boxed().toArray(Integer[]::new);
      double[] vol = p.volatilities();
      Comparator<Integer> byReturn = Comparator.comparingDouble(i -> mu[i]);
      if (max) {
        byReturn = byReturn.reversed();
      }
      Arrays.sort(order, byReturn.thenComparingDouble(i -> vol[i]).thenComparingInt(i -> i));
      double[] w = lo.clone();
      double budget = 1;
      for (double l : lo) {
        budget -= l;
      }
      int marginal = order[0];
      for (int idx : order) {
        if (budget <= 0) {
          break;
        }
        double add = Math.min(hi[idx] - lo[idx], budget);
        if (add > 0) {
          w[idx] = add == hi[idx] - lo[idx] ? hi[idx] : lo[idx] + add;
          budget -= add;
          marginal = idx;
        }
      }
      double r = 0;
      for (int i = 0; i < n; i++) {
        r += w[i] * mu[i];
      }
      return new Vertex(w, r, marginal);
    }

    /** Maximum (or minimum) return portfolio; ties at the margin split by minimum variance. */
    Solution extremePortfolio(boolean max) {
      Vertex v = extremeVertex(max);
      double mStar = mu[v.marginal];
      int tied = 0;
      for (int i = 0; i < n; i++) {
        tied += mu[i] == mStar ? 1 : 0;
      }
      if (tied <= 1 || uniqueFeasible()) {
        double sum = 0;
        for (double x : v.w) {
          sum += x;
        }
        return solution(
            v.w,
            uniqueFeasible() ? SolutionStatus.UNIQUE_FEASIBLE : SolutionStatus.OPTIMAL,
            0,
            Math.abs(sum - 1),
            0);
      }
      double[] l2 = new double[n];
      double[] h2 = new double[n];
      for (int i = 0; i < n; i++) {
        if (mu[i] == mStar) {
          l2[i] = lo[i];
          h2[i] = hi[i];
        } else {
          l2[i] = v.w[i];
          h2[i] = v.w[i];
        }
      }
      return minimumVariance(l2, h2, Double.NaN);
    }

    Solution globalMinimumVariance() {
      if (uniqueFeasible()) {
        return solution(lo.clone(), SolutionStatus.UNIQUE_FEASIBLE, 0, 0, 0);
      }
      return minimumVariance(lo, hi, Double.NaN);
    }

    Solution minimumVarianceAt(double target) {
      Vertex vMin = extremeVertex(false);
      Vertex vMax = extremeVertex(true);
      double tol = returnTolerance();
      if (target < vMin.ret - tol || target > vMax.ret + tol) {
        throw new InvalidInputException(
            "target return "
                + target
                + " is outside the range "
                + "attainable within the bounds, ["
                + vMin.ret
                + ", "
                + vMax.ret
                + "]; choose a target"
                + " in that range or widen the bounds");
      }
      if (uniqueFeasible()) {
        return solution(lo.clone(), SolutionStatus.UNIQUE_FEASIBLE, 0, 0, 0);
      }
      if (vMax.ret - vMin.ret <= tol) {
        return minimumVariance(lo, hi, Double.NaN);
      }
      if (target >= vMax.ret - tol) {
        return extremePortfolio(true);
      }
      if (target <= vMin.ret + tol) {
        return extremePortfolio(false);
      }
      return minimumVariance(lo, hi, target);
    }

    /** Minimum variance within [l, h], with a target when {@code target} is not NaN. */
    Solution minimumVariance(double[] l, double[] h, double target) {
      boolean hasTarget = !Double.isNaN(target);
      double[] y;
      if (hasTarget) {
        double[] a = greedy(l, h, false);
        double[] b = greedy(l, h, true);
        double ra = dot(a, mu);
        double rb = dot(b, mu);
        double t = rb > ra ? (target - ra) / (rb - ra) : 0;
        t = Math.max(0, Math.min(1, t));
        y = new double[n];
        for (int i = 0; i < n; i++) {
          y[i] = a[i] + t * (b[i] - a[i]);
          y[i] = Math.max(l[i], Math.min(h[i], y[i]));
        }
      } else {
        double sl = 0;
        double span = 0;
        for (int i = 0; i < n; i++) {
          sl += l[i];
          span += h[i] - l[i];
        }
        double t = span > 0 ? (1 - sl) / span : 0;
        y = new double[n];
        for (int i = 0; i < n; i++) {
          y[i] = l[i] + t * (h[i] - l[i]);
        }
      }
      BoundStatus[] status = statuses(y, l, h, 1);
      purify(y, status, l, h, hasTarget);
      double[][] rowA;
      double[] beta;
      double[] b;
      double[] ones = new double[n];
      Arrays.fill(ones, 1);
      if (hasTarget) {
        rowA = new double[][] {ones, new double[n], mu};
        beta = new double[] {-1, 1, -target};
        b = new double[] {0, 1, 0};
      } else {
        rowA = new double[][] {ones, new double[n]};
        beta = new double[] {-1, 1};
        b = new double[] {0, 1};
      }
      double[] hq = withoutRedundantUpperBounds(l, h, status);
      ActiveSetQp qp = new ActiveSetQp(n, sigma, l, hq, rowA, beta, b);
      ActiveSetQp.Result r = qp.solve(y, 1, status, 20 * n + 100);
      double[] w = r.y();
      BoundStatus[] at = r.status();
      for (int i = 0; i < n; i++) {
        if (at[i] == BoundStatus.LOWER) {
          w[i] = l[i];
        } else if (at[i] == BoundStatus.UPPER) {
          w[i] = h[i];
        }
      }
      log("minimum variance", r);
      return solution(w, status(r, w), r.iterations(), r.kktResidual(), r.gap());
    }

    Solution maximumSharpe(Constraints c) {
      double rf = p.riskFreeRate();
      Vertex vMax = extremeVertex(true);
      if (!(vMax.ret > rf)) {
        throw new InvalidInputException(
            "maximum Sharpe ratio needs a portfolio earning more than"
                + " the risk-free rate "
                + rf
                + ", but the highest return attainable within the bounds"
                + " is "
                + vMax.ret
                + " (asset returns "
                + describe(p.tickers(), mu)
                + "); use a lower"
                + " risk-free rate, other assets or wider bounds");
      }
      double[] vols = p.volatilities();
      for (int i = 0; i < n; i++) {
        if (vols[i] == 0 && mu[i] > rf && hi[i] > 0) {
          throw new InvalidInputException(
              "the Sharpe ratio is unbounded: "
                  + p.tickers().get(i)
                  + " has zero volatility and return "
                  + mu[i]
                  + " above the risk-free rate "
                  + rf
                  + "; remove it or set r_f to its return");
        }
      }
      if (c.targetReturn().isPresent()) {
        double target = c.targetReturn().getAsDouble();
        if (!(target > rf)) {
          throw new InvalidInputException(
              "maximum Sharpe ratio with target return "
                  + target
                  + " needs a target above the risk-free rate "
                  + rf);
        }
        return minimumVarianceAt(target);
      }
      if (uniqueFeasible()) {
        return solution(lo.clone(), SolutionStatus.UNIQUE_FEASIBLE, 0, 0, 0);
      }
      double scale = 1 / (vMax.ret - rf);
      double[] y = new double[n];
      for (int i = 0; i < n; i++) {
        y[i] = vMax.w[i] * scale;
      }
      BoundStatus[] status = statuses(vMax.w, lo, hi, 1);
      double[] ones = new double[n];
      Arrays.fill(ones, 1);
      double[] excess = new double[n];
      for (int i = 0; i < n; i++) {
        excess[i] = mu[i] - rf;
      }
      double[] hq = withoutRedundantUpperBounds(lo, hi, status);
      ActiveSetQp qp =
          new ActiveSetQp(
              n,
              sigma,
              lo,
              hq,
              new double[][] {ones, excess},
              new double[] {-1, 0},
              new double[] {0, 1});
      ActiveSetQp.Result r = qp.solve(y, scale, status, 20 * n + 100);
      double kappa = r.kappa();
      double[] w = new double[n];
      double[] yr = r.y();
      BoundStatus[] at = r.status();
      for (int i = 0; i < n; i++) {
        w[i] =
            at[i] == BoundStatus.LOWER ? lo[i] : at[i] == BoundStatus.UPPER ? hi[i] : yr[i] / kappa;
      }
      log("maximum Sharpe", r);
      double maxVol = 0;
      for (double v : p.volatilities()) {
        maxVol = Math.max(maxVol, v);
      }
      double vol = Math.sqrt(Math.max(0, p.quadratic(w)));
      if (vol <= 1e-7 * maxVol) {
        throw new InvalidInputException(
            "the Sharpe ratio is unbounded: the portfolio "
                + describe(p.tickers(), w)
                + " has volatility "
                + vol
                + " (riskless) and return "
                + dot(w, mu)
                + " above the risk-free rate "
                + rf
                + "; a zero-volatility asset or a"
                + " perfectly hedged combination earns more than r_f. Remove it or set r_f to its"
                + " return");
      }
      return solution(w, status(r, w), r.iterations(), r.kktResidual(), r.gap());
    }

    Solution minimumCvar(TailEvent event, int evaluations) {
      Solution s0 = globalMinimumVariance();
      Solution s1 = extremePortfolio(true);
      double r0 = s0.annualReturn();
      double r1 = s1.annualReturn();
      if (r1 - r0 <= returnTolerance()) {
        return s0;
      }
      int[] evals = {0};
      DoubleFunction<Solution> at =
          r -> {
            evals[0]++;
            return r <= r0 ? s0 : r >= r1 ? s1 : minimumVarianceAt(r);
          };
      ToDoubleFunction<Solution> loss =
          s ->
              TailRisk.conditionalValueAtRiskLoss(
                  new RiskProfile(s.annualReturn(), s.annualVolatility()), event);
      // the best point seen, kept for a search stopped by its evaluation budget
      double[] seen = {r0, Double.POSITIVE_INFINITY};
      BrentOptimizer brent = new BrentOptimizer(1e-14, 1e-15);
      double point;
      boolean limited = false;
      try {
        point =
            brent
                .optimize(
                    new MaxEval(evaluations),
                    new UnivariateObjectiveFunction(
                        r -> {
                          double l = loss.applyAsDouble(at.apply(r));
                          if (l < seen[1]) {
                            seen[0] = r;
                            seen[1] = l;
                          }
                          return l;
                        }),
                    GoalType.MINIMIZE,
                    new SearchInterval(r0, r1))
                .getPoint();
      } catch (MathIllegalStateException e) {
        // Hipparchus signals its evaluation limit this way; report it as a status instead
        point = seen[0];
        limited = true;
      }
      Solution best = at.apply(point);
      double bestLoss = loss.applyAsDouble(best);
      for (Solution end : new Solution[] {s0, s1}) {
        double l = loss.applyAsDouble(end);
        if (l < bestLoss) {
          best = end;
          bestLoss = l;
        }
      }
      double h = 1e-7 * (r1 - r0);
      double gap = 0;
      for (double probe : new double[] {best.annualReturn() - h, best.annualReturn() + h}) {
        Solution s = at.apply(Math.max(r0, Math.min(r1, probe)));
        double l = loss.applyAsDouble(s);
        if (l < bestLoss) {
          gap = Math.max(gap, bestLoss - l);
          best = s;
          bestLoss = l;
        }
      }
      LOG.debug(
          "minimum CVaR over returns [{}, {}]: {} evaluations, return {}",
          r0,
          r1,
          evals[0],
          best.annualReturn());
      return new Solution(
          best.assets(),
          best.weights(),
          best.annualReturn(),
          best.annualVolatility(),
          best.sharpeRatio(),
          limited ? SolutionStatus.ITERATION_LIMIT : best.status(),
          evals[0],
          best.kktResidual(),
          gap);
    }

    // -------------------------------------------------------------------------------------------

    private double[] greedy(double[] l, double[] h, boolean max) {
      Integer[] order = IntStream.range(0, n).boxed().toArray(Integer[]::new);
      Comparator<Integer> byReturn = Comparator.comparingDouble(i -> mu[i]);
      Arrays.sort(order, (max ? byReturn.reversed() : byReturn).thenComparingInt(i -> i));
      double[] w = l.clone();
      double budget = 1;
      for (double x : l) {
        budget -= x;
      }
      for (int idx : order) {
        if (budget <= 0) {
          break;
        }
        double add = Math.min(h[idx] - l[idx], budget);
        w[idx] = add == h[idx] - l[idx] ? h[idx] : l[idx] + add;
        budget -= add;
      }
      return w;
    }

    /**
     * With every lower bound at least 0, an upper bound of 1 or more can never bind (the other
     * weights are not negative and the weights sum to 1); it is dropped, so the solver never meets
     * the degenerate vertex "all in one asset at its upper bound".
     */
    private static double[] withoutRedundantUpperBounds(
        double[] l, double[] h, BoundStatus[] status) {
      for (double x : l) {
        if (x < 0) {
          return h;
        }
      }
      double[] hq = h.clone();
      for (int i = 0; i < hq.length; i++) {
        if (hq[i] >= 1 && l[i] != h[i]) {
          hq[i] = Double.POSITIVE_INFINITY;
          if (status[i] == BoundStatus.UPPER) {
            status[i] = BoundStatus.FREE;
          }
        }
      }
      return hq;
    }

    private static BoundStatus[] statuses(double[] w, double[] l, double[] h, double kappa) {
      BoundStatus[] st = new BoundStatus[w.length];
      for (int i = 0; i < w.length; i++) {
        if (l[i] == h[i] || w[i] <= l[i] * kappa) {
          st[i] = BoundStatus.LOWER;
        } else if (w[i] >= h[i] * kappa) {
          st[i] = BoundStatus.UPPER;
        } else {
          st[i] = BoundStatus.FREE;
        }
      }
      return st;
    }

    /**
     * Moves a feasible point to one with at most 1 (2 with a target) free assets, along directions
     * that keep the budget (and the return) and do not increase the variance.
     */
    private void purify(
        double[] y, BoundStatus[] status, double[] l, double[] h, boolean hasTarget) {
      int rows = hasTarget ? 2 : 1;
      int[] free = new int[n];
      int k = 0;
      for (int i = 0; i < n; i++) {
        if (status[i] == BoundStatus.FREE) {
          free[k++] = i;
        }
      }
      if (k <= rows) {
        return;
      }
      double[] g = new double[n];
      for (int i = 0; i < n; i++) {
        if (y[i] == 0) {
          continue;
        }
        int row = i * n;
        for (int j = 0; j < n; j++) {
          g[j] += sigma[row + j] * y[i];
        }
      }
      int[] idx = new int[3];
      double[] d = new double[3];
      while (k > rows) {
        int cnt = rows + 1;
        for (int c = 0; c < cnt; c++) {
          idx[c] = free[c];
        }
        if (rows == 1) {
          d[0] = 1;
          d[1] = -1;
        } else {
          d[0] = mu[idx[2]] - mu[idx[1]];
          d[1] = mu[idx[0]] - mu[idx[2]];
          d[2] = mu[idx[1]] - mu[idx[0]];
          if (d[0] == 0 && d[1] == 0 && d[2] == 0) {
            d[0] = 1;
            d[1] = -1;
          }
        }
        double slope = 0;
        for (int c = 0; c < cnt; c++) {
          slope += g[idx[c]] * d[c];
        }
        if (slope > 0) {
          for (int c = 0; c < cnt; c++) {
            d[c] = -d[c];
          }
        }
        double alpha = Double.POSITIVE_INFINITY;
        int hit = -1;
        for (int c = 0; c < cnt; c++) {
          int i = idx[c];
          if (d[c] > 0) {
            double a = (h[i] - y[i]) / d[c];
            if (a < alpha) {
              alpha = a;
              hit = c;
            }
          } else if (d[c] < 0) {
            double a = (l[i] - y[i]) / d[c];
            if (a < alpha) {
              alpha = a;
              hit = c;
            }
          }
        }
        for (int c = 0; c < cnt; c++) {
          int i = idx[c];
          if (d[c] == 0) {
            continue;
          }
          y[i] += alpha * d[c];
          int row = i * n;
          for (int j = 0; j < n; j++) {
            g[j] += sigma[row + j] * alpha * d[c];
          }
        }
        int hi2 = idx[hit];
        if (d[hit] > 0) {
          y[hi2] = h[hi2];
          status[hi2] = BoundStatus.UPPER;
        } else {
          y[hi2] = l[hi2];
          status[hi2] = BoundStatus.LOWER;
        }
        // remove the asset that hit its bound from the free list
        int pos = hit;
        System.arraycopy(free, pos + 1, free, pos, k - pos - 1);
        k--;
      }
    }

    private Solution solution(
        double[] w, SolutionStatus status, int iterations, double kkt, double gap) {
      double r = dot(w, mu);
      double v = Math.sqrt(Math.max(0, p.quadratic(w)));
      return new Solution(
          p.assets(), w, r, v, (r - p.riskFreeRate()) / v, status, iterations, kkt, gap);
    }

    /**
     * The status of a quadratic program's solution: how the solver ended, and whether its KKT
     * certificate and the returned weights pass the checks (see {@link #KKT_TOLERANCE}).
     */
    private SolutionStatus status(ActiveSetQp.Result r, double[] w) {
      switch (r.termination()) {
        case ITERATION_LIMIT:
          return SolutionStatus.ITERATION_LIMIT;
        case STALLED:
          return SolutionStatus.STALLED;
        default:
          break;
      }
      double scale = Math.max(1, Math.abs(r.kappa()));
      for (double v : r.y()) {
        scale = Math.max(scale, Math.abs(v));
      }
      double maxVariance = 1;
      for (int i = 0; i < n; i++) {
        maxVariance = Math.max(maxVariance, sigma[i * n + i]);
      }
      boolean certified = r.kktResidual() <= KKT_TOLERANCE * scale * maxVariance && feasible(w);
      if (!certified) {
        LOG.warn(
            "the solver ended with KKT residual {} (tolerance {}): the result is not"
                + " certified",
            r.kktResidual(),
            KKT_TOLERANCE * scale * maxVariance);
      }
      return certified ? SolutionStatus.OPTIMAL : SolutionStatus.CHECK_FAILED;
    }

    /** Whether {@code w} keeps the budget and the bounds, to {@link #KKT_TOLERANCE} relative. */
    private boolean feasible(double[] w) {
      double sum = 0;
      double size = 1;
      for (int i = 0; i < n; i++) {
        sum += w[i];
        size = Math.max(size, Math.abs(w[i]));
        double tol = KKT_TOLERANCE * Math.max(1, Math.max(Math.abs(lo[i]), Math.abs(hi[i])));
        if (!(w[i] >= lo[i] - tol && w[i] <= hi[i] + tol)) {
          return false;
        }
      }
      return Math.abs(sum - 1) <= KKT_TOLERANCE * size * n;
    }

    private static void log(String what, ActiveSetQp.Result r) {
      if (!r.converged()) {
        LOG.warn(
            "{}: active-set solver stopped after {} iterations without passing the KKT test"
                + " (residual {})",
            what,
            r.iterations(),
            r.kktResidual());
      } else {
        LOG.debug("{}: {} iterations, KKT residual {}", what, r.iterations(), r.kktResidual());
      }
    }
  }

  private static double dot(double[] a, double[] b) {
    double s = 0;
    for (int i = 0; i < a.length; i++) {
      s += a[i] * b[i];
    }
    return s;
  }
}
