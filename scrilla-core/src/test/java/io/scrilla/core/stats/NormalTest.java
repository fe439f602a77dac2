package io.scrilla.core.stats;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.scrilla.api.error.InvalidInputException;
import org.junit.jupiter.api.Test;

/**
 * The tail functions of the standard normal against values from mpmath 1.3.0 at 50-60 significant
 * digits, with the exact double inputs ({@code Phi(x) = erfc(-x/sqrt 2)/2}; the quantile by
 * Newton's method on {@code ln Phi} in high precision).
 */
class NormalTest {

  @Test
  void quantile_tinyProbabilities_matchHighPrecisionValues() {
    double[][] rows = {
      {1e-3, -3.0902323061678135354},
      {1e-10, -6.3613409024040561991},
      {1e-14, -7.6506280929352688166},
      {1e-16, -8.2220822161304356152},
      {1e-17, -8.4937932241095980661},
      {1e-50, -14.933337534788488981},
      {1e-100, -21.273453560965324294},
      {1e-300, -37.047096299361199237},
      {Double.MIN_NORMAL, -37.519379347144499821},
      {Double.MIN_VALUE, -38.467405617144346251},
      {0.999, 3.0902323061678132778},
      {1 - 1e-10, 6.3613408896974218642},
    };
    for (double[] row : rows) {
      assertEquals(row[1], Normal.quantile(row[0]), 4e-16 * Math.abs(row[1]), "p=" + row[0]);
    }
  }

  @Test
  void quantile_everyProbability_isFiniteAndIncreasing() {
    double last = Double.NEGATIVE_INFINITY;
    for (double p = Double.MIN_VALUE; p < 0.5; p *= p < 1e-300 ? 2 : 1.5) {
      double z = Normal.quantile(p);
      assertTrue(Double.isFinite(z) && z > last, "p=" + p + ": " + z + " after " + last);
      double q = 1 - p;
      if (q < 1) {
        // 1 - q is exact for q >= 0.5, and the upper tail mirrors the lower one
        assertEquals(-Normal.quantile(1 - q), Normal.quantile(q), 0, "q=" + q);
      }
      last = z;
    }
  }

  @Test
  void logCdf_lowerTail_matchesHighPrecisionValues() {
    double[][] rows = {
      {-2.9, -6.2840582349474184201},
      {-3.0, -6.6077262215103495433},
      {-5.0, -15.064998393988725736},
      {-40.0, -804.60844201375378817},
      {-1000.0, -500007.82669481218431},
      {1.5, -0.069143455612233982993},
    };
    for (double[] row : rows) {
      assertEquals(row[1], Normal.logCdf(row[0]), 2e-15 * Math.abs(row[1]), "x=" + row[0]);
    }
  }

  @Test
  void millsRatio_everywhere_matchesHighPrecisionValues() {
    double[][] rows = {
      {2.0, 18.100247711126152662},
      {0.0, 1.2533141373155002512},
      {-2.9, 0.31344865828623178174},
      {-3.0, 0.30459029871010329573},
      {-5.0, 0.19280810471531576488},
      {-20.0, 0.049875925981836783658},
      {-38.0, 0.026297602974252964378},
    };
    for (double[] row : rows) {
      assertEquals(row[1], Normal.millsRatio(row[0]), 3e-15 * row[1], "x=" + row[0]);
    }
  }

  @Test
  void tailFunctions_badArguments_fail() {
    assertThrows(InvalidInputException.class, () -> Normal.quantile(0));
    assertThrows(InvalidInputException.class, () -> Normal.quantile(1));
    assertThrows(InvalidInputException.class, () -> Normal.quantile(Double.NaN));
    assertThrows(InvalidInputException.class, () -> Normal.logCdf(Double.NEGATIVE_INFINITY));
    assertThrows(InvalidInputException.class, () -> Normal.millsRatio(Double.NaN));
    assertThrows(InvalidInputException.class, () -> Normal.millsRatio(40));
  }
}
