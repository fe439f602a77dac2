package io.scrilla.services.csv.internal;

import io.scrilla.api.model.SourceId;
import io.scrilla.services.http.SourceIds;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * Where the CSV files live: a folder, or the sample data bundled on the class path. Thread-safe;
 * immutable but for its identity, computed once on first use.
 */
public abstract class DataLocation {
  /** The name of the yield curve file. */
  public static final String YIELDS_FILE = "yields.csv";

  /** The ending of dividend file names. */
  public static final String DIVIDENDS_SUFFIX = ".dividends.csv";

  /** The ending of price file names. */
  public static final String CSV_SUFFIX = ".csv";

  private SourceId sourceId;

  DataLocation() {}

  /** Returns a location reading the files of {@code folder}. */
  public static DataLocation folder(Path folder) {
    return new Folder(folder);
  }

  /**
   * Returns a location reading class-path resources under {@code base} (e.g. {@code
   * /io/scrilla/services/csv/sample/}) with {@code anchor}'s class loader; the folder holds an
   * index {@code tickers.txt} listing its price files' tickers, one per line.
   */
  public static DataLocation classpath(Class<?> anchor, String base) {
    return new Classpath(anchor, base);
  }

  /**
   * Reads a whole file, if it exists.
   *
   * @param fileName e.g. {@code SPY.csv}; a folder also finds it in another letter case
   * @return the bytes, or empty when there is no such file
   * @throws IOException when the file exists but cannot be read
   */
  public abstract Optional<byte[]> read(String fileName) throws IOException;

  /**
   * Returns a description for messages: {@code folder /data} or {@code the bundled sample data}.
   */
  public abstract String describe();

  /**
   * Returns how to name a file in messages: {@code /data/SPY.csv} or {@code SPY.csv (bundled sample
   * data)}.
   */
  public abstract String describe(String fileName);

  /** Returns the tickers that have a price file here, sorted. */
  public abstract List<String> tickers();

  /** Returns whether this is the bundled sample data. */
  public abstract boolean isBundled();

  /**
   * Returns the identity of the data here, computed on the first call and kept: for a folder {@code
   * csv:}, its canonical absolute path, {@code @} and the first 12 hex digits of a SHA-256 over the
   * name, size and modification time of each price file and {@code yields.csv}; for the bundled
   * sample {@code csv:sample:} and the first 12 hex digits of a SHA-256 over the content of its
   * price and yield files. Editing, adding, removing or renaming such a file gives another
   * identity, so the cache does not serve numbers read before the edit.
   *
   * @throws UncheckedIOException when the folder cannot be listed
   */
  public final synchronized SourceId sourceId() {
    if (sourceId == null) {
      try {
        sourceId = computeSourceId();
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }
    return sourceId;
  }

  abstract SourceId computeSourceId() throws IOException;

  /** Returns the first 12 hex digits of the digest: 48 bits, plenty to tell versions apart. */
  static String fingerprint(MessageDigest digest) {
    return HexFormat.of().formatHex(digest.digest()).substring(0, 12);
  }

  static void update(MessageDigest digest, String text) {
    digest.update(text.getBytes(StandardCharsets.UTF_8));
    digest.update((byte) 0);
  }

  /** Whether a file name is a price file (not dividends, not yields), ignoring case. */
  static boolean isPriceFile(String name) {
    String lower = name.toLowerCase(Locale.ROOT);
    return lower.endsWith(CSV_SUFFIX)
        && !lower.endsWith(DIVIDENDS_SUFFIX)
        && !lower.equals(YIELDS_FILE)
        && lower.length() > CSV_SUFFIX.length();
  }

  private static final class Folder extends DataLocation {
    private final Path folder;

    Folder(Path folder) {
      this.folder = Objects.requireNonNull(folder, "folder");
    }

    @Override
    public Optional<byte[]> read(String fileName) throws IOException {
      Path file = folder.resolve(fileName);
      if (!Files.isRegularFile(file)) {
        Optional<Path> other = findIgnoringCase(fileName);
        if (other.isEmpty()) {
          return Optional.empty();
        }
        file = other.get();
      }
      return Optional.of(Files.readAllBytes(file));
    }

    private Optional<Path> findIgnoringCase(String fileName) throws IOException {
      if (!Files.isDirectory(folder)) {
        return Optional.empty();
      }
      try (Stream<Path> files = Files.list(folder)) {
        return files
            .filter(p -> p.getFileName().toString().equalsIgnoreCase(fileName))
            .filter(Files::isRegularFile)
            .sorted()
            .findFirst();
      }
    }

    @Override
    public String describe() {
      return "folder " + folder;
    }

    @Override
    public String describe(String fileName) {
      return folder.resolve(fileName).toString();
    }

    @Override
    public List<String> tickers() {
      if (!Files.isDirectory(folder)) {
        return List.of();
      }
      try (Stream<Path> files = Files.list(folder)) {
        return files
            .map(p -> p.getFileName().toString())
            .filter(DataLocation::isPriceFile)
            .map(n -> n.substring(0, n.length() - CSV_SUFFIX.length()).toUpperCase(Locale.ROOT))
            .sorted()
            .distinct()
            .toList();
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }

    @Override
    public boolean isBundled() {
      return false;
    }

    @Override
    SourceId computeSourceId() throws IOException {
      Path canonical = folder.toRealPath();
      List<Path> files;
      try (Stream<Path> listed = Files.list(canonical)) {
        files =
            listed
                .filter(
                    p ->
                        isPriceFile(p.getFileName().toString())
                            || p.getFileName().toString().equalsIgnoreCase(YIELDS_FILE))
                .filter(Files::isRegularFile)
                .sorted()
                .toList();
      }
      MessageDigest digest = SourceIds.digest();
      for (Path file : files) {
        BasicFileAttributes a = Files.readAttributes(file, BasicFileAttributes.class);
        update(digest, file.getFileName().toString());
        update(digest, Long.toString(a.size()));
        update(digest, Long.toString(a.lastModifiedTime().to(TimeUnit.NANOSECONDS)));
      }
      return SourceIds.readableOrHashed("csv:", canonical + "@" + fingerprint(digest));
    }
  }

  private static final class Classpath extends DataLocation {
    private final Class<?> anchor;
    private final String base;

    Classpath(Class<?> anchor, String base) {
      this.anchor = Objects.requireNonNull(anchor, "anchor");
      this.base = base.endsWith("/") ? base : base + "/";
    }

    @Override
    public Optional<byte[]> read(String fileName) throws IOException {
      try (InputStream in = anchor.getResourceAsStream(base + fileName)) {
        return in == null ? Optional.empty() : Optional.of(in.readAllBytes());
      }
    }

    @Override
    public String describe() {
      return "the bundled sample data";
    }

    @Override
    public String describe(String fileName) {
      return fileName + " (bundled sample data)";
    }

    @Override
    public List<String> tickers() {
      Optional<byte[]> index;
      try {
        index = read("tickers.txt");
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
      if (index.isEmpty()) {
        return List.of();
      }
      List<String> out = new ArrayList<>();
      for (String line : new String(index.get(), StandardCharsets.UTF_8).split("\\R")) {
        if (!line.isBlank()) {
          out.add(line.trim());
        }
      }
      out.sort(null);
      return List.copyOf(out);
    }

    @Override
    public boolean isBundled() {
      return true;
    }

    @Override
    SourceId computeSourceId() throws IOException {
      MessageDigest digest = SourceIds.digest();
      List<String> names = new ArrayList<>();
      names.add(YIELDS_FILE);
      for (String ticker : tickers()) {
        names.add(ticker + CSV_SUFFIX);
      }
      for (String name : names) {
        Optional<byte[]> bytes = read(name);
        update(digest, name);
        update(digest, Integer.toString(bytes.map(b -> b.length).orElse(-1)));
        bytes.ifPresent(digest::update);
      }
      return SourceId.of("csv:sample:" + fingerprint(digest));
    }
  }
}
