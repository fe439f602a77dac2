package io.scrilla.api.error;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The one place that makes outside text safe to show: it masks secrets and escapes control
 * characters; thread-safe.
 *
 * <p><b>Secrets.</b> A data source that holds a secret (an API key) {@linkplain #registerSecret
 * registers} it once; from then on every form of it is replaced by {@value #MASK} in {@link #of},
 * {@link #quote} and {@link #redact}: as given, in any letter case, and percent-encoded (each
 * character may appear as itself or as the {@code %XX} UTF-8 escape of either of its letter cases,
 * in either hex case; a space also as {@code +}). The value of any {@code apikey=} query parameter
 * is masked too, whatever it is. Every {@link ScrillaException} message passes through {@link #of}
 * when the exception is created, so a secret echoed by a service in any field never reaches a
 * message, wherever the text came from; log lines that quote outside text pass through it too.
 *
 * <p><b>Control characters.</b> Text from files and services may hold terminal escape sequences
 * (set-title, clear-screen) or bidirectional overrides. {@link #of} escapes every control, format
 * and line/paragraph separator character: {@code \n}, {@code \r} and {@code \t} as such, any other
 * as {@code \}{@code uXXXX}. Backslashes are kept, so file paths read as written.
 *
 * <pre>{@code
 * throw new InvalidInputException(
 *     file + " line 7: close " + SafeText.quote(text) + " is not a number");
 * }</pre>
 */
public final class SafeText {
  /** The replacement of a secret. */
  public static final String MASK = "****";

  /** The longest outside text {@link #quote} shows in full, in characters. */
  public static final int MAX_QUOTED = 200;

  /** The most names {@link #names} lists. */
  public static final int MAX_NAMES = 10;

  private static final Pattern KEY_PARAM = Pattern.compile("(?i)(api_?key=)[^&\\s\"'#]*");
  private static final Set<String> SECRETS = ConcurrentHashMap.newKeySet();
  private static volatile Pattern secretPattern; // null while no secret is registered

  private SafeText() {}

  /**
   * Registers a secret to be masked in every message and log line from now on, for the life of the
   * process. Blank values are ignored; registering a value twice has no further effect.
   *
   * @param secret the secret as configured, e.g. the API key
   */
  public static void registerSecret(String secret) {
    Objects.requireNonNull(secret, "secret");
    String s = secret.trim();
    if (s.isEmpty() || !SECRETS.add(s)) {
      return;
    }
    synchronized (SafeText.class) {
      List<String> sorted = new ArrayList<>(SECRETS);
      sorted.sort((a, b) -> Integer.compare(b.length(), a.length())); // longest first
      StringBuilder regex = new StringBuilder();
      for (String x : sorted) {
        if (regex.length() > 0) {
          regex.append('|');
        }
        regex.append(anyForm(x));
      }
      secretPattern =
          Pattern.compile(regex.toString(), Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE);
    }
  }

  /**
   * Returns the text with every registered secret (in every form) and every {@code apikey=}
   * parameter value masked; {@code null} becomes the empty string. Control characters are kept: use
   * {@link #of} for text that will be shown.
   *
   * @param text any text
   * @return the text without secrets
   */
  public static String redact(String text) {
    if (text == null) {
      return "";
    }
    String out = text;
    Pattern p = secretPattern;
    if (p != null) {
      out = p.matcher(out).replaceAll(Matcher.quoteReplacement(MASK));
    }
    return KEY_PARAM.matcher(out).replaceAll("$1" + Matcher.quoteReplacement(MASK));
  }

  /**
   * Returns the text safe to show: secrets masked ({@link #redact}) and control characters escaped;
   * {@code null} becomes the empty string.
   *
   * @param text any text, e.g. a message quoting a file or a service's answer
   * @return the safe text
   */
  public static String of(String text) {
    return escapeControls(redact(text));
  }

  /**
   * Returns outside text made safe ({@link #of}), cut to {@value #MAX_QUOTED} characters, in single
   * quotes: the form every message uses to quote a value read from a file, a service or a user.
   *
   * @param text the outside text
   * @return e.g. {@code 'abc'}
   */
  public static String quote(String text) {
    String safe = of(text);
    if (safe.length() > MAX_QUOTED) {
      safe = safe.substring(0, MAX_QUOTED) + "...(" + safe.length() + " characters)";
    }
    return "'" + safe + "'";
  }

  /**
   * Returns names joined with commas for a message, the first {@value #MAX_NAMES} only when there
   * are more, with how many there are in all: {@code T1, T10, T100, ... (500 in all)}. A message
   * stays one readable line even when a folder holds thousands of files.
   *
   * @param names the names, in the order to show
   * @return the list, or {@code none} when empty
   */
  public static String names(Collection<String> names) {
    if (names.isEmpty()) {
      return "none";
    }
    if (names.size() <= MAX_NAMES) {
      return String.join(", ", names);
    }
    return String.join(", ", names.stream().limit(MAX_NAMES).toList())
        + ", ... ("
        + names.size()
        + " in all)";
  }

  private static String escapeControls(String s) {
    StringBuilder out = null;
    for (int i = 0; i < s.length(); ) {
      int cp = s.codePointAt(i);
      int n = Character.charCount(cp);
      String esc = escape(cp);
      if (esc != null && out == null) {
        out = new StringBuilder(s.length() + 16).append(s, 0, i);
      }
      if (out != null) {
        if (esc != null) {
          out.append(esc);
        } else {
          out.appendCodePoint(cp);
        }
      }
      i += n;
    }
    return out == null ? s : out.toString();
  }

  private static String escape(int cp) {
    switch (cp) {
      case '\n':
        return "\\n";
      case '\r':
        return "\\r";
      case '\t':
        return "\\t";
      default:
        break;
    }
    int type = Character.getType(cp);
    boolean unsafe =
        type == Character.CONTROL
            || type == Character.FORMAT
            || type == Character.LINE_SEPARATOR
            || type == Character.PARAGRAPH_SEPARATOR;
    return unsafe ? String.format(Locale.ROOT, "\\u%04X", cp) : null;
  }

  /** A regex matching the secret with each character as itself or percent-encoded. */
  private static String anyForm(String secret) {
    StringBuilder regex = new StringBuilder();
    secret
        .codePoints()
        .forEach(
            cp -> {
              regex.append("(?:").append(Pattern.quote(new String(Character.toChars(cp))));
              // percent-encoded in either letter case of the character (the match ignores hex case)
              for (int c : new int[] {cp, Character.toLowerCase(cp), Character.toUpperCase(cp)}) {
                regex.append('|').append(percentEncoded(c));
              }
              if (cp == ' ') {
                regex.append("|\\+");
              }
              regex.append(')');
            });
    return regex.toString();
  }

  private static String percentEncoded(int cp) {
    StringBuilder encoded = new StringBuilder();
    for (byte b : new String(Character.toChars(cp)).getBytes(StandardCharsets.UTF_8)) {
      encoded.append('%').append(String.format(Locale.ROOT, "%02X", b & 0xFF));
    }
    return encoded.toString();
  }
}
