package io.scrilla.core;

import io.scrilla.api.error.ScrillaException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * The outcome of one item of a batch (one ticker of a multi-ticker call): a value or the failure
 * that prevented it, so that one bad ticker does not hide the others' results. Immutable.
 *
 * @param <T> the value type
 */
public sealed interface Result<T> permits Result.Success, Result.Failure {

  /** Returns a success. */
  static <T> Result<T> success(T value) {
    return new Success<>(value);
  }

  /** Runs a computation, turning a {@link ScrillaException} into a failure. */
  static <T> Result<T> of(Supplier<T> computation) {
    try {
      return success(computation.get());
    } catch (ScrillaException e) {
      return failure(e);
    }
  }

  /**
   * Runs a computation for each item, in order, so that one item's failure does not stop the
   * others; the map follows the order of {@code items}.
   */
  static <K, T> Map<K, Result<T>> each(List<K> items, Function<? super K, ? extends T> f) {
    Map<K, Result<T>> out = new LinkedHashMap<>();
    for (K item : items) {
      out.put(item, of(() -> f.apply(item)));
    }
    return out;
  }

  /** Returns a failure. */
  static <T> Result<T> failure(ScrillaException error) {
    return new Failure<>(error);
  }

  /** Returns whether this is a success. */
  boolean isSuccess();

  /**
   * Returns the value, or throws the failure.
   *
   * @throws ScrillaException the failure of this item
   */
  T orElseThrow();

  /** Returns the value mapped, or the same failure. */
  <U> Result<U> map(Function<? super T, ? extends U> f);

  /**
   * A value.
   *
   * @param value the value
   * @param <T> its type
   */
  record Success<T>(T value) implements Result<T> {
    /** Checks for null. */
    public Success {
      Objects.requireNonNull(value, "value");
    }

    @Override
    public boolean isSuccess() {
      return true;
    }

    @Override
    public T orElseThrow() {
      return value;
    }

    @Override
    public <U> Result<U> map(Function<? super T, ? extends U> f) {
      return new Success<>(f.apply(value));
    }
  }

  /**
   * A failure.
   *
   * @param error what went wrong for this item
   * @param <T> the value type that could not be computed
   */
  record Failure<T>(ScrillaException error) implements Result<T> {
    /** Checks for null. */
    public Failure {
      Objects.requireNonNull(error, "error");
    }

    @Override
    public boolean isSuccess() {
      return false;
    }

    @Override
    public T orElseThrow() {
      throw error;
    }

    @Override
    public <U> Result<U> map(Function<? super T, ? extends U> f) {
      return new Failure<>(error);
    }
  }
}
