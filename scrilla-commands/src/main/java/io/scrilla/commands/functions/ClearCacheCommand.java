package io.scrilla.commands.functions;

import io.scrilla.commands.ScrillaCommand;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.ParentCommand;

/** {@code scrilla clear-cache}: empties the configured cache. */
@Command(
    name = "clear-cache",
    aliases = "cc",
    description = "Empty the configured cache (CACHE_MODE).")
public final class ClearCacheCommand implements Callable<Integer> {
  @ParentCommand ScrillaCommand parent;

  @Override
  public Integer call() {
    parent.context().scrilla().clearCache();
    parent.context().err().println("cache cleared (" + parent.context().config().cacheMode() + ")");
    return 0;
  }
}
