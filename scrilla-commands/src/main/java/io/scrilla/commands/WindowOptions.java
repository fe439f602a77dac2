package io.scrilla.commands;

import io.scrilla.api.model.DateRange;
import io.scrilla.core.market.Window;
import java.time.LocalDate;
import java.util.Optional;
import picocli.CommandLine.Option;

/** The sample window: {@code --start} and {@code --end}, in scrilla's four spellings. */
public final class WindowOptions extends EndOptions {
  @Option(
      names = {"--start", "-start", "--start-date", "-start-date"},
      paramLabel = "YYYY-MM-DD",
      description = "first date of the window (default: DEFAULT_ANALYSIS_PERIOD sessions back)")
  String start;

  @Override
  public Optional<LocalDate> start() {
    return Optional.ofNullable(start).map(s -> DateRange.parseDate(s, "start"));
  }

  /** Returns the window asked for: both ends, one, or neither (the default window). */
  @Override
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
