package io.scrilla.api.spi;

/** A service provider found by {@link java.util.ServiceLoader} and chosen by its name. */
public interface NamedProvider {
  /** Returns the name users select this provider with, e.g. {@code sqlite} or {@code csv}. */
  String name();
}
