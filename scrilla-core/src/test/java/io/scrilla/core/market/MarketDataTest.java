package io.scrilla.core.market;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.scrilla.api.config.ScrillaConfig;
import io.scrilla.api.error.InvalidInputException;
import io.scrilla.api.error.PriceUnavailableException;
import io.scrilla.api.model.Asset;
import io.scrilla.api.model.DateRange;
import io.scrilla.api.model.EstimationMethod;
import io.scrilla.api.model.Maturity;
import io.scrilla.api.model.PriceHistory;
import io.scrilla.api.model.SourceId;
import io.scrilla.api.model.YieldCurve;
import io.scrilla.api.spi.InterestRateSource;
import io.scrilla.api.spi.ProgressListener;
import io.scrilla.core.cache.MemoryCacheProvider;
import io.scrilla.core.calendar.TradingCalendar;
import io.scrilla.core.testing.FakePriceSource;
import io.scrilla.core.testing.MutableClock;
import java.time.Clock;
import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/** The one place of the window and weekends policy, and the risk-free rate lookup. */
class MarketDataTest {
  private static final Asset SPY = Asset.equity("SPY");
  private static final Asset GLD = Asset.equity("GLD");
  private static final Asset BTC = Asset.crypto("BTC");
  private static final Asset ETH = Asset.crypto("ETH");
  private static final DateRange HISTORY = DateRange.parse("2021-01-04", "2021-11-19");
  private static final Clock CLOCK =
      Clock.fixed(Instant.parse("2021-11-23T12:00:00Z"), ZoneOffset.UTC);
  private static final EstimationMethod M = EstimationMethod.MOMENTS;
  private static final TradingCalendar NYSE = TradingCalendar.nyse();

  private final FakePriceSource prices =
      new FakePriceSource()
          .with(FakePriceSource.walk(SPY, HISTORY, 1))
          .with(FakePriceSource.walk(GLD, HISTORY, 2))
          .with(FakePriceSource.walk(BTC, HISTORY, 3))
          .with(FakePriceSource.walk(ETH, HISTORY, 4));
  private final Curves rates = new Curves(LocalDate.of(2021, 1, 1), LocalDate.of(2021, 11, 22));

  private MarketData market(InterestRateSource r) {
    return new MarketData(
        prices, r, MemoryCacheProvider.create(), NYSE, CLOCK, ScrillaConfig.defaults());
  }

  private final MarketData market = market(rates);

  @Test
  void sample_weekendEndsAndFutureEnd_moveToSessionsAndTheLastSettledSession() {
    Sample s = market.sample(List.of(SPY), DateRange.parse("2021-06-26", "2022-01-01"), M);
    // Saturday 2021-06-26 -> Friday 2021-06-25; the future end -> the last settled session: at
    // 07:00 New York on Tuesday 2021-11-23 that is Monday 2021-11-22
    assertEquals(DateRange.parse("2021-06-25", "2021-11-22"), s.window());
    assertFalse(s.weekends());
    assertEquals(SPY, s.asset());
    assertEquals(M, s.method());
  }

  @Test
  void latestDate_cacheHoldsTheLastSettledSession_sourceNotAsked() {
    // 07:00 New York on Monday 2021-11-22: the last settled session is Friday 2021-11-19
    Clock monday = Clock.fixed(Instant.parse("2021-11-22T12:00:00Z"), ZoneOffset.UTC);
    MarketData m =
        new MarketData(
            prices, rates, MemoryCacheProvider.create(), NYSE, monday, ScrillaConfig.defaults());
    assertEquals(LocalDate.of(2021, 11, 19), m.latestDate(SPY));
    assertEquals(1, prices.latestDateCalls());
    m.prices(SPY, DateRange.parse("2021-11-01", "2021-11-19"));
    assertEquals(LocalDate.of(2021, 11, 19), m.latestDate(SPY));
    assertEquals(LocalDate.of(2021, 11, 19), m.latestDate(SPY));
    assertEquals(1, prices.latestDateCalls());
    // GLD has nothing cached on that day: the source is asked
    assertEquals(LocalDate.of(2021, 11, 19), m.latestDate(GLD));
    assertEquals(2, prices.latestDateCalls());
  }

  @Test
  void sample_weekends_keptOnlyWhenAskedAndEveryAssetIsCrypto() {
    DateRange r = DateRange.parse("2021-06-05", "2021-06-27"); // Saturday to Sunday
    Sample btc = market.sample(List.of(BTC), r, M);
    assertTrue(btc.weekends());
    assertEquals(r, btc.window());
    Sample cryptoPair = market.sample(List.of(BTC, ETH), r, M);
    assertTrue(cryptoPair.weekends());
    Sample noWeekends = market.sample(List.of(BTC, ETH), r, M, false);
    assertFalse(noWeekends.weekends());
    assertEquals(DateRange.parse("2021-06-04", "2021-06-25"), noWeekends.window());
    Sample mixed = market.sample(List.of(BTC, SPY), r, M, true);
    assertFalse(mixed.weekends());
    assertEquals(noWeekends.window(), mixed.window());
    assertEquals(mixed.window(), mixed.of(BTC).window());
    assertFalse(mixed.of(BTC).weekends());
  }

  @Test
  void sample_noSession_namesTheAssetsAndSaysWhatToDo() {
    InvalidInputException e =
        assertThrows(
            InvalidInputException.class,
            () -> market.sample(List.of(SPY, GLD), DateRange.parse("2021-04-03", "2021-04-04"), M));
    assertTrue(e.getMessage().startsWith("SPY and GLD: "), e.getMessage());
    assertTrue(
        e.getMessage().endsWith("; choose dates that include an NYSE session"), e.getMessage());
    // crypto with weekends has no session to include: the same dates are a valid window
    assertEquals(
        DateRange.parse("2021-04-03", "2021-04-04"),
        market.sample(List.of(BTC), DateRange.parse("2021-04-03", "2021-04-04"), M).window());
  }

  @Test
  void sample_invalidAssets_areRefused() {
    DateRange r = DateRange.parse("2021-06-01", "2021-06-30");
    assertThrows(
        InvalidInputException.class,
        () -> new Sample(SourceId.of("test"), List.of(SPY, SPY), r, M, false));
    assertThrows(
        InvalidInputException.class, () -> new Sample(SourceId.of("test"), List.of(), r, M, false));
    assertThrows(
        InvalidInputException.class,
        () -> new Sample(SourceId.of("test"), List.of(SPY, BTC), r, M, true));
  }

  @Test
  void range_eachKindOfRequest() {
    DateRange dflt = market.defaultRange(List.of(SPY));
    assertEquals(LocalDate.of(2021, 11, 19), dflt.end());
    assertEquals(101, NYSE.countTradingDays(dflt));
    assertEquals(dflt, market.range(List.of(SPY), Window.latest()));
    DateRange both = DateRange.parse("2021-03-01", "2021-04-01");
    assertEquals(both, market.range(List.of(SPY), Window.of(both)));
    assertEquals(
        DateRange.parse("2021-03-01", "2021-11-19"),
        market.range(List.of(SPY), Window.startingOn(LocalDate.of(2021, 3, 1))));
    // ending on a Sunday: the Friday before, and 100 sessions before it
    DateRange ending = market.range(List.of(SPY), Window.endingOn(LocalDate.of(2021, 6, 27)));
    assertEquals(LocalDate.of(2021, 6, 25), ending.end());
    assertEquals(101, NYSE.countTradingDays(ending));
    // crypto alone: calendar days
    assertEquals(
        DateRange.parse("2021-03-19", "2021-06-27"),
        market.range(List.of(BTC), Window.endingOn(LocalDate.of(2021, 6, 27))));
  }

  @Test
  void riskFreeRate_fixed_readsNoCurve() {
    assertEquals(0.0125, market.riskFreeRate(RiskFreeRate.of(0.0125), LocalDate.of(2021, 6, 30)));
    assertEquals(0, rates.calls.get());
    assertEquals(
        Curves.rate(LocalDate.of(2021, 6, 25)),
        market.riskFreeRate(RiskFreeRate.configured(), LocalDate.of(2021, 6, 27)));
  }

  @Test
  void riskFreeQuote_lastCurveMonthsEarlier_isFoundAndItsDateReported() {
    MarketData m = market(new Curves(LocalDate.of(2020, 6, 1), LocalDate.of(2020, 12, 31)));
    RiskFreeQuote q = m.riskFreeQuote(LocalDate.of(2021, 3, 15), ProgressListener.none());
    assertEquals(LocalDate.of(2020, 12, 31), q.curveDate());
    assertEquals(Maturity.ONE_YEAR, q.maturity());
    assertEquals(Curves.rate(LocalDate.of(2020, 12, 31)), q.rate());
  }

  @Test
  void riskFreeQuote_recentCurve_asksTheSourceForTheFortnightOnly() {
    RiskFreeQuote q = market.riskFreeQuote(LocalDate.of(2021, 6, 30), ProgressListener.none());
    assertEquals(LocalDate.of(2021, 6, 30), q.curveDate());
    assertEquals(List.of(DateRange.parse("2021-06-16", "2021-06-30")), rates.asked);
  }

  @Test
  void riskFreeQuote_noCurveInTheYearBefore_saysHowToGiveARate() {
    MarketData m = market(new Curves(LocalDate.of(2019, 1, 1), LocalDate.of(2019, 12, 31)));
    PriceUnavailableException e =
        assertThrows(
            PriceUnavailableException.class,
            () -> m.riskFreeQuote(LocalDate.of(2021, 3, 15), ProgressListener.none()));
    assertTrue(e.getMessage().contains("between 2020-03-14 and 2021-03-15"), e.getMessage());
    assertTrue(e.getMessage().contains("--risk-free-rate"), e.getMessage());
    assertTrue(e.getMessage().contains("RiskFreeRate.of"), e.getMessage());
  }

  @Test
  void history_equityRowsOnWeekendAndHoliday_areSkipped() {
    PriceHistory clean = FakePriceSource.walk(SPY, HISTORY, 1);
    // add rows on Saturday 2021-06-05 and on Independence Day observed, Monday 2021-07-05
    PriceHistory dirty =
        clean.merge(
            PriceHistory.ofCloses(
                SPY,
                new int[] {
                  (int) LocalDate.of(2021, 6, 5).toEpochDay(),
                  (int) LocalDate.of(2021, 7, 5).toEpochDay()
                },
                new double[] {1, 2}));
    FakePriceSource source = new FakePriceSource().with(dirty);
    MarketData m =
        new MarketData(
            source, rates, MemoryCacheProvider.create(), NYSE, CLOCK, ScrillaConfig.defaults());
    DateRange r = DateRange.parse("2021-06-01", "2021-07-30");
    Sample s = m.sample(List.of(SPY), r, M);
    PriceHistory used = m.history(s, SPY);
    assertArrayEquals(clean.slice(r).epochDays(), used.epochDays());
    assertArrayEquals(clean.slice(r).closes(), used.closes());
    assertEquals(dirty.slice(r).size(), m.prices(SPY, r).size(), "raw prices are as stored");
  }

  @Test
  void yieldCurves_futureCurvesFromTheSource_areNotStored() {
    var cache = MemoryCacheProvider.create();
    MarketData m =
        new MarketData(
            prices,
            new Curves(LocalDate.of(2021, 11, 1), LocalDate.of(2021, 12, 31)),
            cache,
            NYSE,
            CLOCK,
            ScrillaConfig.defaults());
    List<YieldCurve> got =
        m.yieldCurves(DateRange.parse("2021-11-15", "2021-12-31"), ProgressListener.none());
    assertEquals(LocalDate.of(2021, 11, 23), got.get(got.size() - 1).date());
    assertTrue(
        cache
            .interest()
            .get(
                new Curves(LocalDate.MIN, LocalDate.MIN).sourceId(),
                DateRange.parse("2021-11-24", "2030-01-01"))
            .isEmpty());
  }

  @Test
  void yieldCurves_rangeReachingTheLatestSession_isAskedAgainOnceANewSessionSettles() {
    MutableClock clock = MutableClock.at("2021-11-22T22:00:00Z"); // Monday 17:00 New York
    Curves late = new Curves(LocalDate.of(2021, 1, 1), LocalDate.of(2021, 11, 10));
    MarketData m =
        new MarketData(
            prices, late, MemoryCacheProvider.create(), NYSE, clock, ScrillaConfig.defaults());
    DateRange r = DateRange.parse("2021-11-01", "2021-11-22");
    m.yieldCurves(r, ProgressListener.none());
    m.yieldCurves(r, ProgressListener.none());
    assertEquals(1, late.calls.get(), "asked once while Monday is the latest settled session");
    late.last = LocalDate.of(2021, 11, 23);
    clock.set("2021-11-23T21:45:00Z"); // Tuesday 16:45 New York: Tuesday has settled
    List<YieldCurve> got = m.yieldCurves(r, ProgressListener.none());
    assertEquals(2, late.calls.get());
    assertEquals(LocalDate.of(2021, 11, 22), got.get(got.size() - 1).date());
  }

  /**
   * The dates of a history, read from the cache's rows on the window's ends when it has them, are
   * the first and last dates of the history itself: before anything is cached (the history is
   * read), after, for windows cut by the data, starting or ending on weekends, and for crypto with
   * and without weekends.
   */
  @Test
  void historyDates_areTheEndsOfTheHistory_whetherReadOrTakenFromTheCachedEnds() {
    List<DateRange> windows =
        List.of(
            DateRange.parse("2021-06-05", "2021-07-31"),
            DateRange.parse("2021-03-01", "2021-03-31"),
            DateRange.parse("2020-12-01", "2021-02-01"),
            DateRange.parse("2021-11-01", "2021-11-30"),
            DateRange.parse("2021-07-03", "2021-07-05"));
    List<List<Asset>> groups = List.of(List.of(SPY), List.of(BTC), List.of(BTC, SPY));
    for (boolean weekends : new boolean[] {false, true}) {
      for (int pass = 0; pass < 2; pass++) { // the first reads the histories, the second the ends
        for (List<Asset> g : groups) {
          for (DateRange w : windows) {
            Sample s;
            try {
              s = market.sample(g, w, M, weekends);
            } catch (InvalidInputException e) {
              continue; // weekends asked with an equity, or a window without a session
            }
            for (Asset a : g) {
              PriceHistory h = market.history(s, a);
              assertEquals(
                  Optional.of(DateRange.of(h.firstDate(), h.lastDate())),
                  market.historyDates(s, a),
                  a + " " + s.window() + " weekends " + weekends + " pass " + pass);
            }
          }
        }
      }
    }
  }

  /**
   * The ends of a window are "cached" only once the cache holds the asset's prices on them: not
   * before anything is read, and not for a window that ends after the last settled session.
   */
  @Test
  void cachedEnds_presentOnceTheWindowsEndsAreCached() {
    Sample march = market.sample(List.of(SPY), DateRange.parse("2021-02-27", "2021-03-31"), M);
    assertEquals(Optional.empty(), market.cachedEnds(march, SPY));
    market.history(march, SPY);
    // Saturday 2021-02-27: the sample's window starts on the session before, Friday 2021-02-26
    assertEquals(
        Optional.of(DateRange.parse("2021-02-26", "2021-03-31")), market.cachedEnds(march, SPY));
    Sample unsettled = market.sample(List.of(GLD), DateRange.parse("2021-11-01", "2021-11-22"), M);
    market.history(unsettled, GLD); // the source's prices end on 2021-11-19
    assertEquals(Optional.empty(), market.cachedEnds(unsettled, GLD));
  }

  @Test
  void coverage_countsTheDaysOfTheWindowWithoutAPrice() {
    DateRange w = DateRange.parse("2021-03-01", "2021-03-31");
    Sample s = market.sample(List.of(SPY), w, M);
    PriceHistory full = FakePriceSource.walk(SPY, HISTORY, 1);
    Coverage c = market.coverage(s, full);
    assertTrue(c.complete());
    assertEquals(NYSE.countTradingDays(w), c.expected());
    PriceHistory gapped = full.slice(DateRange.parse("2021-03-03", "2021-03-31"));
    Coverage g = market.coverage(s, gapped);
    assertFalse(g.complete());
    assertEquals(2, g.missing()); // Monday 1st and Tuesday 2nd
    assertTrue(
        g.describe()
            .startsWith(
                "SPY: 2 of the 23 NYSE sessions from 2021-03-01 to" + " 2021-03-31 have no price"),
        g.describe());
    // crypto with weekends: every calendar day
    Sample btc = market.sample(List.of(BTC), w, M);
    assertEquals(31, market.coverage(btc, FakePriceSource.walk(BTC, HISTORY, 3)).expected());
    assertEquals(31, market.coverage(btc, PriceHistory.empty(BTC)).missing());
  }

  /** A ONE_YEAR curve on every weekday of a span; counts and records the ranges asked for. */
  static final class Curves implements InterestRateSource {
    final AtomicInteger calls = new AtomicInteger();
    final List<DateRange> asked = new ArrayList<>();
    private final LocalDate first;
    private volatile LocalDate last;

    Curves(LocalDate first, LocalDate last) {
      this.first = first;
      this.last = last;
    }

    static double rate(LocalDate d) {
      return 0.001 + 1e-5 * (d.toEpochDay() % 1000);
    }

    @Override
    public List<YieldCurve> yieldCurves(DateRange range, ProgressListener listener) {
      calls.incrementAndGet();
      asked.add(range);
      List<YieldCurve> out = new ArrayList<>();
      for (LocalDate d = range.start(); !d.isAfter(range.end()); d = d.plusDays(1)) {
        boolean weekday =
            d.getDayOfWeek() != DayOfWeek.SATURDAY && d.getDayOfWeek() != DayOfWeek.SUNDAY;
        if (weekday && !d.isBefore(first) && !d.isAfter(last)) {
          out.add(new YieldCurve(d, Map.of(Maturity.ONE_YEAR, rate(d))));
        }
      }
      return out;
    }

    @Override
    public LocalDate latestDate() {
      return last;
    }
  }
}
