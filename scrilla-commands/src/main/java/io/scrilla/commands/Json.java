package io.scrilla.commands;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.scrilla.api.error.InvalidInputException;
import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;

/**
 * JSON output of the command: numbers are written as the shortest decimal text that reads back to
 * the same double (so {@code 0.1} prints as {@code 0.1}, and every digit printed is significant).
 */
public final class Json {
  private static final JsonNodeFactory NODES = JsonNodeFactory.withExactBigDecimals(true);
  private static final ObjectMapper MAPPER =
      new ObjectMapper()
          .setNodeFactory(NODES)
          .enable(SerializationFeature.INDENT_OUTPUT)
          .enable(JsonGenerator.Feature.WRITE_BIGDECIMAL_AS_PLAIN);

  /** The first 18 significant digits of a value, cut (not rounded). */
  private static final MathContext HEAD = new MathContext(18, RoundingMode.DOWN);

  private static final long[] POW10 = new long[19];

  static {
    POW10[0] = 1;
    for (int i = 1; i < POW10.length; i++) {
      POW10[i] = 10 * POW10[i - 1];
    }
  }

  private Json() {}

  /** Returns a new empty object. */
  public static ObjectNode object() {
    return NODES.objectNode();
  }

  /** Returns a new empty array. */
  public static ArrayNode array() {
    return NODES.arrayNode();
  }

  /**
   * Returns the shortest decimal that parses back to exactly {@code d}: the exact value of {@code
   * d} rounded half up to the fewest significant digits (1 to 17) that read back to {@code d}.
   *
   * <p>Rounding half up to p digits depends only on the first p + 1 digits of the exact value, so
   * the exact value is cut to its first 18 digits once and each rounding is done in {@code long}
   * arithmetic (a correlation matrix prints hundreds of thousands of numbers).
   *
   * @throws InvalidInputException for NaN or infinity, which JSON cannot hold (a result that
   *     extreme inputs pushed out of range)
   */
  public static BigDecimal shortest(double d) {
    return shortest(d, "a result");
  }

  private static BigDecimal shortest(double d, String what) {
    if (!Double.isFinite(d)) {
      throw new InvalidInputException(
          what
              + " is "
              + (Double.isNaN(d) ? "not a number (NaN)" : d)
              + ", which JSON cannot hold: the inputs are too extreme for a finite answer; check"
              + " the numbers given (rates, targets, horizons, bounds) and the prices");
    }
    if (d == 0) {
      return BigDecimal.ZERO;
    }
    BigDecimal head = new BigDecimal(d).round(HEAD);
    long u = head.unscaledValue().longValueExact(); // at most 18 digits
    int digits = head.precision();
    for (int p = 1; p <= 17; p++) {
      BigDecimal b;
      if (p >= digits) {
        b = head; // fewer than 18 digits: the exact value itself
      } else {
        long unit = POW10[digits - p];
        long q = u / unit;
        long next = u % unit / POW10[digits - p - 1]; // the first digit dropped, with u's sign
        if (next >= 5) {
          q++;
        } else if (next <= -5) {
          q--;
        }
        b = BigDecimal.valueOf(q, head.scale() - (digits - p));
      }
      if (b.doubleValue() == d) {
        return b.stripTrailingZeros();
      }
    }
    return new BigDecimal(d).round(MathContext.DECIMAL64);
  }

  /**
   * Returns a JSON number node of the shortest text for {@code d}.
   *
   * @throws InvalidInputException for NaN or infinity
   */
  public static JsonNode number(double d) {
    return NODES.numberNode(shortest(d));
  }

  /**
   * Puts a double under a field, as its shortest text.
   *
   * @throws InvalidInputException for NaN or infinity, naming the field
   */
  public static ObjectNode put(ObjectNode node, String field, double value) {
    node.set(field, NODES.numberNode(shortest(value, "the result's " + field)));
    return node;
  }

  /** Returns the node as indented JSON text. */
  public static String write(JsonNode node) {
    try {
      return MAPPER.writeValueAsString(node);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException(e);
    }
  }

  /** Parses JSON text (tests read the command's output with it). */
  public static JsonNode parse(String text) {
    try {
      return MAPPER.readTree(text);
    } catch (JsonProcessingException e) {
      throw new IllegalArgumentException("invalid JSON: " + e.getOriginalMessage(), e);
    }
  }

  /** Returns the mapper used for parsing and writing. */
  public static ObjectMapper mapper() {
    return MAPPER;
  }
}
