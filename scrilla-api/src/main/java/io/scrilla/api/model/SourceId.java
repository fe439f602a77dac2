package io.scrilla.api.model;

import io.scrilla.api.error.InvalidInputException;
import java.util.Objects;

/**
 * The identity of a data source: the namespace under which the cache keeps what the source
 * delivered. Data cached from one source is never served for another, so two sources whose numbers
 * may differ must have different identities; immutable and thread-safe.
 *
 * <p>The library's sources say who they are through {@link
 * io.scrilla.api.spi.PriceSource#sourceId()} and {@link
 * io.scrilla.api.spi.InterestRateSource#sourceId()}:
 *
 * <ul>
 *   <li>a service by its provider name: {@code alpha_vantage}, {@code treasury} (with the URL
 *       appended when it is not the service's default, e.g. {@code alpha_vantage@http://host/q});
 *   <li>a CSV folder by {@code csv:}, the folder's canonical absolute path, {@code @} and a short
 *       fingerprint of its price and yield files (names, sizes, modification times), so that an
 *       edited file starts a new namespace: {@code csv:/home/me/data@5e2c9a1b7d03};
 *   <li>the bundled sample data by {@code csv:sample:} and a hash of its content.
 * </ul>
 *
 * @param value the identity: 1 to {@value #MAX_LENGTH} characters, no control or format characters,
 *     no leading or trailing white space
 */
public record SourceId(String value) {
  /** The longest identity, in UTF-16 code units; it fits every backend's key limits. */
  public static final int MAX_LENGTH = 200;

  /** Validates the identity. */
  public SourceId {
    Objects.requireNonNull(value, "value");
    if (value.isBlank() || value.length() > MAX_LENGTH) {
      throw new InvalidInputException(
          "a source identity has 1 to "
              + MAX_LENGTH
              + " characters and is not blank; got "
              + value.length()
              + " characters");
    }
    if (!value.strip().equals(value)) {
      throw new InvalidInputException(
          "a source identity has no leading or trailing white space: '" + value + "'");
    }
    for (int i = 0; i < value.length(); ) {
      int cp = value.codePointAt(i);
      if (!printable(cp)) {
        throw new InvalidInputException(
            String.format(
                "a source identity holds printable characters only; found U+%04X at index %d",
                cp, i));
      }
      i += Character.charCount(cp);
    }
  }

  /**
   * Returns the identity {@code value}.
   *
   * @param value e.g. {@code alpha_vantage}
   * @return the identity
   * @throws InvalidInputException when the value is blank, too long or not printable
   */
  public static SourceId of(String value) {
    return new SourceId(value);
  }

  private static boolean printable(int cp) {
    return switch (Character.getType(cp)) {
      case Character.CONTROL,
          Character.FORMAT,
          Character.SURROGATE,
          Character.UNASSIGNED,
          Character.PRIVATE_USE,
          Character.LINE_SEPARATOR,
          Character.PARAGRAPH_SEPARATOR ->
          false;
      default -> true;
    };
  }

  /** Returns the identity text. */
  @Override
  public String toString() {
    return value;
  }
}
