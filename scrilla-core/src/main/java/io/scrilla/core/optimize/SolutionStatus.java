package io.scrilla.core.optimize;

/**
 * How an optimization ended. Only {@link #OPTIMAL} and {@link #UNIQUE_FEASIBLE} solutions are
 * certified ({@link #isCertified()}); the others are returned so that the caller can see what
 * happened, but their weights must not be used as an optimum.
 */
public enum SolutionStatus {
  /**
   * The solver stopped at a point that satisfies the optimality conditions (KKT conditions of the
   * quadratic program, or the termination test of the 1-D search) within its tolerances, and the
   * returned weights pass the certificate check (budget, bounds, KKT residual).
   */
  OPTIMAL,
  /** The feasible set is a single portfolio (one asset, or every bound pinned); it is returned. */
  UNIQUE_FEASIBLE,
  /**
   * The iteration limit was reached first; the portfolio may be neither optimal nor feasible (see
   * the KKT residual). Never seen in tests; reported rather than hidden.
   */
  ITERATION_LIMIT,
  /**
   * The active-set solver stopped at a degenerate vertex where only bounds that its anti-cycling
   * rule forbids releasing have wrong-signed multipliers; the portfolio is feasible but may not be
   * optimal. Never seen in tests; reported rather than hidden.
   */
  STALLED,
  /**
   * The solver ended, but the result fails the certificate check: its KKT residual is above the
   * tolerance, or its weights do not sum to 1 or leave their bounds (numerical trouble, for example
   * a problem so badly scaled that rounding dominates). The weights are returned for inspection
   * only.
   */
  CHECK_FAILED;

  /** Returns whether the solution is certified: {@link #OPTIMAL} or {@link #UNIQUE_FEASIBLE}. */
  public boolean isCertified() {
    return this == OPTIMAL || this == UNIQUE_FEASIBLE;
  }
}
