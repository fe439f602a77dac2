package io.scrilla.cli;

import java.util.List;

/**
 * The commands of the user's configuration folder ({@code SCRILLA_CONFIG_DIR}, default {@code
 * ~/.scrilla}), which only the command line has (the AWS Lambda handler reads no user's files):
 * {@code watch}, {@code watchlist}, {@code store}, {@code purge}, and {@code screen} over the
 * watchlist in place of the one that needs tickers.
 */
final class UserCommands {
  private UserCommands() {}

  /** Returns new instances of the commands, for {@code ScrillaCommand.commandLine}. */
  static List<Object> all() {
    return List.of(
        new WatchlistScreenCommand(),
        new WatchCommand(),
        new WatchlistCommand(),
        new StoreCommand(),
        new PurgeCommand());
  }
}
