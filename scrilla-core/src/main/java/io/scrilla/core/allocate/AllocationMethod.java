package io.scrilla.core.allocate;

/** How whole units are chosen from the target amounts {@code w_j * amount}. */
public enum AllocationMethod {
  /**
   * scrilla's rule (docs/optimization.md, "Whole-share allocation"): {@code trunc(w_j * amount /
   * p_j)} with Python's default decimal context (28 significant digits, half-even) for the product
   * and the quotient.
   */
  TRUNCATE,
  /**
   * {@link #TRUNCATE}, then spend the cash left: repeatedly buy one unit of the affordable asset
   * whose purchase most reduces the total absolute deviation {@code sum_j |w_j A - units_j p_j|}
   * from the target amounts, while some purchase reduces it. The default.
   */
  IMPROVE
}
