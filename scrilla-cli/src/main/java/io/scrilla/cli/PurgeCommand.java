package io.scrilla.cli;

import io.scrilla.api.config.ConfigFile;
import io.scrilla.api.config.ScrillaConfig;
import io.scrilla.api.error.ConfigurationException;
import io.scrilla.api.error.SafeText;
import io.scrilla.cache.sqlite.SqliteCache;
import io.scrilla.commands.Context;
import io.scrilla.commands.ScrillaCommand;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.ParentCommand;

/**
 * {@code scrilla purge}: scrilla's purge, everything scrilla keeps for the user: empties the
 * configured cache (as {@code clear-cache}), then deletes the watchlist ({@link Watchlist}) and the
 * configuration file ({@link ConfigFile}, the stored keys) from the configuration folder. Asks for
 * no confirmation; prints one line per item saying what was removed. The folder itself, and any
 * other file in it, stays.
 */
@Command(
    name = "purge",
    aliases = "pu",
    description =
        "Empty the cache and delete your watchlist and stored variables; asks no confirmation.")
final class PurgeCommand implements Callable<Integer> {
  @ParentCommand ScrillaCommand parent;

  @Override
  public Integer call() {
    Context ctx = parent.context();
    ScrillaConfig config = ctx.config();
    Path dir = config.configDir();
    ctx.scrilla().clearCache();
    ctx.out().println("emptied the cache (" + cacheName(config) + ")");
    delete(ctx, Watchlist.file(dir), "the watchlist");
    delete(ctx, ConfigFile.in(dir), "the configuration file (stored keys)");
    return 0;
  }

  /** Names the configured cache: the SQLite file, or the backend. */
  static String cacheName(ScrillaConfig config) {
    return config.cacheMode().equals("sqlite")
        ? "sqlite, " + SqliteCache.configuredFile(config)
        : config.cacheMode();
  }

  private static void delete(Context ctx, Path file, String what) {
    try {
      ctx.out()
          .println(
              Files.deleteIfExists(file)
                  ? "removed " + what + " " + file
                  : "no " + what.replaceFirst("^the ", "") + " to remove (" + file + ")");
    } catch (IOException e) {
      throw new ConfigurationException(
          "cannot remove " + file + ": " + SafeText.of(String.valueOf(e.getMessage())), e);
    }
  }
}
