package io.scrilla.core.optimize.internal;

/** Where an asset of the active-set solver stands relative to its bounds. */
public enum BoundStatus {
  /** Strictly between its bounds (or not yet fixed): its weight is a variable of the subproblem. */
  FREE,
  /** At its lower bound, {@code y_i = lo_i kappa}. */
  LOWER,
  /** At its upper bound, {@code y_i = hi_i kappa}. */
  UPPER
}
