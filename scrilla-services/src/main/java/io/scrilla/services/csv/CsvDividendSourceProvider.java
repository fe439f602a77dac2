package io.scrilla.services.csv;

import io.scrilla.api.config.ScrillaConfig;
import io.scrilla.api.spi.DividendSource;
import io.scrilla.api.spi.DividendSourceProvider;

/**
 * The {@code csv} {@link DividendSourceProvider}: reads the folder {@code SCRILLA_DATA_DIR}, or the
 * bundled sample data when none is set (see {@link CsvDataSource}).
 */
public final class CsvDividendSourceProvider implements DividendSourceProvider {
  /** Creates the provider; called by {@link java.util.ServiceLoader}. */
  public CsvDividendSourceProvider() {}

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
  public DividendSource create(ScrillaConfig config) {
    return CsvDataSource.create(config);
  }
}
