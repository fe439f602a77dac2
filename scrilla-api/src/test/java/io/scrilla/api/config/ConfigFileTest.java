package io.scrilla.api.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.scrilla.api.error.ConfigurationException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFileAttributeView;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Map;
import java.util.Properties;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The user's configuration file: owner-only, and read below the environment. */
class ConfigFileTest {
  @TempDir Path dir;

  /**
   * Returns whether the folder's file system has POSIX permissions; where it has none, checks
   * instead that storing is refused (a file that cannot be made owner-only is never written).
   */
  private static boolean posixOrRefused(Path p) {
    if (Files.getFileAttributeView(p, PosixFileAttributeView.class) != null) {
      return true;
    }
    Path file = ConfigFile.in(p);
    ConfigurationException e =
        assertThrows(ConfigurationException.class, () -> ConfigFile.put(file, "A_KEY", "x"));
    assertTrue(e.getMessage().contains("no POSIX permissions"), e.getMessage());
    assertFalse(Files.exists(file));
    return false;
  }

  @Test
  void put_newFolderAndFile_areReadableByTheOwnerOnly() throws Exception {
    if (!posixOrRefused(dir)) {
      return;
    }
    Path folder = dir.resolve("cfg");
    Path file = ConfigFile.in(folder);
    ConfigFile.put(file, "ALPHA_VANTAGE_KEY", "k3y-Value");
    assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(file)));
    assertEquals("rwx------", PosixFilePermissions.toString(Files.getPosixFilePermissions(folder)));
    assertEquals(Map.of("ALPHA_VANTAGE_KEY", "k3y-Value"), ConfigFile.read(file));
  }

  @Test
  void put_existingWorldReadableFile_keepsOtherKeysAndBecomesOwnerOnly() throws Exception {
    if (!posixOrRefused(dir)) {
      return;
    }
    Path file = ConfigFile.in(dir);
    Files.writeString(file, "MARKET_PROXY=DIA\nFRONTIER_STEPS=4\n", StandardCharsets.UTF_8);
    Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-r--r--"));
    ConfigFile.put(file, "FRONTIER_STEPS", "9");
    assertEquals(Map.of("MARKET_PROXY", "DIA", "FRONTIER_STEPS", "9"), ConfigFile.read(file));
    assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(file)));
    try (var files = Files.list(dir)) {
      assertEquals(1, files.count(), "no temporary file is left behind");
    }
  }

  @Test
  void put_valueWithPropertiesSyntax_readsBackTheSame() {
    Path file = ConfigFile.in(dir);
    String value = "a=b:c #d \\e";
    if (!posixOrRefused(dir)) {
      return;
    }
    ConfigFile.put(file, "SOME_SECRET", value);
    assertEquals(value, ConfigFile.read(file).get("SOME_SECRET"));
  }

  @Test
  void put_badNameOrValue_failsWithoutWriting() {
    Path file = ConfigFile.in(dir);
    ConfigurationException name =
        assertThrows(ConfigurationException.class, () -> ConfigFile.put(file, "lower", "x"));
    assertTrue(name.getMessage().contains("upper-case"), name.getMessage());
    assertThrows(ConfigurationException.class, () -> ConfigFile.put(file, "A_KEY", " "));
    assertThrows(ConfigurationException.class, () -> ConfigFile.put(file, "A_KEY", "a\nb"));
    assertFalse(Files.exists(file));
  }

  @Test
  void read_missingFile_holdsNothing() {
    assertEquals(Map.of(), ConfigFile.read(dir.resolve("none.properties")));
  }

  @Test
  void load_fileIsTheLowestLayer_environmentThenSystemPropertiesOverrideIt() throws Exception {
    Files.writeString(
        ConfigFile.in(dir),
        "MARKET_PROXY=DIA\nFRONTIER_STEPS=4\nMA_1=7\nSCRILLA_CONFIG_DIR=/elsewhere\n",
        StandardCharsets.UTF_8);
    Map<String, String> env =
        Map.of(
            ScrillaConfig.SCRILLA_CONFIG_DIR, dir.toString(), "FRONTIER_STEPS", "6", "MA_1", "8");
    Properties system = new Properties();
    system.setProperty("MA_1", "9");
    system.setProperty("user.home", dir.resolve("home").toString());
    ScrillaConfig c = ScrillaConfig.load(env, system);
    assertEquals("DIA", c.marketProxy(), "from the file");
    assertEquals(6, c.frontierSteps(), "the environment wins over the file");
    assertEquals(9, c.movingAveragePeriods()[0], "a system property wins over both");
    assertEquals(dir, c.configDir(), "the file cannot move its own folder");
  }

  @Test
  void load_withoutConfigDir_readsDotScrillaInTheHomeFolder() throws Exception {
    Path home = dir.resolve("home");
    Files.createDirectories(home.resolve(".scrilla"));
    Files.writeString(
        ConfigFile.in(home.resolve(".scrilla")), "MARKET_PROXY=QQQ\n", StandardCharsets.UTF_8);
    Properties system = new Properties();
    system.setProperty("user.home", home.toString());
    assertEquals("QQQ", ScrillaConfig.load(Map.of(), system).marketProxy());
  }

  @Test
  void load_unreadableFile_failsNamingIt() throws Exception {
    Files.createDirectories(ConfigFile.in(dir)); // a folder where the file should be
    ConfigurationException e =
        assertThrows(
            ConfigurationException.class,
            () ->
                ScrillaConfig.load(
                    Map.of(ScrillaConfig.SCRILLA_CONFIG_DIR, dir.toString()), new Properties()));
    assertTrue(e.getMessage().contains(ConfigFile.FILE_NAME), e.getMessage());
  }

  @Test
  void isSecret_keysAndSecrets() {
    assertTrue(ScrillaConfig.isSecret("ALPHA_VANTAGE_KEY"));
    assertTrue(ScrillaConfig.isSecret("AWS_SECRET_ACCESS_KEY"));
    assertFalse(ScrillaConfig.isSecret("FRONTIER_STEPS"));
  }
}
