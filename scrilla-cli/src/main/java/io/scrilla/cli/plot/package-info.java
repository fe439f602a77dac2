/**
 * The plot commands of the command line ({@code plot-ef}, {@code plot-rp}, {@code plot-mas}, {@code
 * plot-yield}, {@code plot-divs}, {@code plot-rets}, {@code plot-dist}, {@code plot-cors}): each
 * extends the command it draws, so it takes that command's options, and writes the chart of {@code
 * io.scrilla.plot} to {@code --plot FILE} instead of printing the numbers. Plots belong to the
 * command line only: the Lambda handler, built on {@code io.scrilla.commands}, carries no charting
 * library.
 */
package io.scrilla.cli.plot;
