package io.scrilla.commands;

import io.scrilla.api.model.DateRange;
import io.scrilla.api.model.EstimationMethod;
import java.util.Objects;

/**
 * What a command computed, with the sample window and estimation method it used: the typed result a
 * front end draws or prints in its own way (the CLI's plot commands); immutable.
 *
 * @param value the result, e.g. the portfolios of an efficient frontier
 * @param window the sample window the statistics were estimated on
 * @param method the estimation method
 * @param <T> the type of the result
 */
public record Computed<T>(T value, DateRange window, EstimationMethod method) {
  /** Checks for nulls. */
  public Computed {
    Objects.requireNonNull(value, "value");
    Objects.requireNonNull(window, "window");
    Objects.requireNonNull(method, "method");
  }
}
