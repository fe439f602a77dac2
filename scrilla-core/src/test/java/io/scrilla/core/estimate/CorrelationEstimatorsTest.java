package io.scrilla.core.estimate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.scrilla.api.error.InvalidInputException;
import io.scrilla.api.error.SampleSizeException;
import io.scrilla.api.model.Asset;
import io.scrilla.api.model.DateRange;
import io.scrilla.api.model.EstimationMethod;
import io.scrilla.api.model.PriceHistory;
import io.scrilla.core.calendar.TradingCalendar;
import io.scrilla.core.stats.BivariateNormal;
import io.scrilla.core.stats.Normal;
import java.util.HashMap;
import java.util.Map;
import org.hipparchus.analysis.UnivariateFunction;
import org.hipparchus.analysis.integration.IterativeLegendreGaussIntegrator;
import org.hipparchus.analysis.solvers.BracketingNthOrderBrentSolver;
import org.hipparchus.stat.correlation.PearsonsCorrelation;
import org.hipparchus.stat.descriptive.DescriptiveStatistics;
import org.junit.jupiter.api.Test;

class CorrelationEstimatorsTest {
  private static final TradingCalendar NYSE = TradingCalendar.nyse();
  private static final DateRange H1 = DateRange.parse("2021-01-04", "2021-06-30");

  private static PriceHistory load(Asset a, DateRange r) {
    return RecordedPrices.load(a).slice(r);
  }

  private static double[] logReturns(PriceHistory p) {
    double[] r = new double[p.size() - 1];
    for (int i = 1; i < p.size(); i++) {
      r[i - 1] = Math.log(p.close(i) / p.close(i - 1));
    }
    return r;
  }

  private static PairSample spyGld() {
    return PairSample.of(load(Asset.equity("SPY"), H1), load(Asset.equity("GLD"), H1), NYSE);
  }

  @Test
  void moments_spyGld_isPearsonOfLogReturns() {
    PriceHistory spy = load(Asset.equity("SPY"), H1);
    PriceHistory gld = load(Asset.equity("GLD"), H1);
    assertEquals(spy.size(), gld.size());
    double expected = new PearsonsCorrelation().correlation(logReturns(spy), logReturns(gld));
    double rho = CorrelationEstimators.moments(PairSample.of(spy, gld, NYSE));
    assertEquals(expected, rho, 1e-12 * Math.abs(expected));
    assertEquals(rho, CorrelationEstimators.likelihood(PairSample.of(spy, gld, NYSE)), 0);
  }

  @Test
  void moments_cryptoWithEquity_usesEquityDatesAndCalendarDayIntervals() {
    DateRange r = DateRange.parse("2021-01-04", "2021-11-19");
    PriceHistory btc = load(Asset.crypto("BTC"), r);
    PriceHistory spy = load(Asset.equity("SPY"), r);
    // independent computation: intersect by map, residuals by hand
    Map<Integer, Double> btcByDay = new HashMap<>();
    for (int i = 0; i < btc.size(); i++) {
      btcByDay.put(btc.epochDay(i), btc.close(i));
    }
    int n = 0;
    int[] days = new int[spy.size()];
    double[] b = new double[spy.size()];
    double[] s = new double[spy.size()];
    for (int i = 0; i < spy.size(); i++) {
      Double c = btcByDay.get(spy.epochDay(i));
      if (c != null) {
        days[n] = spy.epochDay(i);
        b[n] = c;
        s[n++] = spy.close(i);
      }
    }
    double tb = 1.0 / 365;
    double ts = 1.0 / 252;
    double nuB = Math.log(b[n - 1] / b[0]) / (tb * (days[n - 1] - days[0]));
    double nuS = Math.log(s[n - 1] / s[0]) / (ts * (n - 1));
    double sab = 0;
    double saa = 0;
    double sbb = 0;
    for (int i = 1; i < n; i++) {
      double dtB = tb * (days[i] - days[i - 1]);
      double eb = (Math.log(b[i] / b[i - 1]) - nuB * dtB) / Math.sqrt(dtB);
      double es = (Math.log(s[i] / s[i - 1]) - nuS * ts) / Math.sqrt(ts);
      sab += eb * es;
      saa += eb * eb;
      sbb += es * es;
    }
    double expected = sab / Math.sqrt(saa * sbb);
    double rho = CorrelationEstimators.moments(PairSample.of(btc, spy, NYSE));
    assertEquals(expected, rho, 1e-12 * Math.abs(expected));
  }

  @Test
  void moments_assetWithItself_isExactlyOne() {
    PriceHistory gld = load(Asset.equity("GLD"), H1);
    assertEquals(1.0, CorrelationEstimators.moments(PairSample.of(gld, gld, NYSE)), 0);
  }

  /**
   * The profile log-likelihood in rho (means and variances at their MLE), maximized by
   * root-finding.
   */
  @Test
  void likelihood_matchesRootOfProfileScore() {
    PairSample p = spyGld();
    double[] x = p.first().annualizedReturns();
    double[] y = p.second().annualizedReturns();
    int n = x.length;
    double mx = 0;
    double my = 0;
    for (int i = 0; i < n; i++) {
      mx += x[i] / n;
      my += y[i] / n;
    }
    double vx = 0;
    double vy = 0;
    for (int i = 0; i < n; i++) {
      vx += (x[i] - mx) * (x[i] - mx) / n;
      vy += (y[i] - my) * (y[i] - my) / n;
    }
    double sab = 0;
    double q = 0;
    for (int i = 0; i < n; i++) {
      double a = (x[i] - mx) / Math.sqrt(vx);
      double b = (y[i] - my) / Math.sqrt(vy);
      sab += a * b;
      q += a * a + b * b;
    }
    final double fsab = sab;
    final double fq = q;
    // l(rho) = -n/2 ln(1 - rho^2) - (q - 2 rho sab) / (2 (1 - rho^2))
    double root =
        new BracketingNthOrderBrentSolver(1e-15, 1e-15, 1e-300, 5)
            .solve(
                1000,
                rho -> {
                  double w = 1 - rho * rho;
                  return n * rho / w + fsab / w - rho * (fq - 2 * rho * fsab) / (w * w);
                },
                -0.999,
                0.999);
    assertEquals(root, CorrelationEstimators.likelihood(p), 1e-9);
  }

  /**
   * The percentile objective rebuilt in the test (copula counts, Phi2 by Plackett's integral with
   * Hipparchus), its stationary point found by Hipparchus' Brent solver.
   */
  @Test
  void percentiles_matchStationaryPointFoundByHipparchus() {
    PairSample p = spyGld();
    double[] z1 = standardize(p.first().annualizedReturns());
    double[] z2 = standardize(p.second().annualizedReturns());
    double[] levels = {0.10, 0.16, 0.50, 0.84, 0.90};
    double[] u = new double[5];
    double[] v = new double[5];
    double[] c = new double[5];
    for (int j = 0; j < 5; j++) {
      u[j] = ProfileEstimators.samplePercentile(z1, levels[j]);
      v[j] = ProfileEstimators.samplePercentile(z2, levels[j]);
      for (int i = 0; i < z1.length; i++) {
        c[j] += z1[i] <= u[j] && z2[i] <= v[j] ? 1.0 / z1.length : 0;
      }
    }
    IterativeLegendreGaussIntegrator integrator =
        new IterativeLegendreGaussIntegrator(16, 1e-15, 1e-17);
    UnivariateFunction slope =
        rho -> {
          double g = 0;
          for (int j = 0; j < 5; j++) {
            double h = u[j];
            double k = v[j];
            double lo = Math.min(0, rho);
            double hi = Math.max(0, rho);
            double phi2 =
                Normal.cdf(h) * Normal.cdf(k)
                    + (rho == 0
                        ? 0
                        : Math.signum(rho)
                            * integrator.integrate(
                                1_000_000, r -> BivariateNormal.density(h, k, r), lo, hi));
            g += (phi2 - c[j]) * BivariateNormal.density(h, k, rho);
          }
          return g;
        };
    double expected =
        new BracketingNthOrderBrentSolver(1e-15, 1e-15, 1e-300, 5).solve(1000, slope, -0.95, 0.95);
    double rho = CorrelationEstimators.percentiles(p);
    assertEquals(expected, rho, 1e-9);
    assertTrue(Math.abs(slope.value(rho)) < 1e-12);
  }

  @Test
  void percentiles_isSymmetricAndBounded() {
    PriceHistory spy = load(Asset.equity("SPY"), H1);
    PriceHistory dis = load(Asset.equity("DIS"), H1);
    double ab = CorrelationEstimators.percentiles(PairSample.of(spy, dis, NYSE));
    double ba = CorrelationEstimators.percentiles(PairSample.of(dis, spy, NYSE));
    assertEquals(ab, ba, 0);
    double self = CorrelationEstimators.percentiles(PairSample.of(spy, spy, NYSE));
    assertTrue(
        self <= CorrelationEstimators.MAX_PERCENTILE_CORRELATION && self > 0.9, "self " + self);
  }

  @Test
  void estimate_constantPrices_throwsInvalidInput() {
    double[] closes = {100, 100, 100, 100};
    PriceHistory a =
        PriceHistory.ofCloses(Asset.equity("A"), new int[] {10000, 10001, 10002, 10003}, closes);
    PriceHistory b = load(Asset.equity("SPY"), DateRange.parse("2021-01-04", "2021-01-07"));
    PriceHistory aOnSpyDays = PriceHistory.ofCloses(Asset.equity("A"), b.epochDays(), closes);
    assertEquals(4, b.size());
    for (EstimationMethod m : EstimationMethod.values()) {
      assertThrows(
          InvalidInputException.class,
          () -> CorrelationEstimators.estimate(PairSample.of(aOnSpyDays, b, NYSE), m));
    }
    assertThrows(SampleSizeException.class, () -> PairSample.of(a, b, NYSE));
  }

  private static double[] standardize(double[] x) {
    DescriptiveStatistics d = new DescriptiveStatistics(x);
    double[] z = new double[x.length];
    for (int i = 0; i < x.length; i++) {
      z[i] = (x[i] - d.getMean()) / d.getStandardDeviation();
    }
    return z;
  }
}
