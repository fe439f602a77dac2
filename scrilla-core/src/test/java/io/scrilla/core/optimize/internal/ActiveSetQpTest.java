package io.scrilla.core.optimize.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.ojalgo.matrix.store.R064Store;
import org.ojalgo.optimisation.Optimisation;
import org.ojalgo.optimisation.convex.ConvexSolver;

/**
 * The solver alone, against ojAlgo's {@link ConvexSolver} as an independent oracle: random bounded
 * minimum-variance problems (full rank and rank-deficient covariances), started from every asset
 * free (not the optimizer's purified vertex).
 */
class ActiveSetQpTest {

  /** {@code w' Sigma w / 2}. */
  private static double objective(double[] sigma, double[] w) {
    int n = w.length;
    double q = 0;
    for (int i = 0; i < n; i++) {
      for (int j = 0; j < n; j++) {
        q += w[i] * sigma[i * n + j] * w[j];
      }
    }
    return q / 2;
  }

  /** ojAlgo's solution of {@code min w' Sigma w / 2, sum w = 1, lo <= w <= hi}. */
  private static double[] oracle(double[] sigma, double[] lo, double[] hi) {
    int n = lo.length;
    double[] ones = new double[n];
    Arrays.fill(ones, 1);
    // [I; -I] w <= [hi; -lo], column-major
    double[] box = new double[2 * n * n];
    double[] rhs = new double[2 * n];
    for (int i = 0; i < n; i++) {
      box[i * 2 * n + i] = 1;
      box[i * 2 * n + n + i] = -1;
      rhs[i] = hi[i];
      rhs[n + i] = -lo[i];
    }
    Optimisation.Result r =
        ConvexSolver.newBuilder()
            .objective(R064Store.wrap(sigma.clone(), n), R064Store.wrap(new double[n]))
            .equalities(R064Store.wrap(ones, 1), R064Store.wrap(1.0))
            .inequalities(R064Store.wrap(box, 2 * n), R064Store.wrap(rhs))
            .solve();
    assertTrue(r.getState().isFeasible(), "oracle state " + r.getState());
    double[] w = new double[n];
    for (int i = 0; i < n; i++) {
      w[i] = r.doubleValue(i);
    }
    return w;
  }

  private static ActiveSetQp.Result solveFromAllFree(double[] sigma, double[] lo, double[] hi) {
    int n = lo.length;
    double[] ones = new double[n];
    Arrays.fill(ones, 1);
    double sumLo = 0;
    double span = 0;
    for (int i = 0; i < n; i++) {
      sumLo += lo[i];
      span += hi[i] - lo[i];
    }
    double t = (1 - sumLo) / span;
    double[] y = new double[n];
    for (int i = 0; i < n; i++) {
      y[i] = lo[i] + t * (hi[i] - lo[i]);
    }
    BoundStatus[] status = new BoundStatus[n];
    Arrays.fill(status, BoundStatus.FREE);
    ActiveSetQp qp =
        new ActiveSetQp(
            n,
            sigma,
            lo,
            hi,
            new double[][] {ones, new double[n]},
            new double[] {-1, 1},
            new double[] {0, 1});
    return qp.solve(y, 1, status, 20 * n + 100);
  }

  private static void assertFeasible(double[] w, double[] lo, double[] hi, double tol) {
    double sum = 0;
    for (int i = 0; i < w.length; i++) {
      assertTrue(w[i] >= lo[i] - tol && w[i] <= hi[i] + tol, "w[" + i + "] = " + w[i]);
      sum += w[i];
    }
    assertEquals(1, sum, tol);
  }

  private static void compareWithOracle(
      long seed, int factors, double specific, boolean longOnly, double agreement) {
    SplittableRandom rnd = new SplittableRandom(seed);
    int n = 5 + rnd.nextInt(36);
    double[] sigma = CholeskyFactorTest.randomCovariance(rnd, n, factors, specific);
    double[] lo = new double[n];
    double[] hi = new double[n];
    for (int i = 0; i < n; i++) {
      lo[i] = longOnly || rnd.nextBoolean() ? 0 : -rnd.nextDouble(0.05, 0.5);
      hi[i] = rnd.nextDouble(0.1, 1.5);
    }
    ActiveSetQp.Result r = solveFromAllFree(sigma, lo, hi);
    double[] w = r.y();
    assertEquals(ActiveSetQp.Termination.CONVERGED, r.termination(), "seed " + seed);
    assertTrue(r.kktResidual() < 1e-10, "seed " + seed + ": KKT residual " + r.kktResidual());
    assertFeasible(w, lo, hi, 1e-12);
    double[] o = oracle(sigma, lo, hi);
    assertFeasible(o, lo, hi, 1e-7);
    double ours = objective(sigma, w);
    double theirs = objective(sigma, o);
    // exact KKT point of a convex problem: never worse than the oracle beyond rounding
    assertTrue(ours <= theirs * (1 + 1e-9), "seed " + seed + ": " + ours + " > " + theirs);
    assertEquals(theirs, ours, agreement * theirs, "seed " + seed);
  }

  @Test
  void solve_randomFullRankProblems_agreeWithOjAlgo() {
    for (long seed = 1; seed <= 30; seed++) {
      compareWithOracle(seed, 3, 0.05, false, 1e-9);
    }
  }

  @Test
  void solve_randomRankDeficientProblems_agreeWithOjAlgo() {
    // covariance of rank 3 (no specific variance): more assets than factors, singular but PSD;
    // long-only, so the market factor keeps the least variance away from zero. ojAlgo's answer
    // is less accurate here (up to about 3e-9 above ours), so ours must be no worse and agree to
    // 1e-8; the KKT residual certifies ours
    for (long seed = 101; seed <= 120; seed++) {
      compareWithOracle(seed, 3, 0, true, 1e-8);
    }
  }

  @Test
  void result_isImmutable() {
    double[] sigma = {0.04, 0.01, 0.01, 0.09};
    ActiveSetQp.Result r = solveFromAllFree(sigma, new double[] {0, 0}, new double[] {1, 1});
    double[] y = r.y();
    y[0] = 42;
    assertEquals(r.y()[0], r.y()[0]);
    assertTrue(r.y()[0] != 42);
    BoundStatus[] status = r.status();
    status[0] = BoundStatus.UPPER;
    assertEquals(BoundStatus.FREE, r.status()[0]);
    double[] lambda = r.lambda();
    lambda[0] = 42;
    assertTrue(r.lambda()[0] != 42);
    assertThrows(
        NullPointerException.class,
        () -> new ActiveSetQp.Result(y, 1, status, lambda, 1, null, 0, 0));
  }
}
