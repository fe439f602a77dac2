package io.scrilla.services.alphavantage;

import io.scrilla.api.config.ScrillaConfig;
import io.scrilla.api.spi.Coordination;
import io.scrilla.api.spi.DividendSource;
import io.scrilla.api.spi.DividendSourceProvider;

/** Provides {@link AlphaVantageDividendSource} as {@code DIV_MANAGER=alpha_vantage}. */
public final class AlphaVantageDividendSourceProvider implements DividendSourceProvider {
  /** The provider's name. */
  public static final String NAME = "alpha_vantage";

  /** Creates the provider (for {@link java.util.ServiceLoader}). */
  public AlphaVantageDividendSourceProvider() {}

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
  public DividendSource create(ScrillaConfig config) {
    return AlphaVantageDividendSource.create(config);
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
  public DividendSource create(ScrillaConfig config, Coordination coordination) {
    return AlphaVantageDividendSource.of(AlphaVantageClient.create(config, coordination));
  }
}
