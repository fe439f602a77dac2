package io.scrilla.core.optimize;

/**
 * Where the target returns of an efficient frontier lie, between {@code R0}, the return of the
 * minimum-variance portfolio, and {@code R1}, the highest attainable return.
 */
public enum FrontierSpacing {
  /**
   * scrilla's spacing: {@code R0 + i (R1 - R0) / steps} for {@code i = 0 .. steps-1}; the last
   * point stops one step short of the maximum-return portfolio (bug B16).
   */
  SCRILLA,
  /**
   * Inclusive spacing: {@code R0 + i (R1 - R0) / (steps - 1)} for {@code i = 0 .. steps-1}; the
   * last point is the maximum-return portfolio. Needs {@code steps >= 2}.
   */
  INCLUSIVE
}
