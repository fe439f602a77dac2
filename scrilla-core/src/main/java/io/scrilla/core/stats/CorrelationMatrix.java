package io.scrilla.core.stats;

import io.scrilla.api.error.InvalidInputException;
import io.scrilla.api.error.ScrillaException;
import io.scrilla.api.model.Asset;
import io.scrilla.core.linalg.PsdCheck;
import io.scrilla.core.linalg.Symmetric;
import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

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
 * <p>A matrix counts as positive semi-definite when its smallest eigenvalue is at least {@code
 * -max(1e-10, 1e-12 n)}, the same rule as {@code Portfolio}'s. The check is made when first asked
 * for, and costs no eigendecomposition in the common cases: a matrix marked as a Gram matrix
 * ({@link #ofGram}, the Pearson correlations of one common sample) is positive semi-definite by
 * construction; otherwise a Cholesky factorization of {@code C + (max(1e-10, 1e-12 n) / 2) I}
 * decides, and only when it fails is the smallest eigenvalue computed. A singular matrix (more
 * assets than returns) is accepted.
 *
 * <p>The matrix is stored as its lower triangle (half the memory of the square).
 */
public final class CorrelationMatrix {
  private final List<Asset> assets;

  /** Row i holds entries (i, 0..i). */
  private final double[][] lower;

  private final Map<Asset, ScrillaException> failures;
  private final boolean gram;

  /** The smallest eigenvalue once computed, NaN before (racy single check: idempotent). */
  private volatile double smallestEigenvalue = Double.NaN;

  /** 1 when positive semi-definite, -1 when not, 0 before the check. */
  private volatile int definiteness;

  private CorrelationMatrix(
      List<Asset> assets, double[][] lower, Map<Asset, ScrillaException> failures, boolean gram) {
    this.assets = assets;
    this.lower = lower;
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
  public static CorrelationMatrix of(
      List<Asset> assets, double[][] matrix, Map<Asset, ScrillaException> failures) {
    return create(assets, matrix, failures, false);
  }

  /**
   * Creates a matrix of the Pearson correlations of one common sample: entry (i, j) is {@code sum
   * e_i e_j / sqrt(sum e_i^2 sum e_j^2)} over the same observations for every pair (a Gram matrix
   * of normalized vectors), positive semi-definite by construction up to rounding, so {@link
   * #isPositiveSemiDefinite()} is true without a check. The arrays are copied.
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
      List<Asset> assets, double[][] matrix, Map<Asset, ScrillaException> failures, boolean gram) {
    Objects.requireNonNull(assets, "assets");
    Objects.requireNonNull(matrix, "matrix");
    Objects.requireNonNull(failures, "failures");
    int n = assets.size();
    if (matrix.length != n) {
      throw new InvalidInputException(matrix.length + " rows for " + n + " assets");
    }
    for (int i = 0; i < n; i++) {
      if (matrix[i].length != n) {
        throw new InvalidInputException(
            "row " + i + " has " + matrix[i].length + " entries, need " + n);
      }
    }
    // compared tile by tile first; entry by entry down the columns only to name a bad entry
    boolean symmetric = Symmetric.isSymmetric(matrix);
    double[][] lower = new double[n][];
    for (int i = 0; i < n; i++) {
      double[] row = matrix[i];
      if (row[i] != 1) {
        throw new InvalidInputException(
            "diagonal entry of " + assets.get(i) + " is " + row[i] + ", not 1");
      }
      for (int j = 0; j < n; j++) {
        if (!(row[j] >= -1 && row[j] <= 1) || (!symmetric && row[j] != matrix[j][i])) {
          throw new InvalidInputException(
              "entry ("
                  + assets.get(i)
                  + ", "
                  + assets.get(j)
                  + ") = "
                  + row[j]
                  + " is not in [-1, 1] or not symmetric");
        }
      }
      lower[i] = Arrays.copyOf(row, i + 1);
    }
    return new CorrelationMatrix(
        List.copyOf(assets),
        lower,
        Collections.unmodifiableMap(new LinkedHashMap<>(failures)),
        gram);
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
    Objects.checkIndex(i, lower.length);
    Objects.checkIndex(j, lower.length);
    return i >= j ? lower[i][j] : lower[j][i];
  }

  /**
   * Returns the correlation of two assets of the matrix.
   *
   * @throws IllegalArgumentException when an asset is not in the matrix
   */
  public double get(Asset a, Asset b) {
    return get(index(a), index(b));
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
    int n = lower.length;
    double[][] c = new double[n][n];
    for (int i = 0; i < n; i++) {
      for (int j = 0; j <= i; j++) {
        c[i][j] = lower[i][j];
        c[j][i] = lower[i][j];
      }
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
      e = PsdCheck.smallestEigenvalue(lower);
      smallestEigenvalue = e;
    }
    return e;
  }

  /**
   * Returns whether the smallest eigenvalue is at least {@code -max(1e-10, 1e-12 n)}: true for a
   * Gram matrix; otherwise true when {@code C + (max(1e-10, 1e-12 n) / 2) I} has a Cholesky
   * factorization, and decided by the smallest eigenvalue when it has none.
   */
  public boolean isPositiveSemiDefinite() {
    int d = definiteness;
    if (d == 0) {
      boolean psd = gram;
      if (!psd) {
        PsdCheck.Verdict v = PsdCheck.check(lower);
        psd = v.positiveSemiDefinite();
        if (!Double.isNaN(v.smallestEigenvalue())) {
          smallestEigenvalue = v.smallestEigenvalue();
        }
      }
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
          "the pairwise correlations of "
              + tickers()
              + " do not form a positive semi-definite matrix (smallest eigenvalue "
              + smallestEigenvalue()
              + "); estimate with moments or likelihood on one common window, or drop an asset"
              + " with a short history");
    }
    return this;
  }

  @Override
  public String toString() {
    StringBuilder s = new StringBuilder("CorrelationMatrix").append(tickers()).append('\n');
    for (int i = 0; i < lower.length; i++) {
      double[] row = new double[lower.length];
      for (int j = 0; j < row.length; j++) {
        row[j] = get(i, j);
      }
      s.append(Arrays.toString(row)).append('\n');
    }
    if (!failures.isEmpty()) {
      s.append("failures: ").append(failures.keySet());
    }
    return s.toString();
  }
}
