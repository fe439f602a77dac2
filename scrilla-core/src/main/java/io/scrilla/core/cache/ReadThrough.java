package io.scrilla.core.cache;

import io.scrilla.api.model.CorrelationBlock;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.function.BiConsumer;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.function.IntPredicate;
import java.util.function.Predicate;

/**
 * The read-through rule of every cached statistic: look the key up; on a miss, load the value,
 * store it under the key when it is final, and return it. Used by the statistics service (cache,
 * else compute) and by {@link LayeredCache} (memory, else backend).
 *
 * <p>This is the one place that decides what is stored: a value computed from incomplete data (a
 * window with missing prices, see {@link io.scrilla.core.market.Coverage}) is returned but never
 * stored, so a cache may forget but never serve a number that later data would change.
 */
public final class ReadThrough {
  private ReadThrough() {}

  /**
   * A loaded value and whether it is final, that is computed from complete data.
   *
   * @param value the value
   * @param complete whether the value may be stored
   * @param <V> the value type
   */
  public record Loaded<V>(V value, boolean complete) {
    /** Checks for null. */
    public Loaded {
      Objects.requireNonNull(value, "value");
    }

    /** Returns a final value, to be stored. */
    public static <V> Loaded<V> complete(V value) {
      return new Loaded<>(value, true);
    }
  }

  /**
   * Returns the value of {@code key}: {@code lookup}'s when present, else {@code load}'s, stored
   * first when it is {@link Loaded#complete() complete} (a failing store fails the call, so no
   * complete value is returned that was not stored).
   *
   * @param key the full identity of the value
   * @param lookup reads a stored value
   * @param load computes or reads the value on a miss, saying whether it is final
   * @param store stores a loaded value
   * @param <K> the key type
   * @param <V> the value type
   * @return the value
   */
  public static <K, V> V get(
      K key,
      Function<? super K, Optional<V>> lookup,
      Function<? super K, Loaded<V>> load,
      BiConsumer<? super K, ? super V> store) {
    Objects.requireNonNull(key, "key");
    Optional<V> hit = lookup.apply(key);
    if (hit.isPresent()) {
      return hit.get();
    }
    Loaded<V> loaded = load.apply(key);
    if (loaded.complete()) {
      store.accept(key, loaded.value());
    }
    return loaded.value();
  }

  /**
   * Stores, with one call of {@code storeAll}, the loaded values whose key is {@code complete}; the
   * batch form of {@link #get}'s rule. Nothing is stored when no value is complete.
   *
   * @param loaded the values computed on a miss
   * @param complete whether the value of a key was computed from complete data
   * @param storeAll stores a batch
   * @param <K> the key type
   * @param <V> the value type
   */
  public static <K, V> void storeAll(
      Map<K, V> loaded, Predicate<? super K> complete, Consumer<? super Map<K, V>> storeAll) {
    Map<K, V> keep = new LinkedHashMap<>();
    loaded.forEach(
        (k, v) -> {
          if (complete.test(k)) {
            keep.put(k, v);
          }
        });
    if (!keep.isEmpty()) {
      storeAll.accept(keep);
    }
  }

  /**
   * Stores, with one call of {@code store}, the values of a block whose two assets are both {@code
   * complete} (by position); the block form of {@link #storeAll}. Nothing is stored when no such
   * value is present.
   *
   * @param loaded the values computed on a miss, NaN where none was
   * @param complete whether the asset at a position had complete data
   * @param store stores a block
   */
  public static void storeBlock(
      CorrelationBlock loaded, IntPredicate complete, Consumer<? super CorrelationBlock> store) {
    int n = loaded.size();
    boolean allComplete = true;
    for (int i = 0; i < n && allComplete; i++) {
      allComplete = complete.test(i);
    }
    if (allComplete) {
      // the usual case: the block as it is, without a copy
      if (loaded.count() > 0) {
        store.accept(loaded);
      }
      return;
    }
    double[] keep = loaded.values();
    boolean any = false;
    for (int i = 0; i < n; i++) {
      for (int j = i + 1; j < n; j++) {
        int at = CorrelationBlock.index(n, i, j);
        if (!complete.test(i) || !complete.test(j)) {
          keep[at] = Double.NaN;
        }
        any |= !Double.isNaN(keep[at]);
      }
    }
    if (any) {
      store.accept(
          CorrelationBlock.of(
              loaded.source(),
              loaded.assets(),
              loaded.range(),
              loaded.method(),
              loaded.weekends(),
              keep));
    }
  }
}
