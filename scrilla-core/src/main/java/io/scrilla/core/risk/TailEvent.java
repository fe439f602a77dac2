package io.scrilla.core.risk;

import io.scrilla.api.error.InvalidInputException;

/**
 * The tail event that value at risk and conditional value at risk describe: the worst {@code
 * probability} of outcomes at {@code horizon} years from now (for example the worst 5% of prices in
 * half a year: {@code TailEvent.of(0.05, 0.5)}). Immutable and thread-safe.
 *
 * <p>Every probability strictly between 0 and 1 is accepted, down to {@link Double#MIN_VALUE} (the
 * risk measures stay accurate there). The horizon is positive and at most {@link
 * #MAX_HORIZON_YEARS}: a geometric Brownian motion estimated from a few years of prices says
 * nothing about millennia, and beyond that bound the price levels of ordinary assets leave the
 * range of double precision numbers.
 *
 * @param probability the tail probability p in (0, 1), e.g. 0.05 for the worst 5% of outcomes
 * @param horizon the horizon T in years, in (0, {@link #MAX_HORIZON_YEARS}]
 */
public record TailEvent(double probability, double horizon) {

  /** The longest horizon accepted, in years. */
  public static final double MAX_HORIZON_YEARS = 1000;

  /** Checks the probability and the horizon. */
  public TailEvent {
    if (!(probability > 0 && probability < 1)) {
      throw new InvalidInputException(
          "the tail probability "
              + probability
              + " must lie strictly between 0 and 1, e.g. 0.05 for the worst 5% of outcomes");
    }
    if (!(horizon > 0 && horizon <= MAX_HORIZON_YEARS)) {
      throw new InvalidInputException(
          "the horizon "
              + horizon
              + " must be a positive number of"
              + " years, at most "
              + (int) MAX_HORIZON_YEARS
              + ", e.g. 0.5 for half a year");
    }
  }

  /**
   * Returns the event of the worst {@code probability} of outcomes at {@code horizon} years.
   *
   * @param probability p in (0, 1)
   * @param horizon T in years, in (0, {@link #MAX_HORIZON_YEARS}]
   * @return the event
   * @throws InvalidInputException for a probability or horizon out of range
   */
  public static TailEvent of(double probability, double horizon) {
    return new TailEvent(probability, horizon);
  }
}
