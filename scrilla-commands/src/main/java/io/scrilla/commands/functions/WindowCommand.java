package io.scrilla.commands.functions;

import io.scrilla.api.error.InvalidInputException;
import io.scrilla.api.error.ScrillaException;
import io.scrilla.api.model.Asset;
import io.scrilla.api.model.DateRange;
import io.scrilla.commands.EndOptions;
import io.scrilla.core.Scrilla;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

/** A command over tickers and a window of their prices ({@link #dates()}). */
abstract class WindowCommand extends TickersCommand {

  /** Returns the window options of the command: {@code --start} and {@code --end}, or one. */
  abstract EndOptions dates();

  /**
   * Returns the window of the options for the assets, failing with the user's own dates when it
   * holds no data ({@link #checkWindowHasData}).
   */
  DateRange range(Scrilla scrilla, List<Asset> assets) {
    try {
      return rangeOf(scrilla, assets);
    } catch (ScrillaException e) {
      // a ticker without prices fails on its own: the others' window does not depend on it
      List<Asset> known = assets.stream().filter(a -> hasPrices(scrilla, a)).toList();
      if (known.isEmpty() || known.size() == assets.size()) {
        throw e;
      }
      return rangeOf(scrilla, known);
    }
  }

  private DateRange rangeOf(Scrilla scrilla, List<Asset> group) {
    Optional<LocalDate> start = dates().start();
    if (start.isPresent() && dates().end().isEmpty()) {
      LocalDate dataEnd = scrilla.defaultRange(group).end();
      if (start.get().isAfter(dataEnd)) {
        throw new InvalidInputException(
            "the window starting "
                + start.get()
                + " starts after the"
                + " data of "
                + Tickers.names(group)
                + " ends on "
                + dataEnd
                + "; choose a start up to "
                + dataEnd);
      }
    }
    DateRange range = scrilla.range(group, dates().window());
    checkWindowHasData(scrilla, group, range);
    return range;
  }

  private static boolean hasPrices(Scrilla scrilla, Asset asset) {
    try {
      scrilla.marketData().latestDate(asset);
      return true;
    } catch (ScrillaException e) {
      return false;
    }
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
    String end = dates().end().map(LocalDate::toString).orElse(range.end().toString());
    String asked =
        dates()
            .start()
            .map(s -> "the window " + s + " to " + end)
            .orElse("the window ending " + end);
    String future =
        range.end().isAfter(today)
            ? " ends in the future (today is " + today + ");"
            : " starts after the data ends:";
    throw new InvalidInputException(
        asked
            + future
            + " the data of "
            + Tickers.names(assets)
            + " ends on "
            + dataEnd.get()
            + "; choose dates up to "
            + dataEnd.get());
  }
}
