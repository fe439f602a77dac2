package io.scrilla.api.model;

import io.scrilla.api.error.InvalidInputException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * The correlations of every pair of a list of assets computed from one source's prices on one
 * window, method and {@code weekends} flag, in one flat array: what a correlation matrix reads from
 * and writes to a cache at once, without a {@link CorrelationKey} and a boxed value per pair. A
 * pair without a value holds NaN. Entry (i, j) is the correlation whose key is {@link #key(int,
 * int)}; immutable.
 */
public final class CorrelationBlock {
  /** The values of a block without any: every pair reads as NaN. */
  private static final double[] NONE = new double[0];

  private final SourceId source;
  private final List<Asset> assets;
  private final DateRange range;
  private final EstimationMethod method;
  private final boolean weekends;

  /**
   * The upper triangle, row by row: (0, 1), (0, 2), ..., (1, 2), ...; NaN where absent. An {@link
   * #empty} block holds no array of NaN but {@link #NONE}.
   */
  private final double[] upper;

  private volatile Map<Asset, Integer> positions;

  private CorrelationBlock(
      SourceId source,
      List<Asset> assets,
      DateRange range,
      EstimationMethod method,
      boolean weekends,
      double[] upper) {
    this.source = source;
    this.assets = assets;
    this.range = range;
    this.method = method;
    this.weekends = weekends;
    this.upper = upper;
  }

  /**
   * Returns a block of the assets' pairs with the values of {@code upper}.
   *
   * @param source the price source the correlations were computed from
   * @param assets distinct assets, in the order of the rows
   * @param range the sample window, ends included
   * @param method the estimation method
   * @param weekends whether weekend dates are part of the sample
   * @param upper the {@code n (n - 1) / 2} values of the pairs (i, j), i &lt; j, row by row (see
   *     {@link #index}), each in [-1, 1] or NaN for a pair without a value; copied
   * @throws InvalidInputException for repeated assets, a wrong length or a value outside [-1, 1]
   */
  public static CorrelationBlock of(
      SourceId source,
      List<Asset> assets,
      DateRange range,
      EstimationMethod method,
      boolean weekends,
      double[] upper) {
    Objects.requireNonNull(upper, "upper");
    return create(source, assets, range, method, weekends, upper.clone());
  }

  /**
   * Returns a block of the assets' pairs with the values above the diagonal of a square matrix
   * whose rows and columns are in the order of the assets (a correlation matrix): one copy of those
   * values, without a flat array made first.
   *
   * @param matrix n rows of at least n entries; entry (i, j), i &lt; j, in [-1, 1] or NaN for a
   *     pair without a value; the diagonal and the entries below it are not read
   * @throws InvalidInputException for repeated assets, a wrong number of rows or entries, or a
   *     value outside [-1, 1]
   * @see #of(SourceId, List, DateRange, EstimationMethod, boolean, double[])
   */
  public static CorrelationBlock ofMatrix(
      SourceId source,
      List<Asset> assets,
      DateRange range,
      EstimationMethod method,
      boolean weekends,
      double[][] matrix) {
    Objects.requireNonNull(matrix, "matrix");
    int n = Objects.requireNonNull(assets, "assets").size();
    if (matrix.length != n) {
      throw new InvalidInputException(matrix.length + " rows for " + n + " assets");
    }
    double[] upper = new double[n * (n - 1) / 2];
    for (int i = 0, at = 0; i < n; at += n - 1 - i, i++) {
      if (matrix[i].length < n) {
        throw new InvalidInputException(
            "row " + i + " has " + matrix[i].length + " entries, need " + n);
      }
      System.arraycopy(matrix[i], i + 1, upper, at, n - 1 - i);
    }
    return create(source, assets, range, method, weekends, upper);
  }

  /** Validates and holds {@code upper} itself (the caller's own array, not copied). */
  private static CorrelationBlock create(
      SourceId source,
      List<Asset> assets,
      DateRange range,
      EstimationMethod method,
      boolean weekends,
      double[] upper) {
    Objects.requireNonNull(source, "source");
    List<Asset> a = List.copyOf(Objects.requireNonNull(assets, "assets"));
    Objects.requireNonNull(range, "range");
    Objects.requireNonNull(method, "method");
    long pairs = (long) a.size() * (a.size() - 1) / 2;
    if (upper.length != pairs && upper != NONE) {
      throw new InvalidInputException(
          upper.length + " values for the " + pairs + " pairs of " + a.size() + " assets");
    }
    for (double v : upper) {
      if (!Double.isNaN(v) && !(v >= -1.0 && v <= 1.0)) {
        throw new InvalidInputException("a correlation lies in [-1, 1], got " + v);
      }
    }
    CorrelationBlock b = new CorrelationBlock(source, a, range, method, weekends, upper);
    if (b.positions().size() != a.size()) {
      throw new InvalidInputException("an asset is repeated in " + a + ": give each once");
    }
    return b;
  }

  /** Returns a block of the assets' pairs without any value. */
  public static CorrelationBlock empty(
      SourceId source,
      List<Asset> assets,
      DateRange range,
      EstimationMethod method,
      boolean weekends) {
    Objects.requireNonNull(assets, "assets");
    return create(source, assets, range, method, weekends, NONE);
  }

  /**
   * Returns the block of the assets with the values of {@code values} whose keys are pairs of the
   * assets on this window; other keys are ignored.
   */
  public static CorrelationBlock of(
      SourceId source,
      List<Asset> assets,
      DateRange range,
      EstimationMethod method,
      boolean weekends,
      Map<CorrelationKey, Double> values) {
    Objects.requireNonNull(values, "values");
    CorrelationBlock empty = empty(source, assets, range, method, weekends);
    double[] upper = empty.values();
    int n = empty.size();
    for (int i = 0; i < n; i++) {
      for (int j = i + 1; j < n; j++) {
        Double v = values.get(empty.key(i, j));
        if (v != null) {
          upper[index(n, i, j)] = v;
        }
      }
    }
    return create(source, assets, range, method, weekends, upper);
  }

  /** Returns the position of pair (i, j), {@code i < j}, of n assets in the flat array. */
  public static int index(int n, int i, int j) {
    return i * (2 * n - i - 1) / 2 + (j - i - 1);
  }

  /** Returns the price source the correlations were computed from. */
  public SourceId source() {
    return source;
  }

  /** Returns the assets, in the order of the rows. */
  public List<Asset> assets() {
    return assets;
  }

  /** Returns the number of assets. */
  public int size() {
    return assets.size();
  }

  /** Returns the sample window, ends included. */
  public DateRange range() {
    return range;
  }

  /** Returns the estimation method. */
  public EstimationMethod method() {
    return method;
  }

  /** Returns whether weekend dates are part of the sample. */
  public boolean weekends() {
    return weekends;
  }

  /** Returns the correlation of assets i and j ({@code i != j}), NaN when the pair has none. */
  public double get(int i, int j) {
    if (upper == NONE) {
      return Double.NaN;
    }
    return i < j ? upper[index(size(), i, j)] : upper[index(size(), j, i)];
  }

  /** Returns whether the pair of assets i and j ({@code i != j}) has a value. */
  public boolean has(int i, int j) {
    return !Double.isNaN(get(i, j));
  }

  /** Returns the number of pairs with a value. */
  public int count() {
    int c = 0;
    for (double v : upper) {
      if (!Double.isNaN(v)) {
        c++;
      }
    }
    return c;
  }

  /** Returns a copy of the flat upper triangle (see {@link #index}); NaN where absent. */
  public double[] values() {
    if (upper == NONE) {
      double[] none = new double[size() * (size() - 1) / 2];
      Arrays.fill(none, Double.NaN);
      return none;
    }
    return upper.clone();
  }

  /** Returns the cache key of the pair of assets i and j ({@code i != j}). */
  public CorrelationKey key(int i, int j) {
    return CorrelationKey.of(source, assets.get(i), assets.get(j), range, method, weekends);
  }

  /** Returns whether a key's source, window, method and flag are this block's. */
  public boolean sameWindow(CorrelationKey key) {
    return sameWindow(key.source(), key.range(), key.method(), key.weekends());
  }

  /** Returns whether a source, window, method and flag are this block's. */
  public boolean sameWindow(
      SourceId source, DateRange range, EstimationMethod method, boolean weekends) {
    return this.weekends == weekends
        && this.method == method
        && this.range.equals(range)
        && this.source.equals(source);
  }

  /** Returns the position of an asset among the rows, empty when it is not one of them. */
  public OptionalInt position(Asset asset) {
    Integer p = positions().get(asset);
    return p == null ? OptionalInt.empty() : OptionalInt.of(p);
  }

  /** Returns the value stored for a key, empty when the key is not a pair of this block. */
  public Optional<Double> find(CorrelationKey key) {
    if (!sameWindow(key)) {
      return Optional.empty();
    }
    Integer i = positions().get(key.first());
    Integer j = positions().get(key.second());
    if (i == null || j == null) {
      return Optional.empty();
    }
    double v = get(i, j);
    return Double.isNaN(v) ? Optional.empty() : Optional.of(v);
  }

  /** Returns the keys of every pair (i, j), i &lt; j, in row order. */
  public List<CorrelationKey> toKeys() {
    int n = size();
    List<CorrelationKey> keys = new ArrayList<>(upper.length);
    for (int i = 0; i < n; i++) {
      for (int j = i + 1; j < n; j++) {
        keys.add(key(i, j));
      }
    }
    return keys;
  }

  /** Returns the pairs with a value as a map from their keys, in row order. */
  public Map<CorrelationKey, Double> toMap() {
    Map<CorrelationKey, Double> out = new LinkedHashMap<>();
    int n = size();
    for (int i = 0; i < n; i++) {
      for (int j = i + 1; j < n; j++) {
        double v = get(i, j);
        if (!Double.isNaN(v)) {
          out.put(key(i, j), v);
        }
      }
    }
    return out;
  }

  private Map<Asset, Integer> positions() {
    Map<Asset, Integer> p = positions;
    if (p == null) {
      Map<Asset, Integer> m = new HashMap<>();
      for (int i = 0; i < assets.size(); i++) {
        m.putIfAbsent(assets.get(i), i);
      }
      p = Collections.unmodifiableMap(m);
      positions = p;
    }
    return p;
  }

  @Override
  public String toString() {
    return "CorrelationBlock["
        + source.value()
        + ", "
        + size()
        + " assets, "
        + range
        + ", "
        + method
        + (weekends ? ", weekends" : "")
        + ", "
        + count()
        + " values]";
  }
}
