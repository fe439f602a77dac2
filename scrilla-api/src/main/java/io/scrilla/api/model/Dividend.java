package io.scrilla.api.model;

import io.scrilla.api.error.InvalidInputException;
import java.time.LocalDate;
import java.util.Objects;

/**
 * One cash dividend; immutable.
 *
 * @param date the payment date (when the cash arrives; the dividend model discounts from it)
 * @param amount cash per share in the quote currency, positive
 */
public record Dividend(LocalDate date, double amount) {

  /** Checks that the amount is finite and positive. */
  public Dividend {
    Objects.requireNonNull(date, "date");
    if (!(amount > 0) || Double.isInfinite(amount)) {
      throw new InvalidInputException(
          "dividend of " + date + ": amount " + amount + " is not positive");
    }
  }
}
