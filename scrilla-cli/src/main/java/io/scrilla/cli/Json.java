package io.scrilla.cli;

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

/**
 * JSON output of the command: numbers are written as the shortest decimal text that reads back to
 * the same double (so {@code 0.1} prints as {@code 0.1}, and every digit printed is significant).
 */
public final class Json {
  private static final JsonNodeFactory NODES = JsonNodeFactory.withExactBigDecimals(true);
  private static final ObjectMapper MAPPER = new ObjectMapper()
      .setNodeFactory(NODES)
      .enable(SerializationFeature.INDENT_OUTPUT)
      .enable(JsonGenerator.Feature.WRITE_BIGDECIMAL_AS_PLAIN);

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
   * Returns the shortest decimal that parses back to exactly {@code d}.
   *
   * @throws InvalidInputException for NaN or infinity, which JSON cannot hold (a result that
   *     extreme inputs pushed out of range)
   */
  public static BigDecimal shortest(double d) {
    return shortest(d, "a result");
  }

  private static BigDecimal shortest(double d, String what) {
    if (!Double.isFinite(d)) {
      throw new InvalidInputException(what + " is " + (Double.isNaN(d) ? "not a number (NaN)" : d)
          + ", which JSON cannot hold: the inputs are too extreme for a finite answer; check the"
          + " numbers given (rates, targets, horizons, bounds) and the prices");
    }
    if (d == 0) {
      return BigDecimal.ZERO;
    }
    BigDecimal exact = new BigDecimal(d);
    for (int p = 1; p <= 17; p++) {
      BigDecimal b = exact.round(new MathContext(p));
      if (b.doubleValue() == d) {
        return b.stripTrailingZeros();
      }
    }
    return exact.round(MathContext.DECIMAL64);
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

  /** Parses JSON text (tests and the Lambda handler). */
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
