package io.scrilla.core.estimate;

import io.scrilla.api.error.InvalidInputException;
import io.scrilla.api.error.SampleSizeException;
import io.scrilla.api.model.EstimationMethod;
import io.scrilla.core.stats.BivariateNormal;
import java.util.Arrays;

/**
 * Estimators of the correlation of two assets' GBM increments from samples on common dates ({@link
 * PairSample}). Pure functions; thread-safe.
 *
 * <ul>
 *   <li>moments and likelihood: {@code rho = sum e1_i e2_i / sqrt(sum e1_i^2 sum e2_i^2)} with the
 *       standardized residuals {@code e_i = (r_i - nu tau Delta_i) / sqrt(tau Delta_i)} of each
 *       asset ({@link ReturnSample#residuals()}); the same divisor on both sides, so an asset's
 *       correlation with itself is exactly 1. With every {@code Delta_i = 1} this is the Pearson
 *       correlation of the log returns, which is also the unconstrained maximum of the bivariate
 *       normal likelihood.
 *   <li>percentiles: the empirical copula matched to the bivariate normal; see {@link
 *       #percentiles}.
 * </ul>
 */
public final class CorrelationEstimators {
  /** The probabilities at which the percentile estimator matches the copula. */
  private static final double[] PERCENTILES = {0.10, 0.16, 0.50, 0.84, 0.90};

  /** The bound on |rho| of the percentile estimator. */
  public static final double MAX_PERCENTILE_CORRELATION = 0.99999;

  private static final int GRID = 64;

  private CorrelationEstimators() {}

  /**
   * Estimates the correlation with the given method.
   *
   * @throws SampleSizeException with fewer than 2 returns
   * @throws InvalidInputException when a sample has no variation (zero volatility)
   */
  public static double estimate(PairSample sample, EstimationMethod method) {
    switch (method) {
      case MOMENTS:
        return moments(sample);
      case LIKELIHOOD:
        return likelihood(sample);
      case PERCENTILES:
        return percentiles(sample);
      default:
        throw new AssertionError(method);
    }
  }

  /**
   * Moment matching: {@code rho = sum e1 e2 / sqrt(sum e1^2 sum e2^2)} on the standardized
   * residuals of the moments risk profile (docs/statistics.md, "Risk profile"; scrilla divides the
   * covariance by N and the variances by N - 1, bug B5; this does not).
   */
  public static double moments(PairSample sample) {
    requireReturns(sample);
    double[] a = sample.first().residuals();
    double[] b = sample.second().residuals();
    double sab = 0;
    double saa = 0;
    double sbb = 0;
    for (int i = 0; i < a.length; i++) {
      sab += a[i] * b[i];
      saa += a[i] * a[i];
      sbb += b[i] * b[i];
    }
    if (saa == 0 || sbb == 0) {
      throw new InvalidInputException(
          "a sample has zero volatility ("
              + (saa == 0 ? "first" : "second")
              + " asset): the correlation is undefined");
    }
    double rho = sab / Math.sqrt(saa * sbb);
    return Math.max(-1, Math.min(1, rho));
  }

  /**
   * Maximum likelihood: the closed-form maximum of the bivariate normal likelihood of the
   * standardized residuals, which is the same number as {@link #moments} (scrilla's bounded
   * Nelder-Mead search, bug B7, is biased when its variance bound binds).
   */
  public static double likelihood(PairSample sample) {
    return moments(sample);
  }

  /**
   * Percentile matching through the empirical copula. With {@code x_i = r_i / (Delta_i tau)}
   * standardized by the sample mean and standard deviation (divisor n - 1) into {@code z1, z2}, and
   * for {@code p} in {0.10, 0.16, 0.50, 0.84, 0.90}: {@code u_p, v_p} are the type-6 sample
   * percentiles of {@code z1, z2} and {@code C_p = #{i : z1_i <= u_p and z2_i <= v_p} / N}. The
   * estimate minimizes {@code S(rho) = sum_p (Phi2(u_p, v_p; rho) - C_p)^2} over {@code |rho| <=
   * 0.99999}: the minima are bracketed on a grid and each is solved to machine precision as the
   * root of {@code S'(rho) = 2 sum_p (Phi2 - C_p) phi2(u_p, v_p; rho)}; the lowest wins (a bound
   * when S is monotone there).
   */
  public static double percentiles(PairSample sample) {
    requireReturns(sample);
    double[] z1 = standardize(sample.first().annualizedReturns(), "first");
    double[] z2 = standardize(sample.second().annualizedReturns(), "second");
    int n = z1.length;
    int m = PERCENTILES.length;
    double[] u = ProfileEstimators.samplePercentiles(z1, PERCENTILES);
    double[] v = ProfileEstimators.samplePercentiles(z2, PERCENTILES);
    double[] c = new double[m];
    for (int j = 0; j < m; j++) {
      int count = 0;
      for (int i = 0; i < n; i++) {
        if (z1[i] <= u[j] && z2[i] <= v[j]) {
          count++;
        }
      }
      c[j] = (double) count / n;
    }
    return minimize(u, v, c);
  }

  /**
   * Returns the argmin over |rho| <= 0.99999 of sum (Phi2(u, v; rho) - c)^2 (package-private for
   * tests).
   */
  static double minimize(double[] u, double[] v, double[] c) {
    double lim = MAX_PERCENTILE_CORRELATION;
    double[] rho = new double[GRID + 1];
    double[] g = new double[GRID + 1];
    for (int i = 0; i <= GRID; i++) {
      rho[i] = i == GRID ? lim : -lim + 2 * lim * i / GRID;
      g[i] = slope(u, v, c, rho[i]);
    }
    double best = Double.NaN;
    double bestValue = Double.POSITIVE_INFINITY;
    // the bounds are candidates when the objective falls towards them
    if (g[0] >= 0) {
      best = rho[0];
      bestValue = objective(u, v, c, rho[0]);
    }
    if (g[GRID] <= 0) {
      double f = objective(u, v, c, rho[GRID]);
      if (f < bestValue) {
        best = rho[GRID];
        bestValue = f;
      }
    }
    for (int i = 0; i < GRID; i++) {
      if (g[i] < 0 && g[i + 1] >= 0) {
        double r = root(u, v, c, rho[i], rho[i + 1]);
        double f = objective(u, v, c, r);
        if (f < bestValue) {
          best = r;
          bestValue = f;
        }
      }
    }
    return best;
  }

  /** Bisects S' on [lo, hi] (S'(lo) < 0 <= S'(hi)) until the bracket is two adjacent doubles. */
  private static double root(double[] u, double[] v, double[] c, double lo, double hi) {
    while (true) {
      double mid = lo + 0.5 * (hi - lo);
      if (mid <= lo || mid >= hi) {
        break;
      }
      double g = slope(u, v, c, mid);
      if (g < 0) {
        lo = mid;
      } else if (g > 0) {
        hi = mid;
      } else {
        return mid;
      }
    }
    return Math.abs(slope(u, v, c, lo)) <= Math.abs(slope(u, v, c, hi)) ? lo : hi;
  }

  /** Returns the least-squares objective {@code S(rho)}. */
  static double objective(double[] u, double[] v, double[] c, double rho) {
    double s = 0;
    for (int j = 0; j < u.length; j++) {
      double d = BivariateNormal.cdf(u[j], v[j], rho) - c[j];
      s += d * d;
    }
    return s;
  }

  /** Returns {@code S'(rho) = 2 sum (Phi2 - C) phi2}. */
  static double slope(double[] u, double[] v, double[] c, double rho) {
    double s = 0;
    for (int j = 0; j < u.length; j++) {
      s += (BivariateNormal.cdf(u[j], v[j], rho) - c[j]) * BivariateNormal.density(u[j], v[j], rho);
    }
    return 2 * s;
  }

  private static double[] standardize(double[] x, String which) {
    int n = x.length;
    double mean = 0;
    for (double xi : x) {
      mean += xi;
    }
    mean /= n;
    double ss = 0;
    for (double xi : x) {
      ss += (xi - mean) * (xi - mean);
    }
    double sd = Math.sqrt(ss / (n - 1));
    if (sd == 0) {
      throw new InvalidInputException(
          "the " + which + " sample has zero volatility: the correlation is undefined");
    }
    double[] z = new double[n];
    for (int i = 0; i < n; i++) {
      z[i] = (x[i] - mean) / sd;
    }
    return z;
  }

  private static void requireReturns(PairSample sample) {
    if (sample.size() < 2) {
      throw new SampleSizeException(
          sample.size() + " common return(s); at least 2 are needed for a correlation");
    }
  }

  /** Returns the probabilities at which the percentile estimator matches the copula (a copy). */
  public static double[] percentileLevels() {
    return Arrays.copyOf(PERCENTILES, PERCENTILES.length);
  }
}
