package io.scrilla.commands;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

/** The version of classes that come from a build folder rather than a released jar. */
class VersionProviderTest {
  @Test
  void classesWithoutManifest_areADevelopmentBuild() {
    // the module's tests run on target/classes, which has no manifest
    assertEquals("development build", VersionProvider.version());
    assertArrayEquals(
        new String[] {"scrilla development build"}, new VersionProvider().getVersion());
  }
}
