package io.scrilla.api.config;

import io.scrilla.api.error.ConfigurationException;
import io.scrilla.api.error.SafeText;
import java.io.IOException;
import java.io.Reader;
import java.io.StringWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.FileAttribute;
import java.nio.file.attribute.PosixFileAttributeView;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Map;
import java.util.Objects;
import java.util.Properties;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Pattern;

/**
 * The user's configuration file, {@value #FILE_NAME} in the configuration folder ({@link
 * ScrillaConfig#configDir()}): variables in Java properties format ({@code NAME=value}), written by
 * {@code scrilla store} and read by {@link ScrillaConfig#load()} below the environment and the
 * system properties, so that either overrides it.
 *
 * <p>The file holds secrets such as {@code ALPHA_VANTAGE_KEY}: it is written readable and writable
 * by its owner only (POSIX mode 600), replaced atomically, and never written on a file system
 * without POSIX permissions (where it could not be protected).
 */
public final class ConfigFile {
  /** The file's name in the configuration folder. */
  public static final String FILE_NAME = "config.properties";

  /** Variable names the file may hold: upper-case letters, digits and underscores. */
  private static final Pattern NAME = Pattern.compile("[A-Z][A-Z0-9_]{0,63}");

  private static final Set<PosixFilePermission> OWNER_ONLY =
      PosixFilePermissions.fromString("rw-------");

  private static final Set<PosixFilePermission> OWNER_ONLY_DIR =
      PosixFilePermissions.fromString("rwx------");

  private ConfigFile() {}

  /**
   * Returns the file in a configuration folder.
   *
   * @param configDir the folder
   * @return {@code configDir/config.properties}
   */
  public static Path in(Path configDir) {
    return Objects.requireNonNull(configDir, "configDir").resolve(FILE_NAME);
  }

  /**
   * Reads the variables of a configuration file; a missing file holds none.
   *
   * @param file the file
   * @return the variables by name (blank values left out)
   * @throws ConfigurationException naming the file when it exists but cannot be read
   */
  public static Map<String, String> read(Path file) {
    Objects.requireNonNull(file, "file");
    Properties p = new Properties();
    try (Reader r = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
      p.load(r);
    } catch (NoSuchFileException e) {
      return Map.of();
    } catch (IOException | IllegalArgumentException e) {
      throw new ConfigurationException(
          "cannot read the configuration file "
              + file
              + ": "
              + SafeText.of(String.valueOf(e.getMessage()))
              + "; fix or delete it",
          e);
    }
    Map<String, String> m = new TreeMap<>();
    for (String name : p.stringPropertyNames()) {
      String v = p.getProperty(name);
      if (!v.isBlank()) {
        m.put(name, v.strip());
      }
    }
    return m;
  }

  /**
   * Sets one variable in a configuration file, keeping the others; creates the file (and its
   * folder, readable by its owner only) when missing. The new file is written beside the old one
   * with mode 600 and moved over it, so the value is never readable by others, even briefly.
   *
   * @param file the file
   * @param name the variable, e.g. {@code ALPHA_VANTAGE_KEY}
   * @param value its value, not blank, on one line
   * @throws ConfigurationException for a name that is not a variable name, a blank value or one
   *     with a line break, a file system without POSIX permissions, or a file that cannot be
   *     written
   */
  public static void put(Path file, String name, String value) {
    Objects.requireNonNull(file, "file");
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(value, "value");
    if (!NAME.matcher(name).matches()) {
      throw new ConfigurationException(
          "cannot store "
              + SafeText.quote(name)
              + ": a variable name is upper-case letters, digits and underscores, such as"
              + " ALPHA_VANTAGE_KEY");
    }
    if (value.isBlank() || value.strip().indexOf('\n') >= 0 || value.strip().indexOf('\r') >= 0) {
      throw new ConfigurationException(
          "cannot store " + name + ": give a value that is not blank and has no line break");
    }
    Path dir = file.toAbsolutePath().getParent();
    try {
      if (!Files.isDirectory(dir)) {
        Files.createDirectories(dir, ownerOnly(dir, OWNER_ONLY_DIR));
      }
      if (Files.getFileAttributeView(dir, PosixFileAttributeView.class) == null) {
        throw new ConfigurationException(
            "cannot store "
                + name
                + " in "
                + file
                + ": its file system has no POSIX permissions, so the file could not be made"
                + " readable by you alone; set "
                + name
                + " in the environment instead");
      }
      Map<String, String> all = new TreeMap<>(read(file));
      all.put(name, value.strip());
      Properties p = new Properties();
      p.putAll(all);
      StringWriter text = new StringWriter();
      store(p, text);
      Path tmp = dir.resolve("." + FILE_NAME + "." + ProcessHandle.current().pid() + ".tmp");
      Files.deleteIfExists(tmp);
      Files.createFile(tmp, PosixFilePermissions.asFileAttribute(OWNER_ONLY));
      try {
        Files.writeString(tmp, text.toString(), StandardCharsets.UTF_8);
        try {
          Files.move(
              tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (AtomicMoveNotSupportedException e) {
          Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING);
        }
      } finally {
        Files.deleteIfExists(tmp);
      }
      // a file that existed with a wider mode was replaced; set the mode again in case a umask
      // or an ACL widened it
      Files.setPosixFilePermissions(file, OWNER_ONLY);
    } catch (FileAlreadyExistsException e) {
      throw new ConfigurationException(
          "cannot store " + name + ": " + e.getFile() + " is in the way; remove it", e);
    } catch (IOException | UnsupportedOperationException e) {
      throw new ConfigurationException(
          "cannot store "
              + name
              + " in "
              + file
              + ": "
              + SafeText.of(String.valueOf(e.getMessage())),
          e);
    }
  }

  private static FileAttribute<?>[] ownerOnly(Path dir, Set<PosixFilePermission> mode) {
    Path existing = dir;
    while (existing != null && !Files.exists(existing)) {
      existing = existing.getParent();
    }
    boolean posix =
        existing != null
            && Files.getFileAttributeView(existing, PosixFileAttributeView.class) != null;
    return posix
        ? new FileAttribute<?>[] {PosixFilePermissions.asFileAttribute(mode)}
        : new FileAttribute<?>[0];
  }

  private static void store(Properties p, Writer w) throws IOException {
    // Properties.store writes a date comment first; a fixed header keeps the file reproducible
    StringWriter raw = new StringWriter();
    p.store(raw, null);
    StringBuilder out =
        new StringBuilder("# scrilla configuration (scrilla store); readable by its owner only\n");
    raw.toString()
        .lines()
        .filter(l -> !l.startsWith("#"))
        .sorted()
        .forEach(l -> out.append(l).append('\n'));
    w.write(out.toString());
  }
}
