package io.scrilla.commands.functions;

import io.scrilla.api.error.InvalidInputException;
import io.scrilla.commands.Output;
import io.scrilla.core.risk.TailEvent;
import java.math.BigDecimal;
import java.util.List;
import picocli.CommandLine.Option;

/** {@code --prob P --expiry YEARS} of the VaR and CVaR commands. */
final class RiskOptions {
  @Option(
      names = {"--prob", "-prob", "--probability", "-probability"},
      paramLabel = "P",
      description = "probability in (0, 1), default 0.05")
  double probability = 0.05;

  @Option(
      names = {"--expiry", "-expiry", "--exp", "-exp"},
      paramLabel = "YEARS",
      description = "horizon in years, in (0, 1000], default 1")
  double horizon = 1;

  /** Returns the cells of the probability and the horizon for a table. */
  List<String> cells() {
    return List.of(
        Output.percent(probability),
        BigDecimal.valueOf(horizon).stripTrailingZeros().toPlainString());
  }

  /** The names of the columns of {@link #cells()}. */
  static final List<String> COLUMNS = List.of("probability", "horizon (years)");

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
