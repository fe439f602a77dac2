package io.scrilla.core.estimate;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.scrilla.api.model.EstimationMethod;
import io.scrilla.api.model.RiskProfile;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.DoubleRange;

/** Scaling every price by a constant leaves every risk profile unchanged. */
class ProfileScalingProperties {

  @Provide
  Arbitrary<double[]> prices() {
    return Arbitraries.doubles().between(1, 1000).array(double[].class).ofMinSize(4).ofMaxSize(120);
  }

  @Property(tries = 300)
  void profile_pricesScaled_isUnchanged(
      @ForAll("prices") double[] prices,
      @ForAll @DoubleRange(min = 0.01, max = 1000) double factor,
      @ForAll EstimationMethod method) {
    double[] scaled = new double[prices.length];
    for (int i = 0; i < prices.length; i++) {
      scaled[i] = prices[i] * factor;
    }
    RiskProfile a = ProfileEstimators.estimate(ReturnSample.ofCloses(prices, 1.0 / 252), method);
    RiskProfile b = ProfileEstimators.estimate(ReturnSample.ofCloses(scaled, 1.0 / 252), method);
    double tol = 1e-9 * (1 + Math.abs(a.annualReturn()) + a.annualVolatility());
    assertEquals(a.annualReturn(), b.annualReturn(), tol);
    assertEquals(a.annualVolatility(), b.annualVolatility(), tol);
  }
}
