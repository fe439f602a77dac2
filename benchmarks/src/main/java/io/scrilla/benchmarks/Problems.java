package io.scrilla.benchmarks;

import io.scrilla.core.optimize.Portfolio;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

/** Fixed-seed random but realistic inputs shared by the benchmarks. */
final class Problems {
  /** Number of factors of the correlation model. */
  static final int FACTORS = 3;

  private Problems() {}

  /**
   * Returns a portfolio of {@code n} assets: annual returns uniform in [0, 0.30], volatilities
   * uniform in [0.10, 0.60], risk-free rate 0.03, and the correlation of a factor model
   * {@code C = D^-1/2 (B B' + Psi) D^-1/2} with {@code D = diag(B B' + Psi)}: a market factor with
   * loadings in [0.3, 0.9], two style factors with loadings in [-0.4, 0.4] and specific variances
   * in [0.2, 0.8]. It is positive definite by construction (typical correlations 0.2 to 0.6), and
   * its long-only minimum-variance portfolio holds a handful of the assets, as real ones do.
   *
   * @param n number of assets
   * @param seed the random seed
   * @return the portfolio
   */
  static Portfolio portfolio(int n, long seed) {
    return factorModel(n, seed, 0.3, 0.9, 0.4, 0.2, 0.8);
  }

  /**
   * Returns the worst case for the active-set solver: a portfolio like {@link #portfolio} but
   * nearly uncorrelated (market loadings in [0, 0.2], style loadings in [-0.1, 0.1], specific
   * variances in [0.5, 1]; correlations about 0 to 0.05), whose long-only minimum-variance
   * portfolio holds most assets, so the solver frees them one by one.
   *
   * @param n number of assets
   * @param seed the random seed
   * @return the portfolio
   */
  static Portfolio diversified(int n, long seed) {
    return factorModel(n, seed, 0.0, 0.2, 0.1, 0.5, 1.0);
  }

  private static Portfolio factorModel(int n, long seed, double marketLo, double marketHi,
      double style, double specificLo, double specificHi) {
    SplittableRandom rnd = new SplittableRandom(seed);
    List<String> tickers = new ArrayList<>(n);
    double[] mu = new double[n];
    double[] vol = new double[n];
    double[][] load = new double[n][FACTORS];
    double[] specific = new double[n];
    for (int i = 0; i < n; i++) {
      tickers.add("A" + i);
      mu[i] = rnd.nextDouble(0.0, 0.30);
      vol[i] = rnd.nextDouble(0.10, 0.60);
      load[i][0] = rnd.nextDouble(marketLo, marketHi);
      for (int f = 1; f < FACTORS; f++) {
        load[i][f] = rnd.nextDouble(-style, style);
      }
      specific[i] = rnd.nextDouble(specificLo, specificHi);
    }
    double[] sd = new double[n];
    for (int i = 0; i < n; i++) {
      sd[i] = Math.sqrt(dot(load[i], load[i]) + specific[i]);
    }
    double[][] corr = new double[n][n];
    for (int i = 0; i < n; i++) {
      corr[i][i] = 1.0;
      for (int j = 0; j < i; j++) {
        double c = dot(load[i], load[j]) / (sd[i] * sd[j]);
        corr[i][j] = c;
        corr[j][i] = c;
      }
    }
    return Portfolio.of(tickers, mu, vol, corr, 0.03);
  }

  /**
   * Returns {@code count + 1} daily closes of a geometric Brownian motion (drift 0.08,
   * volatility 0.25 a year, 252 periods a year) starting at 100.
   *
   * @param count number of returns
   * @param seed the random seed
   * @return the closes
   */
  static double[] gbmCloses(int count, long seed) {
    SplittableRandom rnd = new SplittableRandom(seed);
    double tau = 1.0 / 252;
    double drift = (0.08 - 0.5 * 0.25 * 0.25) * tau;
    double diffusion = 0.25 * Math.sqrt(tau);
    double[] closes = new double[count + 1];
    closes[0] = 100;
    for (int i = 1; i <= count; i++) {
      closes[i] = closes[i - 1] * Math.exp(drift + diffusion * gaussian(rnd));
    }
    return closes;
  }

  /** A standard normal draw (Box-Muller; SplittableRandom has no nextGaussian on Java 17). */
  private static double gaussian(SplittableRandom rnd) {
    double u = 1.0 - rnd.nextDouble(); // in (0, 1]
    double v = rnd.nextDouble();
    return Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * v);
  }

  private static double dot(double[] a, double[] b) {
    double s = 0;
    for (int i = 0; i < a.length; i++) {
      s += a[i] * b[i];
    }
    return s;
  }
}
