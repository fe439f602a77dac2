package io.scrilla.cli;

import io.scrilla.commands.Context;
import io.scrilla.commands.ScrillaCommand;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;

/**
 * {@code scrilla watch T...}: adds tickers to the watchlist ({@link Watchlist}) in the user's
 * configuration folder and says which were added.
 */
@Command(
    name = "watch",
    aliases = "w",
    description =
        "Add tickers to your watchlist (in SCRILLA_CONFIG_DIR, default ~/.scrilla), which"
            + " 'screen' screens when no tickers are named.")
final class WatchCommand implements Callable<Integer> {
  @ParentCommand ScrillaCommand parent;

  @Parameters(arity = "1..*", paramLabel = "TICKER", description = "e.g. ALLY BX LINK:equity")
  List<String> tickers;

  @Override
  public Integer call() {
    Context ctx = parent.context();
    Path file = Watchlist.file(ctx.config().configDir());
    List<String> added = Watchlist.add(file, tickers);
    ctx.out()
        .println(
            added.isEmpty()
                ? "the watchlist " + file + " already has " + String.join(", ", tickers)
                : "added " + String.join(", ", added) + " to the watchlist " + file);
    return 0;
  }
}
