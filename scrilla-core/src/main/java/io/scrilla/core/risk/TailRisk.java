package io.scrilla.core.risk;

import io.scrilla.api.error.InvalidInputException;
import io.scrilla.api.model.RiskProfile;
import io.scrilla.core.stats.Normal;
import java.util.Objects;

/**
 * Value at risk and conditional value at risk under geometric Brownian motion, the one
 * implementation used for single assets and for portfolios. Pure functions; thread-safe.
 *
 * <p>The price is modeled as {@code S_T = S_0 exp((mu - sigma^2/2) T + sigma sqrt(T) Z)} with
 * {@code mu} the annual return and {@code sigma} the annual volatility of the {@link RiskProfile},
 * {@code T} the horizon and {@code p} the probability of the {@link TailEvent}, {@code Z} standard
 * normal, {@code z_p = Phi^-1(p)} and {@code s = sigma sqrt T}. Each measure comes in three units,
 * named by the suffix of the method:
 *
 * <ul>
 *   <li>{@code Ratio}, a fraction of the price now: the VaR ratio {@code S_p / S_0 = exp((mu -
 *       sigma^2/2) T + s z_p)} (the p-quantile of {@code S_T / S_0}) and the CVaR ratio {@code
 *       E[S_T | S_T <= S_p] / S_0 = e^(mu T) Phi(z_p - s) / p};
 *   <li>{@code Price}, a price level: the ratio times the price now ({@code S_0}, for an asset the
 *       last close of its window);
 *   <li>{@code Loss}, the fraction of the value lost: {@code 1 - ratio} (0.08 means 8% lost; a
 *       negative loss is a gain).
 * </ul>
 *
 * <p>The CVaR price is never above the VaR price (the CVaR loss never below the VaR loss), and both
 * rise with {@code p}. Tails: with {@code Phi(z_p) = p}, the CVaR ratio equals the VaR ratio times
 * {@code M(z_p - s) / M(z_p)}, where {@code M(x) = Phi(x) / phi(x)} is the Mills ratio ({@link
 * Normal#millsRatio}), a factor at most 1 that does not underflow. Between the probabilities 0.01
 * and 0.99, for {@code s >= 0.01} and while {@code z_p - s > -3}, the CVaR ratio is computed as
 * {@code e^(mu T) Phi(z_p - s) / p} directly (the two forms agree to about 1e-15 there); otherwise
 * by the tail-ratio form, so both measures stay accurate for every probability down to {@link
 * Double#MIN_VALUE}. A result whose ratio is not a finite normal double (a horizon over which the
 * price would leave the range of double precision) is refused with {@link InvalidInputException}.
 */
public final class TailRisk {
  /** The ordinary range of probabilities, where the CVaR may use {@code Phi(z_p - s) / p}. */
  private static final double DIRECT_FROM = 0.01;

  private static final double DIRECT_TO = 0.99;

  /** {@code Phi} is computed directly (and its quotient by p stays accurate) above this. */
  private static final double DIRECT_ARGUMENT_ABOVE = -3;

  /**
   * Below this {@code s}, the CVaR moves with p less than the rounding of {@code Phi(z_p) / p}
   * (about 1e-15), which the tail-ratio form does not suffer.
   */
  private static final double DIRECT_SPREAD_FROM = 0.01;

  private TailRisk() {}

  /**
   * Returns the value at risk as a price level: the p-quantile of the price at the horizon, {@code
   * S_0 exp((mu - sigma^2/2) T + sigma sqrt(T) z_p)}.
   *
   * @param price the price now S_0 (for an asset, the last close of its window), positive
   * @param profile the annual return mu and volatility sigma
   * @param event the tail probability p and the horizon T in years
   * @return the price level the price stays above with probability {@code 1 - p}
   * @throws InvalidInputException for a price that is not finite and positive, or a result out of
   *     the range of double precision
   */
  public static double valueAtRiskPrice(double price, RiskProfile profile, TailEvent event) {
    return checked(valueAtRisk(checkPrice(price), profile, event), profile, event);
  }

  /**
   * Returns the conditional value at risk as a price level: the expected price at the horizon given
   * that it ends at or below the VaR price, {@code S_0 e^(mu T) Phi(z_p - sigma sqrt T) / p}.
   *
   * @param price the price now S_0 (for an asset, the last close of its window), positive
   * @param profile the annual return mu and volatility sigma
   * @param event the tail probability p and the horizon T in years
   * @return the expected price in the worst p of outcomes, at most the VaR price
   * @throws InvalidInputException for a price that is not finite and positive, or a result out of
   *     the range of double precision
   */
  public static double conditionalValueAtRiskPrice(
      double price, RiskProfile profile, TailEvent event) {
    return checked(conditionalValueAtRisk(checkPrice(price), profile, event), profile, event);
  }

  /**
   * Returns the value at risk as a fraction of the value now, {@code S_p / S_0 = exp((mu -
   * sigma^2/2) T + sigma sqrt(T) z_p)}.
   *
   * @param profile the annual return mu and volatility sigma
   * @param event the tail probability p and the horizon T in years
   * @return the p-quantile of {@code S_T / S_0}, positive
   * @throws InvalidInputException for a result out of the range of double precision
   */
  public static double valueAtRiskRatio(RiskProfile profile, TailEvent event) {
    return checked(valueAtRisk(1, profile, event), profile, event);
  }

  /**
   * Returns the conditional value at risk as a fraction of the value now, {@code E[S_T | S_T <=
   * S_p] / S_0 = e^(mu T) Phi(z_p - sigma sqrt T) / p}.
   *
   * @param profile the annual return mu and volatility sigma
   * @param event the tail probability p and the horizon T in years
   * @return the expected {@code S_T / S_0} in the worst p of outcomes, at most the VaR ratio
   * @throws InvalidInputException for a result out of the range of double precision
   */
  public static double conditionalValueAtRiskRatio(RiskProfile profile, TailEvent event) {
    return checked(conditionalValueAtRisk(1, profile, event), profile, event);
  }

  /**
   * Returns the value-at-risk loss {@code 1 - valueAtRiskRatio}, a fraction of the value now.
   *
   * @param profile the annual return mu and volatility sigma
   * @param event the tail probability p and the horizon T in years
   * @return the loss not exceeded with probability {@code 1 - p}; negative for a gain
   * @throws InvalidInputException for a result out of the range of double precision
   */
  public static double valueAtRiskLoss(RiskProfile profile, TailEvent event) {
    return 1 - valueAtRiskRatio(profile, event);
  }

  /**
   * Returns the conditional value-at-risk loss (expected shortfall) {@code 1 -
   * conditionalValueAtRiskRatio}, a fraction of the value now.
   *
   * @param profile the annual return mu and volatility sigma
   * @param event the tail probability p and the horizon T in years
   * @return the expected loss in the worst p of outcomes, at least the VaR loss
   * @throws InvalidInputException for a result out of the range of double precision
   */
  public static double conditionalValueAtRiskLoss(RiskProfile profile, TailEvent event) {
    return 1 - conditionalValueAtRiskRatio(profile, event);
  }

  // one formula for each measure; scale is the price now, or 1 for a ratio

  private static double valueAtRisk(double scale, RiskProfile profile, TailEvent event) {
    return valueAtRisk(scale, profile, event, quantile(profile, event));
  }

  private static double valueAtRisk(double scale, RiskProfile profile, TailEvent event, double z) {
    return scale * Math.exp(logRatio(profile, event, z));
  }

  private static double conditionalValueAtRisk(double scale, RiskProfile profile, TailEvent event) {
    double z = quantile(profile, event);
    double valueAtRisk = valueAtRisk(scale, profile, event, z);
    double p = event.probability();
    double t = event.horizon();
    double s = profile.annualVolatility() * Math.sqrt(t);
    if (p >= DIRECT_FROM
        && p <= DIRECT_TO
        && s >= DIRECT_SPREAD_FROM
        && z - s > DIRECT_ARGUMENT_ABOVE) {
      double direct = scale * Math.exp(profile.annualReturn() * t) * Normal.cdf(z - s) / p;
      return Math.min(direct, valueAtRisk);
    }
    // with Phi(z) = p and Phi(z - s) / Phi(z) = e^(z s - s^2/2) M(z - s) / M(z) (M the Mills
    // ratio), e^(mu T) Phi(z - s) / p = S_p / S_0 * M(z - s) / M(z); M increases, so the factor
    // is at most 1 and rounding must not push it above
    return valueAtRisk * Math.min(1, millsRatioQuotient(z, s));
  }

  /**
   * {@code M(z - s) / M(z)} for {@code s >= 0}: while {@code Phi(z - s)} is not small, as {@code
   * Phi(z - s) / Phi(z) * e^(s^2/2 - z s)} (the densities of a large {@code z} would lose digits);
   * in the lower tail, as the quotient of the continued fractions.
   */
  private static double millsRatioQuotient(double z, double s) {
    if (z - s > DIRECT_ARGUMENT_ABOVE) {
      return Normal.cdf(z - s) / Normal.cdf(z) * Math.exp(s * (0.5 * s - z));
    }
    return Normal.millsRatio(z - s) / Normal.millsRatio(z);
  }

  private static double quantile(RiskProfile profile, TailEvent event) {
    Objects.requireNonNull(profile, "profile");
    Objects.requireNonNull(event, "event");
    return Normal.quantile(event.probability());
  }

  /** {@code ln(S_p / S_0) = (mu - sigma^2/2) T + sigma sqrt(T) z_p}. */
  private static double logRatio(RiskProfile profile, TailEvent event, double z) {
    double sigma = profile.annualVolatility();
    double t = event.horizon();
    return (profile.annualReturn() - 0.5 * sigma * sigma) * t + sigma * Math.sqrt(t) * z;
  }

  private static double checkPrice(double price) {
    if (!(price > 0) || Double.isInfinite(price)) {
      throw new InvalidInputException(
          "the price now " + price + " must be a finite positive number");
    }
    return price;
  }

  private static double checked(double result, RiskProfile profile, TailEvent event) {
    if (!(result >= Double.MIN_NORMAL) || Double.isInfinite(result)) {
      double logRatio = logRatio(profile, event, Normal.quantile(event.probability()));
      throw new InvalidInputException(
          "the value at risk at probability "
              + event.probability()
              + " over "
              + event.horizon()
              + " years is out of the range of"
              + " double precision numbers (the natural logarithm of its ratio to the price now is "
              + logRatio
              + ", with annual return "
              + profile.annualReturn()
              + " and volatility "
              + profile.annualVolatility()
              + "); choose a shorter horizon");
    }
    return result;
  }
}
