package io.scrilla.commands;

import io.scrilla.api.config.ScrillaConfig;
import io.scrilla.api.spi.ProgressListener;
import io.scrilla.core.Scrilla;
import java.io.PrintStream;
import java.util.Objects;
import java.util.function.Function;

/**
 * What every command shares: the configuration, the output streams and the facade, created on first
 * use (so {@code help} and {@code version} open no cache).
 */
public final class Context implements AutoCloseable {
  private final ScrillaConfig config;
  private final PrintStream out;
  private final PrintStream err;
  private final Function<ScrillaConfig, Scrilla> factory;
  private Scrilla scrilla;

  /**
   * Creates a context.
   *
   * @param config the configuration
   * @param out standard output
   * @param err standard error
   * @param factory builds the facade from the configuration
   */
  public Context(
      ScrillaConfig config,
      PrintStream out,
      PrintStream err,
      Function<ScrillaConfig, Scrilla> factory) {
    this.config = Objects.requireNonNull(config, "config");
    this.out = Objects.requireNonNull(out, "out");
    this.err = Objects.requireNonNull(err, "err");
    this.factory = Objects.requireNonNull(factory, "factory");
  }

  /** Returns the configuration. */
  public ScrillaConfig config() {
    return config;
  }

  /** Returns standard output. */
  public PrintStream out() {
    return out;
  }

  /** Returns standard error. */
  public PrintStream err() {
    return err;
  }

  /** Returns a listener that reports fetch progress on stderr. */
  public ProgressListener progress() {
    return (task, done, total) ->
        err.println("fetched " + task + (total > 0 ? " (" + done + "/" + total + ")" : ""));
  }

  /** Returns the facade, creating it on first use. */
  public synchronized Scrilla scrilla() {
    if (scrilla == null) {
      scrilla = factory.apply(config);
    }
    return scrilla;
  }

  @Override
  public synchronized void close() {
    if (scrilla != null) {
      scrilla.close();
      scrilla = null;
    }
  }
}
