package io.scrilla.examples;

import io.scrilla.api.config.ScrillaConfig;
import io.scrilla.api.model.Asset;
import io.scrilla.api.model.DateRange;
import io.scrilla.api.model.EstimationMethod;
import io.scrilla.api.model.PriceHistory;
import io.scrilla.api.model.RiskProfile;
import io.scrilla.api.model.SourceId;
import io.scrilla.core.Scrilla;
import io.scrilla.core.calendar.TradingCalendar;
import io.scrilla.core.market.Sample;
import java.io.PrintStream;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;

/**
 * A price source of one's own, {@link InMemoryPriceSource}, plugged in through {@code
 * Scrilla.builder()}: the library computes risk profiles and correlations from its prices and
 * caches them under its identity. The prices here are two invented stocks' closes on the NYSE
 * sessions of 2021, drawn from a geometric Brownian motion with a fixed seed.
 *
 * <pre>
 * mvn -q -pl examples -am test-compile exec:java \
 *     -Dexec.mainClass=io.scrilla.examples.CustomPriceSourceExample
 * </pre>
 */
public final class CustomPriceSourceExample {
  /** The identity of the source: the namespace of what the cache keeps from it. */
  public static final SourceId SOURCE = SourceId.of("memory:custom-price-source-example");

  /** The dates the invented prices cover. */
  public static final DateRange HISTORY = DateRange.parse("2021-01-04", "2021-11-19");

  private CustomPriceSourceExample() {}

  /**
   * Prints the profiles and the correlation of the invented stocks.
   *
   * @param args none
   */
  public static void main(String[] args) {
    PrintStream out = System.out;
    InMemoryPriceSource source = source();
    List<Asset> assets = List.of(Asset.equity("ACME"), Asset.equity("INITECH"));
    EstimationMethod method = EstimationMethod.MOMENTS;
    // our prices; the Treasury yields, dividends and the cache still come from the configuration
    try (Scrilla scrilla =
        Scrilla.builder()
            .config(ScrillaConfig.builder().cacheMode("memory").build())
            .priceSource(source)
            .build()) {
      Sample sample = scrilla.marketData().sample(assets, Examples.WINDOW, method);
      Examples.header(out, "Risk profiles from a custom price source", sample);
      out.println();
      out.printf(Locale.ROOT, "%-8s %7s %10s %11s%n", "ticker", "prices", "return", "volatility");
      for (Asset asset : assets) {
        RiskProfile p = scrilla.riskProfile(asset, sample.window(), method);
        out.printf(
            Locale.ROOT,
            "%-8s %7d %10s %11s%n",
            asset.ticker(),
            scrilla.prices(asset, sample.window()).size(),
            Examples.percent(p.annualReturn()),
            Examples.percent(p.annualVolatility()));
      }
      out.println(
          "correlation of ACME and INITECH: "
              + Examples.decimal(
                  scrilla.correlation(assets.get(0), assets.get(1), sample.window(), method)));
    }
  }

  /**
   * Returns the source of the invented prices: for each NYSE session of {@link #HISTORY}, closes of
   * ACME (return 12%, volatility 25% a year) and INITECH (5%, 15%) with correlated daily shocks
   * (0.6), from a fixed seed so that every run prints the same numbers.
   *
   * @return the source
   */
  public static InMemoryPriceSource source() {
    int[] days = TradingCalendar.nyse().tradingDays(HISTORY);
    double dt = 1.0 / 252;
    double[] acme = new double[days.length];
    double[] initech = new double[days.length];
    acme[0] = 100;
    initech[0] = 40;
    Random random = new Random(20211119);
    for (int i = 1; i < days.length; i++) {
      double z1 = random.nextGaussian();
      double z2 = 0.6 * z1 + 0.8 * random.nextGaussian();
      acme[i] = acme[i - 1] * Math.exp((0.12 - 0.25 * 0.25 / 2) * dt + 0.25 * Math.sqrt(dt) * z1);
      initech[i] =
          initech[i - 1] * Math.exp((0.05 - 0.15 * 0.15 / 2) * dt + 0.15 * Math.sqrt(dt) * z2);
    }
    Map<Asset, PriceHistory> histories = new LinkedHashMap<>();
    histories.put(Asset.equity("ACME"), PriceHistory.ofCloses(Asset.equity("ACME"), days, acme));
    histories.put(
        Asset.equity("INITECH"), PriceHistory.ofCloses(Asset.equity("INITECH"), days, initech));
    return new InMemoryPriceSource(SOURCE, histories);
  }
}
