package io.scrilla.core.optimize;

import io.scrilla.api.error.InvalidInputException;
import io.scrilla.api.model.Asset;
import io.scrilla.api.model.RiskProfile;
import io.scrilla.core.linalg.PsdCheck;
import io.scrilla.core.risk.TailEvent;
import io.scrilla.core.risk.TailRisk;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import org.hipparchus.linear.Array2DRowRealMatrix;
import org.hipparchus.linear.EigenDecompositionSymmetric;
import org.hipparchus.linear.RealMatrix;

/**
 * The inputs of a portfolio optimization: tickers, annual returns, volatilities, their correlation
 * matrix and the risk-free rate; immutable and thread-safe.
 *
 * <p>Units: returns {@code mu}, volatilities {@code sigma} and the risk-free rate {@code r_f} are
 * annualized decimal fractions (0.12 means 12% a year). The ticker order is the order of every
 * array here and of the weights of every {@link Solution}.
 *
 * <p>The portfolio functions of a weight vector {@code w} are
 *
 * <ul>
 *   <li>{@code R(w) = w . mu} ({@link #expectedReturn(double[])}),
 *   <li>{@code V(w) = sqrt((w o sigma)' C (w o sigma))} ({@link #volatility(double[])}),
 *   <li>{@code Sharpe(w) = (R - r_f) / V} ({@link #sharpeRatio(double[])}),
 *   <li>value at risk and conditional value at risk losses over a {@link TailEvent}, see {@link
 *       TailRisk}.
 * </ul>
 *
 * <p>Validation: equal sizes, finite numbers, {@code sigma >= 0}, tickers distinct, a correlation
 * matrix that is symmetric, has a unit diagonal and entries in [-1, 1] (each to 1e-12), and is
 * positive semi-definite: its smallest eigenvalue must be at least {@code -max(1e-10, 1e-12 n)} for
 * n assets (the same rule as {@code CorrelationMatrix}'s). A Cholesky factorization of the matrix
 * plus half that tolerance times the identity proves that cheaply for almost every matrix, singular
 * ones (more assets than returns) included; only when it fails is the smallest eigenvalue computed.
 * A matrix that fails is rejected with its smallest eigenvalue in the message, unless the caller
 * opts into {@link Builder#repairCorrelation(boolean)}.
 *
 * <p>Assets: a portfolio built by the facade carries its {@link Asset}s (so a {@link Solution} can
 * be allocated in whole shares or crypto units). Built from names alone ({@link #of(List, double[],
 * double[], double[][], double)}, {@link Builder#tickers(List)}), each name becomes an equity asset
 * ({@link Asset#equity(String)}: upper-cased, 1-20 letters, digits or {@code . - ^ = _}).
 *
 * <pre>{@code
 * Portfolio p = Portfolio.of(List.of("SPY", "TLT"), new double[] {0.10, 0.04},
 *     new double[] {0.18, 0.12}, new double[][] {{1, -0.3}, {-0.3, 1}}, 0.02);
 * }</pre>
 */
public final class Portfolio {
  /**
   * Smallest eigenvalue of the correlation matrix accepted as positive semi-definite, negated, for
   * up to 100 assets; a matrix of n > 100 assets is accepted down to {@code -1e-12 n}.
   */
  public static final double PSD_TOLERANCE = PsdCheck.TOLERANCE_FLOOR;

  private static final double ENTRY_TOLERANCE = 1e-12;

  private final List<Asset> assets;
  private final List<String> tickers;
  private final double[] returns;
  private final double[] volatilities;
  private final double[][] correlation;
  private final double riskFreeRate;

  /** The smallest eigenvalue, computed on the first call of {@link #smallestEigenvalue()}. */
  private double smallestEigenvalue;

  private boolean knownSmallestEigenvalue;
  private final boolean repaired;

  /** Covariance, row-major n*n, computed once. */
  private final double[] covariance;

  private Portfolio(
      List<Asset> assets, double[] mu, double[] sigma, double[][] c, double rf, boolean repair) {
    Objects.requireNonNull(assets, "assets");
    List<String> tickers = assets.stream().map(Asset::ticker).toList();
    Objects.requireNonNull(mu, "returns");
    Objects.requireNonNull(sigma, "volatilities");
    Objects.requireNonNull(c, "correlation");
    int n = tickers.size();
    if (n == 0) {
      throw new InvalidInputException("a portfolio needs at least one ticker, got none");
    }
    Set<String> seen = new HashSet<>();
    for (String t : tickers) {
      Objects.requireNonNull(t, "ticker");
      if (!seen.add(t)) {
        throw new InvalidInputException(
            "ticker " + t + " appears twice in " + tickers + ": give each asset once");
      }
    }
    if (mu.length != n || sigma.length != n || c.length != n) {
      throw new InvalidInputException(
          "sizes differ: "
              + n
              + " tickers, "
              + mu.length
              + " returns, "
              + sigma.length
              + " volatilities, "
              + c.length
              + " correlation rows; give one of each per ticker, in ticker order");
    }
    if (!Double.isFinite(rf)) {
      throw new InvalidInputException("risk-free rate must be finite, got " + rf);
    }
    for (int i = 0; i < n; i++) {
      if (!Double.isFinite(mu[i])) {
        throw new InvalidInputException(
            "return of " + tickers.get(i) + " must be finite, got " + mu[i]);
      }
      if (!Double.isFinite(sigma[i]) || sigma[i] < 0) {
        throw new InvalidInputException(
            "volatility of "
                + tickers.get(i)
                + " must be finite and not negative, got "
                + sigma[i]);
      }
      if (c[i] == null || c[i].length != n) {
        throw new InvalidInputException(
            "correlation row " + i + " (" + tickers.get(i) + ") must have " + n + " entries");
      }
    }
    double[][] cc = new double[n][n];
    for (int i = 0; i < n; i++) {
      for (int j = 0; j < n; j++) {
        double v = c[i][j];
        if (!Double.isFinite(v)) {
          throw new InvalidInputException(
              "correlation of "
                  + tickers.get(i)
                  + " and "
                  + tickers.get(j)
                  + " must be finite, got "
                  + v);
        }
        if (Math.abs(v - c[j][i]) > ENTRY_TOLERANCE) {
          throw new InvalidInputException(
              "correlation matrix is not symmetric: entry ("
                  + tickers.get(i)
                  + ", "
                  + tickers.get(j)
                  + ") is "
                  + v
                  + " but ("
                  + tickers.get(j)
                  + ", "
                  + tickers.get(i)
                  + ") is "
                  + c[j][i]);
        }
        if (i == j && Math.abs(v - 1) > ENTRY_TOLERANCE) {
          throw new InvalidInputException(
              "correlation of " + tickers.get(i) + " with itself must be 1, got " + v);
        }
        if (Math.abs(v) > 1 + ENTRY_TOLERANCE) {
          throw new InvalidInputException(
              "correlation of "
                  + tickers.get(i)
                  + " and "
                  + tickers.get(j)
                  + " must lie in [-1, 1], got "
                  + v);
        }
        cc[i][j] = i == j ? 1.0 : Math.max(-1, Math.min(1, 0.5 * (v + c[j][i])));
      }
    }
    // the cheap sufficient test first; the smallest eigenvalue only when it cannot tell
    PsdCheck.Verdict psd = PsdCheck.check(cc);
    double minEig = psd.smallestEigenvalue();
    boolean didRepair = false;
    if (!psd.positiveSemiDefinite()) {
      if (!repair) {
        throw new InvalidInputException(
            "correlation matrix of "
                + tickers
                + " is not positive semi-definite: its smallest eigenvalue is "
                + minEig
                + " (allowed: >= "
                + (-PsdCheck.tolerance(n))
                + "); estimate all entries on one"
                + " common sample, or opt into Portfolio.builder().repairCorrelation(true)");
      }
      cc = repair(cc, tickers);
      minEig = PsdCheck.smallestEigenvalue(cc);
      didRepair = true;
    }
    this.assets = List.copyOf(assets);
    this.tickers = tickers;
    this.returns = mu.clone();
    this.volatilities = sigma.clone();
    this.correlation = cc;
    this.riskFreeRate = rf;
    this.smallestEigenvalue = minEig;
    this.knownSmallestEigenvalue = !Double.isNaN(minEig);
    this.repaired = didRepair;
    this.covariance = new double[n * n];
    for (int i = 0; i < n; i++) {
      for (int j = 0; j < n; j++) {
        covariance[i * n + j] = sigma[i] * cc[i][j] * sigma[j];
      }
    }
  }

  /**
   * Clips negative eigenvalues to zero, rebuilds the matrix, rescales it to a unit diagonal and
   * symmetrizes it.
   */
  private static double[][] repair(double[][] c, List<String> tickers) {
    int n = c.length;
    EigenDecompositionSymmetric ed = new EigenDecompositionSymmetric(new Array2DRowRealMatrix(c));
    double[] eig = ed.getEigenvalues();
    RealMatrix v = ed.getV();
    double[][] r = new double[n][n];
    for (int k = 0; k < n; k++) {
      double lambda = Math.max(0, eig[k]);
      if (lambda == 0) {
        continue;
      }
      for (int i = 0; i < n; i++) {
        double vi = v.getEntry(i, k) * lambda;
        for (int j = 0; j < n; j++) {
          r[i][j] += vi * v.getEntry(j, k);
        }
      }
    }
    double[] d = new double[n];
    for (int i = 0; i < n; i++) {
      if (!(r[i][i] > 0)) {
        throw new InvalidInputException(
            "cannot repair the correlation matrix of "
                + tickers
                + ": after clipping its negative eigenvalues, the variance of "
                + tickers.get(i)
                + " is "
                + r[i][i]
                + "; supply a positive semi-definite matrix");
      }
      d[i] = 1 / Math.sqrt(r[i][i]);
    }
    double[][] out = new double[n][n];
    for (int i = 0; i < n; i++) {
      out[i][i] = 1.0;
      for (int j = 0; j < i; j++) {
        double x = 0.5 * (r[i][j] + r[j][i]) * d[i] * d[j];
        x = Math.max(-1, Math.min(1, x));
        out[i][j] = x;
        out[j][i] = x;
      }
    }
    return out;
  }

  /**
   * Creates a portfolio from returns, volatilities and a correlation matrix.
   *
   * @param tickers the tickers, distinct; their order is the order of every array
   * @param returns annual returns mu, decimal fractions
   * @param volatilities annual volatilities sigma, decimal fractions, not negative
   * @param correlation the correlation matrix C, symmetric, unit diagonal, positive semi-definite
   * @param riskFreeRate annualized risk-free rate r_f, decimal fraction
   * @return the portfolio
   * @throws InvalidInputException when a size, number or the matrix is invalid
   */
  public static Portfolio of(
      List<String> tickers,
      double[] returns,
      double[] volatilities,
      double[][] correlation,
      double riskFreeRate) {
    return new Portfolio(
        equities(tickers), returns, volatilities, correlation, riskFreeRate, false);
  }

  /** Returns each name as an equity asset. */
  private static List<Asset> equities(List<String> names) {
    Objects.requireNonNull(names, "tickers");
    List<Asset> out = new ArrayList<>(names.size());
    for (String name : names) {
      out.add(Asset.equity(Objects.requireNonNull(name, "ticker")));
    }
    return out;
  }

  /**
   * Creates a portfolio from risk profiles (as the estimators produce them) and a correlation
   * matrix.
   *
   * @param tickers the tickers, distinct
   * @param profiles one profile per ticker, in ticker order
   * @param correlation the correlation matrix in ticker order
   * @param riskFreeRate annualized risk-free rate, decimal fraction
   * @return the portfolio
   * @throws InvalidInputException when a size or the matrix is invalid
   */
  public static Portfolio of(
      List<String> tickers,
      List<RiskProfile> profiles,
      double[][] correlation,
      double riskFreeRate) {
    Objects.requireNonNull(profiles, "profiles");
    return builder()
        .tickers(tickers)
        .profiles(profiles)
        .correlation(correlation)
        .riskFreeRate(riskFreeRate)
        .build();
  }

  /** Returns a builder; see {@link Builder}. */
  public static Builder builder() {
    return new Builder();
  }

  /** Returns the number of assets. */
  public int size() {
    return tickers.size();
  }

  /** Returns the tickers, in the order of every array. */
  public List<String> tickers() {
    return tickers;
  }

  /** Returns the assets, in the order of every array. */
  public List<Asset> assets() {
    return assets;
  }

  /** Returns a copy of the annual returns mu (decimal fractions). */
  public double[] returns() {
    return returns.clone();
  }

  /** Returns a copy of the annual volatilities sigma (decimal fractions). */
  public double[] volatilities() {
    return volatilities.clone();
  }

  /** Returns a copy of the correlation matrix (after the repair, when one was requested). */
  public double[][] correlation() {
    double[][] c = new double[correlation.length][];
    for (int i = 0; i < c.length; i++) {
      c[i] = correlation[i].clone();
    }
    return c;
  }

  /** Returns a copy of the covariance matrix {@code Sigma_ij = sigma_i C_ij sigma_j} (per year). */
  public double[][] covariance() {
    int n = size();
    double[][] s = new double[n][n];
    for (int i = 0; i < n; i++) {
      System.arraycopy(covariance, i * n, s[i], 0, n);
    }
    return s;
  }

  /** Returns the annualized risk-free rate r_f (decimal fraction). */
  public double riskFreeRate() {
    return riskFreeRate;
  }

  /** Returns a portfolio equal to this one with another risk-free rate. */
  public Portfolio withRiskFreeRate(double riskFreeRate) {
    return new Portfolio(assets, returns, volatilities, correlation, riskFreeRate, false);
  }

  /**
   * Returns the smallest eigenvalue of the correlation matrix (after the repair, when one was
   * applied); zero or near zero means a singular matrix (perfectly correlated assets, or more
   * assets than returns). Computed on the first call (a full eigendecomposition, tens of
   * milliseconds for hundreds of assets), not when the portfolio is built.
   */
  public double smallestEigenvalue() {
    synchronized (correlation) {
      if (!knownSmallestEigenvalue) {
        smallestEigenvalue = PsdCheck.smallestEigenvalue(correlation);
        knownSmallestEigenvalue = true;
      }
      return smallestEigenvalue;
    }
  }

  /**
   * Returns whether the correlation matrix was repaired (see {@link Builder#repairCorrelation}).
   */
  public boolean repaired() {
    return repaired;
  }

  /** Row-major covariance, shared, never exposed. */
  double[] covarianceArray() {
    return covariance;
  }

  double[] returnsArray() {
    return returns;
  }

  /**
   * Returns the expected annual return {@code R(w) = w . mu}.
   *
   * @param weights the weights in ticker order
   * @return annual return, decimal fraction
   */
  public double expectedReturn(double[] weights) {
    check(weights);
    double r = 0;
    for (int i = 0; i < returns.length; i++) {
      r += weights[i] * returns[i];
    }
    return r;
  }

  /**
   * Returns the annual volatility {@code V(w) = sqrt((w o sigma)' C (w o sigma))}; a quadratic form
   * that rounds below zero (singular matrix) gives 0.
   *
   * @param weights the weights in ticker order
   * @return annual volatility, decimal fraction
   */
  public double volatility(double[] weights) {
    check(weights);
    return Math.sqrt(Math.max(0, quadratic(weights)));
  }

  /** Returns {@code w' Sigma w} without checks. */
  double quadratic(double[] w) {
    int n = w.length;
    double q = 0;
    for (int i = 0; i < n; i++) {
      if (w[i] == 0) {
        continue;
      }
      double s = 0;
      int row = i * n;
      for (int j = 0; j < n; j++) {
        s += covariance[row + j] * w[j];
      }
      q += w[i] * s;
    }
    return q;
  }

  /**
   * Returns the Sharpe ratio {@code (R(w) - r_f) / V(w)}; IEEE division applies when the volatility
   * is zero (an infinity, or NaN when the excess return is zero too).
   *
   * @param weights the weights in ticker order
   * @return the Sharpe ratio, per square root of a year
   */
  public double sharpeRatio(double[] weights) {
    return (expectedReturn(weights) - riskFreeRate) / volatility(weights);
  }

  /**
   * Returns the value-at-risk loss of the portfolio, a fraction of the initial value: see {@link
   * TailRisk#valueAtRiskLoss} with the portfolio's return {@code R} and volatility {@code V}.
   *
   * @param weights the weights in ticker order
   * @param event the tail probability p and the horizon T in years
   * @return the VaR loss {@code 1 - exp((R - V^2/2) T + V sqrt(T) z_p)}
   */
  public double valueAtRiskLoss(double[] weights, TailEvent event) {
    return TailRisk.valueAtRiskLoss(profile(weights), event);
  }

  /**
   * Returns the conditional value-at-risk loss (expected shortfall) of the portfolio, a fraction of
   * the initial value: see {@link TailRisk#conditionalValueAtRiskLoss}.
   *
   * @param weights the weights in ticker order
   * @param event the tail probability p and the horizon T in years
   * @return the CVaR loss {@code 1 - e^{RT} Phi(z_p - V sqrt T) / p}
   */
  public double conditionalValueAtRiskLoss(double[] weights, TailEvent event) {
    return TailRisk.conditionalValueAtRiskLoss(profile(weights), event);
  }

  private RiskProfile profile(double[] weights) {
    return new RiskProfile(expectedReturn(weights), volatility(weights));
  }

  private void check(double[] weights) {
    Objects.requireNonNull(weights, "weights");
    if (weights.length != size()) {
      throw new InvalidInputException(
          "got "
              + weights.length
              + " weights for "
              + size()
              + " tickers "
              + tickers
              + ": give one weight per ticker, in ticker order");
    }
    for (double w : weights) {
      if (!Double.isFinite(w)) {
        throw new InvalidInputException("weights must be finite, got " + Arrays.toString(weights));
      }
    }
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof Portfolio p
        && assets.equals(p.assets)
        && Arrays.equals(returns, p.returns)
        && Arrays.equals(volatilities, p.volatilities)
        && Arrays.deepEquals(correlation, p.correlation)
        && Double.compare(riskFreeRate, p.riskFreeRate) == 0;
  }

  @Override
  public int hashCode() {
    return Objects.hash(
        assets,
        Arrays.hashCode(returns),
        Arrays.hashCode(volatilities),
        Arrays.deepHashCode(correlation),
        riskFreeRate);
  }

  @Override
  public String toString() {
    return "Portfolio[tickers="
        + tickers
        + ", returns="
        + Arrays.toString(returns)
        + ", volatilities="
        + Arrays.toString(volatilities)
        + ", riskFreeRate="
        + riskFreeRate
        + (repaired ? ", correlation repaired" : "")
        + "]";
  }

  /**
   * Builds a {@link Portfolio} from numbers; not thread-safe.
   *
   * <p>Give the tickers, then either returns, volatilities and a correlation matrix, or returns and
   * a covariance matrix (volatilities are then {@code sqrt(Sigma_jj)} and correlations {@code
   * Sigma_ij / (sigma_i sigma_j)}; a zero-variance asset gets correlation 0 with the others). The
   * risk-free rate defaults to 0.
   *
   * <p><b>Repair</b> ({@link #repairCorrelation(boolean)}, off by default): a correlation matrix
   * that is not positive semi-definite, as pairwise estimates on different samples can produce, is
   * replaced by the nearest matrix in the following sense: its eigen decomposition {@code C = Q
   * diag(lambda) Q'} is rebuilt with {@code max(lambda, 0)}, then rescaled to a unit diagonal
   * ({@code C'_ij = A_ij / sqrt(A_ii A_jj)}) and symmetrized. {@link Portfolio#repaired()} tells
   * whether it happened. It does not change a matrix that is already positive semi-definite.
   */
  public static final class Builder {
    private List<Asset> assets = List.of();
    private double[] returns;
    private double[] volatilities;
    private double[][] correlation;
    private double[][] covariance;
    private double riskFreeRate;
    private boolean repair;

    private Builder() {}

    /**
     * Sets the tickers, each an equity asset; their order is the order of every array.
     *
     * @throws InvalidInputException for a name that is not a valid ticker
     */
    public Builder tickers(List<String> tickers) {
      this.assets = equities(tickers);
      return this;
    }

    /** Sets the assets; their order is the order of every array. */
    public Builder assets(List<Asset> assets) {
      this.assets = new ArrayList<>(Objects.requireNonNull(assets, "assets"));
      return this;
    }

    /** Sets the annual returns mu (decimal fractions), in ticker order. */
    public Builder returns(double... returns) {
      this.returns = Objects.requireNonNull(returns, "returns").clone();
      return this;
    }

    /** Sets the annual volatilities sigma (decimal fractions), in ticker order. */
    public Builder volatilities(double... volatilities) {
      this.volatilities = Objects.requireNonNull(volatilities, "volatilities").clone();
      return this;
    }

    /** Sets returns and volatilities from risk profiles, in ticker order. */
    public Builder profiles(List<RiskProfile> profiles) {
      Objects.requireNonNull(profiles, "profiles");
      returns = new double[profiles.size()];
      volatilities = new double[profiles.size()];
      for (int i = 0; i < returns.length; i++) {
        RiskProfile p = Objects.requireNonNull(profiles.get(i), "profile");
        returns[i] = p.annualReturn();
        volatilities[i] = p.annualVolatility();
      }
      return this;
    }

    /** Sets the correlation matrix, in ticker order (replaces any covariance given before). */
    public Builder correlation(double[][] correlation) {
      this.correlation = Objects.requireNonNull(correlation, "correlation");
      this.covariance = null;
      return this;
    }

    /**
     * Sets the annual covariance matrix, in ticker order (replaces volatilities and correlation
     * given before).
     */
    public Builder covariance(double[][] covariance) {
      this.covariance = Objects.requireNonNull(covariance, "covariance");
      this.correlation = null;
      return this;
    }

    /** Sets the annualized risk-free rate (decimal fraction); default 0. */
    public Builder riskFreeRate(double riskFreeRate) {
      this.riskFreeRate = riskFreeRate;
      return this;
    }

    /** Opts into the repair of a correlation matrix that is not positive semi-definite. */
    public Builder repairCorrelation(boolean repair) {
      this.repair = repair;
      return this;
    }

    /**
     * Validates and builds the portfolio.
     *
     * @return the portfolio
     * @throws InvalidInputException when something is missing or invalid
     */
    public Portfolio build() {
      if (returns == null) {
        throw new InvalidInputException("portfolio builder needs returns(...)");
      }
      if (covariance != null) {
        return fromCovariance();
      }
      if (volatilities == null || correlation == null) {
        throw new InvalidInputException(
            "portfolio builder needs volatilities(...) and correlation(...), or covariance(...)");
      }
      return new Portfolio(assets, returns, volatilities, correlation, riskFreeRate, repair);
    }

    private Portfolio fromCovariance() {
      int n = covariance.length;
      double[] sigma = new double[n];
      for (int i = 0; i < n; i++) {
        if (covariance[i] == null || covariance[i].length != n) {
          throw new InvalidInputException("covariance row " + i + " must have " + n + " entries");
        }
        double v = covariance[i][i];
        if (!Double.isFinite(v) || v < 0) {
          throw new InvalidInputException(
              "variance of asset " + i + " must be finite and not" + " negative, got " + v);
        }
        sigma[i] = Math.sqrt(v);
      }
      double[][] c = new double[n][n];
      for (int i = 0; i < n; i++) {
        for (int j = 0; j < n; j++) {
          if (i == j) {
            c[i][j] = 1;
          } else if (sigma[i] > 0 && sigma[j] > 0) {
            c[i][j] = covariance[i][j] / (sigma[i] * sigma[j]);
          } else if (Math.abs(covariance[i][j]) > 0) {
            throw new InvalidInputException(
                "covariance ("
                    + i
                    + ", "
                    + j
                    + ") is "
                    + covariance[i][j]
                    + " although one of the two variances is zero");
          }
        }
      }
      return new Portfolio(assets, returns, sigma, c, riskFreeRate, repair);
    }
  }
}
