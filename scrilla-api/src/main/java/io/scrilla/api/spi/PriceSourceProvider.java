package io.scrilla.api.spi;

import io.scrilla.api.config.ScrillaConfig;

/**
 * Creates a {@link PriceSource}; registered in {@code
 * META-INF/services/io.scrilla.api.spi.PriceSourceProvider}.
 */
public interface PriceSourceProvider extends NamedProvider {
  /**
   * Creates the source from the configuration.
   *
   * @throws io.scrilla.api.error.ConfigurationException when a setting it needs is missing or bad
   */
  PriceSource create(ScrillaConfig config);
}
