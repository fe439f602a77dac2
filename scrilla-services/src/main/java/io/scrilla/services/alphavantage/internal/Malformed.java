package io.scrilla.services.alphavantage.internal;

import io.scrilla.api.error.MalformedResponseException;

/** Builds the error for an AlphaVantage answer that cannot be used. */
final class Malformed {
  private Malformed() {}

  /** Returns the error for a body that is not JSON or is cut short: a retry may succeed. */
  static MalformedResponseException syntax(String what, String problem) {
    return new MalformedResponseException(
        what
            + ": unusable answer from AlphaVantage: "
            + problem
            + "; nothing from it was kept. Try again later",
        true);
  }

  /** Returns the error for well-formed JSON holding bad data. */
  static MalformedResponseException content(String what, String problem) {
    return new MalformedResponseException(
        what + ": unusable answer from AlphaVantage: " + problem + "; nothing from it was kept",
        false);
  }
}
