package io.scrilla.core.estimate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.doubles;
import static org.quicktheories.generators.SourceDSL.lists;

import io.scrilla.api.model.EstimationMethod;
import io.scrilla.api.model.RiskProfile;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.quicktheories.core.Gen;
import org.quicktheories.generators.Generate;

/** Scaling every price by a constant leaves every risk profile unchanged. */
class ProfileScalingProperties {

  private static Gen<List<Double>> prices() {
    return lists().of(doubles().between(1, 1000)).ofSizeBetween(4, 120);
  }

  @Test
  void profile_pricesScaled_isUnchanged() {
    qt().withExamples(300)
        .forAll(
            prices(), doubles().between(0.01, 1000), Generate.enumValues(EstimationMethod.class))
        .checkAssert(
            (prices, factor, method) -> {
              double[] closes = prices.stream().mapToDouble(Double::doubleValue).toArray();
              double[] scaled = new double[closes.length];
              for (int i = 0; i < closes.length; i++) {
                scaled[i] = closes[i] * factor;
              }
              RiskProfile a =
                  ProfileEstimators.estimate(ReturnSample.ofCloses(closes, 1.0 / 252), method);
              RiskProfile b =
                  ProfileEstimators.estimate(ReturnSample.ofCloses(scaled, 1.0 / 252), method);
              double tol = 1e-9 * (1 + Math.abs(a.annualReturn()) + a.annualVolatility());
              assertEquals(a.annualReturn(), b.annualReturn(), tol);
              assertEquals(a.annualVolatility(), b.annualVolatility(), tol);
            });
  }
}
