package io.scrilla.aws.lambda;

import io.scrilla.api.error.ErrorCode;
import io.scrilla.api.error.ScrillaException;
import java.util.Locale;

/**
 * The kinds of failure a response names in {@code {"error": {"type": ..., "message": ...}}}, with
 * the HTTP status of each behind a proxy: the one place that sorts failures into the caller's (400)
 * and the service's (5xx).
 *
 * <p>A library failure has the type of its {@link ErrorCode}, in lower case ({@code invalid_input},
 * {@code price_unavailable}, {@code service_unavailable}, ...); the handler adds {@code
 * malformed_json}, {@code unknown_function} and {@code forbidden_function}. Types are never renamed
 * or removed; new ones may be added.
 */
enum ErrorType {
  /** The event (or a proxy event's body) is not a JSON object. */
  MALFORMED_JSON(400),
  /** The event names no function, or one that scrilla does not have. */
  UNKNOWN_FUNCTION(400),
  /** The function exists but this deployment does not serve it. */
  FORBIDDEN_FUNCTION(400),
  /** A bad key, value, ticker, date or option: the caller can correct it. */
  INVALID_INPUT(400),
  /** The window holds too few prices for the statistic asked for. */
  SAMPLE_TOO_SMALL(400),
  /** The data source has no price, rate or dividend for the ticker and dates asked for. */
  PRICE_UNAVAILABLE(400),
  /** A data service could not be reached or failed on its side; a retry may succeed. */
  SERVICE_UNAVAILABLE(502),
  /** A data service refused the request (a rejected key, a premium-only output). */
  SERVICE_REFUSED(502),
  /** A data service refused the request because the key's quota is used up. */
  QUOTA_EXCEEDED(502),
  /** A data service answered with something that cannot be used. */
  PARSE(502),
  /** The DynamoDB cache failed to read or write, or its tables cannot be checked. */
  CACHE(503),
  /** The function is configured wrongly (its environment, the API key's secret). */
  CONFIGURATION(500),
  /** Anything else: a fault of scrilla itself, described only in the function's log. */
  INTERNAL(500);

  private final int status;

  ErrorType(int status) {
    this.status = status;
  }

  /** Returns the type as written in responses, e.g. {@code invalid_input}. */
  String type() {
    return name().toLowerCase(Locale.ROOT);
  }

  /** Returns the HTTP status of a proxy response: 400, 500, 502 or 503. */
  int status() {
    return status;
  }

  /** Returns whether the caller can correct the failure (status 400). */
  boolean isClient() {
    return status == 400;
  }

  /** Returns the type of a library failure's code. */
  static ErrorType of(ErrorCode code) {
    return switch (code) {
      case INVALID_INPUT -> INVALID_INPUT;
      case CONFIGURATION -> CONFIGURATION;
      case SAMPLE_TOO_SMALL -> SAMPLE_TOO_SMALL;
      case PRICE_UNAVAILABLE -> PRICE_UNAVAILABLE;
      case SERVICE_UNAVAILABLE -> SERVICE_UNAVAILABLE;
      case SERVICE_REFUSED -> SERVICE_REFUSED;
      case QUOTA_EXCEEDED -> QUOTA_EXCEEDED;
      case PARSE -> PARSE;
      case CACHE -> CACHE;
      case INTERNAL -> INTERNAL;
    };
  }

  /**
   * Returns the type of any failure: a rejected event's own type, a library failure's code, and
   * {@link #INTERNAL} for anything else.
   */
  static ErrorType of(Throwable failure) {
    if (failure instanceof Rejection r) {
      return r.type();
    }
    if (failure instanceof ScrillaException e) {
      return of(e.code());
    }
    return INTERNAL;
  }
}
