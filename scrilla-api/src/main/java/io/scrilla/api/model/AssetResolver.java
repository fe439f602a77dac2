package io.scrilla.api.model;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
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
    if (text.indexOf(':') >= 0) {
      return Asset.parse(text, AssetType.EQUITY);
    }
    String t = text.trim().toUpperCase(Locale.ROOT);
    return new Asset(t, CRYPTO.contains(t) ? AssetType.CRYPTO : AssetType.EQUITY);
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
