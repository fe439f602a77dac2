package io.scrilla.core.linalg;

import org.hipparchus.exception.MathIllegalStateException;
import org.hipparchus.linear.Array2DRowRealMatrix;
import org.hipparchus.linear.EigenDecompositionSymmetric;

/**
 * The one test of positive semi-definiteness of a symmetric matrix, used by correlation matrices
 * and portfolios alike (not part of the API).
 *
 * <p><b>Tolerance.</b> A symmetric n x n matrix is accepted when its smallest eigenvalue is at
 * least {@code -tolerance(n) = -max(1e-10, 1e-12 n)}. A perturbation of every entry by at most
 * 1e-12 (the rounding of a sum of a few thousand products, and the tolerance on the symmetry and
 * the unit diagonal of a correlation matrix) moves the eigenvalues by at most {@code 1e-12 n}; the
 * floor of 1e-10 accepts matrices typed or stored to about ten digits.
 *
 * <p><b>Test.</b> A Cholesky factorization of {@code A + (tolerance / 2) I} (row by row, {@code n^3
 * / 6} multiply-adds, stopping at the first non-positive pivot) proves {@code lambda_min(A) >
 * -tolerance / 2} up to rounding far below the shift; singular matrices (more assets than returns,
 * perfectly correlated assets) pass, because the shift makes them definite. Only when it fails is
 * the smallest eigenvalue computed: Hipparchus' symmetric eigendecomposition, and when its QL
 * iteration does not converge (as on large singular matrices), Householder reduction to a
 * tridiagonal matrix and bisection on the Sturm count, which always converges.
 *
 * <p>Every method reads only the lower triangle {@code a[i][j], j <= i} (rows may be exactly {@code
 * i + 1} long) and never modifies the matrix.
 */
public final class PsdCheck {
  /** The tolerance on the smallest eigenvalue for matrices of up to 100 rows. */
  public static final double TOLERANCE_FLOOR = 1e-10;

  /** The tolerance on the smallest eigenvalue per row, for matrices of more than 100 rows. */
  public static final double TOLERANCE_PER_ROW = 1e-12;

  private PsdCheck() {}

  /**
   * The outcome of {@link #check}.
   *
   * @param positiveSemiDefinite whether the smallest eigenvalue is at least {@code -tolerance(n)}
   * @param smallestEigenvalue the smallest eigenvalue when it was computed (the Cholesky test did
   *     not decide), NaN when the Cholesky test sufficed
   */
  public record Verdict(boolean positiveSemiDefinite, double smallestEigenvalue) {}

  /**
   * Returns the tolerance on the smallest eigenvalue of an n x n matrix, {@code max(1e-10, 1e-12
   * n)}.
   *
   * @param n the number of rows
   */
  public static double tolerance(int n) {
    return Math.max(TOLERANCE_FLOOR, TOLERANCE_PER_ROW * n);
  }

  /**
   * Decides whether a symmetric matrix is positive semi-definite to {@link #tolerance(int)}: the
   * Cholesky test first, the smallest eigenvalue only when that fails.
   *
   * @param a a symmetric matrix (lower triangle read)
   * @return the verdict, with the smallest eigenvalue when it had to be computed
   */
  public static Verdict check(double[][] a) {
    double tolerance = tolerance(a.length);
    if (choleskyProves(a, tolerance)) {
      return new Verdict(true, Double.NaN);
    }
    double smallest = smallestEigenvalue(a);
    return new Verdict(smallest >= -tolerance, smallest);
  }

  /**
   * Returns whether {@code a + (tolerance / 2) I} has a Cholesky factorization with positive
   * pivots, which shows that the smallest eigenvalue of {@code a} is above {@code -tolerance / 2}
   * (up to rounding of order {@code n u max|a_ij|}, far below the tolerances used here). A matrix
   * that fails is not necessarily indefinite: compute its smallest eigenvalue then. Row by row,
   * {@code n^3 / 6} multiply-adds; stops at the first non-positive pivot.
   *
   * @param a a symmetric matrix (lower triangle read)
   * @param tolerance the allowed negative eigenvalue, positive
   */
  public static boolean choleskyProves(double[][] a, double tolerance) {
    double shift = tolerance / 2;
    int n = a.length;
    double[][] l = new double[n][];
    for (int i = 0; i < n; i++) {
      double[] li = new double[i + 1];
      double[] ai = a[i];
      for (int j = 0; j <= i; j++) {
        double[] lj = j == i ? li : l[j];
        double s = ai[j] - dot(li, lj, j);
        if (j == i) {
          s += shift;
          if (!(s > 0)) {
            return false;
          }
          li[i] = Math.sqrt(s);
        } else {
          li[j] = s / lj[j];
        }
      }
      l[i] = li;
    }
    return true;
  }

  private static double dot(double[] x, double[] y, int len) {
    double s0 = 0;
    double s1 = 0;
    double s2 = 0;
    double s3 = 0;
    int k = 0;
    for (; k + 3 < len; k += 4) {
      s0 += x[k] * y[k];
      s1 += x[k + 1] * y[k + 1];
      s2 += x[k + 2] * y[k + 2];
      s3 += x[k + 3] * y[k + 3];
    }
    for (; k < len; k++) {
      s0 += x[k] * y[k];
    }
    return (s0 + s1) + (s2 + s3);
  }

  /**
   * Returns the smallest eigenvalue of a symmetric matrix (positive infinity for an empty one):
   * Hipparchus' symmetric eigendecomposition, or, when its QL iteration does not converge (it can
   * stall on the clusters of equal eigenvalues of large singular matrices), {@link
   * #smallestEigenvalueByBisection}.
   *
   * @param a a symmetric matrix (lower triangle read)
   */
  public static double smallestEigenvalue(double[][] a) {
    int n = a.length;
    if (n == 0) {
      return Double.POSITIVE_INFINITY;
    }
    if (n == 1) {
      return a[0][0];
    }
    double[][] full = full(a);
    double[] eigenvalues;
    try {
      eigenvalues =
          new EigenDecompositionSymmetric(new Array2DRowRealMatrix(full, false)).getEigenvalues();
    } catch (MathIllegalStateException e) {
      return smallestEigenvalueByBisection(a);
    }
    double min = Double.POSITIVE_INFINITY;
    for (double e : eigenvalues) {
      min = Math.min(min, e);
    }
    return min;
  }

  /** A full square copy of the symmetric matrix whose lower triangle is given. */
  private static double[][] full(double[][] a) {
    int n = a.length;
    double[][] m = new double[n][n];
    for (int i = 0; i < n; i++) {
      for (int j = 0; j <= i; j++) {
        m[i][j] = a[i][j];
        m[j][i] = a[i][j];
      }
    }
    return m;
  }

  /**
   * Returns the smallest eigenvalue of a symmetric matrix: Householder reduction to tridiagonal
   * form, then bisection on the Sturm count (the number of negative pivots of {@code T - x I} is
   * the number of eigenvalues below x), to a width of a few units in the last place of the
   * spectrum's bound. Robust where the QL iteration stalls on clusters of equal eigenvalues.
   *
   * @param a a symmetric matrix, at least 1 x 1 (lower triangle read)
   */
  static double smallestEigenvalueByBisection(double[][] a) {
    int n = a.length;
    double[][] m = full(a);
    double[] d = new double[n];
    double[] e = new double[Math.max(0, n - 1)];
    tridiagonalize(m, d, e);
    double lo = Double.POSITIVE_INFINITY;
    double hi = Double.NEGATIVE_INFINITY;
    for (int i = 0; i < n; i++) {
      double r = (i > 0 ? Math.abs(e[i - 1]) : 0) + (i < n - 1 ? Math.abs(e[i]) : 0);
      lo = Math.min(lo, d[i] - r);
      hi = Math.max(hi, d[i] + r);
    }
    double scale = Math.max(Math.abs(lo), Math.abs(hi));
    double width = 4 * Math.ulp(scale);
    while (hi - lo > width) {
      double mid = lo + 0.5 * (hi - lo);
      if (mid <= lo || mid >= hi) {
        break;
      }
      if (countBelow(d, e, mid, scale) >= 1) {
        hi = mid;
      } else {
        lo = mid;
      }
    }
    return lo + 0.5 * (hi - lo);
  }

  private static int countBelow(double[] d, double[] e, double x, double scale) {
    double tiny = Double.MIN_NORMAL * Math.max(1, scale);
    int count = 0;
    double q = 1;
    for (int i = 0; i < d.length; i++) {
      double off = i == 0 ? 0 : e[i - 1] * e[i - 1] / q;
      q = d[i] - x - off;
      if (q == 0) {
        q = -tiny;
      }
      if (q < 0) {
        count++;
      }
    }
    return count;
  }

  /** Reduces m (overwritten) to the tridiagonal (d, e) by Householder reflections. */
  private static void tridiagonalize(double[][] m, double[] d, double[] e) {
    int n = m.length;
    double[] u = new double[n];
    double[] p = new double[n];
    for (int k = 0; k < n - 2; k++) {
      double norm = 0;
      for (int i = k + 1; i < n; i++) {
        norm = Math.hypot(norm, m[i][k]);
      }
      d[k] = m[k][k];
      if (norm == 0) {
        e[k] = 0;
        continue;
      }
      double alpha = m[k + 1][k] > 0 ? -norm : norm;
      double uu = 0;
      for (int i = k + 1; i < n; i++) {
        u[i] = m[i][k];
      }
      u[k + 1] -= alpha;
      for (int i = k + 1; i < n; i++) {
        uu += u[i] * u[i];
      }
      e[k] = alpha;
      if (uu == 0) {
        continue;
      }
      double beta = 2 / uu;
      double up = 0;
      for (int i = k + 1; i < n; i++) {
        double s = 0;
        double[] mi = m[i];
        for (int j = k + 1; j < n; j++) {
          s += mi[j] * u[j];
        }
        p[i] = beta * s;
        up += u[i] * p[i];
      }
      double half = 0.5 * beta * up;
      for (int i = k + 1; i < n; i++) {
        p[i] -= half * u[i];
      }
      for (int i = k + 1; i < n; i++) {
        double[] mi = m[i];
        for (int j = k + 1; j < n; j++) {
          mi[j] -= u[i] * p[j] + p[i] * u[j];
        }
      }
    }
    if (n >= 2) {
      d[n - 2] = m[n - 2][n - 2];
      e[n - 2] = m[n - 1][n - 2];
    }
    d[n - 1] = m[n - 1][n - 1];
  }
}
