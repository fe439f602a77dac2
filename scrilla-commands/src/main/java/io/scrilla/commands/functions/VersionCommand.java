package io.scrilla.commands.functions;

import io.scrilla.commands.ScrillaCommand;
import io.scrilla.commands.VersionProvider;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.ParentCommand;

/** {@code scrilla version}: prints the version. */
@Command(name = "version", description = "Print the version.")
public final class VersionCommand implements Callable<Integer> {
  @ParentCommand ScrillaCommand parent;

  @Override
  public Integer call() {
    parent.context().out().println(new VersionProvider().getVersion()[0]);
    return 0;
  }
}
