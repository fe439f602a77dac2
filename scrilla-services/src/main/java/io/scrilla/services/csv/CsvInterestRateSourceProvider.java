package io.scrilla.services.csv;

import io.scrilla.api.config.ScrillaConfig;
import io.scrilla.api.spi.InterestRateSource;
import io.scrilla.api.spi.InterestRateSourceProvider;

/**
 * The {@code csv} {@link InterestRateSourceProvider}: reads the folder {@code SCRILLA_DATA_DIR}, or
 * the bundled sample data when none is set (see {@link CsvDataSource}).
 */
public final class CsvInterestRateSourceProvider implements InterestRateSourceProvider {
  /** Creates the provider; called by {@link java.util.ServiceLoader}. */
  public CsvInterestRateSourceProvider() {}

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
  public InterestRateSource create(ScrillaConfig config) {
    return CsvDataSource.create(config);
  }
}
