package io.scrilla.core.optimize.internal;

import java.util.Arrays;

/**
 * The KKT system of one equality-constrained subproblem of {@link ActiveSetQp}, solved exactly with
 * two rounds of iterative refinement.
 *
 * <p>For the free assets {@code F} (with {@code H = Sigma_FF}, factored by a {@link
 * CholeskyFactor}), the bound assets' column sum {@code u = Sigma[:, B] d_B}, its {@code
 * kappa}-{@code kappa} entry {@code q = d_B' u_B} and the rows' {@code kappa} coefficients {@code
 * ak = beta + A_B d_B}, the system in the free weights {@code x}, {@code kappa} and the row
 * multipliers {@code nu} is
 *
 * <pre>
 *   H x    + u_F kappa + A_F' nu = 0
 *   u_F' x + q kappa   + ak' nu  = 0
 *   A_F x  + ak kappa            = b
 * </pre>
 *
 * <p>The factor eliminates {@code x}, which leaves the Schur complement in {@code (kappa, nu)} of
 * size at most 4, solved by {@link SmallSystem}. The residual of the full system is then computed
 * and corrected twice (iterative refinement), which recovers the digits the elimination lost on
 * badly conditioned subproblems.
 *
 * <p>The workspace (the arrays below, each named for what it holds) is allocated once and reused by
 * every solve.
 */
final class KktSystem {
  private final double[][] rowA;
  private final double[] rowB;
  private final int m;

  /** {@code H^-1 u_F}. */
  private final double[] hinvU;

  /** {@code H^-1 a_r,F}, one row per equality row. */
  private final double[][] hinvA;

  /** A right-hand side gathered over the free assets. */
  private final double[] gathered;

  /** The free weights {@code x} of the solution. */
  private final double[] x;

  /** The residual of the first block, then {@code H x} while the residual is formed. */
  private final double[] residualX;

  /** {@code H^-1} applied to the residual of the first block. */
  private final double[] hinvResidual;

  /** The residual of the equality rows. */
  private final double[] residualRows;

  /** The Schur complement in {@code (kappa, nu)}. */
  private final double[][] schur;

  /** The solution {@code (kappa, nu_1, ..., nu_m)}. */
  private final double[] solution;

  /** The right-hand side of the Schur complement for a correction. */
  private final double[] schurRhs;

  /** The correction of {@code (kappa, nu)}. */
  private final double[] correction;

  private final SmallSystem small;
  // the subproblem being solved
  private CholeskyFactor factor;
  private double[] u;
  private double q;
  private double[] ak;
  private double residualKappa;

  /**
   * Creates the workspace for {@code n} assets and the given equality rows.
   *
   * @param n number of assets
   * @param rowA equality row coefficients on y, each of length n
   * @param rowB equality right-hand sides
   */
  KktSystem(int n, double[][] rowA, double[] rowB) {
    this.rowA = rowA;
    this.rowB = rowB;
    this.m = rowB.length;
    hinvU = new double[n];
    hinvA = new double[m][n];
    gathered = new double[n];
    x = new double[n];
    residualX = new double[n];
    hinvResidual = new double[n];
    residualRows = new double[m];
    schur = new double[m + 1][m + 1];
    solution = new double[m + 1];
    schurRhs = new double[m + 1];
    correction = new double[m + 1];
    small = new SmallSystem(m + 1);
  }

  /**
   * Solves the system of the current working set.
   *
   * @param f the factor of the free assets' covariance
   * @param boundColumns {@code u = Sigma[:, B] d_B}, length n
   * @param kappaKappa {@code q = d_B' u_B}
   * @param kappaRows {@code ak}, the rows' coefficients on kappa, length m
   */
  void solve(CholeskyFactor f, double[] boundColumns, double kappaKappa, double[] kappaRows) {
    this.factor = f;
    this.u = boundColumns;
    this.q = kappaKappa;
    this.ak = kappaRows;
    eliminate();
    formSchur();
    small.factor(schur);
    refine();
  }

  /** Returns the free weight of row {@code c} of the factor. */
  double freeWeight(int c) {
    return x[c];
  }

  /** Returns {@code kappa} of the solution. */
  double kappa() {
    return solution[0];
  }

  /** Returns the multiplier {@code lambda_r = -nu_r} of equality row {@code r}. */
  double rowMultiplier(int r) {
    return -solution[r + 1];
  }

  /** Returns whether the Schur complement was rank-deficient (the SVD fallback was used). */
  boolean usedPseudoInverse() {
    return small.usesPseudoInverse();
  }

  /** {@code Hu = H^-1 u_F}, {@code HA_r = H^-1 a_r,F}. */
  private void eliminate() {
    int k = factor.size();
    int[] free = factor.order();
    for (int c = 0; c < k; c++) {
      gathered[c] = u[free[c]];
    }
    factor.solve(gathered, hinvU);
    for (int r = 0; r < m; r++) {
      double[] ar = rowA[r];
      for (int c = 0; c < k; c++) {
        gathered[c] = ar[free[c]];
      }
      factor.solve(gathered, hinvA[r]);
    }
  }

  /** The Schur complement system in {@code (kappa, nu)}. */
  private void formSchur() {
    int k = factor.size();
    int[] free = factor.order();
    double uhu = 0;
    for (int c = 0; c < k; c++) {
      uhu += u[free[c]] * hinvU[c];
    }
    schur[0][0] = q - uhu;
    for (int r = 0; r < m; r++) {
      double[] ar = rowA[r];
      double aHu = 0;
      for (int c = 0; c < k; c++) {
        aHu += ar[free[c]] * hinvU[c];
      }
      schur[0][r + 1] = ak[r] - aHu;
      schur[r + 1][0] = ak[r] - aHu;
      for (int t = 0; t <= r; t++) {
        double aHa = freeDot(ar, hinvA[t], k, free);
        schur[r + 1][t + 1] = -aHa;
        schur[t + 1][r + 1] = -aHa;
      }
    }
  }

  /** {@code sum_c a[free[c]] v[c]}, in ascending {@code c}. */
  private static double freeDot(double[] a, double[] v, int k, int[] free) {
    double s = 0;
    for (int c = 0; c < k; c++) {
      s += a[free[c]] * v[c];
    }
    return s;
  }

  /** Solves, then two rounds of iterative refinement on the full reduced KKT system. */
  private void refine() {
    int k = factor.size();
    Arrays.fill(solution, 0);
    Arrays.fill(residualX, 0, k, 0);
    residualKappa = 0;
    System.arraycopy(rowB, 0, residualRows, 0, m);
    Arrays.fill(x, 0, k, 0);
    for (int round = 0; round < 3; round++) {
      correct(k);
      if (round == 2) {
        break;
      }
      residual(k);
    }
  }

  /** Adds the correction for the residual {@code (residualX, residualKappa, residualRows)}. */
  private void correct(int k) {
    int[] free = factor.order();
    factor.solve(residualX, hinvResidual);
    schurRhs[0] = residualKappa - freeDot(u, hinvResidual, k, free);
    for (int r = 0; r < m; r++) {
      schurRhs[r + 1] = residualRows[r] - freeDot(rowA[r], hinvResidual, k, free);
    }
    small.solve(schurRhs, correction);
    for (int c = 0; c < k; c++) {
      double v = hinvResidual[c] - hinvU[c] * correction[0];
      for (int r = 0; r < m; r++) {
        v -= hinvA[r][c] * correction[r + 1];
      }
      x[c] += v;
    }
    for (int t = 0; t <= m; t++) {
      solution[t] += correction[t];
    }
  }

  /**
   * The residuals of {@code H x + u kappa + A' nu = 0}, {@code u' x + q kappa + ak' nu = 0} and
   * {@code A x + ak kappa = b}.
   */
  private void residual(int k) {
    int[] free = factor.order();
    factor.multiply(x, hinvResidual);
    residualOfFree(k, free);
    residualOfKappa(k, free);
    residualOfRows(k, free);
  }

  private void residualOfFree(int k, int[] free) {
    for (int c = 0; c < k; c++) {
      int i = free[c];
      double v = hinvResidual[c] + u[i] * solution[0];
      for (int r = 0; r < m; r++) {
        v += rowA[r][i] * solution[r + 1];
      }
      residualX[c] = -v;
    }
  }

  private void residualOfKappa(int k, int[] free) {
    double v0 = q * solution[0];
    for (int c = 0; c < k; c++) {
      v0 += u[free[c]] * x[c];
    }
    for (int r = 0; r < m; r++) {
      v0 += ak[r] * solution[r + 1];
    }
    residualKappa = -v0;
  }

  private void residualOfRows(int k, int[] free) {
    for (int r = 0; r < m; r++) {
      double v = ak[r] * solution[0];
      double[] ar = rowA[r];
      for (int c = 0; c < k; c++) {
        v += ar[free[c]] * x[c];
      }
      residualRows[r] = rowB[r] - v;
    }
  }
}
