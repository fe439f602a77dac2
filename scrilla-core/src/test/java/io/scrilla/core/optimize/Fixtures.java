package io.scrilla.core.optimize;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import org.hipparchus.linear.Array2DRowRealMatrix;
import org.hipparchus.linear.ArrayRealVector;
import org.hipparchus.linear.QRDecomposition;
import org.hipparchus.linear.RealMatrix;

/** Test data and an independent KKT check written for the tests. */
final class Fixtures {
  private Fixtures() {}

  static List<String> tickers(int n) {
    List<String> t = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      t.add("T" + i);
    }
    return t;
  }

  /** A random portfolio: factor-model correlations, returns 0..20%, volatilities 5..50%. */
  static Portfolio random(Random rnd, int n, double rf) {
    int f = 1 + rnd.nextInt(3);
    double[][] b = new double[n][f];
    double[] idio = new double[n];
    for (int i = 0; i < n; i++) {
      for (int k = 0; k < f; k++) {
        b[i][k] = rnd.nextGaussian();
      }
      idio[i] = 0.05 + rnd.nextDouble();
    }
    double[][] c = new double[n][n];
    for (int i = 0; i < n; i++) {
      for (int j = 0; j < n; j++) {
        double s = 0;
        for (int k = 0; k < f; k++) {
          s += b[i][k] * b[j][k];
        }
        c[i][j] = s + (i == j ? idio[i] : 0);
      }
    }
    double[] d = new double[n];
    for (int i = 0; i < n; i++) {
      d[i] = Math.sqrt(c[i][i]);
    }
    for (int i = 0; i < n; i++) {
      for (int j = 0; j < n; j++) {
        c[i][j] = i == j ? 1 : c[i][j] / (d[i] * d[j]);
      }
    }
    double[] mu = new double[n];
    double[] sigma = new double[n];
    for (int i = 0; i < n; i++) {
      mu[i] = 0.2 * rnd.nextDouble();
      sigma[i] = 0.05 + 0.45 * rnd.nextDouble();
    }
    return Portfolio.of(tickers(n), mu, sigma, c, rf);
  }

  /** A random feasible portfolio: budget 1 within the bounds, by random pairwise transfers. */
  static double[] randomFeasible(Random rnd, double[] lo, double[] hi) {
    int n = lo.length;
    double sl = 0;
    double span = 0;
    for (int i = 0; i < n; i++) {
      sl += lo[i];
      span += hi[i] - lo[i];
    }
    double t = span > 0 ? (1 - sl) / span : 0;
    double[] w = new double[n];
    for (int i = 0; i < n; i++) {
      w[i] = lo[i] + t * (hi[i] - lo[i]);
    }
    for (int s = 0; s < 20 * n && n > 1; s++) {
      int i = rnd.nextInt(n);
      int j = rnd.nextInt(n);
      if (i == j) {
        continue;
      }
      double max = Math.min(hi[i] - w[i], w[j] - lo[j]);
      double a = rnd.nextDouble() * max;
      if (rnd.nextInt(4) == 0) {
        a = max;
      }
      w[i] += a;
      w[j] -= a;
    }
    return w;
  }

  static double[] fill(int n, double v) {
    double[] a = new double[n];
    Arrays.fill(a, v);
    return a;
  }

  /** {@code Sigma w} from the portfolio's volatilities and correlations. */
  static double[] sigmaTimes(Portfolio p, double[] w) {
    double[] s = p.volatilities();
    double[][] c = p.correlation();
    int n = w.length;
    double[] g = new double[n];
    for (int i = 0; i < n; i++) {
      for (int j = 0; j < n; j++) {
        g[i] += s[i] * c[i][j] * s[j] * w[j];
      }
    }
    return g;
  }

  /**
   * Largest violation of the KKT conditions of {@code min w'Sigma w / 2} subject to rows {@code
   * a_r' w = b_r} and bounds, computed independently: multipliers of the rows by least squares over
   * the assets strictly inside their bounds, then stationarity there, the signs of the bound
   * multipliers elsewhere, and primal feasibility. Needs at least as many interior assets as rows.
   */
  static double kktViolation(
      double[] g, double[] w, double[][] rows, double[] rhs, double[] lo, double[] hi) {
    int n = w.length;
    List<Integer> free = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      if (w[i] > lo[i] + 1e-9 && w[i] < hi[i] - 1e-9) {
        free.add(i);
      }
    }
    int m = rows.length;
    double[] lambda = new double[m];
    if (!free.isEmpty()) {
      double[][] a = new double[free.size()][m];
      double[] y = new double[free.size()];
      for (int c = 0; c < free.size(); c++) {
        for (int r = 0; r < m; r++) {
          a[c][r] = rows[r][free.get(c)];
        }
        y[c] = g[free.get(c)];
      }
      RealMatrix am = new Array2DRowRealMatrix(a);
      lambda = new QRDecomposition(am, 1e-14).getSolver().solve(new ArrayRealVector(y)).toArray();
    }
    double worst = 0;
    for (int r = 0; r < m; r++) {
      double s = -rhs[r];
      for (int i = 0; i < n; i++) {
        s += rows[r][i] * w[i];
      }
      worst = Math.max(worst, Math.abs(s));
    }
    for (int i = 0; i < n; i++) {
      double z = g[i];
      for (int r = 0; r < m; r++) {
        z -= lambda[r] * rows[r][i];
      }
      worst = Math.max(worst, Math.max(lo[i] - w[i], w[i] - hi[i]));
      if (free.contains(i)) {
        worst = Math.max(worst, Math.abs(z));
      } else if (w[i] <= lo[i] + 1e-9) {
        worst = Math.max(worst, -z);
      } else {
        worst = Math.max(worst, z);
      }
    }
    return worst;
  }

  static double sum(double[] w) {
    double s = 0;
    for (double x : w) {
      s += x;
    }
    return s;
  }

  static double dot(double[] a, double[] b) {
    double s = 0;
    for (int i = 0; i < a.length; i++) {
      s += a[i] * b[i];
    }
    return s;
  }
}
