package io.scrilla.commands;

import io.scrilla.api.model.DateRange;
import io.scrilla.core.market.Window;
import java.time.LocalDate;
import java.util.Optional;
import picocli.CommandLine.Option;

/**
 * The end of the window, {@code --end}, in scrilla's four spellings: for the commands whose result
 * depends on the window's end only (the last close); {@link WindowOptions} adds the start.
 */
public class EndOptions {
  @Option(
      names = {"--end", "-end", "--end-date", "-end-date"},
      paramLabel = "YYYY-MM-DD",
      description = "last date of the window (default: the latest price)")
  String end;

  /** Returns the start date, if given: never, without {@code --start}. */
  public Optional<LocalDate> start() {
    return Optional.empty();
  }

  /** Returns the end date, if given. */
  public Optional<LocalDate> end() {
    return Optional.ofNullable(end).map(s -> DateRange.parseDate(s, "end"));
  }

  /** Returns the window asked for: the default window, ending on {@code --end} when given. */
  public Window window() {
    return end().map(Window::endingOn).orElse(Window.latest());
  }
}
