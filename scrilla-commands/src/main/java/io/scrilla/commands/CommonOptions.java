package io.scrilla.commands;

import io.scrilla.api.error.InvalidInputException;
import io.scrilla.api.model.DateRange;
import io.scrilla.api.model.EstimationMethod;
import io.scrilla.core.market.RiskFreeRate;
import io.scrilla.core.market.Window;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.Optional;
import picocli.CommandLine.Option;

/** The options every statistic command accepts. */
public final class CommonOptions {
  @Option(
      names = {"--start", "-start"},
      paramLabel = "YYYY-MM-DD",
      description = "first date of the sample window")
  String start;

  @Option(
      names = {"--end", "-end"},
      paramLabel = "YYYY-MM-DD",
      description = "last date of the sample window")
  String end;

  @Option(
      names = {"--method", "-method"},
      paramLabel = "METHOD",
      description =
          "moments, percentiles or likelihood (also percents, likely); default"
              + " DEFAULT_ESTIMATION_METHOD")
  String method;

  @Option(names = "-moments", description = "same as --method moments")
  boolean moments;

  @Option(names = "-percentiles", description = "same as --method percentiles")
  boolean percentiles;

  @Option(names = "-likelihood", description = "same as --method likelihood")
  boolean likelihood;

  @Option(
      names = {"--json", "-json"},
      description = "print JSON")
  boolean json;

  @Option(
      names = {"--save", "-save"},
      paramLabel = "FILE",
      description = "also write the JSON to FILE")
  Path save;

  @Option(
      names = {"--risk-free-rate", "-risk-free-rate"},
      paramLabel = "R",
      description = "risk-free rate as a decimal fraction, overriding the configured source")
  Double riskFreeRate;

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

  /** Returns the estimation method chosen, or the default. */
  public EstimationMethod method(EstimationMethod dflt) {
    int flags =
        (moments ? 1 : 0) + (percentiles ? 1 : 0) + (likelihood ? 1 : 0) + (method != null ? 1 : 0);
    if (flags > 1) {
      throw new InvalidInputException(
          "more than one estimation method given: use one of --method, -moments, -percentiles,"
              + " -likelihood");
    }
    if (moments) {
      return EstimationMethod.MOMENTS;
    }
    if (percentiles) {
      return EstimationMethod.PERCENTILES;
    }
    if (likelihood) {
      return EstimationMethod.LIKELIHOOD;
    }
    return method == null ? dflt : EstimationMethod.parse(method);
  }

  /** Returns the risk-free rate: {@code --risk-free-rate} when given, else the configured one. */
  public RiskFreeRate riskFreeRate() {
    if (riskFreeRate == null) {
      return RiskFreeRate.configured();
    }
    if (!Double.isFinite(riskFreeRate)) {
      throw new InvalidInputException("--risk-free-rate " + riskFreeRate + " is not a number");
    }
    return RiskFreeRate.of(riskFreeRate);
  }

  /** Returns whether JSON was asked for. */
  public boolean json() {
    return json;
  }

  /** Returns the file to save the JSON to, if any. */
  public Optional<Path> save() {
    return Optional.ofNullable(save);
  }
}
