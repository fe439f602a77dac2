package io.scrilla.commands.functions;

import io.scrilla.api.error.InvalidInputException;
import io.scrilla.api.error.ScrillaException;
import io.scrilla.api.model.Asset;
import io.scrilla.api.model.DateRange;
import io.scrilla.api.model.EstimationMethod;
import io.scrilla.commands.CommonOptions;
import io.scrilla.commands.Context;
import io.scrilla.commands.ScrillaCommand;
import io.scrilla.core.Result;
import io.scrilla.core.Scrilla;
import io.scrilla.core.market.RiskFreeRate;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Optional;
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
  @ParentCommand ScrillaCommand parent;

  @Mixin CommonOptions options;

  @Option(names = "--crypto", description = "treat bare tickers as crypto")
  boolean crypto;

  @Parameters(arity = "1..*", paramLabel = "TICKER", description = "e.g. SPY, BTC, BTC:crypto")
  List<String> tickers;

  /** What a command computes for its tickers. */
  record Request(
      Scrilla scrilla,
      List<Asset> assets,
      DateRange range,
      EstimationMethod method,
      RiskFreeRate riskFreeRate) {}

  /** Builds the request from the options: tickers, window (default or given), method, rate. */
  Request request() {
    Scrilla scrilla = context().scrilla();
    List<Asset> assets = Tickers.resolve(tickers, crypto);
    EstimationMethod method = options.method(scrilla.config().defaultMethod());
    RiskFreeRate riskFree = options.riskFreeRate();
    return new Request(scrilla, assets, range(scrilla, assets), method, riskFree);
  }

  /**
   * Returns the window of the options for the assets, failing with the user's own dates when it
   * holds no data ({@link #checkWindowHasData}).
   */
  DateRange range(Scrilla scrilla, List<Asset> assets) {
    Optional<LocalDate> start = options.start();
    if (start.isPresent() && options.end().isEmpty()) {
      LocalDate dataEnd = scrilla.defaultRange(assets).end();
      if (start.get().isAfter(dataEnd)) {
        throw new InvalidInputException(
            "the window starting "
                + start.get()
                + " starts after the"
                + " data of "
                + Tickers.names(assets)
                + " ends on "
                + dataEnd
                + "; choose a start up to "
                + dataEnd);
      }
    }
    DateRange range = scrilla.range(assets, options.window());
    checkWindowHasData(scrilla, assets, range);
    return range;
  }

  /**
   * Fails when the window starts after the last price of every asset, naming the dates the user
   * gave and where the data ends (a window ending in the future is otherwise cut to today, and its
   * failure would name dates the user never gave).
   *
   * @param scrilla the facade
   * @param assets the assets
   * @param range the window resolved from the options
   * @throws InvalidInputException when no asset has a price on or after the window's start
   */
  void checkWindowHasData(Scrilla scrilla, List<Asset> assets, DateRange range) {
    Optional<LocalDate> dataEnd = Optional.empty();
    for (Asset a : assets) {
      LocalDate last;
      try {
        last = scrilla.marketData().latestDate(a);
      } catch (ScrillaException e) {
        continue; // an unknown ticker: its own failure says so
      }
      if (!range.start().isAfter(last)) {
        return;
      }
      dataEnd = dataEnd.filter(d -> d.isAfter(last)).or(() -> Optional.of(last));
    }
    if (dataEnd.isEmpty()) {
      return;
    }
    LocalDate today = scrilla.today();
    String end = options.end().map(LocalDate::toString).orElse(range.end().toString());
    String window =
        options
            .start()
            .map(s -> "the window " + s + " to " + end)
            .orElse("the window ending " + end);
    String future =
        range.end().isAfter(today)
            ? " ends in the future (today is " + today + ");"
            : " starts after the data ends:";
    throw new InvalidInputException(
        window
            + future
            + " the data of "
            + Tickers.names(assets)
            + " ends on "
            + dataEnd.get()
            + "; choose dates up to "
            + dataEnd.get());
  }

  /** Returns what the commands share: configuration, output streams, the facade. */
  protected final Context context() {
    return parent.context();
  }

  /**
   * Prints one error line per failed ticker on stderr and returns the exit code: 0 when all
   * succeeded, 1 otherwise.
   *
   * @param results the result of each ticker
   * @return the exit code
   */
  protected final int reportFailures(Map<Asset, ? extends Result<?>> results) {
    return Tickers.reportFailures(context(), results);
  }
}
