package io.scrilla.cli;

import io.scrilla.api.error.InvalidInputException;
import io.scrilla.commands.Context;
import io.scrilla.commands.functions.ScreenCommand;
import java.nio.file.Path;
import java.util.List;
import picocli.CommandLine.Command;

/**
 * {@code scrilla screen} on the command line: {@link ScreenCommand}, screening the user's watchlist
 * ({@link Watchlist}) when no tickers are named.
 */
@Command(
    name = "screen",
    aliases = "scr",
    description =
        "Tickers (default: your watchlist) that pass a screen (--criteria): dividend discount"
            + " model value above the latest close by more than --margin (ddm, the default), or"
            + " Sharpe ratio, annual return above, or annual volatility below --threshold.")
final class WatchlistScreenCommand extends ScreenCommand {
  @Override
  protected List<String> defaultTickers(Context ctx) {
    Path file = Watchlist.file(ctx.config().configDir());
    List<String> tickers = Watchlist.read(file);
    if (tickers.isEmpty()) {
      throw new InvalidInputException(
          "the watchlist "
              + file
              + " is empty: add tickers with 'scrilla watch T...', or name them:"
              + " 'scrilla screen T...'");
    }
    return tickers;
  }
}
