package io.scrilla.commands;

import io.scrilla.api.error.InvalidInputException;
import io.scrilla.api.model.EstimationMethod;
import picocli.CommandLine.Option;

/**
 * The estimation method: {@code --method NAME} or one of scrilla's flags ({@code -moments/-mom},
 * {@code -percentiles/-per}, {@code -likelihood/-like}, each with one or two dashes).
 */
public final class MethodOptions {
  @Option(
      names = {"--method", "-method"},
      paramLabel = "METHOD",
      description =
          "moments, percentiles or likelihood (also percents, likely); default"
              + " DEFAULT_ESTIMATION_METHOD")
  String method;

  @Option(
      names = {"--moments", "-moments", "--mom", "-mom"},
      description = "same as --method moments")
  boolean moments;

  @Option(
      names = {"--percentiles", "-percentiles", "--per", "-per"},
      description = "same as --method percentiles")
  boolean percentiles;

  @Option(
      names = {"--likelihood", "-likelihood", "--like", "-like"},
      description = "same as --method likelihood")
  boolean likelihood;

  /**
   * Returns the estimation method chosen, or the default.
   *
   * @throws InvalidInputException when more than one method is given
   */
  public EstimationMethod method(EstimationMethod dflt) {
    int flags =
        (moments ? 1 : 0) + (percentiles ? 1 : 0) + (likelihood ? 1 : 0) + (method != null ? 1 : 0);
    if (flags > 1) {
      throw new InvalidInputException(
          "more than one estimation method given: use one of --method, -moments, -percentiles,"
              + " -likelihood");
    }
    if (moments) {
      return EstimationMethod.MOMENTS;
    }
    if (percentiles) {
      return EstimationMethod.PERCENTILES;
    }
    if (likelihood) {
      return EstimationMethod.LIKELIHOOD;
    }
    return method == null ? dflt : EstimationMethod.parse(method);
  }
}
