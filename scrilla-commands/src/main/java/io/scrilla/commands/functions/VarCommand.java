package io.scrilla.commands.functions;

import io.scrilla.api.model.Asset;
import io.scrilla.core.Result;
import io.scrilla.core.risk.TailEvent;
import java.util.Map;
import picocli.CommandLine.Command;

/**
 * {@code scrilla var T... --prob P --expiry YEARS}: the price level the asset stays above with
 * probability {@code 1 - P} after the horizon, from the last close in the window; {@code {"T":
 * {"value_at_risk": level}}}.
 */
@Command(
    name = "var",
    aliases = "v",
    description =
        "Value at risk as a price level (GBM percentile of the price after --expiry years).")
public final class VarCommand extends TailCommand {
  @Override
  String field() {
    return "value_at_risk";
  }

  @Override
  String column() {
    return "value at risk";
  }

  @Override
  Map<Asset, Result<Double>> compute(Request r) {
    TailEvent event = risk.event();
    return each(r.assets(), a -> r.scrilla().valueAtRisk(a, r.range(), r.method(), event));
  }
}
