package io.scrilla.api.spi;

import io.scrilla.api.error.ConfigurationException;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.ServiceConfigurationError;
import java.util.ServiceLoader;
import java.util.TreeMap;

/**
 * Finds providers with {@link ServiceLoader} and selects one by name.
 *
 * <p>A provider jar that fails to load is reported in the error message, not hidden, and does not
 * stop the others from loading. An unknown name fails with every name found and its jar.
 */
public final class Providers {
  private Providers() {}

  /**
   * Returns the provider of the given type whose {@link NamedProvider#name()} equals {@code name}.
   *
   * @param type the provider interface, e.g. {@code CacheProvider.class}
   * @param variable the configuration variable that chose the name, for the message
   * @param name the name asked for
   * @param loader the class loader to search (notebooks load jars dynamically)
   * @param <P> the provider type
   * @return the provider
   * @throws ConfigurationException naming the providers found and how to add one
   */
  public static <P extends NamedProvider> P find(
      Class<P> type, String variable, String name, ClassLoader loader) {
    Objects.requireNonNull(name, "name");
    Map<String, P> found = new TreeMap<>();
    List<String> broken = new ArrayList<>();
    Iterator<P> it = ServiceLoader.load(type, loader).iterator();
    while (true) {
      try {
        if (!it.hasNext()) {
          break;
        }
        P p = it.next();
        found.putIfAbsent(p.name(), p);
      } catch (ServiceConfigurationError e) {
        broken.add(e.getMessage());
      }
    }
    P p = found.get(name);
    if (p != null) {
      return p;
    }
    List<String> names = new ArrayList<>();
    found.forEach((n, prov) -> names.add(n + " (" + origin(prov) + ")"));
    throw new ConfigurationException(
        variable
            + "='"
            + name
            + "' names no "
            + type.getSimpleName()
            + " on the class path; found: "
            + (names.isEmpty() ? "none" : String.join(", ", names))
            + (broken.isEmpty() ? "" : "; failed to load: " + String.join("; ", broken))
            + ". Set "
            + variable
            + " to one of the names found, or add the module that provides '"
            + name
            + "' to the class path");
  }

  /** Same as {@link #find(Class, String, String, ClassLoader)} with this class's loader. */
  public static <P extends NamedProvider> P find(Class<P> type, String variable, String name) {
    return find(type, variable, name, Providers.class.getClassLoader());
  }

  private static String origin(Object provider) {
    var src = provider.getClass().getProtectionDomain().getCodeSource();
    if (src == null || src.getLocation() == null) {
      return provider.getClass().getName();
    }
    String path = src.getLocation().getPath();
    int slash = path.replaceAll("/+$", "").lastIndexOf('/');
    return slash >= 0 ? path.substring(slash + 1).replaceAll("/+$", "") : path;
  }
}
