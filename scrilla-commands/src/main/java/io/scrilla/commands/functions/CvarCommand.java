package io.scrilla.commands.functions;

import io.scrilla.api.model.Asset;
import io.scrilla.core.Result;
import io.scrilla.core.risk.TailEvent;
import java.util.Map;
import picocli.CommandLine.Command;

/**
 * {@code scrilla cvar T... --prob P --expiry YEARS}: the expected price after the horizon given
 * that it is below the VaR level; {@code {"T": {"conditional_value_at_risk": level}}}.
 */
@Command(
    name = "cvar",
    aliases = "cv",
    description =
        "Conditional value at risk as a price level (expected price below the VaR level).")
public final class CvarCommand extends TailCommand {
  @Override
  String field() {
    return "conditional_value_at_risk";
  }

  @Override
  String column() {
    return "conditional value at risk";
  }

  @Override
  Map<Asset, Result<Double>> compute(Request r) {
    TailEvent event = risk.event();
    return each(
        r.assets(), a -> r.scrilla().conditionalValueAtRisk(a, r.range(), r.method(), event));
  }
}
