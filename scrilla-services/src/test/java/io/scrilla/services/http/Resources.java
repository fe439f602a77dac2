package io.scrilla.services.http;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;

/** Reads test resources from the class path. */
public final class Resources {
  private Resources() {}

  /** Returns the bytes of a resource, e.g. {@code "fixtures/spy_response.json"}. */
  public static byte[] bytes(String name) {
    try (InputStream in = Resources.class.getClassLoader().getResourceAsStream(name)) {
      if (in == null) {
        throw new IllegalArgumentException("no test resource " + name);
      }
      return in.readAllBytes();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Returns the text of a resource (UTF-8). */
  public static String text(String name) {
    return new String(bytes(name), StandardCharsets.UTF_8);
  }
}
