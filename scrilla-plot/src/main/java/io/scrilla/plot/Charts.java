package io.scrilla.plot;

import io.scrilla.api.error.InvalidInputException;
import io.scrilla.api.error.SampleSizeException;
import io.scrilla.api.model.Asset;
import io.scrilla.api.model.DateRange;
import io.scrilla.api.model.Dividend;
import io.scrilla.api.model.EstimationMethod;
import io.scrilla.api.model.Maturity;
import io.scrilla.api.model.PriceHistory;
import io.scrilla.api.model.RiskProfile;
import io.scrilla.api.model.YieldCurve;
import io.scrilla.core.estimate.ReturnSample;
import io.scrilla.core.optimize.Solution;
import io.scrilla.core.stats.CorrelationMatrix;
import io.scrilla.core.stats.MovingAverages;
import io.scrilla.core.stats.Normal;
import io.scrilla.core.valuation.DividendValuation;
import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Date;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.TimeZone;
import org.knowm.xchart.HeatMapChart;
import org.knowm.xchart.HeatMapChartBuilder;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYChartBuilder;
import org.knowm.xchart.XYSeries;
import org.knowm.xchart.XYSeries.XYSeriesRenderStyle;
import org.knowm.xchart.style.AxesChartStyler;
import org.knowm.xchart.style.Styler.LegendLayout;
import org.knowm.xchart.style.Styler.LegendPosition;
import org.knowm.xchart.style.Styler.YAxisPosition;
import org.knowm.xchart.style.markers.SeriesMarkers;

/**
 * Charts of the library's results, as XChart charts of {@value ChartWriter#DEFAULT_WIDTH} x {@value
 * ChartWriter#DEFAULT_HEIGHT} pixels; write them with {@link ChartWriter}. Pure functions;
 * thread-safe (each call returns a new chart, which the caller may restyle).
 *
 * <p>Units on the axes: annual returns, volatilities and yields in percent (0.12 is drawn as 12);
 * daily log returns in percent; prices and dividends in the quote currency per share; dates as
 * {@code YYYY-MM-DD}. Each title names what is drawn, the window and the estimation method where
 * they apply.
 *
 * <pre>{@code
 * List<Solution> frontier = scrilla.efficientFrontier(assets, window, method, Bounds.longOnly(),
 *     10, FrontierSpacing.INCLUSIVE);
 * ChartWriter.write(Charts.efficientFrontier(frontier, window, method), Path.of("frontier.png"));
 * }</pre>
 */
public final class Charts {
  private static final String SANS = Font.SANS_SERIF;

  /** Tick labels of axes whose ticks are whole numbers or halves, e.g. 5, 12.5, 110. */
  private static final String WHOLE = "0.##";

  /** Tick labels of axes of small numbers, e.g. 0.05, 0.1, 1.25. */
  private static final String SMALL = "0.0#";

  private static final Font TITLE_FONT = new Font(SANS, Font.BOLD, 20);
  private static final Font AXIS_TITLE_FONT = new Font(SANS, Font.PLAIN, 16);
  private static final Font TICK_FONT = new Font(SANS, Font.PLAIN, 14);
  private static final Font LEGEND_FONT = new Font(SANS, Font.PLAIN, 14);
  private static final Font LABEL_FONT = new Font(SANS, Font.PLAIN, 14);
  private static final Color GRID = new Color(225, 225, 225);
  private static final Color BLUE = new Color(31, 119, 180);
  private static final Color ORANGE = new Color(255, 127, 14);
  private static final Color GREEN = new Color(44, 160, 44);
  private static final Color RED = new Color(214, 39, 40);
  private static final Color PURPLE = new Color(148, 103, 189);
  private static final Color GREY = new Color(90, 90, 90);
  private static final BasicStroke DASHED =
      new BasicStroke(2f, BasicStroke.CAP_BUTT, BasicStroke.JOIN_MITER, 10f, new float[] {8f}, 0f);
  private static final BasicStroke SOLID = new BasicStroke(2f);

  /** Years of projected dividends drawn after the valuation date (at least 4 payments). */
  private static final double DIVIDEND_HORIZON_YEARS = 2;

  private Charts() {}

  /**
   * Draws an efficient frontier: annual volatility against annual return of each portfolio, in
   * percent, joined in order and numbered 1..n (the order of {@code frontier}, lowest return first
   * as the library returns it), with the portfolio of highest Sharpe ratio marked.
   *
   * @param frontier the efficient portfolios, e.g. from {@code Scrilla.efficientFrontier}
   * @param window the window the statistics were estimated on, for the title
   * @param method the estimation method, for the title
   * @return the chart
   * @throws InvalidInputException when the frontier is empty
   */
  public static XYChart efficientFrontier(
      List<Solution> frontier, DateRange window, EstimationMethod method) {
    Objects.requireNonNull(frontier, "frontier");
    if (frontier.isEmpty()) {
      throw new InvalidInputException("the efficient frontier has no portfolio to plot");
    }
    XYChart chart =
        xy(
            "Efficient frontier of "
                + String.join(", ", frontier.get(0).tickers())
                + " ("
                + window(window)
                + ", "
                + method
                + ")",
            "annual volatility (%)",
            "annual return (%)");
    int n = frontier.size();
    double[] x = new double[n];
    double[] y = new double[n];
    int best = -1;
    PointLabels labels = new PointLabels(LABEL_FONT);
    for (int i = 0; i < n; i++) {
      Solution s = frontier.get(i);
      x[i] = 100 * s.annualVolatility();
      y[i] = 100 * s.annualReturn();
      labels.add(Integer.toString(i + 1), x[i], y[i]);
      if (Double.isFinite(s.sharpeRatio())
          && (best < 0 || s.sharpeRatio() > frontier.get(best).sharpeRatio())) {
        best = i;
      }
    }
    XYSeries line = chart.addSeries("efficient portfolios (1 = minimum variance)", x, y);
    line.setXYSeriesRenderStyle(XYSeriesRenderStyle.Line);
    line.setMarker(SeriesMarkers.CIRCLE);
    line.setLineColor(BLUE);
    line.setMarkerColor(BLUE);
    line.setLineStyle(SOLID);
    if (best >= 0) {
      XYSeries top =
          chart.addSeries(
              String.format(
                  Locale.ROOT,
                  "highest Sharpe ratio: %d (%.2f)",
                  best + 1,
                  frontier.get(best).sharpeRatio()),
              new double[] {x[best]},
              new double[] {y[best]});
      top.setXYSeriesRenderStyle(XYSeriesRenderStyle.Scatter);
      top.setMarker(SeriesMarkers.DIAMOND);
      top.setMarkerColor(RED);
    }
    chart.getStyler().setMarkerSize(10);
    pad(chart, x, y);
    chart.addAnnotation(labels);
    return chart;
  }

  /**
   * Draws each asset's annual volatility against its annual return, in percent, one labelled point
   * per asset.
   *
   * @param profiles the profile of each asset, in the order to draw (e.g. from {@code
   *     Scrilla.riskProfile} or {@code AssetStatistics.profile()})
   * @param window the window the profiles were estimated on, for the title
   * @param method the estimation method, for the title
   * @return the chart
   * @throws InvalidInputException when there is no profile
   */
  public static XYChart riskReturn(
      Map<Asset, RiskProfile> profiles, DateRange window, EstimationMethod method) {
    Objects.requireNonNull(profiles, "profiles");
    if (profiles.isEmpty()) {
      throw new InvalidInputException("no risk profile to plot");
    }
    XYChart chart =
        xy(
            "Risk and return (" + window(window) + ", " + method + ")",
            "annual volatility (%)",
            "annual return (%)");
    int n = profiles.size();
    double[] x = new double[n];
    double[] y = new double[n];
    PointLabels labels = new PointLabels(LABEL_FONT);
    int i = 0;
    for (Map.Entry<Asset, RiskProfile> e : profiles.entrySet()) {
      x[i] = 100 * e.getValue().annualVolatility();
      y[i] = 100 * e.getValue().annualReturn();
      labels.add(e.getKey().toString(), x[i], y[i]);
      i++;
    }
    XYSeries points = chart.addSeries("assets", x, y);
    points.setXYSeriesRenderStyle(XYSeriesRenderStyle.Scatter);
    points.setMarker(SeriesMarkers.CIRCLE);
    points.setMarkerColor(BLUE);
    chart.getStyler().setMarkerSize(11);
    chart.getStyler().setLegendVisible(false);
    pad(chart, x, y);
    chart.addAnnotation(labels);
    return chart;
  }

  /**
   * Draws an asset's closing prices (left axis) with its moving averages of annual return (right
   * axis, percent) over the dates of the averages.
   *
   * @param prices the asset's closes, covering the dates of the averages
   * @param averages the moving averages, e.g. from {@code Scrilla.movingAverages}
   * @return the chart
   * @throws InvalidInputException when the averages have no date, or the prices are of another
   *     asset
   */
  public static XYChart movingAverages(PriceHistory prices, MovingAverages averages) {
    Objects.requireNonNull(prices, "prices");
    Objects.requireNonNull(averages, "averages");
    if (averages.size() == 0) {
      throw new InvalidInputException(
          averages.asset() + ": the moving averages have no date to plot");
    }
    if (!prices.asset().equals(averages.asset())) {
      throw new InvalidInputException(
          "prices of " + prices.asset() + " cannot be drawn with averages of " + averages.asset());
    }
    LocalDate first = averages.date(0);
    LocalDate last = averages.date(averages.size() - 1);
    XYChart chart =
        xy(
            averages.asset()
                + " close and moving averages of annual return ("
                + window(DateRange.of(first, last))
                + ", "
                + averages.method()
                + ")",
            "date",
            "close (quote currency per share)");
    dates(chart);
    PriceHistory shown = prices.slice(DateRange.of(first, last));
    if (shown.isEmpty()) {
      throw new InvalidInputException(
          averages.asset() + ": no price between " + first + " and " + last + " to plot");
    }
    List<Date> px = new ArrayList<>();
    List<Double> py = new ArrayList<>();
    for (int i = 0; i < shown.size(); i++) {
      px.add(date(shown.date(i)));
      py.add(shown.close(i));
    }
    XYSeries close = chart.addSeries("close (left axis)", px, py);
    style(close, GREY, SOLID);
    Color[] colors = {BLUE, ORANGE, GREEN, PURPLE, RED};
    int[] periods = averages.periods();
    for (int j = 0; j < periods.length; j++) {
      List<Date> dx = new ArrayList<>();
      List<Double> dy = new ArrayList<>();
      for (int i = 0; i < averages.size(); i++) {
        var v = averages.value(i, j);
        if (v.isPresent()) {
          dx.add(date(averages.date(i)));
          dy.add(100 * v.getAsDouble());
        }
      }
      if (dx.isEmpty()) {
        continue;
      }
      XYSeries s = chart.addSeries("MA " + periods[j] + " (right axis)", dx, dy);
      style(s, colors[j % colors.length], SOLID);
      s.setYAxisGroup(1);
    }
    chart.setYAxisGroupTitle(1, "moving average of annual return (%)");
    chart.getStyler().setYAxisGroupPosition(1, YAxisPosition.Right);
    chart.getStyler().setLegendPosition(LegendPosition.OutsideS);
    chart.getStyler().setLegendLayout(LegendLayout.Horizontal);
    return chart;
  }

  /**
   * Draws a par yield curve: time to maturity in years against the yield in percent, one point per
   * published maturity.
   *
   * @param curve the curve, e.g. from {@code Scrilla.yieldCurve}
   * @return the chart
   * @throws InvalidInputException when the curve has no rate
   */
  public static XYChart yieldCurve(YieldCurve curve) {
    Objects.requireNonNull(curve, "curve");
    if (curve.rates().isEmpty()) {
      throw new InvalidInputException("the yield curve of " + curve.date() + " has no rate");
    }
    XYChart chart =
        xy(
            "US Treasury par yield curve on " + curve.date(),
            "time to maturity (years)",
            "yield (% a year)");
    int n = curve.rates().size();
    double[] x = new double[n];
    double[] y = new double[n];
    PointLabels labels = new PointLabels(LABEL_FONT);
    int i = 0;
    for (Map.Entry<Maturity, Double> e : curve.rates().entrySet()) {
      x[i] = e.getKey().years();
      y[i] = 100 * e.getValue();
      labels.add(shortName(e.getKey()), x[i], y[i]);
      i++;
    }
    chart.addAnnotation(labels);
    XYSeries s = chart.addSeries("par yield", x, y);
    style(s, BLUE, SOLID);
    s.setMarker(SeriesMarkers.CIRCLE);
    s.setMarkerColor(BLUE);
    chart.getStyler().setMarkerSize(9);
    chart.getStyler().setLegendVisible(false);
    chart.getStyler().setXAxisMin(0.0);
    chart.getStyler().setXAxisMax(30.0);
    double[] ys = y.clone();
    Arrays.sort(ys);
    double span = Math.max(ys[n - 1] - ys[0], 0.1);
    chart
        .getStyler()
        .setYAxisMin(ys[0] >= 0 ? Math.max(0, ys[0] - 0.1 * span) : ys[0] - 0.1 * span);
    chart.getStyler().setYAxisMax(ys[n - 1] + 0.1 * span);
    chart.getStyler().setYAxisDecimalPattern(SMALL);
    return chart;
  }

  /**
   * Draws an asset's dividend payments with the dividend discount model's trend: the regression
   * line {@link DividendValuation#trendAmount} from the first payment to the valuation date, and
   * the payments the model projects after it ({@link DividendValuation#projectedAmount} at {@link
   * DividendValuation#projectedPaymentTime}, before discounting) over the next two years or four
   * payments, whichever is longer.
   *
   * @param asset the asset, for the title
   * @param dividends the payments to draw
   * @param valuation the model fitted to those payments, e.g. from {@code
   *     Scrilla.discountDividendModel}
   * @return the chart
   * @throws InvalidInputException when there is no payment
   */
  public static XYChart dividends(
      Asset asset, List<Dividend> dividends, DividendValuation valuation) {
    Objects.requireNonNull(asset, "asset");
    Objects.requireNonNull(dividends, "dividends");
    Objects.requireNonNull(valuation, "valuation");
    if (dividends.isEmpty()) {
      throw new InvalidInputException(asset + ": no dividend to plot");
    }
    XYChart chart =
        xy(
            String.format(
                Locale.ROOT,
                "%s dividends and the dividend model (value %.2f at %.2f%% a year, as of %s)",
                asset,
                valuation.netPresentValue(),
                100 * valuation.discountRate(),
                valuation.valuationDate()),
            "payment date",
            "dividend (quote currency per share)");
    dates(chart);
    List<Date> px = new ArrayList<>();
    List<Double> py = new ArrayList<>();
    for (Dividend d : dividends) {
      px.add(date(d.date()));
      py.add(d.amount());
    }
    XYSeries paid = chart.addSeries("payments", px, py);
    paid.setXYSeriesRenderStyle(XYSeriesRenderStyle.Scatter);
    paid.setMarker(SeriesMarkers.CIRCLE);
    paid.setMarkerColor(BLUE);

    LocalDate start = valuation.trendStart();
    LocalDate v = valuation.valuationDate();
    XYSeries fit =
        chart.addSeries(
            "model trend: fitted to the payments",
            List.of(date(start), date(v)),
            List.of(valuation.trendAmount(start), valuation.trendAmount(v)));
    style(fit, ORANGE, SOLID);

    List<Date> fx = new ArrayList<>();
    List<Double> fy = new ArrayList<>();
    double horizon = Math.max(DIVIDEND_HORIZON_YEARS, 4 * valuation.period());
    for (int i = 0; i < valuation.terms(); i++) {
      double t = valuation.projectedPaymentTime(i);
      if (t > horizon + 1e-9 && i >= 1) {
        break;
      }
      fx.add(date(v.plusDays(Math.round(t * 365))));
      fy.add(valuation.projectedAmount(t));
    }
    XYSeries projected = chart.addSeries("model projection: next payments", fx, fy);
    style(projected, ORANGE, DASHED);
    projected.setMarker(SeriesMarkers.DIAMOND);
    projected.setMarkerColor(ORANGE);

    double top = 0;
    for (double a : py) {
      top = Math.max(top, a);
    }
    for (double a : fy) {
      top = Math.max(top, a);
    }
    top *= 1.1;
    XYSeries today =
        chart.addSeries("valuation date " + v, List.of(date(v), date(v)), List.of(0.0, top));
    style(today, GREY, DASHED);
    chart.getStyler().setMarkerSize(9);
    chart.getStyler().setYAxisMin(0.0);
    chart.getStyler().setYAxisMax(top);
    chart.getStyler().setYAxisDecimalPattern(SMALL);
    chart.getStyler().setLegendPosition(LegendPosition.InsideNW);
    return chart;
  }

  /**
   * Draws a normal QQ plot of an asset's daily log returns: the sorted returns (percent) against
   * the standard normal quantiles {@code Phi^-1((i - 1/2) / n)}, with the line of the normal fitted
   * by the library ({@code mean nu tau}, {@code sd sigma sqrt(tau)} from the profile, tau the
   * trading period). Points off the line in the tails show fatter tails than the model's.
   *
   * @param prices the closes in the window, at least 3
   * @param fitted the risk profile estimated on the same window
   * @param method the method that estimated it, for the title
   * @return the chart
   * @throws SampleSizeException with fewer than 3 prices
   */
  public static XYChart returnQq(PriceHistory prices, RiskProfile fitted, EstimationMethod method) {
    Returns r = Returns.of(prices, fitted);
    XYChart chart =
        xy(
            prices.asset()
                + " daily log returns against the normal ("
                + window(r.window())
                + ", "
                + r.values().length
                + " returns, "
                + method
                + ")",
            "standard normal quantile",
            "daily log return (%)");
    double[] sorted = r.values().clone();
    Arrays.sort(sorted);
    int n = sorted.length;
    double[] z = new double[n];
    for (int i = 0; i < n; i++) {
      z[i] = Normal.quantile((i + 0.5) / n);
    }
    XYSeries points = chart.addSeries("returns", z, sorted);
    points.setXYSeriesRenderStyle(XYSeriesRenderStyle.Scatter);
    points.setMarker(SeriesMarkers.CIRCLE);
    points.setMarkerColor(BLUE);
    XYSeries line =
        chart.addSeries(
            fittedName(r, method),
            new double[] {z[0], z[n - 1]},
            new double[] {r.mean() + r.sd() * z[0], r.mean() + r.sd() * z[n - 1]});
    style(line, RED, SOLID);
    chart.getStyler().setMarkerSize(6);
    chart.getStyler().setXAxisDecimalPattern(SMALL);
    chart.getStyler().setYAxisDecimalPattern(SMALL);
    return chart;
  }

  /**
   * Draws a histogram of an asset's daily log returns (percent) as a probability density, with the
   * density of the normal fitted by the library ({@code mean nu tau}, {@code sd sigma sqrt(tau)}
   * from the profile). Bins of equal width, {@code ceil(2 n^(1/3))} of them (the Rice rule).
   *
   * @param prices the closes in the window, at least 3
   * @param fitted the risk profile estimated on the same window
   * @param method the method that estimated it, for the title
   * @return the chart
   * @throws SampleSizeException with fewer than 3 prices
   */
  public static XYChart returnDistribution(
      PriceHistory prices, RiskProfile fitted, EstimationMethod method) {
    Returns r = Returns.of(prices, fitted);
    double[] v = r.values();
    int n = v.length;
    XYChart chart =
        xy(
            prices.asset()
                + " distribution of daily log returns ("
                + window(r.window())
                + ", "
                + n
                + " returns, "
                + method
                + ")",
            "daily log return (%)",
            "probability density (per percentage point)");
    double lo = Arrays.stream(v).min().orElseThrow();
    double hi = Arrays.stream(v).max().orElseThrow();
    if (hi == lo) {
      hi = lo + 1e-9;
    }
    int bins = (int) Math.ceil(2 * Math.cbrt(n));
    double width = (hi - lo) / bins;
    int[] counts = new int[bins];
    for (double x : v) {
      counts[Math.min(bins - 1, (int) ((x - lo) / width))]++;
    }
    // the outline of the bars: up, across and down each bin
    double[] hx = new double[2 * bins + 2];
    double[] hy = new double[2 * bins + 2];
    hx[0] = lo;
    for (int b = 0; b < bins; b++) {
      double density = counts[b] / (n * width);
      hx[2 * b + 1] = lo + b * width;
      hy[2 * b + 1] = density;
      hx[2 * b + 2] = lo + (b + 1) * width;
      hy[2 * b + 2] = density;
    }
    hx[2 * bins + 1] = hi;
    XYSeries bars = chart.addSeries("returns (" + bins + " bins)", hx, hy);
    bars.setXYSeriesRenderStyle(XYSeriesRenderStyle.Area);
    bars.setMarker(SeriesMarkers.NONE);
    bars.setLineColor(BLUE);
    bars.setFillColor(new Color(31, 119, 180, 110));
    int points = 200;
    double from = Math.min(lo, r.mean() - 4 * r.sd());
    double to = Math.max(hi, r.mean() + 4 * r.sd());
    double[] dx = new double[points + 1];
    double[] dy = new double[points + 1];
    for (int i = 0; i <= points; i++) {
      dx[i] = from + (to - from) * i / points;
      dy[i] = Normal.density((dx[i] - r.mean()) / r.sd()) / r.sd();
    }
    XYSeries density = chart.addSeries(fittedName(r, method), dx, dy);
    style(density, RED, SOLID);
    chart.getStyler().setYAxisMin(0.0);
    chart.getStyler().setXAxisDecimalPattern(SMALL);
    chart.getStyler().setYAxisDecimalPattern(SMALL);
    return chart;
  }

  /**
   * Draws a correlation matrix as a heatmap: the tickers on both axes (the first at the top left),
   * each cell coloured from blue (-1) through white (0) to red (+1) and showing its value with two
   * decimals (a value below 0.005 in magnitude shows as 0.00).
   *
   * @param matrix the matrix, e.g. from {@code Scrilla.correlationMatrix}
   * @param window the window it was estimated on, for the title
   * @param method the estimation method, for the title
   * @return the chart
   * @throws InvalidInputException when the matrix is empty
   */
  public static HeatMapChart correlations(
      CorrelationMatrix matrix, DateRange window, EstimationMethod method) {
    Objects.requireNonNull(matrix, "matrix");
    int n = matrix.size();
    if (n == 0) {
      throw new InvalidInputException("the correlation matrix has no asset to plot");
    }
    HeatMapChart chart =
        new HeatMapChartBuilder()
            .width(ChartWriter.DEFAULT_WIDTH)
            .height(ChartWriter.DEFAULT_HEIGHT)
            .title("Correlation of daily log returns (" + window(window) + ", " + method + ")")
            .xAxisTitle("ticker")
            .yAxisTitle("ticker")
            .build();
    var styler = chart.getStyler();
    style(styler);
    styler.setMin(-1);
    styler.setMax(1);
    styler.setRangeColors(new Color[] {BLUE, Color.WHITE, RED});
    styler.setShowValue(true);
    styler.setValueFont(new Font(SANS, Font.PLAIN, n > 12 ? 11 : 16));
    styler.setValueFontColor(Color.BLACK);
    styler.setHeatMapValueDecimalPattern("0.00");
    styler.setDrawBorder(true);
    styler.setLegendPosition(LegendPosition.OutsideE);
    styler.setPlotContentSize(1.0);
    styler.setPlotGridLinesVisible(false);
    List<String> xs = new ArrayList<>();
    List<String> ys = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      xs.add(matrix.assets().get(i).toString());
      ys.add(matrix.assets().get(n - 1 - i).toString());
    }
    List<Number[]> cells = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      for (int j = 0; j < n; j++) {
        // x index j (column), y index counted from the bottom: row i drawn at n - 1 - i
        cells.add(new Number[] {j, n - 1 - i, cell(matrix.get(i, j))});
      }
    }
    chart.addSeries("correlation", xs, ys, cells);
    return chart;
  }

  // ---------------------------------------------------------------- helpers

  /** Returns the correlation to colour and print, 0 for one that prints as 0.00 (not -0.00). */
  private static double cell(double c) {
    return Math.abs(c) < 0.005 ? 0.0 : c;
  }

  /** The daily log returns of a price history in percent, with the fitted normal's parameters. */
  private record Returns(double[] values, double mean, double sd, DateRange window) {
    static Returns of(PriceHistory prices, RiskProfile fitted) {
      Objects.requireNonNull(prices, "prices");
      Objects.requireNonNull(fitted, "fitted");
      if (prices.size() < 3) {
        throw new SampleSizeException(
            prices.asset()
                + ": "
                + prices.size()
                + " price(s) in the window; a plot of returns needs at least 3");
      }
      double tau = prices.asset().type().tradingPeriod();
      double[] r = ReturnSample.ofCloses(prices.closes(), tau).logReturns();
      for (int i = 0; i < r.length; i++) {
        r[i] *= 100;
      }
      return new Returns(
          r,
          100 * fitted.logDrift() * tau,
          Math.max(100 * fitted.annualVolatility() * Math.sqrt(tau), 1e-9),
          DateRange.of(prices.firstDate(), prices.lastDate()));
    }
  }

  private static String fittedName(Returns r, EstimationMethod method) {
    return String.format(
        Locale.ROOT, "normal fitted by %s: mean %.3f%%, sd %.3f%% a day", method, r.mean(), r.sd());
  }

  /** Returns a maturity's short name: {@code 1M} ... {@code 6M}, {@code 1Y} ... {@code 30Y}. */
  private static String shortName(Maturity m) {
    double years = m.years();
    return years < 1 ? Math.round(years * 12) + "M" : Math.round(years) + "Y";
  }

  private static XYChart xy(String title, String xTitle, String yTitle) {
    XYChart chart =
        new XYChartBuilder()
            .width(ChartWriter.DEFAULT_WIDTH)
            .height(ChartWriter.DEFAULT_HEIGHT)
            .title(title)
            .xAxisTitle(xTitle)
            .yAxisTitle(yTitle)
            .build();
    style(chart.getStyler());
    chart.getStyler().setXAxisDecimalPattern(WHOLE);
    chart.getStyler().setYAxisDecimalPattern(WHOLE);
    chart.getStyler().setLegendPosition(LegendPosition.InsideNW);
    return chart;
  }

  private static void style(AxesChartStyler s) {
    s.setChartTitleFont(TITLE_FONT);
    s.setAxisTitleFont(AXIS_TITLE_FONT);
    s.setAxisTickLabelsFont(TICK_FONT);
    s.setLegendFont(LEGEND_FONT);
    s.setChartBackgroundColor(Color.WHITE);
    s.setPlotBackgroundColor(Color.WHITE);
    s.setPlotBorderColor(GREY);
    s.setPlotGridLinesColor(GRID);
    s.setChartTitleBoxVisible(false);
    s.setLegendBorderColor(GRID);
    s.setChartPadding(14);
    s.setAntiAlias(true);
    s.setLocale(Locale.ROOT);
  }

  private static void style(XYSeries s, Color color, BasicStroke stroke) {
    s.setXYSeriesRenderStyle(XYSeriesRenderStyle.Line);
    s.setMarker(SeriesMarkers.NONE);
    s.setLineColor(color);
    s.setLineStyle(stroke);
  }

  /** Sets a date axis: ISO dates in UTC. */
  private static void dates(XYChart chart) {
    chart.getStyler().setDatePattern("yyyy-MM-dd");
    chart.getStyler().setTimezone(TimeZone.getTimeZone(ZoneOffset.UTC));
    chart.getStyler().setXAxisLabelRotation(0);
  }

  private static Date date(LocalDate d) {
    return Date.from(d.atStartOfDay(ZoneOffset.UTC).toInstant());
  }

  /** Leaves room around the points for their labels: 8% of each range (at least 0.5 units). */
  private static void pad(XYChart chart, double[] x, double[] y) {
    double[] xs = x.clone();
    double[] ys = y.clone();
    Arrays.sort(xs);
    Arrays.sort(ys);
    double px = Math.max(0.08 * (xs[xs.length - 1] - xs[0]), 0.5);
    double py = Math.max(0.08 * (ys[ys.length - 1] - ys[0]), 0.5);
    chart.getStyler().setXAxisMin(xs[0] - px);
    chart.getStyler().setXAxisMax(xs[xs.length - 1] + px);
    chart.getStyler().setYAxisMin(ys[0] - py);
    chart.getStyler().setYAxisMax(ys[ys.length - 1] + py);
    chart.getStyler().setXAxisDecimalPattern(decimals(xs[xs.length - 1] - xs[0] + 2 * px));
    chart.getStyler().setYAxisDecimalPattern(decimals(ys[ys.length - 1] - ys[0] + 2 * py));
  }

  /** Returns tick labels with as many decimals as a span of that width needs: 0, 1 or 2. */
  private static String decimals(double span) {
    return span < 2 ? "0.00" : span < 20 ? "0.0" : "0";
  }

  private static String window(DateRange window) {
    Objects.requireNonNull(window, "window");
    return window.start() + " to " + window.end();
  }
}
