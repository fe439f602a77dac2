package io.scrilla.commands;

import io.scrilla.api.config.ScrillaConfig;
import io.scrilla.api.error.ScrillaException;
import io.scrilla.api.spi.ProgressListener;
import io.scrilla.core.Scrilla;
import java.io.PrintStream;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.CopyOnWriteArrayList;
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
  private final List<TickerFailure> tickerFailures = new CopyOnWriteArrayList<>();
  private Scrilla scrilla;

  /**
   * A ticker that failed while the command went on with the others.
   *
   * @param ticker the ticker, as the output labels it
   * @param error why it failed
   */
  public record TickerFailure(String ticker, ScrillaException error) {
    /** Checks that both parts are present. */
    public TickerFailure {
      Objects.requireNonNull(ticker, "ticker");
      Objects.requireNonNull(error, "error");
    }
  }

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

  /**
   * Records that a ticker failed while the command went on with the others; the command also prints
   * the failure on stderr. Front ends that answer in JSON (the AWS Lambda handler) report these
   * with their types.
   *
   * @param ticker the ticker
   * @param error why it failed
   */
  public void tickerFailed(String ticker, ScrillaException error) {
    tickerFailures.add(new TickerFailure(ticker, error));
  }

  /** Returns the tickers that failed so far, in the order the command reported them. */
  public List<TickerFailure> tickerFailures() {
    return List.copyOf(tickerFailures);
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
