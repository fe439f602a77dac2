package io.scrilla.services.alphavantage;

import io.scrilla.api.config.ScrillaConfig;
import io.scrilla.api.spi.Coordination;
import io.scrilla.api.spi.PriceSource;
import io.scrilla.api.spi.PriceSourceProvider;

/** Provides {@link AlphaVantagePriceSource} as {@code PRICE_MANAGER=alpha_vantage}. */
public final class AlphaVantagePriceSourceProvider implements PriceSourceProvider {
  /** The provider's name. */
  public static final String NAME = "alpha_vantage";

  /** Creates the provider (for {@link java.util.ServiceLoader}). */
  public AlphaVantagePriceSourceProvider() {}

  @Override
  public String name() {
    return NAME;
  }

  /**
   * {@inheritDoc}
   *
   * @throws io.scrilla.api.error.ConfigurationException when {@code ALPHA_VANTAGE_KEY} is not set
   */
  @Override
  public PriceSource create(ScrillaConfig config) {
    return AlphaVantagePriceSource.create(config);
  }

  /**
   * {@inheritDoc}
   *
   * <p>Every request is taken from the coordination's shared budget of the key (see {@link
   * AlphaVantageClient#create(ScrillaConfig, Coordination)}).
   *
   * @throws io.scrilla.api.error.ConfigurationException when {@code ALPHA_VANTAGE_KEY} is not set
   */
  @Override
  public PriceSource create(ScrillaConfig config, Coordination coordination) {
    return AlphaVantagePriceSource.of(AlphaVantageClient.create(config, coordination));
  }
}
