package io.scrilla.core.cache;

import java.util.Objects;
import java.util.Optional;
import java.util.function.BiConsumer;
import java.util.function.Function;

/**
 * The read-through rule of every cached statistic: look the key up; on a miss, load the value,
 * store it under the key and return it. Used by the statistics service (cache, else compute) and
 * by {@link LayeredCache} (memory, else backend).
 */
public final class ReadThrough {
  private ReadThrough() {}

  /**
   * Returns the value of {@code key}: {@code lookup}'s when present, else {@code load}'s after
   * {@code store} has accepted it (a failing store fails the call, so nothing is returned that
   * was not stored).
   *
   * @param key the full identity of the value
   * @param lookup reads a stored value
   * @param load computes or reads the value on a miss
   * @param store stores a loaded value
   * @param <K> the key type
   * @param <V> the value type
   * @return the value
   */
  public static <K, V> V get(K key, Function<? super K, Optional<V>> lookup,
      Function<? super K, ? extends V> load, BiConsumer<? super K, ? super V> store) {
    Objects.requireNonNull(key, "key");
    Optional<V> hit = lookup.apply(key);
    if (hit.isPresent()) {
      return hit.get();
    }
    V value = load.apply(key);
    store.accept(key, value);
    return value;
  }
}
