package io.scrilla.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.scrilla.api.config.ScrillaConfig;
import io.scrilla.api.error.ConfigurationException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** {@code LOG_LEVEL} sets slf4j-simple's level in the command line. */
class LogLevelTest {
  private final String before = System.getProperty(Main.SIMPLE_LOGGER_LEVEL);

  @AfterEach
  void restore() {
    if (before == null) {
      System.clearProperty(Main.SIMPLE_LOGGER_LEVEL);
    } else {
      System.setProperty(Main.SIMPLE_LOGGER_LEVEL, before);
    }
  }

  private static ScrillaConfig level(String value) {
    return ScrillaConfig.builder().set(ScrillaConfig.LOG_LEVEL, value).build();
  }

  @Test
  void applyLogLevel_validLevelAnyCase_setsSimpleLoggerDefault() {
    System.clearProperty(Main.SIMPLE_LOGGER_LEVEL);
    Main.applyLogLevel(level("DEBUG"));
    assertEquals("debug", System.getProperty(Main.SIMPLE_LOGGER_LEVEL));
  }

  @Test
  void applyLogLevel_explicitSystemProperty_wins() {
    System.setProperty(Main.SIMPLE_LOGGER_LEVEL, "error");
    Main.applyLogLevel(level("trace"));
    assertEquals("error", System.getProperty(Main.SIMPLE_LOGGER_LEVEL));
  }

  @Test
  void applyLogLevel_unset_changesNothing() {
    System.clearProperty(Main.SIMPLE_LOGGER_LEVEL);
    Main.applyLogLevel(ScrillaConfig.defaults());
    assertNull(System.getProperty(Main.SIMPLE_LOGGER_LEVEL));
  }

  @Test
  void applyLogLevel_unknownLevel_failsNamingTheLevelsAllowed() {
    ConfigurationException e =
        assertThrows(ConfigurationException.class, () -> Main.applyLogLevel(level("loud")));
    assertTrue(
        e.getMessage().startsWith("LOG_LEVEL='loud' is not allowed: use one of trace, debug"),
        e.getMessage());
  }
}
