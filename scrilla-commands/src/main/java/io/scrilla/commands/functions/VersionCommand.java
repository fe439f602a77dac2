package io.scrilla.commands.functions;

import io.scrilla.commands.ScrillaCommand;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.ParentCommand;

/** {@code scrilla version}: prints the version. */
@Command(name = "version", description = "Print the version.")
public final class VersionCommand implements Callable<Integer> {
  @ParentCommand ScrillaCommand parent;

  @Override
  public Integer call() {
    String v = VersionCommand.class.getPackage().getImplementationVersion();
    parent.context().out().println("scrilla " + (v == null ? "(development build)" : v));
    return 0;
  }
}
