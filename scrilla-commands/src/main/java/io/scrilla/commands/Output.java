package io.scrilla.commands;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.scrilla.api.error.InvalidInputException;
import java.io.IOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Map;

/**
 * Prints a command's result as a table or JSON, saves the JSON when asked, and formats numbers for
 * tables: percentages and money with two decimals, ratios with four, share counts as integers.
 *
 * <p>The JSON of an object result carries {@code "meta"} ({@link Meta#json()}) and, when some
 * tickers failed while others succeeded, {@code "errors"}: {@code {"TICKER": "message"}}. A table
 * is printed under the header line {@link Meta#line()}.
 */
public final class Output {
  private Output() {}

  /**
   * Prints the result and saves its JSON when asked.
   *
   * @param ctx the command context
   * @param options --json, --save, --quiet
   * @param meta how the result was computed
   * @param json the JSON result; an object gains {@code "meta"} and {@code "errors"}
   * @param table the table for people
   * @param errors the message of each ticker that failed, by its label; may be empty
   */
  public static void print(
      Context ctx,
      OutputOptions options,
      Meta meta,
      JsonNode json,
      Table table,
      Map<String, String> errors) {
    if (json instanceof ObjectNode o) {
      if (!meta.isEmpty()) {
        o.set("meta", meta.json());
      }
      if (!errors.isEmpty()) {
        ObjectNode e = o.putObject("errors");
        errors.forEach(e::put);
      }
    }
    if (!options.quiet()) {
      if (options.json()) {
        ctx.out().println(Json.write(json));
      } else {
        if (!meta.isEmpty()) {
          ctx.out().println(meta.line());
        }
        table.print(ctx.out());
      }
    }
    options.save().ifPresent(file -> save(file, json));
  }

  private static void save(Path file, JsonNode json) {
    try {
      if (file.getParent() != null) {
        Files.createDirectories(file.getParent());
      }
      Files.writeString(file, Json.write(json) + System.lineSeparator(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new InvalidInputException("cannot write " + file + ": " + e.getMessage(), e);
    }
  }

  /**
   * Prints one {@code error:} line per failed ticker on stderr and returns the exit code: 0 when
   * there is none, 1 otherwise (a result with some tickers missing is not a success, even though
   * the others are printed).
   */
  public static int reportErrors(Context ctx, Map<String, String> errors) {
    errors.values().forEach(m -> ctx.err().println("error: " + m));
    return errors.isEmpty() ? 0 : 1;
  }

  /** Formats a decimal fraction as a percentage with two decimals: 0.0721 is {@code 7.21%}. */
  public static String percent(double d) {
    return String.format(Locale.ROOT, "%.2f%%", 100 * d);
  }

  /** Formats an amount of money or a price with two decimals. */
  public static String money(double d) {
    return String.format(Locale.ROOT, "%.2f", d);
  }

  /** Formats an amount of money with two decimals. */
  public static String money(BigDecimal d) {
    return money(d.doubleValue());
  }

  /** Formats a ratio (Sharpe ratio, beta, correlation) with four decimals. */
  public static String ratio(double d) {
    return String.format(Locale.ROOT, "%.4f", d);
  }

  /** Formats a number of units: whole shares as an integer, crypto units with their decimals. */
  public static String units(BigDecimal n) {
    return n.signum() == 0 ? "0" : n.stripTrailingZeros().toPlainString();
  }
}
