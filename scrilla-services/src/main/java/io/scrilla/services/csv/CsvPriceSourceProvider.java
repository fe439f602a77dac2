package io.scrilla.services.csv;

import io.scrilla.api.config.ScrillaConfig;
import io.scrilla.api.spi.PriceSource;
import io.scrilla.api.spi.PriceSourceProvider;

/**
 * The {@code csv} {@link PriceSourceProvider}: reads the folder {@code SCRILLA_DATA_DIR}, or the
 * bundled sample data when none is set (see {@link CsvDataSource}).
 */
public final class CsvPriceSourceProvider implements PriceSourceProvider {
  /** Creates the provider; called by {@link java.util.ServiceLoader}. */
  public CsvPriceSourceProvider() {}

  /** Returns {@code csv}. */
  @Override
  public String name() {
    return CsvDataSource.NAME;
  }

  /**
   * Returns a {@link CsvDataSource} for the configured folder, or the shared bundled sample.
   *
   * @throws io.scrilla.api.error.ConfigurationException when {@code SCRILLA_DATA_DIR} names no
   *     folder
   */
  @Override
  public PriceSource create(ScrillaConfig config) {
    return CsvDataSource.create(config);
  }
}
