package io.scrilla.api.spi;

import io.scrilla.api.config.ScrillaConfig;

/**
 * Creates a {@link InterestRateSource}; registered in {@code
 * META-INF/services/io.scrilla.api.spi.InterestRateSourceProvider}.
 */
public interface InterestRateSourceProvider extends NamedProvider {
  /**
   * Creates the source from the configuration.
   *
   * @throws io.scrilla.api.error.ConfigurationException when a setting it needs is missing or bad
   */
  InterestRateSource create(ScrillaConfig config);
}
