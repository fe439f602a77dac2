package io.scrilla.cli;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
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
      .enable(com.fasterxml.jackson.core.JsonGenerator.Feature.WRITE_BIGDECIMAL_AS_PLAIN);

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
   * @throws IllegalArgumentException for NaN or infinity, which JSON cannot hold
   */
  public static BigDecimal shortest(double d) {
    if (!Double.isFinite(d)) {
      throw new IllegalArgumentException("JSON cannot hold " + d);
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

  /** Returns a JSON number node of the shortest text for {@code d}. */
  public static JsonNode number(double d) {
    return NODES.numberNode(shortest(d));
  }

  /** Puts a double under a field, as its shortest text. */
  public static ObjectNode put(ObjectNode node, String field, double value) {
    node.set(field, number(value));
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
