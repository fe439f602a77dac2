package io.scrilla.commands.functions;

import io.scrilla.api.model.Asset;
import java.util.List;
import picocli.CommandLine.Parameters;

/** A command over tickers. */
abstract class TickersCommand extends OutputCommand {
  @Parameters(arity = "1..*", paramLabel = "TICKER", description = "e.g. SPY, BTC, BTC:crypto")
  List<String> tickers;

  /** Returns whether bare tickers are crypto ({@code --crypto}, where a command offers it). */
  boolean crypto() {
    return false;
  }

  /** Returns the assets of the ticker arguments. */
  List<Asset> assets() {
    return Tickers.resolve(tickers, crypto());
  }
}
