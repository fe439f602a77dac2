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
  default DividendSource create(ScrillaConfig config, Coordination coordination) {
    return create(config);
  }
}
