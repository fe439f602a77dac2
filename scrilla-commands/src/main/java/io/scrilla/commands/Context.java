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
  private final ProgressListener progress;
  private Scrilla scrilla;

  /**
   * Creates a context that reports no progress.
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
    this(config, out, err, factory, ProgressListener.none());
  }

  /**
   * Creates a context.
   *
   * @param config the configuration
   * @param out standard output
   * @param err standard error
   * @param factory builds the facade from the configuration
   * @param progress hears the progress of long work (fetches, one step per ticker); the command
   *     line shows it as a progress bar when stderr is a terminal
   */
  public Context(
      ScrillaConfig config,
      PrintStream out,
      PrintStream err,
      Function<ScrillaConfig, Scrilla> factory,
      ProgressListener progress) {
    this.config = Objects.requireNonNull(config, "config");
    this.out = Objects.requireNonNull(out, "out");
    this.err = Objects.requireNonNull(err, "err");
    this.factory = Objects.requireNonNull(factory, "factory");
    this.progress = Objects.requireNonNull(progress, "progress");
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

  /**
   * Returns the listener of long work: fetches report through it, and commands report one step per
   * ticker ({@code (task, done, total)}, {@code done} from 0 to {@code total}).
   */
  public ProgressListener progress() {
    return progress;
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
