package io.scrilla.cli.commands;

import io.scrilla.api.model.Asset;
import io.scrilla.api.model.DateRange;
import io.scrilla.api.model.EstimationMethod;
import io.scrilla.cli.CommonOptions;
import io.scrilla.cli.Context;
import io.scrilla.cli.ScrillaCommand;
import io.scrilla.core.Scrilla;
import io.scrilla.core.market.RiskFreeRate;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;

/**
 * A command over tickers and a sample window: the common options, {@code --crypto}, the tickers,
 * and the request they describe.
 */
abstract class WindowCommand implements Callable<Integer> {
  @ParentCommand
  ScrillaCommand parent;

  @Mixin
  CommonOptions options;

  @Option(names = "--crypto", description = "treat bare tickers as crypto")
  boolean crypto;

  @Parameters(arity = "1..*", paramLabel = "TICKER", description = "e.g. SPY, BTC, BTC:crypto")
  List<String> tickers;

  /** What a command computes for its tickers. */
  record Request(Scrilla scrilla, List<Asset> assets, DateRange range, EstimationMethod method,
      RiskFreeRate riskFreeRate) {}

  /** Builds the request from the options: tickers, window (default or given), method, rate. */
  Request request() {
    Scrilla scrilla = context().scrilla();
    List<Asset> assets = Tickers.resolve(tickers, crypto);
    return new Request(scrilla, assets, scrilla.range(assets, options.window()),
        options.method(scrilla.config().defaultMethod()), options.riskFreeRate());
  }

  Context context() {
    return parent.context();
  }
}
