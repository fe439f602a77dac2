package io.scrilla.core.optimize.internal;

import java.util.Arrays;
import java.util.Objects;

/**
 * Primal active-set solver for the homogenized, bounded, convex quadratic program
 *
 * <pre>
 *   minimize   y' Sigma y / 2            over y in R^n and kappa in R
 *   subject to a_r' y + beta_r kappa = b_r      (a few equality rows r)
 *              lo_i kappa &lt;= y_i &lt;= hi_i kappa (every asset i)
 * </pre>
 *
 * <p>With a row {@code kappa = 1} this is the mean-variance problem in the weights {@code w = y};
 * with {@code (mu - r_f)' y = 1} and {@code sum y = kappa} it is the homogenized maximum-Sharpe
 * problem. Each asset is {@link BoundStatus#FREE}, at its {@link BoundStatus#LOWER} bound ({@code
 * y_i = lo_i kappa}) or at its {@link BoundStatus#UPPER} bound. For a working set, the
 * equality-constrained subproblem in the free {@code y_F} and {@code kappa} (the bound {@code y_i}
 * are {@code d_i kappa}) is solved exactly from its KKT system ({@link KktSystem}): a Cholesky
 * factor of {@code Sigma_FF} ({@link CholeskyFactor}, updated, not recomputed, as assets enter and
 * leave the free set) eliminates {@code y_F}, leaving a Schur-complement system in {@code kappa}
 * and the row multipliers of size at most 4 ({@link SmallSystem}: LU with partial pivoting,
 * Hipparchus' SVD pseudo-inverse when the rows are dependent). The iterate then moves toward that
 * solution until a bound blocks (the blocking asset joins the working set) or reaches it; there the
 * bound multipliers {@code g_i = (Sigma y - A' lambda)_i} are checked (LOWER needs {@code g_i >=
 * 0}, UPPER {@code g_i <= 0}) and the most violated bound is released. A convex QP has finitely
 * many working sets and the objective falls strictly after each release, so the method ends at an
 * exact KKT point.
 *
 * <p>Singular covariance (a zero-volatility asset, perfectly correlated assets, more assets than
 * observations) is handled in the factorization: a pivot of the Cholesky factor that rounds below
 * {@code delta = 1e-12 max_i Sigma_ii} is raised to {@code delta}, which is the same as adding
 * {@code delta} to the variance of that direction only. Each subproblem stays strictly convex on
 * the null space of its rows, so it has one solution; among the optimal portfolios of a singular
 * problem this picks one of least norm in the degenerate direction. Nonsingular problems are not
 * perturbed at all. The KKT residual is measured against the given {@code Sigma}.
 *
 * <p>Degenerate vertices (a released asset blocked again at once, with a zero step) are handled by
 * not releasing that asset again until the iterate moves ({@link AntiCycling}); if only such assets
 * remain with a wrong-signed multiplier the solver stops with {@link Termination#STALLED}.
 *
 * <p>Each {@link #solve} keeps its state in a workspace of its own, so a solver may be reused. The
 * iteration is split into small methods, each well below the JIT's inlining limit, so that the JIT
 * compiles every part normally instead of one large method that it may compile only partly. Each
 * iteration costs {@code O(n z + k^2 + n m)} for {@code k} free assets, {@code m} rows and {@code
 * z} the number of nonzero {@code y_j} (the free assets and those at a nonzero bound: {@code z = k}
 * for the default long-only bounds). The workspace is allocated once per solve; an iteration
 * allocates nothing, except two arrays of length n when the factor first reaches a new size (they
 * are recycled after). The bound multipliers need {@code Sigma y}; its zero terms are skipped, and
 * the others summed in the same order as the full product, so every number the solver computes is
 * the one the straightforward {@code O(n^2)} product would give.
 */
public final class ActiveSetQp {
  private final int n;
  private final double[] s;
  private final double ridge;
  private final double[] lo;
  private final double[] hi;
  private final double[][] rowA;
  private final double[] rowBeta;
  private final double[] rowB;

  /** Why a solve ended. */
  public enum Termination {
    /** The KKT test passed: every bound multiplier has the right sign. */
    CONVERGED,
    /** The iteration limit was reached first. */
    ITERATION_LIMIT,
    /** Only assets the anti-cycling rule forbids releasing have wrong-signed multipliers. */
    STALLED
  }

  /**
   * The outcome of a solve; immutable (the arrays are copied in and out).
   *
   * @param y the final y
   * @param kappa the final kappa
   * @param status the final working set, per asset
   * @param lambda multipliers of the equality rows
   * @param iterations subproblems solved
   * @param termination why the solve ended
   * @param kktResidual largest KKT violation, with the given covariance
   * @param gap duality gap at the multipliers
   */
  public record Result(
      double[] y,
      double kappa,
      BoundStatus[] status,
      double[] lambda,
      int iterations,
      Termination termination,
      double kktResidual,
      double gap) {

    /** Copies the arrays. */
    public Result {
      y = y.clone();
      status = status.clone();
      lambda = lambda.clone();
      Objects.requireNonNull(termination, "termination");
    }

    @Override
    public double[] y() {
      return y.clone();
    }

    @Override
    public BoundStatus[] status() {
      return status.clone();
    }

    @Override
    public double[] lambda() {
      return lambda.clone();
    }

    /** Returns whether the KKT test passed. */
    public boolean converged() {
      return termination == Termination.CONVERGED;
    }

    @Override
    public boolean equals(Object o) {
      return o instanceof Result r
          && Arrays.equals(y, r.y)
          && Double.compare(kappa, r.kappa) == 0
          && Arrays.equals(status, r.status)
          && Arrays.equals(lambda, r.lambda)
          && iterations == r.iterations
          && termination == r.termination
          && Double.compare(kktResidual, r.kktResidual) == 0
          && Double.compare(gap, r.gap) == 0;
    }

    @Override
    public int hashCode() {
      return Objects.hash(
          Arrays.hashCode(y),
          kappa,
          Arrays.hashCode(status),
          Arrays.hashCode(lambda),
          iterations,
          termination,
          kktResidual,
          gap);
    }

    @Override
    public String toString() {
      return "Result[y="
          + Arrays.toString(y)
          + ", kappa="
          + kappa
          + ", "
          + termination
          + ", iterations="
          + iterations
          + ", kkt="
          + kktResidual
          + ", gap="
          + gap
          + "]";
    }
  }

  /**
   * Creates a solver for one problem.
   *
   * @param n number of assets
   * @param sigma covariance, row-major {@code n*n}, symmetric positive semi-definite
   * @param lo lower bounds (per unit of kappa)
   * @param hi upper bounds (per unit of kappa), {@code hi >= lo}
   * @param rowA equality row coefficients on y, each of length n
   * @param rowBeta equality row coefficients on kappa
   * @param rowB equality right-hand sides
   */
  public ActiveSetQp(
      int n,
      double[] sigma,
      double[] lo,
      double[] hi,
      double[][] rowA,
      double[] rowBeta,
      double[] rowB) {
    this.n = n;
    this.s = sigma;
    this.lo = lo;
    this.hi = hi;
    this.rowA = rowA;
    this.rowBeta = rowBeta;
    this.rowB = rowB;
    double maxDiag = 0;
    for (int i = 0; i < n; i++) {
      maxDiag = Math.max(maxDiag, sigma[i * n + i]);
    }
    this.ridge = 1e-12 * (maxDiag > 0 ? maxDiag : 1);
  }

  /**
   * Solves from a feasible starting point.
   *
   * @param y0 feasible y (bound assets exactly at {@code d_i kappa0})
   * @param kappa0 feasible kappa
   * @param status0 working set matching {@code y0}; assets with {@code lo == hi} must be LOWER
   * @param maxIterations iteration limit
   * @return the result
   */
  public Result solve(double[] y0, double kappa0, BoundStatus[] status0, int maxIterations) {
    Run run = new Run(y0, kappa0, status0);
    Termination end = run.iterate(maxIterations);
    double[] diagnostics = run.diagnostics();
    return new Result(
        run.y,
        run.kappa,
        run.status,
        run.lambda,
        run.iterations,
        end,
        diagnostics[0],
        diagnostics[1]);
  }

  /** The state and workspace of one solve. */
  private final class Run {
    final double[] y;
    double kappa;
    final BoundStatus[] status;

    /** Multipliers of the equality rows. */
    final double[] lambda;

    /** Bound multipliers {@code g = Sigma y - A' lambda}. */
    final double[] g;

    /** {@code u = Sigma[:, B] d_B}, maintained as assets enter and leave the bounds. */
    final double[] boundColumns;

    /** The rows' coefficients on kappa: {@code beta + A_B d_B}. */
    final double[] kappaRows;

    /** Indices of the nonzero {@code y_j}, for the sparse product {@code Sigma y}. */
    final int[] nonzero;

    /** The nonzero {@code y_j}, in the order of {@link #nonzero}. */
    final double[] nonzeroValues;

    final CholeskyFactor factor;
    final KktSystem kkt;
    final AntiCycling antiCycling;
    int iterations;
    // the ratio test's result
    double alpha;
    int block;
    BoundStatus blockStatus;

    Run(double[] y0, double kappa0, BoundStatus[] status0) {
      y = y0.clone();
      kappa = kappa0;
      status = status0.clone();
      int m = rowB.length;
      lambda = new double[m];
      g = new double[n];
      boundColumns = new double[n];
      kappaRows = new double[m];
      nonzero = new int[n];
      nonzeroValues = new double[n];
      factor = new CholeskyFactor(n, s, ridge);
      kkt = new KktSystem(n, rowA, rowB);
      antiCycling = new AntiCycling(n);
      for (int i = 0; i < n; i++) {
        if (status[i] == BoundStatus.FREE) {
          factor.add(i);
        } else {
          addColumn(boundColumns, i, bound(status, i));
        }
      }
    }

    Termination iterate(int maxIterations) {
      while (iterations < maxIterations) {
        iterations++;
        kkt.solve(factor, boundColumns, boundTerms(), kappaRows);
        for (int r = 0; r < lambda.length; r++) {
          lambda[r] = kkt.rowMultiplier(r);
        }
        ratioTest();
        if (block >= 0) {
          stepToBlock();
          continue;
        }
        moveToSolution();
        int release = chooseRelease();
        if (release == STALLED_MARK) {
          return Termination.STALLED;
        }
        if (release < 0) {
          return Termination.CONVERGED;
        }
        release(release);
      }
      return Termination.ITERATION_LIMIT;
    }

    /**
     * Sets {@link #kappaRows} and returns the kappa-kappa entry {@code q}; bounds at zero add
     * nothing.
     */
    private double boundTerms() {
      int m = rowBeta.length;
      double q = 0;
      System.arraycopy(rowBeta, 0, kappaRows, 0, m);
      for (int b = 0; b < n; b++) {
        if (status[b] != BoundStatus.FREE) {
          double d = bound(status, b);
          if (d == 0) {
            continue;
          }
          q += d * boundColumns[b];
          for (int r = 0; r < m; r++) {
            kappaRows[r] += rowA[r][b] * d;
          }
        }
      }
      return q;
    }

    /** The ratio test from (y, kappa) toward the subproblem's solution. */
    private void ratioTest() {
      int k = factor.size();
      int[] free = factor.order();
      double pk = kkt.kappa() - kappa;
      double negligible = negligibleMove(k, free);
      alpha = 1;
      block = -1;
      blockStatus = BoundStatus.FREE;
      for (int c = 0; c < k; c++) {
        int i = free[c];
        double p = kkt.freeWeight(c) - y[i];
        double dl = p - lo[i] * pk;
        if (dl < -negligible) {
          offer(i, Math.max(0, y[i] - lo[i] * kappa) / -dl, BoundStatus.LOWER);
        }
        double dh = hi[i] == Double.POSITIVE_INFINITY ? 0 : hi[i] * pk - p;
        if (dh < -negligible) {
          offer(i, Math.max(0, hi[i] * kappa - y[i]) / -dh, BoundStatus.UPPER);
        }
      }
    }

    /** Moves below this size are rounding (e.g. a freed asset pinned by the rows): not blocking. */
    private double negligibleMove(int k, int[] free) {
      double ymax = Math.abs(kappa);
      for (int c = 0; c < k; c++) {
        ymax = Math.max(ymax, Math.abs(y[free[c]]));
      }
      return 1e-14 * Math.max(ymax, 1e-300);
    }

    private void offer(int i, double a, BoundStatus at) {
      if (a < alpha) {
        alpha = a;
        block = i;
        blockStatus = at;
      }
    }

    /** Steps {@code alpha} toward the solution and fixes the blocking asset at its bound. */
    private void stepToBlock() {
      int k = factor.size();
      int[] free = factor.order();
      for (int c = 0; c < k; c++) {
        int i = free[c];
        y[i] += alpha * (kkt.freeWeight(c) - y[i]);
      }
      kappa += alpha * (kkt.kappa() - kappa);
      antiCycling.blocked(block, alpha);
      status[block] = blockStatus;
      factor.remove(block);
      addColumn(boundColumns, block, bound(status, block));
      syncBounds();
    }

    /** Moves to the subproblem's solution and computes the bound multipliers there. */
    private void moveToSolution() {
      int k = factor.size();
      int[] free = factor.order();
      double kt = kkt.kappa();
      boolean moved = kt - kappa != 0;
      for (int c = 0; c < k; c++) {
        double x = kkt.freeWeight(c);
        moved |= y[free[c]] != x;
        y[free[c]] = x;
      }
      kappa = kt;
      antiCycling.reachedSolution(moved);
      syncBounds();
      gradient();
    }

    /**
     * Returns the bound with the most wrong-signed multiplier, -1 when there is none (converged),
     * or {@link #STALLED_MARK} when only tabu bounds have one.
     */
    private int chooseRelease() {
      double tol = 1e-12 * Math.max(maxAbs(g), 1e-300) + 1e-300;
      int release = -1;
      boolean stuck = false;
      double worst = -tol;
      for (int i = 0; i < n; i++) {
        if (status[i] == BoundStatus.FREE || lo[i] == hi[i]) {
          continue;
        }
        double mult = status[i] == BoundStatus.LOWER ? g[i] : -g[i];
        if (mult < worst) {
          if (antiCycling.isTabu(i)) {
            stuck = true;
            continue;
          }
          worst = mult;
          release = i;
        }
      }
      return release < 0 && stuck ? STALLED_MARK : release;
    }

    private void release(int i) {
      addColumn(boundColumns, i, -bound(status, i));
      status[i] = BoundStatus.FREE;
      factor.add(i);
      antiCycling.released(i);
    }

    private void syncBounds() {
      for (int i = 0; i < n; i++) {
        if (status[i] != BoundStatus.FREE) {
          y[i] = bound(status, i) * kappa;
        }
      }
    }

    /**
     * {@code g = Sigma y - sum_r lambda_r a_r} with the given covariance, skipping the terms of the
     * {@code y_j} that are exactly zero: {@code O(n nnz(y))} instead of {@code O(n^2)}. The other
     * terms are added in ascending {@code j}, as in the full product, so each {@code g_i} is the
     * same floating-point sum (adding a zero term changes nothing, bar the sign of a zero sum).
     */
    private void gradient() {
      int k = 0;
      for (int j = 0; j < n; j++) {
        if (y[j] != 0) {
          nonzeroValues[k] = y[j];
          nonzero[k++] = j;
        }
      }
      int i = sparseRowsByFour(k);
      for (; i < n; i++) {
        int row = i * n;
        double v = 0;
        for (int c = 0; c < k; c++) {
          v += s[row + nonzero[c]] * nonzeroValues[c];
        }
        g[i] = v;
      }
      for (int r = 0; r < lambda.length; r++) {
        double lr = lambda[r];
        double[] ar = rowA[r];
        for (int t = 0; t < n; t++) {
          g[t] -= lr * ar[t];
        }
      }
    }

    /**
     * {@code g_i = (Sigma y)_i} four rows at a time (four independent sums, each in its own
     * ascending order); returns the first row not done.
     */
    private int sparseRowsByFour(int k) {
      int i = 0;
      for (; i + 3 < n; i += 4) {
        int r0 = i * n;
        int r1 = r0 + n;
        int r2 = r1 + n;
        int r3 = r2 + n;
        double v0 = 0;
        double v1 = 0;
        double v2 = 0;
        double v3 = 0;
        for (int c = 0; c < k; c++) {
          int j = nonzero[c];
          double yj = nonzeroValues[c];
          v0 += s[r0 + j] * yj;
          v1 += s[r1 + j] * yj;
          v2 += s[r2 + j] * yj;
          v3 += s[r3 + j] * yj;
        }
        g[i] = v0;
        g[i + 1] = v1;
        g[i + 2] = v2;
        g[i + 3] = v3;
      }
      return i;
    }

    /** Returns {KKT residual, duality gap} with the given covariance. */
    double[] diagnostics() {
      gradient();
      double[] kktAndGap = new double[2];
      double kappaStat = rowDiagnostics(kktAndGap);
      for (int i = 0; i < n; i++) {
        kappaStat += boundDiagnostics(i, kktAndGap);
      }
      kktAndGap[0] = Math.max(kktAndGap[0], Math.abs(kappaStat));
      return kktAndGap;
    }

    /** Primal residuals of the rows; returns their part of the kappa stationarity. */
    private double rowDiagnostics(double[] kktAndGap) {
      double kappaStat = 0;
      for (int r = 0; r < lambda.length; r++) {
        kappaStat -= lambda[r] * rowBeta[r];
        double res = rowBeta[r] * kappa - rowB[r];
        for (int i = 0; i < n; i++) {
          res += rowA[r][i] * y[i];
        }
        kktAndGap[0] = Math.max(kktAndGap[0], Math.abs(res));
        kktAndGap[1] += Math.abs(lambda[r] * res);
      }
      return kappaStat;
    }

    /** Feasibility, stationarity or multiplier sign of asset i; returns its kappa term. */
    private double boundDiagnostics(int i, double[] kktAndGap) {
      double slackLo = y[i] - lo[i] * kappa;
      double slackHi = hi[i] * kappa - y[i];
      double kkt = Math.max(kktAndGap[0], Math.max(-slackLo, -slackHi));
      if (status[i] == BoundStatus.FREE) {
        kktAndGap[0] = Math.max(kkt, Math.abs(g[i]));
        return 0;
      }
      double d = bound(status, i);
      boolean lower = status[i] == BoundStatus.LOWER;
      double mult = lower ? g[i] : -g[i];
      double slack = lower ? slackLo : slackHi;
      if (lo[i] != hi[i]) {
        kkt = Math.max(kkt, -mult);
      }
      kktAndGap[0] = Math.max(kkt, Math.abs(mult * slack));
      kktAndGap[1] += Math.abs(mult * slack);
      return d * g[i];
    }
  }

  private static final int STALLED_MARK = -2;

  /** {@code u += d Sigma[:, i]}. */
  private void addColumn(double[] u, int i, double d) {
    if (d == 0) {
      return;
    }
    int row = i * n;
    for (int j = 0; j < n; j++) {
      u[j] += s[row + j] * d;
    }
  }

  private double bound(BoundStatus[] status, int i) {
    return status[i] == BoundStatus.LOWER ? lo[i] : hi[i];
  }

  private static double maxAbs(double[] v) {
    double scale = 0;
    for (double x : v) {
      scale = Math.max(scale, Math.abs(x));
    }
    return scale;
  }
}
