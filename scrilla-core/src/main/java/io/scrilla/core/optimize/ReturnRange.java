package io.scrilla.core.optimize;

/**
 * The range of annual returns attainable by portfolios with {@code sum w = 1} within the bounds;
 * immutable.
 *
 * @param minimum lowest attainable return, annualized decimal fraction
 * @param maximum highest attainable return, annualized decimal fraction
 */
public record ReturnRange(double minimum, double maximum) {

  /** Returns whether {@code r} lies in the range, allowing {@code tolerance} either side. */
  public boolean contains(double r, double tolerance) {
    return r >= minimum - tolerance && r <= maximum + tolerance;
  }
}
