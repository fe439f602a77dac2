package io.scrilla.core.optimize.internal;

import java.util.Arrays;
import org.hipparchus.linear.Array2DRowRealMatrix;
import org.hipparchus.linear.ArrayRealVector;
import org.hipparchus.linear.DecompositionSolver;
import org.hipparchus.linear.SingularValueDecomposition;

/**
 * Primal active-set solver for the homogenised, bounded, convex quadratic programme
 *
 * <pre>
 *   minimise   y' Sigma y / 2            over y in R^n and kappa in R
 *   subject to a_r' y + beta_r kappa = b_r      (a few equality rows r)
 *              lo_i kappa &lt;= y_i &lt;= hi_i kappa (every asset i)
 * </pre>
 *
 * <p>With a row {@code kappa = 1} this is the mean-variance problem in the weights {@code w = y};
 * with {@code (mu - r_f)' y = 1} and {@code sum y = kappa} it is the homogenised maximum-Sharpe
 * problem. Each asset is FREE, at its LOWER bound ({@code y_i = lo_i kappa}) or at its UPPER
 * bound. For a working set, the equality-constrained subproblem in the free {@code y_F} and
 * {@code kappa} (the bound {@code y_i} are {@code d_i kappa}) is solved exactly from its KKT
 * system: a Cholesky factor of {@code Sigma_FF} (updated, not recomputed, as assets enter and leave
 * the free set) eliminates {@code y_F}, leaving a Schur-complement system in {@code kappa} and the
 * row multipliers of size at most 4, solved by LU with partial pivoting (Hipparchus' SVD
 * pseudo-inverse when the rows are dependent). The iterate then moves toward that solution
 * until a bound blocks (the blocking asset joins the working set) or reaches it; there the bound
 * multipliers {@code g_i = (Sigma y - A' lambda)_i} are checked (LOWER needs {@code g_i >= 0},
 * UPPER {@code g_i <= 0}) and the most violated bound is released. A convex QP has finitely many
 * working sets and the objective falls strictly after each release, so the method ends at an
 * exact KKT point.
 *
 * <p>Singular covariance (a zero-volatility asset, perfectly correlated assets) is handled in the
 * factorisation: a pivot of the Cholesky factor that rounds below
 * {@code delta = 1e-12 max_i Sigma_ii} is raised to {@code delta}, which is the same as adding
 * {@code delta} to the variance of that direction only. Each subproblem stays strictly convex on
 * the null space of its rows, so it has one solution; among the optimal portfolios of a singular
 * problem this picks one of least norm in the degenerate direction. Nonsingular problems are not
 * perturbed at all. The KKT residual is measured against the given {@code Sigma}.
 *
 * <p>Degenerate vertices (a released asset blocked again at once, with a zero step) are handled
 * by not releasing that asset again until the iterate moves; if only such assets remain with a
 * wrong-signed multiplier the solver stops and reports that it did not converge.
 *
 * <p>Create one per problem; {@link #solve} keeps its state in local variables. Each iteration
 * costs {@code O(n z + k^2 + n m)} for {@code k} free assets, {@code m} rows and {@code z} the
 * number of nonzero {@code y_j} (the free assets and those at a nonzero bound: {@code z = k} for
 * the default long-only bounds). The workspace is allocated once per solve and reused; an iteration allocates
 * nothing, except two arrays of length n when the factor first reaches a new size (they are
 * recycled after). The bound multipliers need {@code Sigma y}; its zero terms
 * are skipped, and the others summed in the same order as the full product, so every number the
 * solver computes is the one the straightforward {@code O(n^2)} product would give.
 */
public final class ActiveSetQp {
  /** Status of an asset not at a bound. */
  public static final int FREE = 0;
  /** Status of an asset at its lower bound {@code y_i = lo_i kappa}. */
  public static final int LOWER = 1;
  /** Status of an asset at its upper bound {@code y_i = hi_i kappa}. */
  public static final int UPPER = 2;

  private final int n;
  private final double[] s;
  private final double ridge;
  private final double[] lo;
  private final double[] hi;
  private final double[][] rowA;
  private final double[] rowBeta;
  private final double[] rowB;

  /**
   * The outcome of a solve.
   *
   * @param y the optimal y
   * @param kappa the optimal kappa
   * @param status the final working set (FREE, LOWER, UPPER per asset)
   * @param lambda multipliers of the equality rows
   * @param iterations subproblems solved
   * @param converged whether the KKT test passed (false: iteration limit or degenerate cycling)
   * @param kktResidual largest KKT violation, with the given covariance
   * @param gap duality gap at the multipliers
   */
  public record Result(double[] y, double kappa, int[] status, double[] lambda, int iterations,
      boolean converged, double kktResidual, double gap) {}

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
  public ActiveSetQp(int n, double[] sigma, double[] lo, double[] hi, double[][] rowA,
      double[] rowBeta, double[] rowB) {
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
  public Result solve(double[] y0, double kappa0, int[] status0, int maxIterations) {
    double[] y = y0.clone();
    double kappa = kappa0;
    int[] status = status0.clone();
    int m = rowB.length;
    double[] lambda = new double[m];
    double[] g = new double[n];
    boolean[] tabu = new boolean[n];
    // u = Sigma[:, B] d_B, maintained as assets enter and leave the bounds
    double[] u = new double[n];
    Factor f = new Factor(n);
    for (int i = 0; i < n; i++) {
      if (status[i] == FREE) {
        f.add(i);
      } else {
        addColumn(u, i, bound(status, i));
      }
    }
    double[] hu = new double[n];
    double[][] ha = new double[m][n];
    double[] x = new double[n];
    double[] work = new double[n];
    double[] rx = new double[n];
    double[] hr = new double[n];
    double[] rb = new double[m];
    double[] ak = new double[m];
    double[][] sm = new double[m + 1][m + 1];
    double[] sol = new double[m + 1];
    double[] srhs = new double[m + 1];
    double[] ds = new double[m + 1];
    int[] nonzero = new int[n];
    SmallSystem small = new SmallSystem(m + 1);
    int lastReleased = -1;
    boolean converged = false;
    int iterations = 0;
    while (iterations < maxIterations) {
      iterations++;
      int k = f.size;
      int[] free = f.order;
      // kappa-kappa entry and the kappa coefficients of the rows (bounds at zero add nothing)
      double q = 0;
      System.arraycopy(rowBeta, 0, ak, 0, m);
      for (int b = 0; b < n; b++) {
        if (status[b] != FREE) {
          double d = bound(status, b);
          if (d == 0) {
            continue;
          }
          q += d * u[b];
          for (int r = 0; r < m; r++) {
            ak[r] += rowA[r][b] * d;
          }
        }
      }
      // Hu = H^-1 u_F, HA_r = H^-1 a_r,F
      for (int c = 0; c < k; c++) {
        work[c] = u[free[c]];
      }
      f.solve(work, hu);
      for (int r = 0; r < m; r++) {
        for (int c = 0; c < k; c++) {
          work[c] = rowA[r][free[c]];
        }
        f.solve(work, ha[r]);
      }
      // Schur complement system in (kappa, nu)
      double uhu = 0;
      for (int c = 0; c < k; c++) {
        uhu += u[free[c]] * hu[c];
      }
      sm[0][0] = q - uhu;
      for (int r = 0; r < m; r++) {
        double aHu = 0;
        for (int c = 0; c < k; c++) {
          aHu += rowA[r][free[c]] * hu[c];
        }
        sm[0][r + 1] = ak[r] - aHu;
        sm[r + 1][0] = ak[r] - aHu;
        for (int t = 0; t <= r; t++) {
          double aHa = 0;
          for (int c = 0; c < k; c++) {
            aHa += rowA[r][free[c]] * ha[t][c];
          }
          sm[r + 1][t + 1] = -aHa;
          sm[t + 1][r + 1] = -aHa;
        }
      }
      small.factor(sm);
      // solve, then two rounds of iterative refinement on the full reduced KKT system
      Arrays.fill(sol, 0);
      Arrays.fill(rx, 0, k, 0);
      double rk = 0;
      System.arraycopy(rowB, 0, rb, 0, m);
      Arrays.fill(x, 0, k, 0);
      for (int round = 0; round < 3; round++) {
        // correction for the residual (rx, rk, rb)
        f.solve(rx, hr);
        double uhr = 0;
        for (int c = 0; c < k; c++) {
          uhr += u[free[c]] * hr[c];
        }
        srhs[0] = rk - uhr;
        for (int r = 0; r < m; r++) {
          double ahr = 0;
          for (int c = 0; c < k; c++) {
            ahr += rowA[r][free[c]] * hr[c];
          }
          srhs[r + 1] = rb[r] - ahr;
        }
        small.solve(srhs, ds);
        for (int c = 0; c < k; c++) {
          double v = hr[c] - hu[c] * ds[0];
          for (int r = 0; r < m; r++) {
            v -= ha[r][c] * ds[r + 1];
          }
          x[c] += v;
        }
        for (int t = 0; t <= m; t++) {
          sol[t] += ds[t];
        }
        if (round == 2) {
          break;
        }
        // residuals of H x + u kappa + A' nu = 0, u' x + q kappa + ak' nu = 0, A x + ak kappa = b
        f.multiply(x, hr);
        for (int c = 0; c < k; c++) {
          double v = hr[c] + u[free[c]] * sol[0];
          for (int r = 0; r < m; r++) {
            v += rowA[r][free[c]] * sol[r + 1];
          }
          rx[c] = -v;
        }
        double v0 = q * sol[0];
        for (int c = 0; c < k; c++) {
          v0 += u[free[c]] * x[c];
        }
        for (int r = 0; r < m; r++) {
          v0 += ak[r] * sol[r + 1];
        }
        rk = -v0;
        for (int r = 0; r < m; r++) {
          double v = ak[r] * sol[0];
          for (int c = 0; c < k; c++) {
            v += rowA[r][free[c]] * x[c];
          }
          rb[r] = rowB[r] - v;
        }
      }
      double kt = sol[0];
      for (int r = 0; r < m; r++) {
        lambda[r] = -sol[r + 1];
      }
      // ratio test from (y, kappa) toward the subproblem solution
      double pk = kt - kappa;
      // moves below this size are rounding (e.g. a freed asset pinned by the rows): not blocking
      double ymax = Math.abs(kappa);
      for (int c = 0; c < k; c++) {
        ymax = Math.max(ymax, Math.abs(y[free[c]]));
      }
      double negligible = 1e-14 * Math.max(ymax, 1e-300);
      double alpha = 1;
      int block = -1;
      int blockStatus = FREE;
      for (int c = 0; c < k; c++) {
        int i = free[c];
        double p = x[c] - y[i];
        double dl = p - lo[i] * pk;
        if (dl < -negligible) {
          double a = Math.max(0, y[i] - lo[i] * kappa) / -dl;
          if (a < alpha) {
            alpha = a;
            block = i;
            blockStatus = LOWER;
          }
        }
        double dh = hi[i] == Double.POSITIVE_INFINITY ? 0 : hi[i] * pk - p;
        if (dh < -negligible) {
          double a = Math.max(0, hi[i] * kappa - y[i]) / -dh;
          if (a < alpha) {
            alpha = a;
            block = i;
            blockStatus = UPPER;
          }
        }
      }
      if (block >= 0) {
        for (int c = 0; c < k; c++) {
          int i = free[c];
          y[i] += alpha * (x[c] - y[i]);
        }
        kappa += alpha * pk;
        if (alpha > 0) {
          Arrays.fill(tabu, false);
        } else if (block == lastReleased) {
          tabu[block] = true;
        }
        status[block] = blockStatus;
        f.remove(block);
        addColumn(u, block, bound(status, block));
        syncBounds(y, kappa, status);
        lastReleased = -1;
        continue;
      }
      boolean moved = pk != 0;
      for (int c = 0; c < k; c++) {
        moved |= y[free[c]] != x[c];
        y[free[c]] = x[c];
      }
      kappa = kt;
      if (moved) {
        Arrays.fill(tabu, false);
      }
      syncBounds(y, kappa, status);
      // multipliers of the bounds: g = Sigma y - A' lambda, over the y_j != 0 only
      gradient(y, lambda, nonzero, work, g);
      double scale = 0;
      for (int i = 0; i < n; i++) {
        scale = Math.max(scale, Math.abs(g[i]));
      }
      double tol = 1e-12 * Math.max(scale, 1e-300) + 1e-300;
      int release = -1;
      boolean stuck = false;
      double worst = -tol;
      for (int i = 0; i < n; i++) {
        if (status[i] == FREE || lo[i] == hi[i]) {
          continue;
        }
        double mult = status[i] == LOWER ? g[i] : -g[i];
        if (mult < worst) {
          if (tabu[i]) {
            stuck = true;
            continue;
          }
          worst = mult;
          release = i;
        }
      }
      if (release < 0 && stuck) {
        break;
      }
      if (release < 0) {
        converged = true;
        break;
      }
      addColumn(u, release, -bound(status, release));
      status[release] = FREE;
      f.add(release);
      lastReleased = release;
    }
    double[] diagnostics = diagnostics(y, kappa, status, lambda, g, nonzero, work);
    return new Result(y, kappa, status, lambda.clone(), iterations, converged, diagnostics[0],
        diagnostics[1]);
  }

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

  /**
   * Cholesky factor {@code L L' = Sigma_FF} (pivots floored at delta) of the free assets, in the
   * order they were freed, updated in {@code O(k^2)} when an asset is freed (a new last row) or
   * fixed (the row is deleted and the factor made triangular again by Givens rotations).
   *
   * <p>Storage: row {@code r} of L in {@code l[r][0..r]}, and a copy of column {@code c} in
   * {@code u[c][c..size-1]} (so {@code u[c][r] = l[r][c]}) for the products with {@code L'}, which
   * then read contiguous memory; the copy holds the same numbers, so every sum is the one the
   * column-wise reads would give. The arrays (length n) are allocated the first time the factor
   * reaches that size and reused after: a deleted row's array becomes the spare for the next new
   * row, so updates allocate nothing. Entries right of the diagonal of {@code l}, or left of it
   * in {@code u}, are stale and never read.
   */
  private final class Factor {
    final int[] order;
    final double[][] l;
    final double[][] u;
    final double[] tmp;
    int size;

    Factor(int n) {
      order = new int[n];
      l = new double[n][];
      u = new double[n][];
      tmp = new double[n];
    }

    /**
     * Returns {@code a} when it has an index {@code need}, else a copy with room for about twice
     * that (at most n): each row is reallocated only O(log n) times.
     */
    private double[] room(double[] a, int need) {
      if (a != null && a.length > need) {
        return a;
      }
      int cap = Math.min(n, 2 * need + 8);
      return a == null ? new double[cap] : Arrays.copyOf(a, cap);
    }

    void add(int i) {
      int k = size;
      double[] row = room(l[k], k);
      int ri = i * n;
      for (int c = 0; c < k; c++) {
        double v = s[ri + order[c]];
        double[] lc = l[c];
        for (int t = 0; t < c; t++) {
          v -= lc[t] * row[t];
        }
        row[c] = v / lc[c];
      }
      double d2 = s[ri + i];
      for (int c = 0; c < k; c++) {
        d2 -= row[c] * row[c];
      }
      // a (numerically) singular direction gets the floor: see the class comment
      row[k] = Math.sqrt(Math.max(d2, ridge));
      l[k] = row;
      order[k] = i;
      for (int c = 0; c <= k; c++) {
        double[] uc = u[c];
        if (uc == null || uc.length <= k) {
          uc = u[c] = room(uc, k);
        }
        uc[k] = row[c];
      }
      size++;
    }

    void remove(int i) {
      int p = -1;
      for (int c = 0; c < size; c++) {
        if (order[c] == i) {
          p = c;
          break;
        }
      }
      int k = size;
      // drop row p; rows below keep one entry right of their diagonal
      double[] dropped = l[p];
      for (int r = p; r < k - 1; r++) {
        l[r] = l[r + 1];
        order[r] = order[r + 1];
      }
      l[k - 1] = dropped;
      for (int c = p; c < k - 1; c++) {
        double a = l[c][c];
        double b = l[c][c + 1];
        double h = Math.hypot(a, b);
        double cs = a / h;
        double sn = b / h;
        for (int r = c; r < k - 1; r++) {
          double[] lr = l[r];
          double xv = lr[c];
          double yv = lr[c + 1];
          lr[c] = cs * xv + sn * yv;
          lr[c + 1] = -sn * xv + cs * yv;
        }
      }
      // the entries now right of the diagonals (zero up to rounding) are left stale; rows p..k-2
      // changed, so their copies in the columns are refreshed
      for (int r = p; r < k - 1; r++) {
        double[] lr = l[r];
        for (int c = 0; c <= r; c++) {
          u[c][r] = lr[c];
        }
      }
      size--;
    }

    /** Computes {@code out = L L' x} for the first {@code size} entries. */
    void multiply(double[] x, double[] out) {
      int k = size;
      double[] t = tmp;
      for (int c = 0; c < k; c++) {
        double v = 0;
        double[] uc = u[c];
        for (int r = c; r < k; r++) {
          v += uc[r] * x[r];
        }
        t[c] = v;
      }
      for (int r = 0; r < k; r++) {
        double v = 0;
        double[] lr = l[r];
        for (int c = 0; c <= r; c++) {
          v += lr[c] * t[c];
        }
        out[r] = v;
      }
    }

    /**
     * Solves {@code L L' out = b} for the first {@code size} entries. A right-hand side of
     * positive zeros (the rows' zero coefficients, {@code u = 0} when every bound is zero) gives
     * positive zeros, which the substitutions would compute too (every pivot is positive).
     */
    void solve(double[] b, double[] out) {
      int k = size;
      int nz = 0;
      while (nz < k && Double.doubleToRawLongBits(b[nz]) == 0L) {
        nz++;
      }
      if (nz == k) {
        Arrays.fill(out, 0, k, 0.0);
        return;
      }
      for (int c = 0; c < k; c++) {
        double v = b[c];
        double[] lc = l[c];
        for (int t = 0; t < c; t++) {
          v -= lc[t] * out[t];
        }
        out[c] = v / lc[c];
      }
      for (int c = k - 1; c >= 0; c--) {
        double v = out[c];
        double[] uc = u[c];
        for (int t = c + 1; t < k; t++) {
          v -= uc[t] * out[t];
        }
        out[c] = v / uc[c];
      }
    }
  }

  private double bound(int[] status, int i) {
    return status[i] == LOWER ? lo[i] : hi[i];
  }

  private void syncBounds(double[] y, double kappa, int[] status) {
    for (int i = 0; i < n; i++) {
      if (status[i] != FREE) {
        y[i] = bound(status, i) * kappa;
      }
    }
  }

  /**
   * {@code g = Sigma y - sum_r lambda_r a_r} with the given covariance, skipping the terms of the
   * {@code y_j} that are exactly zero: {@code O(n nnz(y))} instead of {@code O(n^2)}. The other
   * terms are added in ascending {@code j}, as in the full product, so each {@code g_i} is the
   * same floating-point sum (adding a zero term changes nothing, bar the sign of a zero sum).
   *
   * @param idx workspace of length n
   * @param yz workspace of length n
   */
  private void gradient(double[] y, double[] lambda, int[] idx, double[] yz, double[] g) {
    int k = 0;
    for (int j = 0; j < n; j++) {
      if (y[j] != 0) {
        yz[k] = y[j];
        idx[k++] = j;
      }
    }
    // four rows at a time: four independent sums, each in its own (ascending) order
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
        int j = idx[c];
        double yj = yz[c];
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
    for (; i < n; i++) {
      int row = i * n;
      double v = 0;
      for (int c = 0; c < k; c++) {
        v += s[row + idx[c]] * yz[c];
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

  /** Returns {KKT residual, duality gap} with the given covariance. */
  private double[] diagnostics(double[] y, double kappa, int[] status, double[] lambda,
      double[] g, int[] idx, double[] yz) {
    gradient(y, lambda, idx, yz, g);
    double kkt = 0;
    double gap = 0;
    double kappaStat = 0;
    for (int r = 0; r < lambda.length; r++) {
      kappaStat -= lambda[r] * rowBeta[r];
      double res = rowBeta[r] * kappa - rowB[r];
      for (int i = 0; i < n; i++) {
        res += rowA[r][i] * y[i];
      }
      kkt = Math.max(kkt, Math.abs(res));
      gap += Math.abs(lambda[r] * res);
    }
    for (int i = 0; i < n; i++) {
      double slackLo = y[i] - lo[i] * kappa;
      double slackHi = hi[i] * kappa - y[i];
      kkt = Math.max(kkt, Math.max(-slackLo, -slackHi));
      if (status[i] == FREE) {
        kkt = Math.max(kkt, Math.abs(g[i]));
      } else {
        double d = bound(status, i);
        kappaStat += d * g[i];
        double mult = status[i] == LOWER ? g[i] : -g[i];
        double slack = status[i] == LOWER ? slackLo : slackHi;
        if (lo[i] != hi[i]) {
          kkt = Math.max(kkt, -mult);
        }
        kkt = Math.max(kkt, Math.abs(mult * slack));
        gap += Math.abs(mult * slack);
      }
    }
    kkt = Math.max(kkt, Math.abs(kappaStat));
    return new double[] {kkt, gap};
  }

  /**
   * The small symmetric Schur-complement system (size at most 4), factorised in place by LU with
   * partial pivoting (the largest remaining entry of the column, first on ties). A pivot below
   * {@code 1e-15 max |a_ij|} marks it rank-deficient (dependent equality rows, e.g. a target return
   * when every free asset has the same return); it then gets Hipparchus' SVD pseudo-inverse, whose
   * least-norm solution is exact because the system is consistent. Only that rare path allocates.
   */
  private static final class SmallSystem {
    private final int size;
    private final double[][] lu;
    private final int[] perm;
    private DecompositionSolver pseudoInverse;

    SmallSystem(int size) {
      this.size = size;
      this.lu = new double[size][size];
      this.perm = new int[size];
    }

    /** Factorises {@code a} (not modified). */
    void factor(double[][] a) {
      double threshold = 1e-15 * maxAbs(a);
      for (int r = 0; r < size; r++) {
        System.arraycopy(a[r], 0, lu[r], 0, size);
        perm[r] = r;
      }
      pseudoInverse = null;
      for (int c = 0; c < size; c++) {
        // lu[r][c] for r >= c is already the eliminated candidate; pick the largest
        int best = c;
        double largest = Double.NEGATIVE_INFINITY;
        for (int r = c; r < size; r++) {
          double v = Math.abs(lu[r][c]);
          if (v > largest) {
            largest = v;
            best = r;
          }
        }
        if (Math.abs(lu[best][c]) < threshold) {
          pseudoInverse = new SingularValueDecomposition(new Array2DRowRealMatrix(a, true))
              .getSolver();
          return;
        }
        if (best != c) {
          double[] t = lu[best];
          lu[best] = lu[c];
          lu[c] = t;
          int pt = perm[best];
          perm[best] = perm[c];
          perm[c] = pt;
        }
        double[] pivotRow = lu[c];
        double pivot = pivotRow[c];
        for (int r = c + 1; r < size; r++) {
          double[] lr = lu[r];
          double mult = lr[c] / pivot;
          lr[c] = mult;
          for (int t = c + 1; t < size; t++) {
            lr[t] -= mult * pivotRow[t];
          }
        }
      }
    }

    /** Solves the factorised system for {@code b} into {@code out} (distinct arrays). */
    void solve(double[] b, double[] out) {
      if (pseudoInverse != null) {
        double[] x = pseudoInverse.solve(new ArrayRealVector(b, true)).toArray();
        System.arraycopy(x, 0, out, 0, size);
        return;
      }
      for (int r = 0; r < size; r++) {
        double v = b[perm[r]];
        double[] lr = lu[r];
        for (int c = 0; c < r; c++) {
          v -= out[c] * lr[c];
        }
        out[r] = v;
      }
      for (int r = size - 1; r >= 0; r--) {
        double v = out[r];
        double[] lr = lu[r];
        for (int c = size - 1; c > r; c--) {
          v -= out[c] * lr[c];
        }
        out[r] = v / lr[r];
      }
    }
  }

  private static double maxAbs(double[][] a) {
    double mx = 0;
    for (double[] row : a) {
      for (double v : row) {
        mx = Math.max(mx, Math.abs(v));
      }
    }
    return mx > 0 ? mx : 1;
  }
}
