package io.scrilla.core.optimize;

/** How an optimisation ended. */
public enum SolutionStatus {
  /**
   * The solver stopped at a point that satisfies the optimality conditions (KKT conditions of the
   * quadratic programme, or the termination test of the 1-D search) within its tolerances.
   */
  OPTIMAL,
  /** The feasible set is a single portfolio (one asset, or every bound pinned); it is returned. */
  UNIQUE_FEASIBLE,
  /**
   * The iteration limit was reached first; the portfolio is feasible but may not be optimal (see
   * the KKT residual). Never seen in tests; reported rather than hidden.
   */
  ITERATION_LIMIT
}
