package io.scrilla.commands.functions;

import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.scrilla.api.error.InvalidInputException;
import io.scrilla.api.model.Asset;
import io.scrilla.core.optimize.Solution;
import io.scrilla.core.optimize.SolutionStatus;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** The one check every portfolio command applies: only certified solutions are printed. */
class PortfolioCommandTest {
  private static Solution solution(SolutionStatus status) {
    return new Solution(
        List.of(Asset.equity("SPY"), Asset.equity("GLD")),
        new double[] {0.6, 0.4},
        0.08,
        0.12,
        0.5,
        status,
        7,
        status.isCertified() ? 1e-12 : 0.9,
        0);
  }

  @ParameterizedTest
  @EnumSource(
      value = SolutionStatus.class,
      names = {"OPTIMAL", "UNIQUE_FEASIBLE"})
  void certified_certifiedStatus_returnsTheSolution(SolutionStatus status) {
    Solution s = solution(status);
    assertSame(s, PortfolioCommand.certified(s, "the portfolio"));
  }

  @ParameterizedTest
  @EnumSource(
      value = SolutionStatus.class,
      names = {"ITERATION_LIMIT", "STALLED", "CHECK_FAILED"})
  void certified_uncertifiedStatus_failsInTheUsersTermsWithAdvice(SolutionStatus status) {
    InvalidInputException e =
        assertThrows(
            InvalidInputException.class,
            () -> PortfolioCommand.certified(solution(status), "portfolio 3 of 5 on the frontier"));
    String m = e.getMessage();
    assertTrue(m.startsWith("the optimizer "), m);
    assertTrue(m.contains("portfolio 3 of 5 on the frontier"), m);
    assertTrue(m.contains("try narrower bounds"), m);
    assertTrue(!m.contains(status.name()) && !m.contains("\n"), m);
  }

  @Test
  void certified_iterationLimit_saysTheOptimizerStoppedAtItsLimit() {
    InvalidInputException e =
        assertThrows(
            InvalidInputException.class,
            () ->
                PortfolioCommand.certified(
                    solution(SolutionStatus.ITERATION_LIMIT), "the portfolio"));
    assertTrue(
        e.getMessage()
            .startsWith(
                "the optimizer stopped at its iteration limit before"
                    + " proving the portfolio optimal"),
        e.getMessage());
  }
}
