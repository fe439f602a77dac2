package io.scrilla.commands;

import com.fasterxml.jackson.databind.JsonNode;
import io.scrilla.api.error.InvalidInputException;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.List;
import java.util.Locale;

/** Prints a command's result as a table or JSON, and saves the JSON when asked. */
public final class Output {
  private Output() {}

  /**
   * Prints the result.
   *
   * @param ctx the command context
   * @param options the common options (--json, --save)
   * @param json the JSON result
   * @param table the human-readable rows, first row the header
   */
  public static void print(
      Context ctx, CommonOptions options, JsonNode json, List<List<String>> table) {
    if (options.json()) {
      ctx.out().println(Json.write(json));
    } else {
      printTable(ctx, table);
    }
    options
        .save()
        .ifPresent(
            file -> {
              try {
                if (file.getParent() != null) {
                  Files.createDirectories(file.getParent());
                }
                Files.writeString(
                    file, Json.write(json) + System.lineSeparator(), StandardCharsets.UTF_8);
              } catch (IOException e) {
                throw new InvalidInputException("cannot write " + file + ": " + e.getMessage(), e);
              }
            });
  }

  /** Prints rows as left-aligned columns. */
  public static void printTable(Context ctx, List<List<String>> rows) {
    if (rows.isEmpty()) {
      return;
    }
    int cols = rows.stream().mapToInt(List::size).max().orElse(0);
    int[] width = new int[cols];
    for (List<String> r : rows) {
      for (int i = 0; i < r.size(); i++) {
        width[i] = Math.max(width[i], r.get(i).length());
      }
    }
    for (List<String> r : rows) {
      StringBuilder sb = new StringBuilder();
      for (int i = 0; i < r.size(); i++) {
        if (i > 0) {
          sb.append("  ");
        }
        String cell = r.get(i);
        sb.append(cell);
        if (i < r.size() - 1) {
          sb.append(" ".repeat(width[i] - cell.length()));
        }
      }
      ctx.out().println(sb);
    }
  }

  /** Formats a decimal fraction for a table: six decimals. */
  public static String fmt(double d) {
    return String.format(Locale.ROOT, "%.6f", d);
  }
}
