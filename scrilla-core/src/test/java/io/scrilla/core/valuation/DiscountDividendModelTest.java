package io.scrilla.core.valuation;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.scrilla.api.error.InvalidInputException;
import io.scrilla.api.error.SampleSizeException;
import io.scrilla.api.model.Asset;
import io.scrilla.api.model.Dividend;
import io.scrilla.core.estimate.RecordedPrices;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import org.hipparchus.stat.regression.SimpleRegression;
import org.junit.jupiter.api.Test;

class DiscountDividendModelTest {
  private static final LocalDate AS_OF = LocalDate.of(2021, 11, 22);

  @Test
  void value_ally_regressionMatchesOlsAndNpvMatchesDirectSum() {
    List<Dividend> ally = RecordedPrices.dividends(Asset.equity("ALLY"));
    assertEquals(20, ally.size());
    LocalDate first = ally.get(0).date();
    SimpleRegression ols = new SimpleRegression();
    for (Dividend d : ally) {
      ols.addData(ChronoUnit.DAYS.between(first, d.date()) / 365.0, d.amount());
    }
    double r = 0.09;
    DividendValuation v = DiscountDividendModel.value(ally, AS_OF, r);
    assertEquals(ols.getIntercept(), v.intercept(), 1e-12);
    assertEquals(ols.getSlope(), v.slope(), 1e-12);
    double period = ChronoUnit.DAYS.between(first, LocalDate.of(2021, 11, 15)) / 365.0 / 19;
    assertEquals(period, v.period(), 1e-15);
    // latest payment 2021-11-15 + floor(365 p) = 91 days = 2022-02-14, 84 days after the valuation
    // date
    assertEquals(84 / 365.0, v.firstPaymentTime(), 1e-15);
    double since = ChronoUnit.DAYS.between(first, AS_OF) / 365.0;
    double npv = 0;
    int terms = 0;
    for (int i = 0; ; i++) {
      double t = 84 / 365.0 + i * period;
      double term = (ols.getIntercept() + ols.getSlope() * (t + since)) / Math.pow(1 + r, t);
      npv += term;
      terms++;
      if (Math.abs(term) < 1e-7) {
        break;
      }
    }
    assertEquals(terms, v.terms());
    assertEquals(npv, v.netPresentValue(), 1e-9 * npv);
  }

  @Test
  void projectedAmount_atProjectedTimes_discountsToTheNetPresentValue() {
    List<Dividend> ally = RecordedPrices.dividends(Asset.equity("ALLY"));
    double r = 0.09;
    DividendValuation v = DiscountDividendModel.value(ally, AS_OF, r);
    assertEquals(ally.get(0).date(), v.trendStart());
    double npv = 0;
    for (int i = 0; i < v.terms(); i++) {
      double t = v.projectedPaymentTime(i);
      npv += v.projectedAmount(t) / Math.pow(1 + r, t);
    }
    // the accessors are the model's own terms, summed in the same order: equal to the last bit
    assertEquals(v.netPresentValue(), npv, 0.0);
    assertEquals(v.intercept(), v.trendAmount(v.trendStart()), 0.0);
    LocalDate next = AS_OF.plusDays(84);
    assertEquals(v.projectedAmount(84 / 365.0), v.trendAmount(next), 1e-12);
    assertEquals(v.intercept() + v.slope(), v.trendAmount(v.trendStart().plusDays(365)), 1e-12);
  }

  @Test
  void value_constantDividends_isGeometricSeries() {
    List<Dividend> divs = new ArrayList<>();
    LocalDate d = LocalDate.of(2020, 1, 10);
    for (int i = 0; i < 8; i++) {
      divs.add(new Dividend(d, 0.5));
      d = d.plusDays(i % 2 == 0 ? 90 : 92);
    }
    LocalDate asOf = divs.get(7).date().plusDays(10);
    double r = 0.08;
    DividendValuation v = DiscountDividendModel.value(divs, asOf, r);
    assertEquals(0, v.slope(), 1e-15);
    double q = Math.pow(1 + r, -v.period());
    double series = 0.5 * Math.pow(1 + r, -v.firstPaymentTime()) / (1 - q);
    // the sum stops at a term below 1e-7; the rest of the geometric tail is below 1e-7 / (1 - q)
    assertEquals(series, v.netPresentValue(), 1e-7 / (1 - q));
  }

  @Test
  void value_exactPeriods_useCalendarBranchesInDays365AndRollDecember() {
    List<Dividend> monthly = new ArrayList<>();
    for (int m = 0; m <= 12; m++) {
      monthly.add(new Dividend(LocalDate.of(2021, 1, 15).plusMonths(m), 0.1 + 0.01 * m));
    }
    DividendValuation v = DiscountDividendModel.value(monthly, LocalDate.of(2022, 12, 20), 0.1);
    assertEquals(1.0 / 12, v.period(), 0);
    assertEquals(12 / 365.0, v.firstPaymentTime(), 1e-15); // 2023-01-01
    List<Dividend> quarterly = new ArrayList<>();
    for (int q = 0; q <= 4; q++) {
      quarterly.add(new Dividend(LocalDate.of(2021, 3, 1).plusMonths(3L * q), 0.2));
    }
    assertEquals(365, ChronoUnit.DAYS.between(quarterly.get(0).date(), quarterly.get(4).date()));
    DividendValuation vq = DiscountDividendModel.value(quarterly, LocalDate.of(2022, 11, 20), 0.1);
    assertEquals(0.25, vq.period(), 0);
    assertEquals(42 / 365.0, vq.firstPaymentTime(), 1e-15); // 2023-01-01
    List<Dividend> annual =
        List.of(
            new Dividend(LocalDate.of(2021, 6, 1), 1),
            new Dividend(LocalDate.of(2022, 6, 1), 1.1),
            new Dividend(LocalDate.of(2023, 6, 1), 1.2));
    DividendValuation va = DiscountDividendModel.value(annual, LocalDate.of(2023, 12, 31), 0.1);
    assertEquals(1.0, va.period(), 0);
    assertEquals(1 / 365.0, va.firstPaymentTime(), 1e-15); // 2024-01-01
  }

  @Test
  void value_fewerThanThreePayments_throwsSampleSize() {
    List<Dividend> dis = RecordedPrices.dividends(Asset.equity("DIS"));
    SampleSizeException e =
        assertThrows(SampleSizeException.class, () -> DiscountDividendModel.value(dis, AS_OF, 0.1));
    assertTrue(e.getMessage().contains("2 dividend"), e.getMessage());
    // payments after the valuation date are not known yet
    List<Dividend> ally = RecordedPrices.dividends(Asset.equity("ALLY"));
    assertThrows(
        SampleSizeException.class,
        () -> DiscountDividendModel.value(ally, LocalDate.of(2017, 6, 1), 0.1));
  }

  @Test
  void value_nonPositiveOrTinyRate_throwsInvalidInput() {
    List<Dividend> bx = RecordedPrices.dividends(Asset.equity("BX"));
    assertThrows(InvalidInputException.class, () -> DiscountDividendModel.value(bx, AS_OF, 0));
    assertThrows(InvalidInputException.class, () -> DiscountDividendModel.value(bx, AS_OF, -0.05));
    InvalidInputException e =
        assertThrows(
            InvalidInputException.class, () -> DiscountDividendModel.value(bx, AS_OF, 1e-9));
    assertTrue(e.getMessage().contains("converged"), e.getMessage());
  }
}
