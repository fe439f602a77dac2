package io.scrilla.commands.functions;

import io.scrilla.api.model.DateRange;
import io.scrilla.api.model.YieldCurve;
import io.scrilla.commands.CommonOptions;
import io.scrilla.commands.Context;
import io.scrilla.commands.ScrillaCommand;
import java.time.LocalDate;
import java.util.concurrent.Callable;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;

/** A command reading the Treasury curve of one date ({@code --date}, default the latest). */
abstract class CurveCommand implements Callable<Integer> {
  @ParentCommand ScrillaCommand parent;

  @Mixin CommonOptions options;

  @Option(
      names = {"--date", "-date"},
      paramLabel = "YYYY-MM-DD",
      description = "the date (default: latest)")
  String date;

  /** Returns what the commands share: configuration, output streams, the facade. */
  protected final Context context() {
    return parent.context();
  }

  /** Returns {@code --date}, or the latest date for which the rate source may have a curve. */
  LocalDate date() {
    return date == null
        ? context().scrilla().marketData().latestRateDate()
        : DateRange.parseDate(date, "--date");
  }

  /** Returns the latest curve published on or before the date, reporting fetches on stderr. */
  YieldCurve curve() {
    return context().scrilla().marketData().yieldCurve(date(), context().progress());
  }
}
