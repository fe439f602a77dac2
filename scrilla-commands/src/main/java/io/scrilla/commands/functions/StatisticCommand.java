package io.scrilla.commands.functions;

import io.scrilla.api.error.ScrillaException;
import io.scrilla.api.model.Asset;
import io.scrilla.api.model.DateRange;
import io.scrilla.api.model.EstimationMethod;
import io.scrilla.commands.CryptoOptions;
import io.scrilla.commands.EndOptions;
import io.scrilla.commands.MethodOptions;
import io.scrilla.commands.WindowOptions;
import io.scrilla.core.Scrilla;
import io.scrilla.core.market.MarketData;
import io.scrilla.core.market.RiskFreeRate;
import io.scrilla.core.market.Sample;
import java.util.List;
import java.util.Optional;
import picocli.CommandLine.Mixin;

/**
 * A command estimating statistics of the tickers' returns over a window: the window options and the
 * estimation method. A command whose result uses the risk-free rate adds {@link
 * io.scrilla.commands.RateOptions} and overrides {@link #riskFreeRate()}.
 */
abstract class StatisticCommand extends WindowCommand {
  @Mixin WindowOptions window;

  @Mixin CryptoOptions types;

  @Override
  EndOptions dates() {
    return window;
  }

  @Override
  boolean crypto() {
    return types.crypto();
  }

  @Mixin MethodOptions methods;

  /** What a command computes for its tickers. */
  record Request(
      Scrilla scrilla,
      List<Asset> assets,
      DateRange range,
      EstimationMethod method,
      RiskFreeRate riskFreeRate) {}

  /** Returns the risk-free rate of the command: the configured one unless it takes the option. */
  RiskFreeRate riskFreeRate() {
    return RiskFreeRate.configured();
  }

  /**
   * Reads each asset's prices of the request once before a computation over all of them (a
   * correlation matrix, a portfolio), one progress step per asset, so that fetching many tickers
   * shows progress; a failure is left for the computation to report. An asset whose prices on the
   * window's ends are cached ({@link MarketData#cachedEnds}) is not read: there is nothing to
   * fetch, and a computation whose statistics are cached (a warm correlation matrix) reads no
   * prices at all.
   */
  void prefetch(Request r) {
    MarketData market = r.scrilla().marketData();
    Optional<Sample> sample = sampleOf(r);
    each(
        r.assets(),
        a -> {
          if (sample.flatMap(s -> market.cachedEnds(s, a)).isEmpty()) {
            r.scrilla().prices(a, r.range());
          }
          return a;
        });
  }

  /**
   * The request's sample of its distinct assets, empty when it has none (the computation says why).
   */
  private static Optional<Sample> sampleOf(Request r) {
    try {
      List<Asset> distinct = r.assets().stream().distinct().toList();
      return Optional.of(r.scrilla().marketData().sample(distinct, r.range(), r.method()));
    } catch (ScrillaException e) {
      return Optional.empty();
    }
  }

  /** Builds the request from the options: tickers, window (default or given), method, rate. */
  Request request() {
    Scrilla scrilla = scrilla();
    List<Asset> assets = assets();
    EstimationMethod method = methods.method(scrilla.config().defaultMethod());
    RiskFreeRate riskFree = riskFreeRate();
    return new Request(scrilla, assets, range(scrilla, assets), method, riskFree);
  }
}
