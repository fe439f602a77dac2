package io.scrilla.benchmarks;

import io.scrilla.api.model.Asset;
import io.scrilla.api.model.DateRange;
import io.scrilla.api.model.PriceHistory;
import io.scrilla.core.calendar.TradingCalendar;
import io.scrilla.core.optimize.Portfolio;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;

/**
 * Fixed-seed random but realistic inputs shared by the benchmarks and by the side-by-side
 * comparison ({@link Compare}): the one place where benchmark data is generated.
 */
final class Problems {
  /** Number of factors of the correlation model. */
  static final int FACTORS = 3;

  /** The last date of every generated price panel (a Tuesday and an NYSE session). */
  static final LocalDate PANEL_END = LocalDate.of(2024, 12, 31);

  /** The seed of the price panels of the comparison and of the correlation benchmarks. */
  static final long PANEL_SEED = 20_240_611L;

  /** The seed of the portfolios of the comparison and of the portfolio benchmarks. */
  static final long PORTFOLIO_SEED = 20_240_601L;

  private Problems() {}

  /**
   * Returns a portfolio of {@code n} assets: annual returns uniform in [0, 0.30], volatilities
   * uniform in [0.10, 0.60], risk-free rate 0.03, and the correlation of a factor model {@code C =
   * D^-1/2 (B B' + Psi) D^-1/2} with {@code D = diag(B B' + Psi)}: a market factor with loadings in
   * [0.3, 0.9], two style factors with loadings in [-0.4, 0.4] and specific variances in [0.2,
   * 0.8]. It is positive definite by construction (typical correlations 0.2 to 0.6), and its
   * long-only minimum-variance portfolio holds a handful of the assets, as real ones do.
   *
   * @param n number of assets
   * @param seed the random seed
   * @return the portfolio
   */
  static Portfolio portfolio(int n, long seed) {
    return portfolioInputs(n, seed).toPortfolio();
  }

  /**
   * Returns the numbers of {@link #portfolio}: the same draws, before {@link Portfolio#of}.
   *
   * @param n number of assets
   * @param seed the random seed
   * @return the inputs
   */
  static PortfolioInputs portfolioInputs(int n, long seed) {
    return factorModel(n, seed, 0.3, 0.9, 0.4, 0.2, 0.8);
  }

  /**
   * Returns the worst case for the active-set solver: a portfolio like {@link #portfolio} but
   * nearly uncorrelated (market loadings in [0, 0.2], style loadings in [-0.1, 0.1], specific
   * variances in [0.5, 1]; correlations about 0 to 0.05), whose long-only minimum-variance
   * portfolio holds most assets, so the solver frees them one by one.
   *
   * @param n number of assets
   * @param seed the random seed
   * @return the portfolio
   */
  static Portfolio diversified(int n, long seed) {
    return factorModel(n, seed, 0.0, 0.2, 0.1, 0.5, 1.0).toPortfolio();
  }

  /**
   * The inputs of {@link Portfolio#of(List, double[], double[], double[][], double)}.
   *
   * @param tickers the tickers
   * @param returns annual returns, decimal fractions
   * @param volatilities annual volatilities, decimal fractions
   * @param correlation the correlation matrix
   * @param riskFreeRate the annual risk-free rate, decimal fraction
   */
  record PortfolioInputs(
      List<String> tickers,
      double[] returns,
      double[] volatilities,
      double[][] correlation,
      double riskFreeRate) {
    /** Returns {@code Portfolio.of} of these numbers. */
    Portfolio toPortfolio() {
      return Portfolio.of(tickers, returns, volatilities, correlation, riskFreeRate);
    }
  }

  private static PortfolioInputs factorModel(
      int n,
      long seed,
      double marketLo,
      double marketHi,
      double style,
      double specificLo,
      double specificHi) {
    SplittableRandom rnd = new SplittableRandom(seed);
    List<String> tickers = new ArrayList<>(n);
    double[] mu = new double[n];
    double[] vol = new double[n];
    double[][] load = new double[n][FACTORS];
    double[] specific = new double[n];
    for (int i = 0; i < n; i++) {
      tickers.add("A" + i);
      mu[i] = rnd.nextDouble(0.0, 0.30);
      vol[i] = rnd.nextDouble(0.10, 0.60);
      load[i][0] = rnd.nextDouble(marketLo, marketHi);
      for (int f = 1; f < FACTORS; f++) {
        load[i][f] = rnd.nextDouble(-style, style);
      }
      specific[i] = rnd.nextDouble(specificLo, specificHi);
    }
    double[] sd = new double[n];
    for (int i = 0; i < n; i++) {
      sd[i] = Math.sqrt(dot(load[i], load[i]) + specific[i]);
    }
    double[][] corr = new double[n][n];
    for (int i = 0; i < n; i++) {
      corr[i][i] = 1.0;
      for (int j = 0; j < i; j++) {
        double c = dot(load[i], load[j]) / (sd[i] * sd[j]);
        corr[i][j] = c;
        corr[j][i] = c;
      }
    }
    return new PortfolioInputs(tickers, mu, vol, corr, 0.03);
  }

  /**
   * Returns daily closes of {@code n} equities {@code T1 .. Tn} on the same {@code days + 1} NYSE
   * sessions ending {@link #PANEL_END} ({@code days} returns each): geometric Brownian motion with
   * annual drifts uniform in [-0.05, 0.25] and volatilities in [0.10, 0.60], and daily shocks from
   * a one-factor model (market loadings uniform in [0.2, 0.8]), so the pairwise correlations are
   * about 0.05 to 0.6, as for stocks.
   *
   * @param n number of series
   * @param days number of returns per series
   * @param seed the random seed
   * @return the histories, in ticker order
   */
  static List<PriceHistory> commonPanel(int n, int days, long seed) {
    return panel(n, days, seed, false);
  }

  /**
   * Returns a panel like {@link #commonPanel} whose dates differ: every tenth series ({@code T10,
   * T20, ...}) is crypto, priced on every calendar day of the span, and every tenth series from the
   * fifth ({@code T5, T15, ...}) is listed half way through the span (its first half is missing).
   * The others trade on the {@code days + 1} NYSE sessions.
   *
   * @param n number of series
   * @param days number of NYSE sessions (returns) of the full span
   * @param seed the random seed
   * @return the histories, in ticker order
   */
  static List<PriceHistory> mixedPanel(int n, int days, long seed) {
    return panel(n, days, seed, true);
  }

  /** Returns the {@code days + 1} NYSE sessions ending {@link #PANEL_END}, as epoch days. */
  static int[] sessions(int days) {
    TradingCalendar nyse = TradingCalendar.nyse();
    LocalDate start = nyse.minusTradingDays(PANEL_END, days);
    return nyse.tradingDays(DateRange.of(start, PANEL_END));
  }

  private static List<PriceHistory> panel(int n, int days, long seed, boolean mixed) {
    int[] sessions = sessions(days);
    int first = sessions[0];
    int last = sessions[sessions.length - 1];
    int calendarDays = last - first + 1;
    SplittableRandom rnd = new SplittableRandom(seed);
    // one market shock per calendar day, so crypto and equities share the market on common days
    double[] market = new double[calendarDays];
    for (int d = 0; d < calendarDays; d++) {
      market[d] = gaussian(rnd);
    }
    List<PriceHistory> out = new ArrayList<>(n);
    for (int i = 1; i <= n; i++) {
      double mu = rnd.nextDouble(-0.05, 0.25);
      double sigma = rnd.nextDouble(0.10, 0.60);
      double beta = rnd.nextDouble(0.2, 0.8);
      double specific = Math.sqrt(1 - beta * beta);
      boolean crypto = mixed && i % 10 == 0;
      boolean late = mixed && i % 10 == 5;
      double tau = crypto ? 1.0 / 365 : 1.0 / 252;
      int[] dates;
      if (crypto) {
        dates = new int[calendarDays];
        for (int d = 0; d < calendarDays; d++) {
          dates[d] = first + d;
        }
      } else if (late) {
        dates = Arrays.copyOfRange(sessions, sessions.length / 2, sessions.length);
      } else {
        dates = sessions;
      }
      double drift = (mu - 0.5 * sigma * sigma) * tau;
      double diffusion = sigma * Math.sqrt(tau);
      double[] closes = new double[dates.length];
      double price = rnd.nextDouble(10, 500);
      closes[0] = price;
      for (int k = 1; k < dates.length; k++) {
        double z = beta * market[dates[k] - first] + specific * gaussian(rnd);
        price *= Math.exp(drift + diffusion * z);
        closes[k] = price;
      }
      Asset asset = crypto ? Asset.crypto("T" + i) : Asset.equity("T" + i);
      out.add(PriceHistory.ofCloses(asset, dates.clone(), closes));
    }
    return out;
  }

  /**
   * Returns {@code count + 1} daily closes of a geometric Brownian motion (drift 0.08, volatility
   * 0.25 a year, 252 periods a year) starting at 100.
   *
   * @param count number of returns
   * @param seed the random seed
   * @return the closes
   */
  static double[] gbmCloses(int count, long seed) {
    SplittableRandom rnd = new SplittableRandom(seed);
    double tau = 1.0 / 252;
    double drift = (0.08 - 0.5 * 0.25 * 0.25) * tau;
    double diffusion = 0.25 * Math.sqrt(tau);
    double[] closes = new double[count + 1];
    closes[0] = 100;
    for (int i = 1; i <= count; i++) {
      closes[i] = closes[i - 1] * Math.exp(drift + diffusion * gaussian(rnd));
    }
    return closes;
  }

  /** A standard normal draw (Box-Muller; SplittableRandom has no nextGaussian on Java 17). */
  private static double gaussian(SplittableRandom rnd) {
    double u = 1.0 - rnd.nextDouble(); // in (0, 1]
    double v = rnd.nextDouble();
    return Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * v);
  }

  private static double dot(double[] a, double[] b) {
    double s = 0;
    for (int i = 0; i < a.length; i++) {
      s += a[i] * b[i];
    }
    return s;
  }
}
