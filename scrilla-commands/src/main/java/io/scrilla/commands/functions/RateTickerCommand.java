package io.scrilla.commands.functions;

import io.scrilla.commands.RateOptions;
import io.scrilla.core.market.RiskFreeRate;
import picocli.CommandLine.Mixin;

/**
 * A number per ticker that depends on the risk-free rate ({@code sharpe-ratio}, {@code
 * capm-equity}): {@code --risk-free-rate R} or the configured rate, named in the output's meta.
 */
abstract class RateTickerCommand extends TickerCommand {
  @Mixin RateOptions rate;

  @Override
  final RiskFreeRate riskFreeRate() {
    return rate.riskFreeRate();
  }

  @Override
  final boolean usesRate() {
    return true;
  }
}
