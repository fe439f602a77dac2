package io.scrilla.core.allocate;

import io.scrilla.api.error.InvalidInputException;
import java.math.BigDecimal;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Units bought per ticker with the amount invested and the cash left; immutable and thread-safe.
 *
 * <p>All numbers are exact: {@code invested = sum_j units_j * price_j} over the exact binary values
 * of the prices, and {@code cashLeft = amount - invested}, never negative.
 *
 * @param tickers tickers, in the order of {@code units}
 * @param units units bought (whole shares, or fractional crypto units), not negative
 * @param amount the amount to invest, quote currency
 * @param invested the amount spent, at most {@code amount}
 * @param cashLeft {@code amount - invested}
 */
public record Allocation(
    List<String> tickers,
    List<BigDecimal> units,
    BigDecimal amount,
    BigDecimal invested,
    BigDecimal cashLeft) {

  /** Validates sizes and that the cash left is not negative and adds up. */
  public Allocation {
    tickers = List.copyOf(Objects.requireNonNull(tickers, "tickers"));
    units = List.copyOf(Objects.requireNonNull(units, "units"));
    Objects.requireNonNull(amount, "amount");
    Objects.requireNonNull(invested, "invested");
    Objects.requireNonNull(cashLeft, "cashLeft");
    if (tickers.size() != units.size()) {
      throw new InvalidInputException(
          units.size() + " unit counts for " + tickers.size() + " tickers");
    }
    if (cashLeft.signum() < 0 || invested.add(cashLeft).compareTo(amount) != 0) {
      throw new InvalidInputException(
          "allocation does not add up: invested "
              + invested
              + " + cash left "
              + cashLeft
              + " != amount "
              + amount);
    }
  }

  /** Returns the units by ticker, in ticker order (the CLI's {@code shares} object). */
  public Map<String, BigDecimal> shares() {
    Map<String, BigDecimal> m = new LinkedHashMap<>();
    for (int i = 0; i < tickers.size(); i++) {
      m.put(tickers.get(i), units.get(i));
    }
    return Collections.unmodifiableMap(m);
  }
}
