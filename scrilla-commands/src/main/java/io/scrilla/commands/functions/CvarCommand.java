package io.scrilla.commands.functions;

import io.scrilla.api.model.Asset;
import io.scrilla.core.Result;
import io.scrilla.core.risk.TailEvent;
import java.util.Map;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

/**
 * {@code scrilla cvar T... --prob P --expiry YEARS}: the expected price after the horizon given
 * that it is below the VaR level; {@code {"T": {"conditional_value_at_risk": level}}}.
 */
@Command(
    name = "cvar",
    description =
        "Conditional value at risk as a price level (expected price below the VaR level).")
public final class CvarCommand extends TickerCommand {
  @Mixin RiskOptions risk;

  @Override
  String field() {
    return "conditional_value_at_risk";
  }

  @Override
  Map<Asset, Result<Double>> compute(Request r) {
    TailEvent event = risk.event();
    return Result.each(
        r.assets(), a -> r.scrilla().conditionalValueAtRisk(a, r.range(), r.method(), event));
  }
}
