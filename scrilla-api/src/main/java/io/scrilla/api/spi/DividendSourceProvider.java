package io.scrilla.api.spi;

import io.scrilla.api.config.ScrillaConfig;

/**
 * Creates a {@link DividendSource}; registered in {@code
 * META-INF/services/io.scrilla.api.spi.DividendSourceProvider}.
 */
public interface DividendSourceProvider extends NamedProvider {
  /**
   * Creates the source from the configuration.
   *
   * @throws io.scrilla.api.error.ConfigurationException when a setting it needs is missing or bad
   */
  DividendSource create(ScrillaConfig config);
}
