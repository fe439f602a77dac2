package io.scrilla.commands;

import java.nio.file.Path;
import java.util.Optional;
import picocli.CommandLine.Option;

/**
 * How a command prints its result: a table (default) or JSON, saved to a file, or not printed.
 * Every command with a result has these options, in scrilla's four spellings.
 */
public final class OutputOptions {
  @Option(
      names = {"--json", "-json", "--js", "-js"},
      description = "print JSON (full precision, with \"meta\" and \"errors\") instead of a table")
  boolean json;

  @Option(
      names = {"--save", "-save", "--save-file", "-save-file"},
      paramLabel = "FILE",
      description = "also write the JSON to FILE")
  Path save;

  @Option(
      names = {"--quiet", "-quiet", "--q", "-q"},
      description = "print no result on standard output (with --save: only write the file)")
  boolean quiet;

  /** Returns whether JSON was asked for. */
  public boolean json() {
    return json;
  }

  /** Returns whether the result is not to be printed. */
  public boolean quiet() {
    return quiet;
  }

  /** Returns the file to save the JSON to, if any. */
  public Optional<Path> save() {
    return Optional.ofNullable(save);
  }
}
