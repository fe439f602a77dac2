package io.scrilla.examples;

import io.scrilla.api.config.ScrillaConfig;
import io.scrilla.api.model.Asset;
import io.scrilla.api.model.DateRange;
import io.scrilla.api.spi.ProgressListener;
import io.scrilla.core.Scrilla;
import io.scrilla.core.market.RiskFreeQuote;
import io.scrilla.core.market.Sample;
import java.io.PrintStream;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * What the examples share: a facade on the bundled sample data with a cache in memory, the window
 * they analyse, and how they print the header (window, method, source) and numbers.
 *
 * <p>Numbers are printed as a reader wants them: returns, volatilities, weights and losses as
 * percentages with two decimals, money with two decimals, correlations with four.
 */
public final class Examples {
  /**
   * The window every example analyses: the last six months of the bundled sample prices (which end
   * on 2021-11-19).
   */
  public static final DateRange WINDOW = DateRange.parse("2021-05-20", "2021-11-19");

  private Examples() {}

  /**
   * Opens the library on the bundled sample data (prices, Treasury yields and dividends to 2021)
   * with a cache in memory, whatever the environment says: the examples run offline and write no
   * file. {@code Scrilla.create()} would read the environment instead (see the README).
   *
   * @return a facade the caller closes
   */
  public static Scrilla open() {
    return Scrilla.create(ScrillaConfig.builder().cacheMode("memory").build());
  }

  /**
   * Returns the assets named on the command line, or the defaults when there are none.
   *
   * @param args tickers such as {@code SPY} or {@code BTC:crypto}
   * @param defaults the tickers to use without arguments
   * @return the assets, in order
   */
  public static List<Asset> assets(String[] args, String... defaults) {
    List<Asset> assets = new ArrayList<>();
    for (String ticker : args.length > 0 ? args : defaults) {
      assets.add(Scrilla.asset(ticker));
    }
    return assets;
  }

  /**
   * Prints a title and the sample the numbers below it come from: the window actually used (the
   * requested window moved to NYSE sessions), the estimation method and the price source.
   *
   * @param out where to print
   * @param title what the numbers are
   * @param sample the resolved request
   */
  public static void header(PrintStream out, String title, Sample sample) {
    header(out, title, sample, sample.method().canonicalName());
  }

  /**
   * Prints a title and the sample's window and source, with the methods described in words (for
   * output that compares methods).
   *
   * @param out where to print
   * @param title what the numbers are
   * @param sample the resolved request
   * @param methods the estimation methods of the numbers below
   */
  public static void header(PrintStream out, String title, Sample sample, String methods) {
    out.println(title);
    out.println(
        "  window  "
            + sample.window().start()
            + " to "
            + sample.window().end()
            + (sample.weekends() ? " (every calendar day)" : " (NYSE sessions)"));
    out.println("  method  " + methods);
    out.println("  source  " + sample.source());
  }

  /**
   * Prints the risk-free rate used for the window's end: the yield, its Treasury maturity and the
   * date of the curve it came from.
   *
   * @param out where to print
   * @param scrilla the facade
   * @param sample the resolved request
   * @return the rate, annualized decimal fraction
   */
  public static double riskFree(PrintStream out, Scrilla scrilla, Sample sample) {
    RiskFreeQuote q =
        scrilla.marketData().riskFreeQuote(sample.window().end(), ProgressListener.none());
    out.println(
        "  risk-free  "
            + percent(q.rate())
            + " ("
            + q.maturity()
            + " Treasury yield of "
            + q.curveDate()
            + ")");
    return q.rate();
  }

  /** Formats a decimal fraction as a percentage with two decimals: 0.1234 is {@code 12.34%}. */
  public static String percent(double fraction) {
    return String.format(Locale.ROOT, "%.2f%%", 100 * fraction);
  }

  /** Formats an amount of money with two decimals and a dollar sign: {@code $1234.50}. */
  public static String money(double amount) {
    return money(BigDecimal.valueOf(amount));
  }

  /** Formats an amount of money with two decimals (half-up) and a dollar sign: {@code -$5.00}. */
  public static String money(BigDecimal amount) {
    BigDecimal cents = amount.setScale(2, RoundingMode.HALF_UP);
    return (cents.signum() < 0 ? "-$" : "$") + cents.abs().toPlainString();
  }

  /** Formats a number with four decimals (correlations, ratios). */
  public static String decimal(double x) {
    return String.format(Locale.ROOT, "%.4f", x);
  }
}
