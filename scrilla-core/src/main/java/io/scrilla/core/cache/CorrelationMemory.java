package io.scrilla.core.cache;

import io.scrilla.api.model.Asset;
import io.scrilla.api.model.CorrelationBlock;
import io.scrilla.api.model.CorrelationKey;
import io.scrilla.api.model.DateRange;
import io.scrilla.api.model.EstimationMethod;
import io.scrilla.api.model.SourceId;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.OptionalInt;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Correlations held in memory under their full identity: single values by key, and whole blocks (a
 * matrix's pairs in one flat array, {@link CorrelationBlock}) as they were written, so a 500-asset
 * matrix is one object rather than 124,750 map entries. The latest write of a key wins: single
 * values are newer than any block holding the same key (writing a block drops the single values it
 * holds), and later blocks are searched first. Thread-safe.
 */
final class CorrelationMemory {
  private final Map<CorrelationKey, Double> singles = new ConcurrentHashMap<>();

  /** Oldest first; guarded by {@code this}. */
  private final List<CorrelationBlock> blocks = new ArrayList<>();

  /** Returns the value of a key, empty when none is held. */
  OptionalDouble get(CorrelationKey key) {
    Double d = singles.get(key);
    if (d != null) {
      return OptionalDouble.of(d);
    }
    synchronized (this) {
      for (int b = blocks.size() - 1; b >= 0; b--) {
        Optional<Double> v = blocks.get(b).find(key);
        if (v.isPresent()) {
          return OptionalDouble.of(v.get());
        }
      }
    }
    return OptionalDouble.empty();
  }

  /** Holds a value, replacing any under the same key. */
  void put(CorrelationKey key, double value) {
    singles.put(key, value);
  }

  /** Holds many values, replacing any under the same keys. */
  void putAll(Map<CorrelationKey, Double> values) {
    singles.putAll(values);
  }

  /** Holds a block written by the caller: its values replace any under the same keys. */
  synchronized void putBlock(CorrelationBlock block) {
    if (!singles.isEmpty()) {
      singles.keySet().removeIf(k -> block.find(k).isPresent());
    }
    blocks.add(block);
  }

  /**
   * Holds a block read from a backend: every value already held for the same key wins over it (it
   * is as old as anything held).
   */
  synchronized void putRead(CorrelationBlock block) {
    blocks.add(0, block);
  }

  /**
   * Returns the flat upper triangle ({@link CorrelationBlock#index}) of the values held for every
   * pair of the assets on one window, NaN for a pair without one; empty, without an array, when
   * nothing at all is held for the window.
   */
  Optional<double[]> lookup(
      SourceId source,
      List<Asset> assets,
      DateRange range,
      EstimationMethod method,
      boolean weekends) {
    if (singles.isEmpty() && !holdsBlock(source, range, method, weekends)) {
      return Optional.empty();
    }
    int n = assets.size();
    double[] out = new double[n * (n - 1) / 2];
    Arrays.fill(out, Double.NaN);
    int missing = out.length;
    synchronized (this) {
      for (int b = blocks.size() - 1; b >= 0 && missing > 0; b--) {
        CorrelationBlock block = blocks.get(b);
        if (!block.sameWindow(source, range, method, weekends)) {
          continue;
        }
        missing -= copy(block, assets, out);
      }
    }
    if (!singles.isEmpty()) {
      Map<Asset, Integer> position = new HashMap<>();
      for (int i = 0; i < n; i++) {
        position.put(assets.get(i), i);
      }
      for (Map.Entry<CorrelationKey, Double> e : singles.entrySet()) {
        CorrelationKey k = e.getKey();
        Integer i = position.get(k.first());
        Integer j = position.get(k.second());
        if (i != null
            && j != null
            && k.weekends() == weekends
            && k.method() == method
            && k.range().equals(range)
            && k.source().equals(source)) {
          out[CorrelationBlock.index(n, Math.min(i, j), Math.max(i, j))] = e.getValue();
        }
      }
    }
    return Optional.of(out);
  }

  private synchronized boolean holdsBlock(
      SourceId source, DateRange range, EstimationMethod method, boolean weekends) {
    for (CorrelationBlock block : blocks) {
      if (block.sameWindow(source, range, method, weekends)) {
        return true;
      }
    }
    return false;
  }

  /** Copies the block's values of pairs still NaN in {@code out}; returns how many. */
  private static int copy(CorrelationBlock block, List<Asset> assets, double[] out) {
    int n = assets.size();
    int[] at = new int[n];
    int present = 0;
    for (int i = 0; i < n; i++) {
      OptionalInt p = block.position(assets.get(i));
      at[i] = p.orElse(-1);
      present += p.isPresent() ? 1 : 0;
    }
    if (present < 2) {
      return 0;
    }
    int copied = 0;
    int idx = 0;
    for (int i = 0; i < n; i++) {
      for (int j = i + 1; j < n; j++, idx++) {
        if (at[i] >= 0 && at[j] >= 0 && Double.isNaN(out[idx])) {
          double v = block.get(at[i], at[j]);
          if (!Double.isNaN(v)) {
            out[idx] = v;
            copied++;
          }
        }
      }
    }
    return copied;
  }

  /** Forgets everything held. */
  synchronized void clear() {
    singles.clear();
    blocks.clear();
  }
}
