package org.example;

import io.scrilla.api.config.ScrillaConfig;
import io.scrilla.api.model.DateRange;
import io.scrilla.api.model.EstimationMethod;
import io.scrilla.api.model.RiskProfile;
import io.scrilla.core.Scrilla;
import java.nio.file.Path;

/**
 * A user's first program: the risk profile of SPY from the sample data bundled in
 * scrilla-services, cached in an SQLite file (scrilla-cache-sqlite, found through its service
 * provider as in any application).
 */
public final class Consumer {
  private Consumer() {}

  public static void main(String[] args) {
    ScrillaConfig config =
        ScrillaConfig.builder()
            .cacheMode("sqlite")
            .sqliteFile(Path.of(args[0]))
            .set(ScrillaConfig.PRICE_MANAGER, "csv")
            .set(ScrillaConfig.STAT_MANAGER, "csv")
            .set(ScrillaConfig.DIV_MANAGER, "csv")
            .build();
    try (Scrilla scrilla = Scrilla.builder().config(config).build()) {
      RiskProfile p =
          scrilla.riskProfile(
              Scrilla.asset("SPY"),
              DateRange.parse("2021-01-04", "2021-06-30"),
              EstimationMethod.MOMENTS);
      System.out.printf(
          "consumer: SPY return %.6f volatility %.6f%n", p.annualReturn(), p.annualVolatility());
    }
  }
}
