package io.scrilla.core.risk;

import io.scrilla.api.model.RiskProfile;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.DoubleRange;
import net.jqwik.api.constraints.Scale;

/** Invariants of value at risk and conditional value at risk under GBM. */
class GbmProperties {
  @Property
  boolean valueAtRisk_isAboveConditionalValueAtRisk(
      @ForAll @DoubleRange(min = -0.5, max = 0.5) @Scale(6) double mu,
      @ForAll @DoubleRange(min = 0.01, max = 1.5) @Scale(6) double sigma,
      @ForAll @DoubleRange(min = 0.01, max = 5) @Scale(6) double horizon,
      @ForAll @DoubleRange(min = 0.001, max = 0.499) @Scale(6) double p,
      @ForAll @DoubleRange(min = 1, max = 1e5) @Scale(6) double s0) {
    RiskProfile profile = new RiskProfile(mu, sigma);
    TailEvent event = TailEvent.of(p, horizon);
    return TailRisk.valueAtRiskPrice(s0, profile, event)
        > TailRisk.conditionalValueAtRiskPrice(s0, profile, event);
  }
}
