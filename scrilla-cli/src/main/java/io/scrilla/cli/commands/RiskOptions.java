package io.scrilla.cli.commands;

import io.scrilla.api.error.InvalidInputException;
import picocli.CommandLine.Option;

/** {@code --prob P --expiry YEARS} of the VaR and CVaR commands. */
final class RiskOptions {
  @Option(names = {"--prob", "-prob"}, paramLabel = "P", description = "probability in (0, 1), default 0.05")
  double probability = 0.05;

  @Option(names = {"--expiry", "-expiry"}, paramLabel = "YEARS", description = "horizon in years, default 1")
  double horizon = 1;

  /** Checks the values. */
  RiskOptions validated() {
    if (!(probability > 0 && probability < 1)) {
      throw new InvalidInputException("--prob " + probability + " must lie strictly between 0 and 1, e.g. 0.05");
    }
    if (!(horizon > 0) || Double.isInfinite(horizon)) {
      throw new InvalidInputException("--expiry " + horizon + " must be a positive number of years, e.g. 0.5");
    }
    return this;
  }
}
