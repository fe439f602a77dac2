package io.scrilla.commands;

import io.scrilla.api.model.DateRange;
import io.scrilla.core.market.Window;
import java.time.LocalDate;
import java.util.Optional;
import picocli.CommandLine.Option;

/** The sample window: {@code --start} and {@code --end}, in scrilla's four spellings. */
public final class WindowOptions {
  @Option(
      names = {"--start", "-start", "--start-date", "-start-date"},
      paramLabel = "YYYY-MM-DD",
      description = "first date of the window (default: DEFAULT_ANALYSIS_PERIOD sessions back)")
  String start;

  @Option(
      names = {"--end", "-end", "--end-date", "-end-date"},
      paramLabel = "YYYY-MM-DD",
      description = "last date of the window (default: the latest price)")
  String end;

  /** Returns the start date, if given. */
  public Optional<LocalDate> start() {
    return Optional.ofNullable(start).map(s -> DateRange.parseDate(s, "start"));
  }

  /** Returns the end date, if given. */
  public Optional<LocalDate> end() {
    return Optional.ofNullable(end).map(s -> DateRange.parseDate(s, "end"));
  }

  /** Returns the window asked for: both ends, one, or neither (the default window). */
  public Window window() {
    Optional<LocalDate> s = start();
    Optional<LocalDate> e = end();
    if (s.isPresent() && e.isPresent()) {
      return Window.between(s.get(), e.get());
    }
    if (e.isPresent()) {
      return Window.endingOn(e.get());
    }
    return s.isPresent() ? Window.startingOn(s.get()) : Window.latest();
  }
}
