package io.scrilla.commands.functions;

import io.scrilla.api.error.InvalidInputException;
import io.scrilla.core.risk.TailEvent;
import picocli.CommandLine.Option;

/** {@code --prob P --expiry YEARS} of the VaR and CVaR commands. */
final class RiskOptions {
  @Option(
      names = {"--prob", "-prob"},
      paramLabel = "P",
      description = "probability in (0, 1), default 0.05")
  double probability = 0.05;

  @Option(
      names = {"--expiry", "-expiry"},
      paramLabel = "YEARS",
      description = "horizon in years, in (0, 1000], default 1")
  double horizon = 1;

  /** Returns the tail event, or fails naming the option whose value is out of range. */
  TailEvent event() {
    try {
      TailEvent.of(probability, 1);
    } catch (InvalidInputException e) {
      throw new InvalidInputException("--prob " + probability + ": " + e.getMessage(), e);
    }
    try {
      return TailEvent.of(probability, horizon);
    } catch (InvalidInputException e) {
      throw new InvalidInputException("--expiry " + horizon + ": " + e.getMessage(), e);
    }
  }
}
