package io.scrilla.commands.functions;

import io.scrilla.api.model.PriceHistory;
import io.scrilla.commands.Output;
import java.util.ArrayList;
import java.util.List;
import picocli.CommandLine.Mixin;

/**
 * A tail-risk command ({@code var}, {@code cvar}): {@code --prob P --expiry YEARS}, a price level
 * per ticker printed as money, with the last close, its date, the probability and the horizon.
 */
abstract class TailCommand extends TickerCommand {
  @Mixin RiskOptions risk;

  @Override
  final String format(double value) {
    return Output.money(value);
  }

  @Override
  final List<String> extraColumns() {
    List<String> c = new ArrayList<>(List.of("last close", "on"));
    c.addAll(RiskOptions.COLUMNS);
    return c;
  }

  @Override
  final List<String> extraCells(PriceHistory prices) {
    List<String> c =
        new ArrayList<>(
            List.of(Output.money(prices.close(prices.size() - 1)), prices.lastDate().toString()));
    c.addAll(risk.cells());
    return c;
  }
}
