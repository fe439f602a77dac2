package io.scrilla.cli;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.scrilla.commands.Context;
import io.scrilla.commands.Json;
import io.scrilla.commands.Meta;
import io.scrilla.commands.Output;
import io.scrilla.commands.OutputOptions;
import io.scrilla.commands.ScrillaCommand;
import io.scrilla.commands.Table;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.ParentCommand;

/**
 * {@code scrilla watchlist}: the tickers of the watchlist, sorted: {@code {"watchlist": [...]}}.
 */
@Command(name = "watchlist", aliases = "w-ls", description = "List your watchlist.")
final class WatchlistCommand implements Callable<Integer> {
  @ParentCommand ScrillaCommand parent;

  @Mixin OutputOptions options;

  @Override
  public Integer call() {
    Context ctx = parent.context();
    Path file = Watchlist.file(ctx.config().configDir());
    List<String> tickers = Watchlist.read(file);
    ObjectNode json = Json.object();
    ArrayNode array = json.putArray("watchlist");
    Table table = new Table("watchlist");
    for (String t : tickers) {
      array.add(t);
      table.row(t);
    }
    if (tickers.isEmpty()) {
      ctx.err().println("note: the watchlist " + file + " is empty; add tickers with 'watch T...'");
    }
    Output.print(ctx, options, Meta.empty(), json, table, Map.of());
    return 0;
  }
}
