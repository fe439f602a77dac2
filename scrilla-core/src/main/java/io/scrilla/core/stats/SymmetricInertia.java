package io.scrilla.core.stats;

/**
 * Definiteness tests of symmetric matrices that need no full eigendecomposition (package-private;
 * used by {@link CorrelationMatrix}).
 */
final class SymmetricInertia {
  private SymmetricInertia() {}

  /**
   * Returns whether {@code a + shift I} has a Cholesky factorization with positive pivots, which
   * for {@code shift > 0} shows that the smallest eigenvalue of {@code a} is above {@code -shift}
   * (up to rounding of order {@code n u max|a_ij|}, far below the shifts used here). Row by row,
   * O(n^3 / 6) multiply-adds; stops at the first non-positive pivot.
   *
   * @param a a symmetric matrix (only the lower triangle is read)
   */
  static boolean choleskySucceeds(double[][] a, double shift) {
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
   * Returns the smallest eigenvalue of a symmetric matrix: Householder reduction to tridiagonal
   * form, then bisection on the Sturm count (the number of negative pivots of {@code T - x I} is
   * the number of eigenvalues below x), to a relative width of a few units in the last place of
   * the spectrum's bound. Robust where the QL iteration stalls on clusters of equal eigenvalues.
   *
   * @param a a symmetric matrix, at least 1 x 1 (not modified)
   */
  static double smallestEigenvalue(double[][] a) {
    int n = a.length;
    double[][] m = new double[n][];
    for (int i = 0; i < n; i++) {
      m[i] = a[i].clone();
    }
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
