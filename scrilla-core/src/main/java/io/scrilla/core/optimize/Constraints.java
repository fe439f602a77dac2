package io.scrilla.core.optimize;

import io.scrilla.api.error.InvalidInputException;
import java.util.Objects;
import java.util.OptionalDouble;

/**
 * The constraints of an optimization: the budget {@code sum w = 1} (always), per-asset {@link
 * Bounds}, and an optional target return {@code R(w) = R*}; immutable and thread-safe.
 *
 * <pre>{@code
 * Constraints c = Constraints.longOnly().withTargetReturn(0.08);
 * Constraints shorting = Constraints.of(Bounds.uniform(-1, 2));
 * }</pre>
 *
 * @param bounds the per-asset bounds
 * @param targetReturn the target annual return (decimal fraction), if any
 */
public record Constraints(Bounds bounds, OptionalDouble targetReturn) {

  /** Validates: no nulls, a finite target. */
  public Constraints {
    Objects.requireNonNull(bounds, "bounds");
    Objects.requireNonNull(targetReturn, "targetReturn");
    if (targetReturn.isPresent() && !Double.isFinite(targetReturn.getAsDouble())) {
      throw new InvalidInputException(
          "target return must be finite, got " + targetReturn.getAsDouble());
    }
  }

  /** Returns the default: long-only {@code [0, 1]} bounds, no target (scrilla's constraints). */
  public static Constraints longOnly() {
    return new Constraints(Bounds.longOnly(), OptionalDouble.empty());
  }

  /** Returns constraints with the given bounds and no target. */
  public static Constraints of(Bounds bounds) {
    return new Constraints(bounds, OptionalDouble.empty());
  }

  /**
   * Returns a copy with a target annual return.
   *
   * @param target the target return R*, annualized decimal fraction
   * @return the new constraints
   */
  public Constraints withTargetReturn(double target) {
    return new Constraints(bounds, OptionalDouble.of(target));
  }
}
