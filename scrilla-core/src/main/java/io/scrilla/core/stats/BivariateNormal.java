package io.scrilla.core.stats;

import io.scrilla.api.error.InvalidInputException;

/**
 * The standard bivariate normal distribution with correlation {@code rho}. Pure functions;
 * thread-safe.
 *
 * <p>The distribution function uses Sheppard's integral
 *
 * <pre>
 *   Phi2(h, k; rho) = Phi(h) Phi(k)
 *       + 1/(2 pi) * integral from 0 to asin(rho) of
 *         exp(-(h^2 + k^2 - 2 h k sin t) / (2 cos^2 t)) dt
 * </pre>
 *
 * (the substitution {@code rho = sin t} in Plackett's identity {@code dPhi2/drho = phi2}),
 * evaluated by adaptive 20-point Gauss-Legendre quadrature to an absolute error of about 1e-16. The
 * integrand is analytic and bounded by 1 on the interval.
 */
public final class BivariateNormal {
  private static final int ORDER = 20;
  private static final double[] NODES = new double[ORDER];
  private static final double[] WEIGHTS = new double[ORDER];

  /**
   * Accept a piece when halving it changes its integral by at most this much: the 20-point rule's
   * own error on the halves is then far smaller still (it falls geometrically with the width). Not
   * halved with depth, so rounding noise (about 1e-17 per piece) cannot force refinement.
   */
  private static final double TOLERANCE = 2e-16;

  private static final int MAX_DEPTH = 30;

  static {
    // Gauss-Legendre nodes and weights by Newton's method on P_n (to machine precision)
    for (int i = 0; i < ORDER; i++) {
      double x = Math.cos(Math.PI * (i + 0.75) / (ORDER + 0.5));
      double dp = 0;
      for (int iter = 0; iter < 100; iter++) {
        double p0 = 1;
        double p1 = x;
        for (int n = 2; n <= ORDER; n++) {
          double p2 = ((2 * n - 1) * x * p1 - (n - 1) * p0) / n;
          p0 = p1;
          p1 = p2;
        }
        dp = ORDER * (x * p1 - p0) / (x * x - 1);
        double dx = p1 / dp;
        x -= dx;
        if (Math.abs(dx) < 1e-17) {
          break;
        }
      }
      NODES[i] = x;
      WEIGHTS[i] = 2 / ((1 - x * x) * dp * dp);
    }
  }

  private BivariateNormal() {}

  /**
   * Returns the density {@code phi2(h, k; rho) = exp(-(h^2 - 2 rho h k + k^2) / (2 (1 - rho^2))) /
   * (2 pi sqrt(1 - rho^2))}, which is also {@code dPhi2/drho}.
   *
   * @param rho the correlation, {@code |rho| < 1}
   */
  public static double density(double h, double k, double rho) {
    double q = 1 - rho * rho;
    // written symmetric in (h, k) so that swapping them gives the same bits
    return Math.exp(-((h * h + k * k) - 2 * rho * (h * k)) / (2 * q))
        / (2 * Math.PI * Math.sqrt(q));
  }

  /**
   * Returns {@code Phi2(h, k; rho) = P(X <= h, Y <= k)} for standard normals X, Y with correlation
   * rho. Infinite limits are allowed; at {@code rho = 1} it is {@code Phi(min(h, k))}, at {@code
   * rho = -1} it is {@code max(0, Phi(h) + Phi(k) - 1)}.
   *
   * @param h the first limit
   * @param k the second limit
   * @param rho the correlation in [-1, 1]
   * @throws InvalidInputException for NaN arguments or {@code |rho| > 1}
   */
  public static double cdf(double h, double k, double rho) {
    if (Double.isNaN(h) || Double.isNaN(k) || !(rho >= -1 && rho <= 1)) {
      throw new InvalidInputException(
          "bivariate normal cdf needs numbers and a correlation in [-1, 1], got h="
              + h
              + ", k="
              + k
              + ", rho="
              + rho);
    }
    if (h == Double.NEGATIVE_INFINITY || k == Double.NEGATIVE_INFINITY) {
      return 0;
    }
    if (h == Double.POSITIVE_INFINITY) {
      return Normal.cdf(k);
    }
    if (k == Double.POSITIVE_INFINITY) {
      return Normal.cdf(h);
    }
    if (rho == 1) {
      return Normal.cdf(Math.min(h, k));
    }
    if (rho == -1) {
      return Math.max(0, Normal.cdf(h) - Normal.cdf(-k));
    }
    double base = Normal.cdf(h) * Normal.cdf(k);
    if (rho == 0) {
      return base;
    }
    double end = Math.asin(rho);
    double a = 0;
    double b = end;
    double whole = gauss(h, k, a, b);
    double integral = adapt(h, k, a, b, whole, 0);
    double p = base + integral / (2 * Math.PI);
    return Math.min(1, Math.max(0, p));
  }

  private static double adapt(double h, double k, double a, double b, double whole, int depth) {
    double mid = 0.5 * (a + b);
    double left = gauss(h, k, a, mid);
    double right = gauss(h, k, mid, b);
    double sum = left + right;
    if (depth >= MAX_DEPTH || Math.abs(sum - whole) <= TOLERANCE) {
      return sum;
    }
    return adapt(h, k, a, mid, left, depth + 1) + adapt(h, k, mid, b, right, depth + 1);
  }

  private static double gauss(double h, double k, double a, double b) {
    double c = 0.5 * (a + b);
    double r = 0.5 * (b - a);
    double s = 0;
    for (int i = 0; i < ORDER; i++) {
      s += WEIGHTS[i] * integrand(h, k, c + r * NODES[i]);
    }
    return s * r;
  }

  private static double integrand(double h, double k, double t) {
    // h^2 + k^2 - 2hk sin t = (h - k)^2 + 2hk (1 - sin t) and (1 - sin t) / cos^2 t = 1 / (1 + sin
    // t):
    // no cancellation as t approaches +-pi/2
    double sin = Math.sin(t);
    double cos = Math.cos(t);
    double d = h - k;
    double first = d == 0 ? 0 : d * d / (2 * cos * cos);
    return Math.exp(-first - h * k / (1 + sin));
  }
}
