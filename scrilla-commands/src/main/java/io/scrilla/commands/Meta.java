package io.scrilla.commands;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.scrilla.api.model.DateRange;
import io.scrilla.api.model.EstimationMethod;
import io.scrilla.api.model.Maturity;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalDouble;

/**
 * How a result was computed: the window of the prices actually used (after cutting to the data
 * available), the estimation method, the risk-free rate and the date of the Treasury curve it came
 * from, and the data source. Printed as the JSON {@code "meta"} object ({@code start}, {@code end},
 * {@code method}, {@code risk_free_rate}, {@code risk_free_date}, {@code source}: only the keys
 * that apply) and as the header line of a table. Immutable: each {@code with} method returns a
 * copy.
 */
public final class Meta {
  private static final Meta EMPTY = new Meta(null, null, null, null, null, null);

  private final DateRange window;
  private final EstimationMethod method;
  private final Double riskFreeRate;
  private final LocalDate riskFreeDate;
  private final Maturity maturity;
  private final String source;

  private Meta(
      DateRange window,
      EstimationMethod method,
      Double riskFreeRate,
      LocalDate riskFreeDate,
      Maturity maturity,
      String source) {
    this.window = window;
    this.method = method;
    this.riskFreeRate = riskFreeRate;
    this.riskFreeDate = riskFreeDate;
    this.maturity = maturity;
    this.source = source;
  }

  /** Returns a meta with no key. */
  public static Meta empty() {
    return EMPTY;
  }

  /** Returns a copy with the window of the prices used. */
  public Meta withWindow(DateRange used) {
    Objects.requireNonNull(used, "used");
    return new Meta(used, method, riskFreeRate, riskFreeDate, maturity, source);
  }

  /** Returns a copy with the estimation method. */
  public Meta withMethod(EstimationMethod m) {
    Objects.requireNonNull(m, "m");
    return new Meta(window, m, riskFreeRate, riskFreeDate, maturity, source);
  }

  /**
   * Returns a copy with a risk-free rate given by the user (no curve date).
   *
   * @param rate annualized decimal fraction
   */
  public Meta withRiskFreeRate(double rate) {
    return new Meta(window, method, rate, null, null, source);
  }

  /**
   * Returns a copy with the risk-free rate of a Treasury curve.
   *
   * @param rate annualized decimal fraction
   * @param m the maturity ({@code RISK_FREE})
   * @param curveDate the date of the curve
   */
  public Meta withRiskFreeRate(double rate, Maturity m, LocalDate curveDate) {
    Objects.requireNonNull(m, "m");
    Objects.requireNonNull(curveDate, "curveDate");
    return new Meta(window, method, rate, curveDate, m, source);
  }

  /** Returns a copy with the data source (a source identity or name). */
  public Meta withSource(String s) {
    Objects.requireNonNull(s, "s");
    return new Meta(window, method, riskFreeRate, riskFreeDate, maturity, s);
  }

  /** Returns the window of the prices used, if it applies. */
  public Optional<DateRange> window() {
    return Optional.ofNullable(window);
  }

  /** Returns the estimation method, if it applies. */
  public Optional<EstimationMethod> method() {
    return Optional.ofNullable(method);
  }

  /** Returns the risk-free rate used, if any. */
  public OptionalDouble riskFreeRate() {
    return riskFreeRate == null ? OptionalDouble.empty() : OptionalDouble.of(riskFreeRate);
  }

  /** Returns the date of the Treasury curve of the risk-free rate, when it came from one. */
  public Optional<LocalDate> riskFreeDate() {
    return Optional.ofNullable(riskFreeDate);
  }

  /** Returns the data source, if known. */
  public Optional<String> source() {
    return Optional.ofNullable(source);
  }

  /** Returns whether no key applies. */
  public boolean isEmpty() {
    return window == null && method == null && riskFreeRate == null && source == null;
  }

  /** Returns the JSON object: only the keys that apply, numbers at full precision. */
  public ObjectNode json() {
    ObjectNode node = Json.object();
    if (window != null) {
      node.put("start", window.start().toString());
      node.put("end", window.end().toString());
    }
    if (method != null) {
      node.put("method", method.canonicalName());
    }
    if (riskFreeRate != null) {
      Json.put(node, "risk_free_rate", riskFreeRate);
    }
    if (riskFreeDate != null) {
      node.put("risk_free_date", riskFreeDate.toString());
    }
    if (source != null) {
      node.put("source", source);
    }
    return node;
  }

  /**
   * Returns the header line of a table, e.g. {@code window 2021-06-01 to 2021-09-30; method
   * moments; risk-free rate 0.05% (ONE_YEAR Treasury yield of 2021-09-30); source csv:sample}.
   */
  public String line() {
    List<String> parts = new ArrayList<>();
    if (window != null) {
      parts.add("window " + window.start() + " to " + window.end());
    }
    if (method != null) {
      parts.add("method " + method.canonicalName());
    }
    if (riskFreeRate != null) {
      parts.add(
          "risk-free rate "
              + Output.percent(riskFreeRate)
              + (riskFreeDate == null
                  ? " (given)"
                  : " (" + maturity + " Treasury yield of " + riskFreeDate + ")"));
    }
    if (source != null) {
      parts.add("source " + source);
    }
    return String.join("; ", parts);
  }
}
