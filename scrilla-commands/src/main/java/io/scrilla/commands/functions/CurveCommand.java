package io.scrilla.commands.functions;

import io.scrilla.api.model.DateRange;
import io.scrilla.api.model.YieldCurve;
import io.scrilla.commands.Meta;
import java.time.LocalDate;
import picocli.CommandLine.Option;

/** A command reading the Treasury curve of one date ({@code --date}, default the latest). */
abstract class CurveCommand extends OutputCommand {
  @Option(
      names = {"--date", "-date"},
      paramLabel = "YYYY-MM-DD",
      description = "the date (default: latest)")
  String date;

  /** Returns {@code --date}, or the latest date for which the rate source may have a curve. */
  LocalDate date() {
    return date == null
        ? scrilla().marketData().latestRateDate()
        : DateRange.parseDate(date, "--date");
  }

  /** Returns the latest curve published on or before the date, reporting fetches. */
  YieldCurve curve() {
    return scrilla().marketData().yieldCurve(date(), context().progress());
  }

  /** Returns the meta of rate data: the rate source. */
  Meta meta() {
    return Meta.empty().withSource(scrilla().marketData().rateSourceId().value());
  }
}
