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

  /**
   * Creates the source from the configuration, with the coordination of the processes that share
   * the cache: a source that sends requests to a service with a quota takes each request from the
   * coordination's {@link Coordination#budget budget}. The default ignores the coordination.
   *
   * @param config the configuration
   * @param coordination the cache's coordination ({@link Coordination#local()} for a cache of one
   *     process)
   * @return the source
   * @throws io.scrilla.api.error.ConfigurationException when a setting it needs is missing or bad
   */
  default PriceSource create(ScrillaConfig config, Coordination coordination) {
    return create(config);
  }
}
