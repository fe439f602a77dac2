package io.scrilla.services.http;

import io.scrilla.api.error.SafeText;
import java.util.ArrayList;
import java.util.Collection;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Removes secrets (API keys) from text before it reaches a log line, an exception message or a
 * {@code toString()}; immutable and thread-safe.
 *
 * <p>A handle on the one redaction place, {@link SafeText}: creating a redactor registers its
 * secrets there, so every form of them (as given, in any letter case, percent-encoded) is replaced
 * by {@code ****} in this redactor's output and in every {@code ScrillaException} message from then
 * on; so is the value of any {@code apikey=} query parameter, whatever its value.
 *
 * <pre>{@code
 * Redactor r = Redactor.of(List.of(key));
 * log.warn("answer: {}", r.redact(serviceText));
 * }</pre>
 */
public final class Redactor {
  /** The replacement text of a secret. */
  public static final String MASK = SafeText.MASK;

  private static final Redactor NONE = new Redactor(List.of());

  private final List<String> secrets;

  private Redactor(List<String> secrets) {
    this.secrets = secrets;
  }

  /**
   * Returns a redactor for the given secrets; blank ones are ignored.
   *
   * @param secrets the values to hide, e.g. the API key
   * @return the redactor
   */
  public static Redactor of(Collection<String> secrets) {
    Objects.requireNonNull(secrets, "secrets");
    List<String> s = new ArrayList<>();
    for (String x : secrets) {
      if (x != null && !x.isBlank()) {
        SafeText.registerSecret(x);
        s.add(x);
      }
    }
    return new Redactor(List.copyOf(s));
  }

  /** Returns a redactor with no secrets of its own (it still masks registered ones). */
  public static Redactor none() {
    return NONE;
  }

  /**
   * Returns the text with every secret masked; {@code null} becomes the empty string.
   *
   * @param text any text, e.g. a service's answer or an exception message
   * @return the text without secrets
   */
  public String redact(String text) {
    return SafeText.redact(text);
  }

  /**
   * Returns a copy of the throwable and its causes whose messages are redacted, keeping the class
   * names (in the message) and stack traces, so a transport error can be attached as a cause
   * without leaking a URL that holds a key.
   *
   * @param t the failure to copy, may be {@code null}
   * @return the redacted copy, or {@code null} when {@code t} is {@code null}
   */
  public Throwable sanitize(Throwable t) {
    return sanitize(t, new IdentityHashMap<>(), 0);
  }

  private Throwable sanitize(Throwable t, Map<Throwable, Throwable> seen, int depth) {
    if (t == null || depth > 16) {
      return null;
    }
    Throwable done = seen.get(t);
    if (done != null) {
      return done;
    }
    RedactedException copy =
        new RedactedException(t.getClass().getName() + ": " + SafeText.of(t.getMessage()));
    copy.setStackTrace(t.getStackTrace());
    seen.put(t, copy);
    Throwable cause = sanitize(t.getCause(), seen, depth + 1);
    if (cause != null) {
      copy.initCause(cause);
    }
    return copy;
  }

  @Override
  public String toString() {
    return "Redactor[" + secrets.size() + " secrets]";
  }

  /** A redacted copy of another throwable: its message starts with the original class name. */
  static final class RedactedException extends Exception {
    private static final long serialVersionUID = 1L;

    RedactedException(String message) {
      super(message);
    }
  }
}
