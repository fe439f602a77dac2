package io.scrilla.services.csv;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.scrilla.api.config.ScrillaConfig;
import io.scrilla.api.error.ConfigurationException;
import io.scrilla.api.model.Asset;
import io.scrilla.api.model.DateRange;
import io.scrilla.api.model.Dividend;
import io.scrilla.api.spi.DividendSource;
import io.scrilla.api.spi.DividendSourceProvider;
import io.scrilla.api.spi.InterestRateSource;
import io.scrilla.api.spi.InterestRateSourceProvider;
import io.scrilla.api.spi.PriceSource;
import io.scrilla.api.spi.PriceSourceProvider;
import io.scrilla.api.spi.Providers;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The three {@code csv} providers, found through {@code META-INF/services}. */
class CsvProvidersTest {
  private static final DateRange ALL = DateRange.parse("1990-01-01", "2030-12-31");

  @Test
  void find_csvPriceSourceProvider_discovered() {
    PriceSourceProvider p = Providers.find(PriceSourceProvider.class, "PRICE_MANAGER", "csv");

    assertInstanceOf(CsvPriceSourceProvider.class, p);
    assertEquals("csv", p.name());
  }

  @Test
  void find_csvInterestRateAndDividendProviders_discovered() {
    InterestRateSourceProvider rates =
        Providers.find(InterestRateSourceProvider.class, "STAT_MANAGER", "csv");
    DividendSourceProvider divs =
        Providers.find(DividendSourceProvider.class, "DIV_MANAGER", "csv");

    assertInstanceOf(CsvInterestRateSourceProvider.class, rates);
    assertInstanceOf(CsvDividendSourceProvider.class, divs);
  }

  @Test
  void create_noDataDir_allThreeReadTheSharedBundledSample() {
    ScrillaConfig config = ScrillaConfig.defaults();

    PriceSource prices =
        Providers.find(PriceSourceProvider.class, "PRICE_MANAGER", "csv").create(config);
    InterestRateSource rates =
        Providers.find(InterestRateSourceProvider.class, "STAT_MANAGER", "csv").create(config);
    DividendSource divs =
        Providers.find(DividendSourceProvider.class, "DIV_MANAGER", "csv").create(config);

    assertSame(CsvDataSource.bundledSample(), prices);
    assertSame(prices, rates);
    assertSame(prices, divs);
    assertEquals(
        468.89,
        prices.prices(Asset.equity("SPY"), DateRange.parse("2021-11-19", "2021-11-19")).close(0));
  }

  @Test
  void create_dataDir_readsTheFolder(@TempDir Path dir) throws IOException {
    Files.writeString(dir.resolve("ABC.csv"), "date,close\n2021-11-19,12.5\n");
    Files.writeString(dir.resolve("ABC.dividends.csv"), "date,amount\n2021-11-19,0.5\n");
    Files.writeString(dir.resolve("yields.csv"), "Date,1 Yr\n11/19/2021,0.18\n");
    ScrillaConfig config =
        ScrillaConfig.from(Map.of(ScrillaConfig.SCRILLA_DATA_DIR, dir.toString()));

    PriceSource prices = new CsvPriceSourceProvider().create(config);
    InterestRateSource rates = new CsvInterestRateSourceProvider().create(config);
    DividendSource divs = new CsvDividendSourceProvider().create(config);

    assertFalse(((CsvDataSource) prices).isBundledSample());
    assertEquals(12.5, prices.prices(Asset.equity("ABC"), ALL).close(0));
    assertEquals(LocalDate.of(2021, 11, 19), rates.latestDate());
    assertEquals(
        List.of(new Dividend(LocalDate.of(2021, 11, 19), 0.5)),
        divs.dividends(Asset.equity("ABC")));
  }

  @Test
  void create_dataDirNotAFolder_configurationErrorNamingTheVariable(@TempDir Path dir) {
    Path missing = dir.resolve("missing");
    ScrillaConfig config = ScrillaConfig.builder().dataDir(missing).build();

    ConfigurationException e =
        assertThrows(
            ConfigurationException.class, () -> new CsvPriceSourceProvider().create(config));

    assertTrue(e.getMessage().contains("SCRILLA_DATA_DIR"), e.getMessage());
    assertTrue(e.getMessage().contains(missing.toString()), e.getMessage());
  }
}
