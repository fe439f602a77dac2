package io.scrilla.commands;

import picocli.CommandLine.IVersionProvider;

/**
 * The version that {@code scrilla --version} and {@code scrilla version} print: the {@code
 * Implementation-Version} of the jar's manifest, or {@code development build} when the classes do
 * not come from a released jar.
 */
public final class VersionProvider implements IVersionProvider {
  /** Returns the version, e.g. {@code 0.1.0} or {@code development build}. */
  public static String version() {
    String v = VersionProvider.class.getPackage().getImplementationVersion();
    return v == null || v.isBlank() ? "development build" : v;
  }

  @Override
  public String[] getVersion() {
    return new String[] {"scrilla " + version()};
  }
}
