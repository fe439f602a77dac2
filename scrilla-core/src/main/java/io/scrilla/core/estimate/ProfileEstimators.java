package io.scrilla.core.estimate;

import io.scrilla.api.error.SampleSizeException;
import io.scrilla.api.model.EstimationMethod;
import io.scrilla.api.model.RiskProfile;

/**
 * Estimators of the annual return and volatility of geometric Brownian motion {@code dS/S = mu dt +
 * sigma dW}, whose log returns are {@code r_i ~ N(nu tau Delta_i, sigma^2 tau Delta_i)} with {@code
 * nu = mu - sigma^2/2}. Every estimator reports {@code annualReturn = nu + sigma^2/2} (the Ito
 * correction) and {@code annualVolatility = sigma}.
 *
 * <p>Pure functions; thread-safe. Each needs at least 2 returns.
 */
public final class ProfileEstimators {
  /** The standard normal quantile {@code z_0.75 = Phi^-1(0.75)}. */
  public static final double Z_75 = 0.6744897501960817;

  private ProfileEstimators() {}

  /**
   * Estimates a profile with the given method.
   *
   * @throws SampleSizeException with fewer than 2 returns
   */
  public static RiskProfile estimate(ReturnSample sample, EstimationMethod method) {
    switch (method) {
      case MOMENTS:
        return moments(sample);
      case PERCENTILES:
        return percentiles(sample);
      case LIKELIHOOD:
        return likelihood(sample);
      default:
        throw new AssertionError(method);
    }
  }

  /**
   * Moment matching: {@code nu = ln(P_N/P_0) / (tau sum Delta_i)}, {@code e_i = (r_i - nu tau
   * Delta_i) / sqrt(tau Delta_i)}, {@code sigma^2 = sum e_i^2 / (N - 1)}, return {@code nu +
   * sigma^2 / 2}. With every {@code Delta_i = 1} this is {@code mean(r) / tau} and {@code stdev(r)
   * / sqrt(tau)} (divisor N-1).
   */
  public static RiskProfile moments(ReturnSample sample) {
    requireReturns(sample, 2);
    return fromResiduals(sample, sample.size() - 1);
  }

  /**
   * Maximum likelihood under GBM, in closed form for any intervals: {@code nu} as in {@link
   * #moments}, {@code sigma^2 = sum e_i^2 / N}. With equal intervals the volatility is the moments
   * volatility times {@code sqrt((N - 1) / N)}.
   */
  public static RiskProfile likelihood(ReturnSample sample) {
    requireReturns(sample, 2);
    return fromResiduals(sample, sample.size());
  }

  private static RiskProfile fromResiduals(ReturnSample sample, int divisor) {
    double nu = sample.logDrift();
    double ss = 0;
    double tau = sample.tau();
    for (int i = 0; i < sample.size(); i++) {
      double dt = tau * sample.delta(i);
      double e = sample.logReturn(i) - nu * dt;
      ss += e * e / dt;
    }
    double variance = ss / divisor;
    return new RiskProfile(nu + 0.5 * variance, Math.sqrt(variance));
  }

  /**
   * Percentile matching: with {@code x_i = r_i / (Delta_i tau)} and the type-6 sample quartiles
   * {@code q_25, q_75} ({@link #samplePercentile}), {@code m = (q_25 + q_75) / 2}, {@code s = (q_75
   * - q_25) / (2 z_0.75)}, {@code sigma = s sqrt(tau)}, return {@code m + sigma^2 / 2}: the exact
   * solution of {@code Phi((q_25 - m)/s) = 0.25}, {@code Phi((q_75 - m)/s) = 0.75}.
   */
  public static RiskProfile percentiles(ReturnSample sample) {
    requireReturns(sample, 2);
    Selection x = new Selection(sample.annualizedReturns());
    double q25 = selectPercentile(x, 0.25);
    double q75 = selectPercentile(x, 0.75);
    double m = 0.5 * (q25 + q75);
    double s = (q75 - q25) / (2 * Z_75);
    double sigma = s * Math.sqrt(sample.tau());
    return new RiskProfile(m + 0.5 * sigma * sigma, sigma);
  }

  /**
   * Returns the sample percentile of Hyndman and Fan's type 6 ({@code numpy.percentile(method=
   * 'weibull')}): with the order statistics {@code x_(1) <= ... <= x_(n)} and {@code h = (n + 1)
   * p}: {@code x_(h)} when h is a whole number; {@code x_(n)} when {@code h > n}; {@code x_(1)}
   * when {@code h < 1} (scrilla wraps to the maximum there, bug B3); otherwise {@code (1 - w) x_(k)
   * + w x_(k+1)} with {@code k = floor(h)}, {@code w = h - k}. The order statistics are found by
   * selection ({@link Selection}), not a full sort. The input is not modified.
   *
   * <p>Hipparchus {@code Percentile} with {@code EstimationType.R_6} has the same definition but
   * interpolates as {@code x_(k) + w (x_(k+1) - x_(k))}, which differs in the last bit in about one
   * case in seven.
   *
   * @param values at least one finite value
   * @param p the probability in [0, 1]
   */
  public static double samplePercentile(double[] values, double p) {
    return selectPercentile(new Selection(values.clone()), p);
  }

  /**
   * Returns {@link #samplePercentile} at each probability, with one copy of the values and the work
   * of earlier selections reused.
   */
  static double[] samplePercentiles(double[] values, double[] ps) {
    Selection work = new Selection(values.clone());
    double[] out = new double[ps.length];
    for (int i = 0; i < ps.length; i++) {
      out[i] = selectPercentile(work, ps[i]);
    }
    return out;
  }

  /** {@link #samplePercentile} by selection in {@code work}, which it reorders. */
  static double selectPercentile(Selection work, double p) {
    int n = work.size();
    if (n == 0) {
      throw new SampleSizeException("percentile of an empty sample");
    }
    double h = (n + 1) * p;
    if (h > n) {
      return work.kth(n - 1);
    }
    if (h < 1) {
      return work.kth(0);
    }
    if (h == Math.floor(h)) {
      return work.kth((int) h - 1);
    }
    int k = (int) Math.floor(h);
    double w = h - k;
    double lower = work.kth(k - 1);
    double upper = work.kth(k);
    return (1 - w) * lower + w * upper;
  }

  private static void requireReturns(ReturnSample sample, int min) {
    if (sample.size() < min) {
      throw new SampleSizeException(
          sample.size()
              + " return(s) in the sample; at least "
              + min
              + " are needed ("
              + (min + 1)
              + " prices)");
    }
  }
}
