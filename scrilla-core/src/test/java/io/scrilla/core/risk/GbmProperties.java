package io.scrilla.core.risk;

import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.doubles;

import io.scrilla.api.model.RiskProfile;
import org.junit.jupiter.api.Test;
import org.quicktheories.core.Gen;

/** Invariants of value at risk and conditional value at risk under GBM. */
class GbmProperties {

  /** A GBM model, a horizon in years, a tail probability and a price now. */
  private record Case(double mu, double sigma, double horizon, double probability, double s0) {}

  private static Gen<Case> cases() {
    Gen<Double> mu = doubles().between(-0.5, 0.5);
    Gen<Double> sigma = doubles().between(0.01, 1.5);
    Gen<Double> horizon = doubles().between(0.01, 5);
    Gen<Double> probability = doubles().between(0.001, 0.499);
    Gen<Double> s0 = doubles().between(1, 1e5);
    return mu.zip(sigma, horizon, probability, s0, Case::new);
  }

  @Test
  void valueAtRisk_positiveVolatility_isAboveConditionalValueAtRisk() {
    qt().withExamples(1000)
        .forAll(cases())
        .checkAssert(
            c -> {
              RiskProfile profile = new RiskProfile(c.mu(), c.sigma());
              TailEvent event = TailEvent.of(c.probability(), c.horizon());
              double var = TailRisk.valueAtRiskPrice(c.s0(), profile, event);
              double cvar = TailRisk.conditionalValueAtRiskPrice(c.s0(), profile, event);
              assertTrue(var > cvar, () -> "VaR " + var + " <= CVaR " + cvar);
            });
  }
}
