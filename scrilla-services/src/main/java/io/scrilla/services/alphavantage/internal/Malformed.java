package io.scrilla.services.alphavantage.internal;

import io.scrilla.api.error.ServiceException;

/** Builds the error for an answer that cannot be used. */
final class Malformed {
  private Malformed() {}

  /** Returns the error for a body that is not JSON or is cut short: a retry may succeed. */
  static ServiceException syntax(String what, String problem) {
    return new ServiceException(what + ": unusable answer from AlphaVantage: " + problem
        + "; nothing from it was kept. Try again later", 200, true, null);
  }

  /** Returns the error for well-formed JSON holding bad data. */
  static ServiceException content(String what, String problem) {
    return new ServiceException(what + ": unusable answer from AlphaVantage: " + problem
        + "; nothing from it was kept", 200, false, null);
  }
}
