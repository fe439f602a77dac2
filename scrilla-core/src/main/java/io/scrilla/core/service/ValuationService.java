package io.scrilla.core.service;

import io.scrilla.api.error.InvalidInputException;
import io.scrilla.api.error.SampleSizeException;
import io.scrilla.api.model.Asset;
import io.scrilla.api.model.DateRange;
import io.scrilla.api.model.Dividend;
import io.scrilla.api.model.EstimationMethod;
import io.scrilla.api.spi.DividendSource;
import io.scrilla.core.market.MarketData;
import io.scrilla.core.market.RiskFreeRate;
import io.scrilla.core.market.Window;
import io.scrilla.core.valuation.DiscountDividendModel;
import io.scrilla.core.valuation.DividendValuation;
import java.time.LocalDate;
import java.util.List;
import java.util.Objects;
import java.util.function.Supplier;

/**
 * Valuation by the discount dividend model, from the dividend source's payments, at a given rate or
 * at the CAPM cost of equity. Thread-safe.
 */
public final class ValuationService {
  private final MarketData market;
  private final CapmService capm;
  private final Supplier<DividendSource> dividends;
  private final EstimationMethod defaultMethod;

  /**
   * Creates the service.
   *
   * @param market default windows
   * @param capm the cost of equity
   * @param dividends the dividend source (created on first use)
   * @param defaultMethod the method of the default discount rate
   */
  public ValuationService(
      MarketData market,
      CapmService capm,
      Supplier<DividendSource> dividends,
      EstimationMethod defaultMethod) {
    this.market = Objects.requireNonNull(market, "market");
    this.capm = Objects.requireNonNull(capm, "capm");
    this.dividends = Objects.requireNonNull(dividends, "dividends");
    this.defaultMethod = Objects.requireNonNull(defaultMethod, "defaultMethod");
  }

  /** Returns every known cash dividend of the asset, oldest first. */
  public List<Dividend> dividends(Asset asset) {
    return dividends.get().dividends(Objects.requireNonNull(asset, "asset"));
  }

  /**
   * Values the asset with the discount dividend model (see {@link DiscountDividendModel}) from its
   * payments on or before {@code asOf}.
   *
   * @param asOf the valuation date
   * @param discountRate r, annual decimal fraction, positive
   * @throws SampleSizeException with fewer than 3 payments
   * @throws InvalidInputException when r is not positive or the sum does not converge
   */
  public DividendValuation discountDividendModel(Asset asset, LocalDate asOf, double discountRate) {
    Objects.requireNonNull(asset, "asset");
    Objects.requireNonNull(asOf, "asOf");
    List<Dividend> paid = dividends(asset);
    try {
      return DiscountDividendModel.value(paid, asOf, discountRate);
    } catch (SampleSizeException e) {
      throw new SampleSizeException(asset.ticker() + ": " + e.getMessage(), e);
    } catch (InvalidInputException e) {
      throw new InvalidInputException(asset.ticker() + ": " + e.getMessage(), e);
    }
  }

  /**
   * Values the asset at its CAPM cost of equity (configured risk-free rate, default method) over
   * the default window ending at {@code asOf} (the latest window when {@code asOf} is that window's
   * end or later).
   */
  public DividendValuation discountDividendModel(Asset asset, LocalDate asOf) {
    Objects.requireNonNull(asOf, "asOf");
    List<Asset> group = List.of(asset, capm.marketProxy());
    DateRange latest = market.defaultRange(group);
    DateRange range =
        asOf.isBefore(latest.end()) ? market.range(group, Window.endingOn(asOf)) : latest;
    return discountDividendModel(
        asset, asOf, capm.costOfEquity(asset, range, defaultMethod, RiskFreeRate.configured()));
  }
}
