package io.scrilla.commands.functions;

import io.scrilla.api.error.ScrillaException;
import io.scrilla.api.model.Asset;
import io.scrilla.api.model.DateRange;
import io.scrilla.api.model.PriceHistory;
import io.scrilla.api.spi.ProgressListener;
import io.scrilla.commands.Context;
import io.scrilla.commands.Meta;
import io.scrilla.core.market.MarketData;
import io.scrilla.core.market.RiskFreeQuote;
import io.scrilla.core.market.RiskFreeRate;
import io.scrilla.core.market.Sample;
import java.time.LocalDate;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The prices a result was computed from, for its {@link Meta}: the first and last date used over
 * all tickers, and the latest window end (the date of the risk-free rate). A ticker whose prices do
 * not reach both ends of its window is noted once on stderr with the first and last date used.
 */
final class Used {
  private final Context ctx;
  private final MarketData market;
  private final Set<Asset> noted = new HashSet<>();
  private LocalDate first;
  private LocalDate last;
  private LocalDate windowEnd;

  Used(Context ctx) {
    this.ctx = ctx;
    this.market = ctx.scrilla().marketData();
  }

  /**
   * Reads the prices the sample's statistics use, as they do ({@link MarketData#history}), and
   * records their dates.
   *
   * @return the history of each asset of the sample that has prices in its window
   */
  Map<Asset, PriceHistory> sample(Sample sample) {
    recordEnd(sample);
    Map<Asset, PriceHistory> out = new LinkedHashMap<>();
    for (Asset a : sample.assets()) {
      PriceHistory h;
      try {
        h = market.history(sample, a);
      } catch (ScrillaException e) {
        continue; // the statistic's own failure says why
      }
      if (!h.isEmpty()) {
        rows(a, sample.window(), h.firstDate(), h.lastDate());
        out.put(a, h);
      }
    }
    return out;
  }

  /**
   * Records the dates of the prices the sample's statistics use, as {@link #sample} does, for a
   * result that needs only the dates: the cache's rows on the window's ends when it has them
   * ({@link MarketData#historyDates}), instead of every price.
   */
  void dates(Sample sample) {
    recordEnd(sample);
    for (Asset a : sample.assets()) {
      Optional<DateRange> d;
      try {
        d = market.historyDates(sample, a);
      } catch (ScrillaException e) {
        continue; // the statistic's own failure says why
      }
      d.ifPresent(r -> rows(a, sample.window(), r.start(), r.end()));
    }
  }

  /** Records the sample's window end: the latest is the date of the risk-free rate. */
  private void recordEnd(Sample sample) {
    LocalDate end = sample.window().end();
    windowEnd = windowEnd == null || end.isAfter(windowEnd) ? end : windowEnd;
  }

  /**
   * Records that the rows of an asset from {@code from} to {@code to} were used for the window,
   * noting on stderr when they do not reach both of its ends.
   */
  void rows(Asset asset, DateRange window, LocalDate from, LocalDate to) {
    first = first == null || from.isBefore(first) ? from : first;
    last = last == null || to.isAfter(last) ? to : last;
    if ((from.isAfter(window.start()) || to.isBefore(window.end())) && noted.add(asset)) {
      ctx.err()
          .println(
              "note: "
                  + asset.ticker()
                  + ": the window "
                  + window.start()
                  + " to "
                  + window.end()
                  + " is cut to the prices available: "
                  + from
                  + " to "
                  + to);
    }
  }

  /** Returns the first and last date used, once some prices were recorded. */
  Optional<DateRange> window() {
    return first == null ? Optional.empty() : Optional.of(DateRange.of(first, last));
  }

  /** Returns the meta of the prices used: their window and the price source. */
  Meta meta() {
    Meta m = Meta.empty();
    Optional<DateRange> w = window();
    if (w.isPresent()) {
      m = m.withWindow(w.get());
    }
    return m.withSource(market.priceSourceId().value());
  }

  /**
   * Returns the meta with the risk-free rate the statistics used: the fixed rate, or the configured
   * source's rate on the latest window end recorded, with the date of its curve; unchanged when
   * that rate cannot be had (the statistics that need it say so).
   */
  Meta withRate(Meta meta, RiskFreeRate rate) {
    if (rate instanceof RiskFreeRate.Fixed f) {
      return meta.withRiskFreeRate(f.rate());
    }
    if (windowEnd == null) {
      return meta;
    }
    try {
      RiskFreeQuote q = market.riskFreeQuote(windowEnd, ProgressListener.none());
      return meta.withRiskFreeRate(q.rate(), q.maturity(), q.curveDate());
    } catch (ScrillaException e) {
      return meta;
    }
  }
}
