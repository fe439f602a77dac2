package io.scrilla.commands;

import io.scrilla.api.error.InvalidInputException;
import io.scrilla.core.market.RiskFreeRate;
import picocli.CommandLine.Option;

/** {@code --risk-free-rate R}, for the commands whose result uses the risk-free rate. */
public final class RateOptions {
  @Option(
      names = {"--risk-free-rate", "-risk-free-rate"},
      paramLabel = "R",
      description =
          "risk-free rate as a decimal fraction (0.02 is 2%%), instead of the RISK_FREE Treasury"
              + " yield at the window's end")
  Double riskFreeRate;

  /** Returns the risk-free rate: {@code --risk-free-rate} when given, else the configured one. */
  public RiskFreeRate riskFreeRate() {
    if (riskFreeRate == null) {
      return RiskFreeRate.configured();
    }
    if (!Double.isFinite(riskFreeRate)) {
      throw new InvalidInputException("--risk-free-rate " + riskFreeRate + " is not a number");
    }
    return RiskFreeRate.of(riskFreeRate);
  }
}
