/**
 * Charts of the library's results, drawn with XChart and written to PNG or SVG without a display.
 *
 * <p>{@link io.scrilla.plot.Charts} turns a result into a chart: an efficient frontier, a
 * risk-return scatter, moving averages over the closing prices, a yield curve, dividends with the
 * dividend discount model's trend, a QQ plot and a histogram of daily log returns against the
 * fitted normal, a correlation heatmap. {@link io.scrilla.plot.ChartWriter} writes a chart to a
 * {@code .png} or {@code .svg} file (1200 x 800 pixels unless told otherwise) or draws it into a
 * {@link java.awt.image.BufferedImage}, e.g. to show inline in a notebook.
 *
 * <pre>{@code
 * XYChart chart = Charts.efficientFrontier(frontier, window, EstimationMethod.MOMENTS);
 * ChartWriter.write(chart, Path.of("frontier.png"));
 * }</pre>
 */
package io.scrilla.plot;
