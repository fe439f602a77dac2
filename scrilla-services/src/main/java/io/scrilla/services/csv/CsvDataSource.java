package io.scrilla.services.csv;

import io.scrilla.api.config.ScrillaConfig;
import io.scrilla.api.error.ConfigurationException;
import io.scrilla.api.error.InvalidInputException;
import io.scrilla.api.error.PriceUnavailableException;
import io.scrilla.api.error.SafeText;
import io.scrilla.api.model.Asset;
import io.scrilla.api.model.DateRange;
import io.scrilla.api.model.Dividend;
import io.scrilla.api.model.PriceHistory;
import io.scrilla.api.model.SourceId;
import io.scrilla.api.model.YieldCurve;
import io.scrilla.api.spi.DividendSource;
import io.scrilla.api.spi.InterestRateSource;
import io.scrilla.api.spi.PriceSource;
import io.scrilla.api.spi.ProgressListener;
import io.scrilla.services.csv.internal.CsvTable;
import io.scrilla.services.csv.internal.DataLocation;
import io.scrilla.services.csv.internal.DividendFileParser;
import io.scrilla.services.csv.internal.PriceFileParser;
import io.scrilla.services.csv.internal.YieldFileParser;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Prices, Treasury yield curves and dividends read from CSV files, offline; immutable results,
 * thread-safe.
 *
 * <p>The files live in a folder ({@code SCRILLA_DATA_DIR}) or, when none is configured, are the
 * sample data bundled in this jar (read as class-path resources, so it works inside a shaded jar):
 *
 * <ul>
 *   <li>{@code <TICKER>.csv}: a header row and columns {@code date} (or {@code timestamp}), {@code
 *       open}, {@code high}, {@code low}, {@code close}, {@code volume} in any order; only the date
 *       ({@code YYYY-MM-DD}) and {@code close} are required; AlphaVantage's crypto headers {@code
 *       close (USD)}, {@code open (USD)} are understood; rows in any order.
 *   <li>{@code <TICKER>.dividends.csv}: {@code date,amount} (payment date, cash per share) and an
 *       optional {@code ex_date}.
 *   <li>{@code yields.csv}: the US Treasury's CSV download of daily par yield curve rates ({@code
 *       Date,1 Mo,2 Mo,...,30 Yr}, dates {@code MM/DD/YYYY}, percent), returned as decimal
 *       fractions.
 * </ul>
 *
 * <p>Header names are matched case-insensitively and trimmed. Each file is parsed once per source
 * and the immutable result kept, so repeated calls are cheap; a file that fails to parse is
 * reported with an {@link InvalidInputException} naming the file, the line and the problem (and is
 * read again on the next call). Prices are returned as written: for AlphaVantage downloads these
 * are unadjusted closes.
 *
 * <pre>{@code
 * CsvDataSource csv = CsvDataSource.of(Path.of("data"));
 * PriceHistory spy = csv.prices(Asset.equity("SPY"), DateRange.parse("2021-01-04", "2021-06-30"));
 * List<YieldCurve> curves = CsvDataSource.bundledSample().yieldCurves(range);
 * }</pre>
 */
public final class CsvDataSource implements PriceSource, InterestRateSource, DividendSource {
  /** The name every {@code csv} provider registers under. */
  public static final String NAME = "csv";

  /** The file of Treasury yield curves. */
  public static final String YIELDS_FILE = DataLocation.YIELDS_FILE;

  /** The class-path folder of the bundled sample data. */
  public static final String SAMPLE_RESOURCE_FOLDER = "/io/scrilla/services/csv/sample/";

  private static final Logger LOG = LoggerFactory.getLogger(CsvDataSource.class);

  private final DataLocation location;
  private final ConcurrentHashMap<Asset, Optional<PriceHistory>> prices = new ConcurrentHashMap<>();
  private final ConcurrentHashMap<String, List<Dividend>> dividends = new ConcurrentHashMap<>();
  private final ConcurrentHashMap<String, Optional<List<YieldCurve>>> yields =
      new ConcurrentHashMap<>();

  private CsvDataSource(DataLocation location) {
    this.location = location;
  }

  /**
   * Returns a source reading the CSV files of {@code folder}.
   *
   * @param folder an existing folder
   * @return the source
   * @throws InvalidInputException when {@code folder} is not a folder
   */
  public static CsvDataSource of(Path folder) {
    Objects.requireNonNull(folder, "folder");
    if (!Files.isDirectory(folder)) {
      throw new InvalidInputException(
          "'"
              + folder
              + "' is not a folder: give a folder holding "
              + "<TICKER>.csv, <TICKER>.dividends.csv and yields.csv files");
    }
    return new CsvDataSource(DataLocation.folder(folder));
  }

  /**
   * Returns the source of the sample data bundled with this library (see {@code docs/data-csv.md}):
   * one shared instance, so the files are parsed once per class loader.
   */
  public static CsvDataSource bundledSample() {
    return SampleHolder.SAMPLE;
  }

  /**
   * Returns the source the configuration asks for: the folder {@link ScrillaConfig#dataDir()} when
   * set, else {@link #bundledSample()}.
   *
   * @param config the configuration
   * @return the source
   * @throws ConfigurationException when {@code SCRILLA_DATA_DIR} names no folder
   */
  public static CsvDataSource create(ScrillaConfig config) {
    Objects.requireNonNull(config, "config");
    Optional<Path> dir = config.dataDir();
    if (dir.isEmpty()) {
      LOG.debug("no {} set: reading the bundled sample data", ScrillaConfig.SCRILLA_DATA_DIR);
      return bundledSample();
    }
    if (!Files.isDirectory(dir.get())) {
      throw new ConfigurationException(
          ScrillaConfig.SCRILLA_DATA_DIR
              + "='"
              + dir.get()
              + "' is not a folder: set it to a folder of CSV files (<TICKER>.csv, yields.csv), or "
              + "unset it to use the bundled sample data");
    }
    LOG.debug("reading CSV files from {}", dir.get());
    return new CsvDataSource(DataLocation.folder(dir.get()));
  }

  /** Returns whether this source reads the bundled sample data rather than a folder. */
  public boolean isBundledSample() {
    return location.isBundled();
  }

  /**
   * Returns what this source reads, for messages: {@code folder /data} or {@code the bundled sample
   * data}.
   */
  public String describe() {
    return location.describe();
  }

  /**
   * Returns the identity of this source's data, taken on the first call and kept while the source
   * is used: {@code csv:}, the folder's canonical absolute path, {@code @} and a fingerprint of its
   * price and yield files (names, sizes, modification times), e.g. {@code
   * csv:/home/me/data@5e2c9a1b7d03}; for the bundled sample {@code csv:sample:} and a hash of its
   * content. Editing a file in place therefore starts a new namespace in the cache instead of
   * serving numbers read before the edit. A path too long for a {@link SourceId} (or holding
   * unprintable characters) is replaced by its SHA-256 ({@code csv:sha256:...}).
   *
   * @throws ConfigurationException when the folder cannot be read
   */
  @Override
  public SourceId sourceId() {
    try {
      return location.sourceId();
    } catch (UncheckedIOException e) {
      throw new ConfigurationException(
          "cannot read "
              + SafeText.of(location.describe())
              + " to identify its files: "
              + SafeText.of(e.getCause().getMessage())
              + "; check that the folder is readable",
          e);
    }
  }

  /** Returns the tickers that have a price file, sorted (upper case). */
  public List<String> tickers() {
    return location.tickers();
  }

  /**
   * Returns the prices of {@code asset} with dates in {@code range} (ends included), ascending,
   * with open prices when the file has an open column; empty when the file has no row in range.
   *
   * @throws PriceUnavailableException when there is no {@code <TICKER>.csv}, naming the ticker, the
   *     folder and the tickers available
   * @throws InvalidInputException when the file is malformed, naming the file and line
   */
  @Override
  public PriceHistory prices(Asset asset, DateRange range) {
    Objects.requireNonNull(range, "range");
    return history(asset).slice(range);
  }

  /**
   * Returns the last date in the asset's price file.
   *
   * @throws PriceUnavailableException when there is no {@code <TICKER>.csv}
   * @throws InvalidInputException when the file is malformed
   */
  @Override
  public LocalDate latestDate(Asset asset) {
    return history(asset).lastDate();
  }

  private PriceHistory history(Asset asset) {
    Objects.requireNonNull(asset, "asset");
    String file = asset.ticker() + DataLocation.CSV_SUFFIX;
    checkNotReserved(asset, file);
    // keyed by asset: a history carries its asset, and BTC and BTC:crypto are different assets
    Optional<PriceHistory> h =
        prices.computeIfAbsent(asset, a -> parse(file, table -> PriceFileParser.parse(table, a)));
    if (h.isEmpty()) {
      List<String> available = location.tickers();
      throw new PriceUnavailableException(
          "no prices for '"
              + asset.ticker()
              + "' in "
              + location.describe()
              + " (no file "
              + file
              + "); tickers available: "
              + SafeText.names(available)
              + (location.isBundled()
                  ? ". Set SCRILLA_DATA_DIR to a folder with "
                      + file
                      + ", or ALPHA_VANTAGE_KEY to fetch prices"
                  : ". Add " + file + " to the folder or pick one of its tickers"));
    }
    return h.get();
  }

  /**
   * Returns the yield curves of {@code yields.csv} with dates in {@code range}, ascending, rates as
   * decimal fractions; the listener hears once that the file was read.
   *
   * @throws PriceUnavailableException when there is no {@code yields.csv}
   * @throws InvalidInputException when the file is malformed, naming the line
   */
  @Override
  public List<YieldCurve> yieldCurves(DateRange range, ProgressListener listener) {
    Objects.requireNonNull(range, "range");
    Objects.requireNonNull(listener, "listener");
    List<YieldCurve> all = allYieldCurves();
    listener.onProgress(location.describe(YIELDS_FILE), 1, 1);
    List<YieldCurve> out = new ArrayList<>();
    for (YieldCurve c : all) {
      if (range.contains(c.date())) {
        out.add(c);
      }
    }
    return List.copyOf(out);
  }

  /**
   * Returns the last date in {@code yields.csv}.
   *
   * @throws PriceUnavailableException when there is no {@code yields.csv} or it has no rates
   * @throws InvalidInputException when the file is malformed
   */
  @Override
  public LocalDate latestDate() {
    List<YieldCurve> all = allYieldCurves();
    if (all.isEmpty()) {
      throw new PriceUnavailableException(
          location.describe(YIELDS_FILE)
              + " holds no rates; add rows of the Treasury's daily par yield curve download");
    }
    return all.get(all.size() - 1).date();
  }

  private List<YieldCurve> allYieldCurves() {
    Optional<List<YieldCurve>> all =
        yields.computeIfAbsent(YIELDS_FILE, f -> parse(f, YieldFileParser::parse));
    return all.orElseThrow(
        () ->
            new PriceUnavailableException(
                "no interest rates in "
                    + location.describe()
                    + " (no file "
                    + YIELDS_FILE
                    + "); add the US Treasury's CSV "
                    + "download of daily par yield curve rates as "
                    + YIELDS_FILE
                    + ", or give the risk-free rate directly (--risk-free-rate)"));
  }

  /**
   * Returns the dividends of {@code <TICKER>.dividends.csv}, ascending by payment date; empty when
   * the ticker has no such file.
   *
   * @throws InvalidInputException when the file is malformed, naming the line
   */
  @Override
  public List<Dividend> dividends(Asset asset) {
    Objects.requireNonNull(asset, "asset");
    String file = asset.ticker() + DataLocation.DIVIDENDS_SUFFIX;
    return dividends.computeIfAbsent(
        asset.ticker(), t -> parse(file, DividendFileParser::parse).orElse(List.of()));
  }

  private <T> Optional<T> parse(String fileName, Function<CsvTable, T> parser) {
    Optional<byte[]> bytes;
    try {
      bytes = location.read(fileName);
    } catch (IOException | UncheckedIOException e) {
      throw new ConfigurationException(
          "cannot read "
              + location.describe(fileName)
              + ": "
              + e.getMessage()
              + "; check that the file is readable",
          e);
    }
    if (bytes.isEmpty()) {
      LOG.debug("{}: no such file", SafeText.of(location.describe(fileName)));
      return Optional.empty();
    }
    CsvTable table = CsvTable.read(location.describe(fileName), bytes.get());
    T value = parser.apply(table);
    LOG.debug("read {}: {} rows", SafeText.of(table.source()), table.records().size());
    return Optional.of(value);
  }

  /**
   * Refuses a ticker whose price file name is taken by another kind of file: {@code YIELDS} ({@code
   * yields.csv} holds the yield curves) and {@code X.DIVIDENDS} ({@code X.dividends.csv} holds
   * dividends).
   */
  private static void checkNotReserved(Asset asset, String file) {
    String lower = file.toLowerCase(Locale.ROOT);
    if (lower.equals(YIELDS_FILE) || lower.endsWith(DataLocation.DIVIDENDS_SUFFIX)) {
      throw new InvalidInputException(
          "'"
              + asset.ticker()
              + "' cannot be a ticker of the csv "
              + "source: its price file would be "
              + file
              + ", the name of the "
              + (lower.equals(YIELDS_FILE)
                  ? "Treasury yield curve file"
                  : "dividend file of "
                      + file.substring(0, file.length() - DataLocation.DIVIDENDS_SUFFIX.length()))
              + "; the names yields.csv and <TICKER>.dividends.csv are reserved");
    }
  }

  @Override
  public String toString() {
    return "CsvDataSource[" + location.describe() + "]";
  }

  private static final class SampleHolder {
    static final CsvDataSource SAMPLE =
        new CsvDataSource(DataLocation.classpath(CsvDataSource.class, SAMPLE_RESOURCE_FOLDER));
  }
}
