package io.scrilla.cli;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import io.scrilla.api.error.ConfigurationException;
import io.scrilla.api.error.SafeText;
import io.scrilla.api.model.Asset;
import io.scrilla.api.model.AssetResolver;
import io.scrilla.commands.Json;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;

/**
 * The user's watchlist: {@value #FILE_NAME} in the configuration folder, a JSON array of tickers
 * sorted alphabetically, as scrilla keeps it. Tickers are stored as text that resolves back to the
 * same asset ({@link AssetResolver#text}), e.g. {@code SPY}, {@code BTC}, {@code LINK:equity}.
 */
final class Watchlist {
  /** The file's name in the configuration folder. */
  static final String FILE_NAME = "watchlist.json";

  private Watchlist() {}

  /** Returns the watchlist file of a configuration folder. */
  static Path file(Path configDir) {
    return configDir.resolve(FILE_NAME);
  }

  /**
   * Reads the tickers of a watchlist file, sorted; a missing file is an empty watchlist.
   *
   * @throws ConfigurationException naming the file when it cannot be read or is not a JSON array of
   *     tickers
   */
  static List<String> read(Path file) {
    String text;
    try {
      text = Files.readString(file, StandardCharsets.UTF_8);
    } catch (NoSuchFileException e) {
      return List.of();
    } catch (IOException e) {
      throw new ConfigurationException(
          "cannot read the watchlist " + file + ": " + SafeText.of(String.valueOf(e.getMessage())),
          e);
    }
    JsonNode node;
    try {
      node = Json.mapper().readTree(text);
    } catch (JsonProcessingException e) {
      node = null;
    }
    if (node == null || !node.isArray()) {
      throw invalid(file);
    }
    TreeSet<String> out = new TreeSet<>();
    for (JsonNode t : node) {
      if (!t.isTextual()) {
        throw invalid(file);
      }
      out.add(t.asText());
    }
    return List.copyOf(out);
  }

  private static ConfigurationException invalid(Path file) {
    return new ConfigurationException(
        "the watchlist "
            + file
            + " is not a JSON array of tickers; fix it, or remove it with 'scrilla purge'");
  }

  /**
   * Adds tickers to a watchlist file (creating it and its folder when missing) and returns those
   * that were not in it yet.
   *
   * @param file the watchlist file
   * @param tickers the tickers, e.g. {@code SPY}, {@code BTC:crypto}
   * @return the tickers added, as stored
   * @throws io.scrilla.api.error.InvalidInputException for a malformed ticker (nothing is written)
   * @throws ConfigurationException when the file cannot be read or written
   */
  static List<String> add(Path file, List<String> tickers) {
    List<String> texts = new ArrayList<>();
    for (String t : tickers) {
      Asset a = AssetResolver.resolve(t);
      texts.add(AssetResolver.text(a));
    }
    TreeSet<String> all = new TreeSet<>(read(file));
    List<String> added = new ArrayList<>();
    for (String t : texts) {
      if (all.add(t)) {
        added.add(t);
      }
    }
    ArrayNode array = Json.array();
    all.forEach(array::add);
    try {
      Path dir = file.toAbsolutePath().getParent();
      Files.createDirectories(dir);
      Path tmp = dir.resolve("." + FILE_NAME + ".tmp");
      Files.writeString(tmp, Json.write(array) + System.lineSeparator(), StandardCharsets.UTF_8);
      Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    } catch (IOException e) {
      throw new ConfigurationException(
          "cannot write the watchlist " + file + ": " + SafeText.of(String.valueOf(e.getMessage())),
          e);
    }
    return added;
  }
}
