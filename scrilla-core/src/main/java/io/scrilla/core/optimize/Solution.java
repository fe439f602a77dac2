package io.scrilla.core.optimize;

import io.scrilla.api.error.InvalidInputException;
import io.scrilla.api.model.Asset;
import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * An optimized portfolio: its assets and weights in the same order with their return, volatility
 * and Sharpe ratio, and how the solver ended; immutable and thread-safe.
 *
 * <p>Units: weights are decimal fractions of the invested amount summing to 1; return and
 * volatility annualized decimal fractions; the Sharpe ratio {@code (R - r_f) / V} (IEEE division
 * when {@code V = 0}).
 *
 * <p>{@code kktResidual} is the largest violation of the Karush-Kuhn-Tucker conditions of the
 * quadratic program that was solved (stationarity, primal feasibility, dual feasibility of the
 * bound multipliers, complementarity), measured with the covariance as given (without the pivot
 * floor used for singular matrices), in the units of the gradient of {@code w' Sigma w / 2}; for
 * maximum Sharpe it is measured on the homogenized problem in {@code y = kappa w}. {@code
 * optimalityGap} bounds how far the objective may be from the optimum: for the quadratic programs
 * the Lagrangian duality gap at the returned multipliers; for minimum CVaR the largest CVaR
 * improvement found by probing the returns next to the optimum (0 when none improves); 0 for
 * maximum return (an exact linear program).
 *
 * @param assets the assets of the portfolio, in the order of {@code weights}
 * @param weights weights, decimal fractions
 * @param annualReturn {@code R(w)}, annualized
 * @param annualVolatility {@code V(w)}, annualized
 * @param sharpeRatio {@code (R - r_f) / V}
 * @param status how the solver ended
 * @param iterations solver iterations (linear systems solved, or function evaluations)
 * @param kktResidual largest KKT violation, see above
 * @param optimalityGap objective gap bound, see above
 */
public record Solution(
    List<Asset> assets,
    double[] weights,
    double annualReturn,
    double annualVolatility,
    double sharpeRatio,
    SolutionStatus status,
    int iterations,
    double kktResidual,
    double optimalityGap) {

  /** Validates sizes and finiteness; copies the weights. */
  public Solution {
    assets = List.copyOf(Objects.requireNonNull(assets, "assets"));
    Objects.requireNonNull(weights, "weights");
    Objects.requireNonNull(status, "status");
    if (weights.length != assets.size()) {
      throw new InvalidInputException(weights.length + " weights for " + assets.size() + " assets");
    }
    for (double w : weights) {
      if (!Double.isFinite(w)) {
        throw new InvalidInputException("weights must be finite, got " + Arrays.toString(weights));
      }
    }
    weights = weights.clone();
  }

  @Override
  public double[] weights() {
    return weights.clone();
  }

  /** Returns the tickers of the assets, in the order of {@code weights}. */
  public List<String> tickers() {
    return assets.stream().map(Asset::ticker).toList();
  }

  /**
   * Returns the weight of one ticker; a convenience for notebooks and scripts that look a weight up
   * by name rather than by position in {@link #weights()}.
   *
   * @param ticker a ticker of the solution
   * @return its weight
   * @throws InvalidInputException for a ticker not in the solution
   */
  public double weight(String ticker) {
    int i = tickers().indexOf(ticker);
    if (i < 0) {
      throw new InvalidInputException("ticker " + ticker + " is not in " + tickers());
    }
    return weights[i];
  }

  /** Returns the weights by ticker, in ticker order (the CLI's {@code allocation} object). */
  public Map<String, Double> allocation() {
    Map<String, Double> m = new LinkedHashMap<>();
    for (int i = 0; i < weights.length; i++) {
      m.put(assets.get(i).ticker(), weights[i]);
    }
    return Collections.unmodifiableMap(m);
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof Solution s
        && assets.equals(s.assets)
        && Arrays.equals(weights, s.weights)
        && Double.compare(annualReturn, s.annualReturn) == 0
        && Double.compare(annualVolatility, s.annualVolatility) == 0
        && Double.compare(sharpeRatio, s.sharpeRatio) == 0
        && status == s.status
        && iterations == s.iterations
        && Double.compare(kktResidual, s.kktResidual) == 0
        && Double.compare(optimalityGap, s.optimalityGap) == 0;
  }

  @Override
  public int hashCode() {
    return Objects.hash(
        assets,
        Arrays.hashCode(weights),
        annualReturn,
        annualVolatility,
        sharpeRatio,
        status,
        iterations,
        kktResidual,
        optimalityGap);
  }

  @Override
  public String toString() {
    return "Solution["
        + allocation()
        + ", return="
        + annualReturn
        + ", volatility="
        + annualVolatility
        + ", sharpe="
        + sharpeRatio
        + ", "
        + status
        + ", iterations="
        + iterations
        + ", kkt="
        + kktResidual
        + ", gap="
        + optimalityGap
        + "]";
  }
}
