package io.scrilla.api.model;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;

/**
 * Resolves ticker text to an {@link Asset}: {@code TICKER:crypto} and {@code TICKER:equity} name
 * the type; a bare ticker is crypto when it is in the bundled list of common crypto symbols ({@code
 * crypto-symbols.txt}, which documents the ambiguous ones), otherwise an equity.
 */
public final class AssetResolver {
  private static final Set<String> CRYPTO = load();

  private AssetResolver() {}

  /**
   * Resolves one ticker.
   *
   * @param text {@code SPY}, {@code BTC}, {@code BTC:crypto} or {@code LINK:equity}
   * @return the asset
   * @throws io.scrilla.api.error.InvalidInputException for a malformed ticker or type
   */
  public static Asset resolve(String text) {
    return explain(text).asset();
  }

  /**
   * Resolves one ticker as {@link #resolve} does and says how its type was decided.
   *
   * @param text {@code SPY}, {@code BTC}, {@code BTC:crypto} or {@code LINK:equity}
   * @return the asset and the basis of its type
   * @throws io.scrilla.api.error.InvalidInputException for a malformed ticker or type
   */
  public static Resolution explain(String text) {
    if (text.indexOf(':') >= 0) {
      return new Resolution(Asset.parse(text, AssetType.EQUITY), Basis.NAMED);
    }
    String t = text.trim().toUpperCase(Locale.ROOT);
    return CRYPTO.contains(t)
        ? new Resolution(new Asset(t, AssetType.CRYPTO), Basis.CRYPTO_LIST)
        : new Resolution(new Asset(t, AssetType.EQUITY), Basis.NOT_IN_CRYPTO_LIST);
  }

  /**
   * Returns the ticker text that resolves back to the asset: the bare ticker when {@link #resolve}
   * gives the same type, else {@code TICKER:type} (for example {@code LINK:equity}).
   *
   * @param asset the asset
   * @return the text
   */
  public static String text(Asset asset) {
    return resolve(asset.ticker()).equals(asset)
        ? asset.ticker()
        : asset.ticker() + ":" + asset.type().name().toLowerCase(Locale.ROOT);
  }

  /** How the type of a ticker was decided. */
  public enum Basis {
    /** The text named the type: {@code TICKER:crypto} or {@code TICKER:equity}. */
    NAMED("the type was named after the colon"),
    /** A bare ticker in the bundled list of common crypto symbols. */
    CRYPTO_LIST("the ticker is in the list of crypto symbols bundled with scrilla"),
    /** A bare ticker not in that list: an equity. */
    NOT_IN_CRYPTO_LIST("the ticker is not in the list of crypto symbols bundled with scrilla");

    private final String description;

    Basis(String description) {
      this.description = description;
    }

    /** Returns the basis in words, e.g. "the type was named after the colon". */
    public String description() {
      return description;
    }
  }

  /**
   * A resolved ticker and how its type was decided.
   *
   * @param asset the asset
   * @param basis how its type was decided
   */
  public record Resolution(Asset asset, Basis basis) {
    /** Checks the parts. */
    public Resolution {
      Objects.requireNonNull(asset, "asset");
      Objects.requireNonNull(basis, "basis");
    }
  }

  private static Set<String> load() {
    Set<String> s = new TreeSet<>();
    try (InputStream in = AssetResolver.class.getResourceAsStream("crypto-symbols.txt")) {
      if (in == null) {
        throw new IllegalStateException("crypto-symbols.txt missing from the scrilla-api jar");
      }
      BufferedReader r = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
      for (String line; (line = r.readLine()) != null; ) {
        line = line.trim();
        if (!line.isEmpty() && !line.startsWith("#")) {
          s.add(line.toUpperCase(Locale.ROOT));
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return Set.copyOf(s);
  }
}
