package io.scrilla.services.http;

import io.scrilla.api.error.InvalidInputException;
import io.scrilla.api.model.SourceId;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Objects;

/**
 * Builds the {@link SourceId} of a source: the namespace under which the cache keeps its data.
 * Thread-safe, stateless.
 */
public final class SourceIds {
  private SourceIds() {}

  /**
   * Returns the identity of a web service: its provider name when it is reached at its default URL
   * ({@code alpha_vantage}), else the name, {@code @} and the URL's scheme, host, port and path,
   * without user information, query or fragment, so that no secret lands in the cache ({@code
   * alpha_vantage@http://127.0.0.1:8080/query}). A URL too long or not printable is replaced by a
   * hash of it.
   *
   * @param name the provider name, e.g. {@code alpha_vantage}
   * @param url the URL the source sends its requests to
   * @param defaultUrl the service's own URL
   * @return the identity
   */
  public static SourceId forService(String name, URI url, URI defaultUrl) {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(url, "url");
    Objects.requireNonNull(defaultUrl, "defaultUrl");
    if (url.equals(defaultUrl)) {
      return SourceId.of(name);
    }
    String where =
        url.getScheme()
            + "://"
            + url.getHost()
            + (url.getPort() < 0 ? "" : ":" + url.getPort())
            + (url.getRawPath() == null ? "" : url.getRawPath());
    return readableOrHashed(name + "@", where);
  }

  /**
   * Returns {@code prefix + text} as an identity when it is a valid one, else {@code prefix},
   * {@code sha256:} and the first 32 hex digits of the SHA-256 of {@code text}.
   *
   * @param prefix e.g. {@code csv:}
   * @param text e.g. a folder path
   * @return the identity
   */
  public static SourceId readableOrHashed(String prefix, String text) {
    try {
      return SourceId.of(prefix + text);
    } catch (InvalidInputException e) {
      return SourceId.of(
          prefix + "sha256:" + sha256(text.getBytes(StandardCharsets.UTF_8)).substring(0, 32));
    }
  }

  /** Returns the SHA-256 of {@code bytes} in lower-case hex. */
  public static String sha256(byte[] bytes) {
    return HexFormat.of().formatHex(digest().digest(bytes));
  }

  /** Returns a new SHA-256 digest. */
  public static MessageDigest digest() {
    try {
      return MessageDigest.getInstance("SHA-256");
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("every Java runtime has SHA-256", e);
    }
  }
}
