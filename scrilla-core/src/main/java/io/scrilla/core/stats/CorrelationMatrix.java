package io.scrilla.core.stats;

import io.scrilla.api.error.InvalidInputException;
import io.scrilla.api.error.ScrillaException;
import io.scrilla.api.model.Asset;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.hipparchus.exception.MathIllegalStateException;
import org.hipparchus.linear.Array2DRowRealMatrix;
import org.hipparchus.linear.EigenDecompositionSymmetric;

/**
 * A correlation matrix of assets with the assets that could not be included; immutable and
 * thread-safe.
 *
 * <p>The matrix is symmetric with a unit diagonal and entries in [-1, 1]; entry (i, j) is the
 * pairwise correlation of {@code assets().get(i)} and {@code assets().get(j)}. Pairwise estimates
 * need not form a positive semi-definite matrix (the percentile estimator, or samples intersected
 * pair by pair): {@link #smallestEigenvalue()} and {@link #isPositiveSemiDefinite()} tell, and
 * {@link #requirePositiveSemiDefinite()} fails with a diagnostic for callers (an optimizer) that
 * need it.
 *
 * <p>The check is made when first asked for, and costs no eigendecomposition in the common cases:
 * a matrix marked as a Gram matrix ({@link #ofGram}, the Pearson correlations of one common
 * sample) is positive semi-definite by construction; otherwise a Cholesky factorization of
 * {@code C + (TOLERANCE n / 2) I} decides, and only when it fails is the smallest eigenvalue
 * computed. A singular matrix (more assets than returns) is accepted.
 */
public final class CorrelationMatrix {
  /** Eigenvalues above {@code -TOLERANCE * n} count as non-negative (rounding). */
  public static final double TOLERANCE = 1e-12;

  private final List<Asset> assets;
  private final double[][] matrix;
  private final Map<Asset, ScrillaException> failures;
  private final boolean gram;
  /** The smallest eigenvalue once computed, NaN before (racy single check: idempotent). */
  private volatile double smallestEigenvalue = Double.NaN;
  /** 1 when positive semi-definite, -1 when not, 0 before the check. */
  private volatile int definiteness;

  private CorrelationMatrix(
      List<Asset> assets, double[][] matrix, Map<Asset, ScrillaException> failures, boolean gram) {
    this.assets = assets;
    this.matrix = matrix;
    this.failures = failures;
    this.gram = gram;
  }

  /**
   * Creates a matrix; the arrays are copied.
   *
   * @param assets the assets in row order
   * @param matrix n x n, symmetric, unit diagonal, entries in [-1, 1]
   * @param failures the assets left out, each with its failure
   * @throws InvalidInputException when the matrix is not a correlation matrix in shape
   */
  public static CorrelationMatrix of(List<Asset> assets, double[][] matrix, Map<Asset, ScrillaException> failures) {
    return create(assets, matrix, failures, false);
  }

  /**
   * Creates a matrix of the Pearson correlations of one common sample: entry (i, j) is
   * {@code sum e_i e_j / sqrt(sum e_i^2 sum e_j^2)} over the same observations for every pair (a
   * Gram matrix of normalized vectors), positive semi-definite by construction up to rounding, so
   * {@link #isPositiveSemiDefinite()} is true without a check. The arrays are copied.
   *
   * @param assets the assets in row order
   * @param matrix n x n, symmetric, unit diagonal, entries in [-1, 1]
   * @param failures the assets left out, each with its failure
   * @throws InvalidInputException when the matrix is not a correlation matrix in shape
   */
  public static CorrelationMatrix ofGram(
      List<Asset> assets, double[][] matrix, Map<Asset, ScrillaException> failures) {
    return create(assets, matrix, failures, true);
  }

  private static CorrelationMatrix create(
      List<Asset> assets,
      double[][] matrix,
      Map<Asset, ScrillaException> failures,
      boolean gram) {
    Objects.requireNonNull(assets, "assets");
    Objects.requireNonNull(matrix, "matrix");
    Objects.requireNonNull(failures, "failures");
    int n = assets.size();
    if (matrix.length != n) {
      throw new InvalidInputException(matrix.length + " rows for " + n + " assets");
    }
    double[][] m = new double[n][];
    for (int i = 0; i < n; i++) {
      if (matrix[i].length != n) {
        throw new InvalidInputException("row " + i + " has " + matrix[i].length + " entries, need " + n);
      }
      m[i] = matrix[i].clone();
    }
    for (int i = 0; i < n; i++) {
      if (m[i][i] != 1) {
        throw new InvalidInputException("diagonal entry of " + assets.get(i) + " is " + m[i][i] + ", not 1");
      }
      for (int j = 0; j < n; j++) {
        if (!(m[i][j] >= -1 && m[i][j] <= 1) || m[i][j] != m[j][i]) {
          throw new InvalidInputException("entry (" + assets.get(i) + ", " + assets.get(j) + ") = " + m[i][j]
              + " is not in [-1, 1] or not symmetric");
        }
      }
    }
    return new CorrelationMatrix(List.copyOf(assets), m,
        Collections.unmodifiableMap(new LinkedHashMap<>(failures)), gram);
  }

  private static double smallest(double[][] m) {
    if (m.length == 0) {
      return Double.POSITIVE_INFINITY;
    }
    double[] ev;
    try {
      ev = new EigenDecompositionSymmetric(new Array2DRowRealMatrix(m, false)).getEigenvalues();
    } catch (MathIllegalStateException e) {
      // the QL iteration may stall on clusters of equal eigenvalues (a singular matrix): count
      // negative pivots instead
      return SymmetricInertia.smallestEigenvalue(m);
    }
    double min = Double.POSITIVE_INFINITY;
    for (double e : ev) {
      min = Math.min(min, e);
    }
    return min;
  }

  /** Returns the assets in row order (those without failures). */
  public List<Asset> assets() {
    return assets;
  }

  /** Returns the tickers in row order. */
  public List<String> tickers() {
    return assets.stream().map(Asset::ticker).toList();
  }

  /** Returns the number of assets n. */
  public int size() {
    return assets.size();
  }

  /** Returns entry (i, j). */
  public double get(int i, int j) {
    return matrix[i][j];
  }

  /**
   * Returns the correlation of two assets of the matrix.
   *
   * @throws IllegalArgumentException when an asset is not in the matrix
   */
  public double get(Asset a, Asset b) {
    return matrix[index(a)][index(b)];
  }

  private int index(Asset a) {
    int i = assets.indexOf(a);
    if (i < 0) {
      throw new IllegalArgumentException(a + " is not in the matrix " + assets);
    }
    return i;
  }

  /** Returns a copy of the matrix as rows. */
  public double[][] toArray() {
    double[][] c = new double[matrix.length][];
    for (int i = 0; i < c.length; i++) {
      c[i] = matrix[i].clone();
    }
    return c;
  }

  /** Returns the assets that could not be included, each with what went wrong, in request order. */
  public Map<Asset, ScrillaException> failures() {
    return failures;
  }

  /**
   * Returns the smallest eigenvalue (positive infinity for an empty matrix), computed on the first
   * call.
   */
  public double smallestEigenvalue() {
    double e = smallestEigenvalue;
    if (Double.isNaN(e)) {
      e = smallest(matrix);
      smallestEigenvalue = e;
    }
    return e;
  }

  /**
   * Returns whether the smallest eigenvalue is at least {@code -1e-12 n}: true for a Gram matrix;
   * otherwise true when {@code C + (1e-12 n / 2) I} has a Cholesky factorization, and decided by
   * the smallest eigenvalue when it has none.
   */
  public boolean isPositiveSemiDefinite() {
    int d = definiteness;
    if (d == 0) {
      double tolerance = TOLERANCE * Math.max(1, size());
      boolean psd =
          gram
              || SymmetricInertia.choleskySucceeds(matrix, tolerance / 2)
              || smallestEigenvalue() >= -tolerance;
      d = psd ? 1 : -1;
      definiteness = d;
    }
    return d > 0;
  }

  /**
   * Returns this matrix when it is positive semi-definite.
   *
   * @throws InvalidInputException naming the smallest eigenvalue and the remedies otherwise
   */
  public CorrelationMatrix requirePositiveSemiDefinite() {
    if (!isPositiveSemiDefinite()) {
      throw new InvalidInputException(
          "the pairwise correlations of " + tickers() + " do not form a positive semi-definite matrix"
              + " (smallest eigenvalue " + smallestEigenvalue() + "); estimate with moments or likelihood"
              + " on one common window, or drop an asset with a short history");
    }
    return this;
  }

  @Override
  public String toString() {
    StringBuilder s = new StringBuilder("CorrelationMatrix").append(tickers()).append('\n');
    for (double[] row : matrix) {
      s.append(java.util.Arrays.toString(row)).append('\n');
    }
    if (!failures.isEmpty()) {
      s.append("failures: ").append(failures.keySet());
    }
    return s.toString();
  }
}
