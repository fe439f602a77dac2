package io.scrilla.examples;

import java.util.ArrayList;
import java.util.List;

/**
 * What the jshell stub of the kernels' {@code display(Object)} was given. The session runs in this
 * JVM and loads this class from the test class path, so the stub and the test share the list, and
 * the list survives jshell re-evaluating the stub when a cell adds imports.
 */
public final class Displayed {
  private static final List<Object> OBJECTS = new ArrayList<>();

  private Displayed() {}

  /**
   * Records an object, as the kernels show it.
   *
   * @param o what a cell displayed
   * @return an identifier of the display, as IJava returns one
   */
  public static synchronized String record(Object o) {
    OBJECTS.add(o);
    return "display-" + OBJECTS.size();
  }

  /** Returns what was displayed since the last {@link #clear()}, in order. */
  static synchronized List<Object> objects() {
    return List.copyOf(OBJECTS);
  }

  /** Forgets what was displayed. */
  static synchronized void clear() {
    OBJECTS.clear();
  }
}
