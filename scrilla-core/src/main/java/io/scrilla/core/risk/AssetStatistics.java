package io.scrilla.core.risk;

import io.scrilla.api.model.RiskProfile;
import java.util.List;
import java.util.Objects;
import java.util.OptionalDouble;

/**
 * An asset's risk profile with the market statistics that could be computed for it; immutable. The
 * last three are absent when no risk-free rate or no market-proxy prices were available, and {@code
 * notes} then says why, one line per cause.
 *
 * @param profile the annual return and volatility
 * @param riskFreeRate the risk-free rate used, annual decimal fraction, if any
 * @param sharpeRatio {@code (mu - r_f) / sigma}, if a risk-free rate was available
 * @param beta the CAPM beta against the market proxy, if its prices were available
 * @param costOfEquity {@code r_f + beta (mu_M - r_f)}, if both were available
 * @param notes why each absent statistic is absent (empty when all are present)
 */
public record AssetStatistics(
    RiskProfile profile,
    OptionalDouble riskFreeRate,
    OptionalDouble sharpeRatio,
    OptionalDouble beta,
    OptionalDouble costOfEquity,
    List<String> notes) {

  /** Checks for nulls. */
  public AssetStatistics {
    Objects.requireNonNull(profile, "profile");
    Objects.requireNonNull(riskFreeRate, "riskFreeRate");
    Objects.requireNonNull(sharpeRatio, "sharpeRatio");
    Objects.requireNonNull(beta, "beta");
    Objects.requireNonNull(costOfEquity, "costOfEquity");
    notes = List.copyOf(Objects.requireNonNull(notes, "notes"));
  }
}
