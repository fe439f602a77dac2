package io.scrilla.core.optimize.internal;

import java.util.Arrays;

/**
 * The anti-cycling rule of {@link ActiveSetQp} at degenerate vertices.
 *
 * <p>When an asset that was just released is blocked again by its own bound with a zero step (the
 * iterate did not move), releasing it again would repeat the same two working sets forever. Such an
 * asset becomes tabu: it is not released again until the iterate moves (a positive step, or a
 * subproblem solution different from the current point), which clears every tabu mark. When only
 * tabu assets have wrong-signed multipliers, the solver stops and reports that it stalled.
 */
final class AntiCycling {
  private final boolean[] tabu;
  private int lastReleased = -1;

  /**
   * Creates the rule for {@code n} assets, none tabu.
   *
   * @param n number of assets
   */
  AntiCycling(int n) {
    tabu = new boolean[n];
  }

  /** Records that asset {@code i} was released from its bound. */
  void released(int i) {
    lastReleased = i;
  }

  /**
   * Records that asset {@code i} blocked a step of length {@code alpha}: a positive step clears
   * every mark; a zero step blocked by the asset released just before marks it tabu.
   */
  void blocked(int i, double alpha) {
    if (alpha > 0) {
      Arrays.fill(tabu, false);
    } else if (i == lastReleased) {
      tabu[i] = true;
    }
    lastReleased = -1;
  }

  /** Records that the iterate reached the subproblem's solution; {@code moved}: it changed. */
  void reachedSolution(boolean moved) {
    if (moved) {
      Arrays.fill(tabu, false);
    }
  }

  /** Returns whether asset {@code i} may not be released now. */
  boolean isTabu(int i) {
    return tabu[i];
  }
}
