package io.scrilla.api.model;

import io.scrilla.api.error.InvalidInputException;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Collections;
import java.util.EnumMap;
import java.util.Map;
import java.util.Objects;
import java.util.OptionalDouble;

/**
 * The US Treasury's par yield curve on one date; immutable.
 *
 * <p>Rates are annualized decimal fractions (the Treasury publishes percent: 1.54 becomes 0.0154).
 * A maturity the Treasury did not publish that day is absent.
 *
 * @param date the date of the curve
 * @param rates the rate of each published maturity, decimal fractions
 */
public record YieldCurve(LocalDate date, Map<Maturity, Double> rates) {

  /** Copies the rates and checks that each is finite. */
  public YieldCurve {
    Objects.requireNonNull(date, "date");
    Objects.requireNonNull(rates, "rates");
    EnumMap<Maturity, Double> copy = new EnumMap<>(Maturity.class);
    for (Map.Entry<Maturity, Double> e : rates.entrySet()) {
      double r = Objects.requireNonNull(e.getValue(), "rate");
      if (!Double.isFinite(r)) {
        throw new InvalidInputException(
            "yield curve " + date + ": rate for " + e.getKey() + " is " + r);
      }
      copy.put(Objects.requireNonNull(e.getKey(), "maturity"), r);
    }
    rates = Collections.unmodifiableMap(copy);
  }

  /**
   * Converts a rate published in percent to the decimal fraction nearest to its exact value ({@code
   * "1.45"} becomes {@code 0.0145}, where {@code 1.45 / 100} would give {@code
   * 0.014499999999999999}), so every source of the same figure yields the same double.
   *
   * @param percent the published text, e.g. {@code "1.45"}
   * @throws NumberFormatException when the text is not a decimal number
   */
  public static double fromPercent(String percent) {
    return new BigDecimal(percent.trim()).movePointLeft(2).doubleValue();
  }

  /** Returns the rate of {@code maturity} as a decimal fraction, if published that day. */
  public OptionalDouble rate(Maturity maturity) {
    Double r = rates.get(maturity);
    return r == null ? OptionalDouble.empty() : OptionalDouble.of(r);
  }
}
