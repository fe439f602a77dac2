package io.scrilla.cli;

import io.scrilla.api.spi.ProgressListener;
import java.io.PrintStream;
import java.util.Objects;
import java.util.function.BooleanSupplier;
import me.tongfei.progressbar.ConsoleProgressBarConsumer;
import me.tongfei.progressbar.ProgressBar;
import me.tongfei.progressbar.ProgressBarBuilder;
import me.tongfei.progressbar.ProgressBarStyle;
import org.jline.terminal.spi.SystemStream;
import org.jline.terminal.spi.TerminalProvider;

/**
 * Shows the progress of long work (a command's tickers, the Treasury's yearly pages) as a progress
 * bar on stderr when stderr is a terminal, and prints nothing otherwise, so that logs and pipes
 * stay clean. One bar at a time, for tasks of at least two steps; the bar is erased when its task
 * is done. Whether stderr is a terminal is asked once, on the first report of such a task.
 */
final class ProgressBars implements ProgressListener, AutoCloseable {
  /** The width of a bar when the terminal's cannot be read. */
  private static final int DEFAULT_WIDTH = 80;

  private static final int UPDATE_MILLIS = 100;

  private final PrintStream err;
  private final BooleanSupplier terminal;
  private final int width;
  private Boolean shown;
  private ProgressBar bar;
  private Line line;
  private String task;

  /**
   * Creates the listener.
   *
   * @param err where the bar is drawn
   * @param terminal tells whether {@code err} is a terminal; asked at most once
   * @param width the width of the bar's line, in characters
   */
  ProgressBars(PrintStream err, BooleanSupplier terminal, int width) {
    this.err = Objects.requireNonNull(err, "err");
    this.terminal = Objects.requireNonNull(terminal, "terminal");
    this.width = width > 10 ? width : DEFAULT_WIDTH;
  }

  /** Returns the listener of this process's stderr. */
  static ProgressBars stderr() {
    return new ProgressBars(System.err, ProgressBars::stderrIsTerminal, DEFAULT_WIDTH);
  }

  /**
   * Returns whether this process's stderr is a terminal, as jline tells it ({@code test -t 2} on
   * Unix); false when that cannot be told.
   */
  static boolean stderrIsTerminal() {
    try {
      return TerminalProvider.load("exec").isSystemStream(SystemStream.Error);
    } catch (Exception | LinkageError e) {
      return false;
    }
  }

  @Override
  public synchronized void onProgress(String name, int done, int total) {
    if (total < 2) {
      return;
    }
    if (shown == null) {
      shown = terminal.getAsBoolean();
    }
    if (!shown) {
      return;
    }
    if (bar == null || !name.equals(task) || bar.getMax() != total) {
      close();
      line = new Line(err, width - 1);
      bar =
          new ProgressBarBuilder()
              .setTaskName(name)
              .setInitialMax(total)
              .setStyle(ProgressBarStyle.ASCII)
              .setUpdateIntervalMillis(UPDATE_MILLIS)
              .setConsumer(line)
              .clearDisplayOnFinish()
              .hideEta()
              .build();
      task = name;
    }
    bar.stepTo(done);
    if (done >= total) {
      close();
    }
  }

  /**
   * Erases the bar of the task in progress, if any. The line is erased here too: the library leaves
   * a bar closed before its first update drawn.
   */
  @Override
  public synchronized void close() {
    if (bar != null) {
      bar.close();
      line.close();
      bar = null;
      line = null;
      task = null;
    }
  }

  /**
   * Draws the bar on one line that is erased, not ended, when the bar closes; nothing is drawn
   * after that (the library's renderer runs on its own thread and may be late).
   */
  private static final class Line extends ConsoleProgressBarConsumer {
    private final PrintStream stream;
    private final int width;
    private boolean closed;

    Line(PrintStream stream, int width) {
      super(stream, width);
      this.stream = stream;
      this.width = width;
    }

    @Override
    public synchronized void accept(String rendered) {
      if (!closed) {
        super.accept(rendered);
      }
    }

    @Override
    public synchronized void clear() {
      if (!closed) {
        super.clear();
      }
    }

    @Override
    public synchronized void close() {
      if (!closed) {
        closed = true;
        stream.print("\r" + " ".repeat(width) + "\r");
        stream.flush();
      }
    }
  }
}
