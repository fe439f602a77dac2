package io.scrilla.services.treasury;

import io.scrilla.api.config.ScrillaConfig;
import io.scrilla.api.spi.InterestRateSource;
import io.scrilla.api.spi.InterestRateSourceProvider;

/** Provides {@link TreasuryRateSource} as {@code STAT_MANAGER=treasury}. */
public final class TreasuryRateSourceProvider implements InterestRateSourceProvider {
  /** The provider's name. */
  public static final String NAME = "treasury";

  /** Creates the provider (for {@link java.util.ServiceLoader}). */
  public TreasuryRateSourceProvider() {}

  @Override
  public String name() {
    return NAME;
  }

  @Override
  public InterestRateSource create(ScrillaConfig config) {
    return TreasuryRateSource.create(config);
  }
}
