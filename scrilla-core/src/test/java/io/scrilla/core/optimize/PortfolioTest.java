package io.scrilla.core.optimize;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.scrilla.api.error.InvalidInputException;
import io.scrilla.api.model.RiskProfile;
import java.util.List;
import org.hipparchus.linear.Array2DRowRealMatrix;
import org.hipparchus.linear.EigenDecompositionSymmetric;
import org.junit.jupiter.api.Test;

class PortfolioTest {
  private static final List<String> AB = List.of("A", "B");
  private static final double[][] NOT_PSD = {{1, 0.9, -0.9}, {0.9, 1, 0.9}, {-0.9, 0.9, 1}};

  @Test
  void functions_twoAssets_matchHandComputation() {
    Portfolio p =
        Portfolio.of(
            AB,
            new double[] {0.1, 0.2},
            new double[] {0.2, 0.3},
            new double[][] {{1, 0.5}, {0.5, 1}},
            0.05);
    double[] w = {0.4, 0.6};
    assertEquals(0.04 + 0.12, p.expectedReturn(w), 1e-15);
    double var = 0.16 * 0.04 + 0.36 * 0.09 + 2 * 0.4 * 0.6 * 0.5 * 0.2 * 0.3;
    assertEquals(Math.sqrt(var), p.volatility(w), 1e-15);
    assertEquals((0.16 - 0.05) / Math.sqrt(var), p.sharpeRatio(w), 1e-14);
    assertEquals(0.5 * 0.2 * 0.3, p.covariance()[0][1], 1e-17);
  }

  @Test
  void of_badInputs_failWithClearMessages() {
    double[] two = {0.1, 0.2};
    double[][] id = {{1, 0}, {0, 1}};
    assertThrows(
        InvalidInputException.class, () -> Portfolio.of(AB, new double[] {0.1}, two, id, 0));
    assertThrows(
        InvalidInputException.class,
        () -> Portfolio.of(AB, new double[] {0.1, Double.NaN}, two, id, 0));
    assertThrows(
        InvalidInputException.class, () -> Portfolio.of(AB, two, new double[] {0.1, -0.2}, id, 0));
    InvalidInputException asym =
        assertThrows(
            InvalidInputException.class,
            () -> Portfolio.of(AB, two, two, new double[][] {{1, 0.2}, {0.3, 1}}, 0));
    assertTrue(asym.getMessage().contains("not symmetric"), asym.getMessage());
    assertThrows(
        InvalidInputException.class,
        () -> Portfolio.of(AB, two, two, new double[][] {{0.9, 0}, {0, 1}}, 0));
    assertThrows(
        InvalidInputException.class,
        () -> Portfolio.of(AB, two, two, new double[][] {{1, 1.2}, {1.2, 1}}, 0));
    assertThrows(
        InvalidInputException.class, () -> Portfolio.of(List.of("A", "A"), two, two, id, 0));
    assertThrows(
        InvalidInputException.class,
        () -> Portfolio.of(List.of(), new double[0], new double[0], new double[0][0], 0));
  }

  @Test
  void of_notPositiveSemiDefinite_failsWithSmallestEigenvalue() {
    double expected = smallest(NOT_PSD);
    assertTrue(expected < -0.5);
    InvalidInputException e =
        assertThrows(
            InvalidInputException.class,
            () ->
                Portfolio.of(
                    List.of("A", "B", "C"),
                    new double[3],
                    new double[] {0.1, 0.1, 0.1},
                    NOT_PSD,
                    0));
    assertTrue(e.getMessage().contains(Double.toString(expected)), e.getMessage());
    assertTrue(e.getMessage().contains("repairCorrelation"), e.getMessage());
  }

  @Test
  void repairCorrelation_optedIn_givesPsdUnitDiagonal() {
    Portfolio p =
        Portfolio.builder()
            .tickers(List.of("A", "B", "C"))
            .returns(0.1, 0.1, 0.1)
            .volatilities(0.1, 0.2, 0.3)
            .correlation(NOT_PSD)
            .repairCorrelation(true)
            .build();
    assertTrue(p.repaired());
    double[][] c = p.correlation();
    for (int i = 0; i < 3; i++) {
      assertEquals(1, c[i][i], 0);
      for (int j = 0; j < 3; j++) {
        assertEquals(c[i][j], c[j][i], 0);
        assertTrue(Math.abs(c[i][j]) <= 1);
      }
    }
    assertTrue(smallest(c) >= -Portfolio.PSD_TOLERANCE);
    // the repair keeps the sign pattern of the input
    assertTrue(c[0][1] > 0 && c[1][2] > 0 && c[0][2] < 0);
  }

  @Test
  void repairCorrelation_psdInput_isUnchanged() {
    double[][] c = {{1, 0.3}, {0.3, 1}};
    Portfolio p =
        Portfolio.builder()
            .tickers(AB)
            .returns(0.1, 0.2)
            .volatilities(0.1, 0.2)
            .correlation(c)
            .repairCorrelation(true)
            .build();
    assertFalse(p.repaired());
    assertEquals(0.3, p.correlation()[0][1], 0);
  }

  @Test
  void builder_covariance_recoversVolatilitiesAndCorrelation() {
    Portfolio p =
        Portfolio.builder()
            .tickers(AB)
            .returns(0.1, 0.2)
            .covariance(new double[][] {{0.04, 0.012}, {0.012, 0.09}})
            .riskFreeRate(0.01)
            .build();
    assertEquals(0.2, p.volatilities()[0], 1e-16);
    assertEquals(0.3, p.volatilities()[1], 1e-16);
    assertEquals(0.2, p.correlation()[0][1], 1e-15);
    Portfolio q =
        Portfolio.of(
            AB,
            List.of(new RiskProfile(0.1, 0.2), new RiskProfile(0.2, 0.3)),
            new double[][] {{1, 0.2}, {0.2, 1}},
            0.01);
    assertEquals(
        q.volatility(new double[] {0.5, 0.5}), p.volatility(new double[] {0.5, 0.5}), 1e-16);
  }

  @Test
  void singularCorrelation_isAcceptedWithZeroEigenvalue() {
    Portfolio p =
        Portfolio.of(
            AB,
            new double[] {0.1, 0.1},
            new double[] {0.2, 0.2},
            new double[][] {{1, 1}, {1, 1}},
            0);
    assertEquals(0, p.smallestEigenvalue(), 1e-15);
    assertEquals(0, p.volatility(new double[] {1, -1}), 1e-9);
  }

  private static double smallest(double[][] c) {
    double min = Double.POSITIVE_INFINITY;
    for (double e : new EigenDecompositionSymmetric(new Array2DRowRealMatrix(c)).getEigenvalues()) {
      min = Math.min(min, e);
    }
    return min;
  }
}
