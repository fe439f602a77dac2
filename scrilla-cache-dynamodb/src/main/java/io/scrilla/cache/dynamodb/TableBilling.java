package io.scrilla.cache.dynamodb;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.scrilla.api.error.ConfigurationException;
import java.util.Iterator;
import java.util.Map;
import java.util.Objects;
import java.util.OptionalLong;
import java.util.Set;
import java.util.TreeSet;

/**
 * How a table is billed: on demand, or with provisioned read and write capacity applied to the
 * table and each of its global secondary indexes; immutable.
 *
 * <p>Parsed from a JSON object of the deployment guide's {@code DYNAMO_CONF} shape:
 *
 * <pre>{@code
 * {"BillingMode": "PAY_PER_REQUEST"}
 * {"BillingMode": "PROVISIONED",
 *  "ProvisionedThroughput": {"ReadCapacityUnits": 5, "WriteCapacityUnits": 5}}
 * }</pre>
 *
 * <p>Without {@code BillingMode}, the mode is {@code PROVISIONED} when a throughput is given and
 * {@code PAY_PER_REQUEST} otherwise.
 *
 * @param mode the billing mode
 * @param readCapacityUnits read capacity units when provisioned, 0 on demand
 * @param writeCapacityUnits write capacity units when provisioned, 0 on demand
 */
public record TableBilling(Mode mode, long readCapacityUnits, long writeCapacityUnits) {
  /** The billing modes DynamoDB offers. */
  public enum Mode {
    /** On demand: pay per request, no capacity to plan. */
    PAY_PER_REQUEST,
    /** Fixed read and write capacity units. */
    PROVISIONED
  }

  /** On-demand billing, the default. */
  public static final TableBilling PAY_PER_REQUEST = new TableBilling(Mode.PAY_PER_REQUEST, 0, 0);

  private static final ObjectMapper JSON =
      new ObjectMapper()
          .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
          .enable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION);
  private static final String EXAMPLE =
      "use a JSON object such as {\"BillingMode\":\"PAY_PER_REQUEST\"} or "
          + "{\"BillingMode\":\"PROVISIONED\",\"ProvisionedThroughput\":"
          + "{\"ReadCapacityUnits\":5,\"WriteCapacityUnits\":5}}";

  /** Checks that capacities are positive exactly when provisioned. */
  public TableBilling {
    Objects.requireNonNull(mode, "mode");
    if (mode == Mode.PROVISIONED
        ? readCapacityUnits < 1 || writeCapacityUnits < 1
        : readCapacityUnits != 0 || writeCapacityUnits != 0) {
      throw new IllegalArgumentException(
          mode
              + " with read "
              + readCapacityUnits
              + " and write "
              + writeCapacityUnits
              + " capacity units: provisioned needs both at least 1, on demand both 0");
    }
  }

  /** Returns provisioned billing with the given capacity units (each at least 1). */
  public static TableBilling provisioned(long readCapacityUnits, long writeCapacityUnits) {
    return new TableBilling(Mode.PROVISIONED, readCapacityUnits, writeCapacityUnits);
  }

  /** Returns whether capacity is provisioned. */
  public boolean isProvisioned() {
    return mode == Mode.PROVISIONED;
  }

  /**
   * Parses a {@code DYNAMO_CONF}-shaped JSON object.
   *
   * @param variable the variable that held the text, named in errors
   * @param json the text
   * @return the billing
   * @throws ConfigurationException naming the variable, the value and what is allowed
   */
  public static TableBilling parse(String variable, String json) {
    Objects.requireNonNull(variable, "variable");
    Objects.requireNonNull(json, "json");
    JsonNode root;
    try {
      root = JSON.readTree(json);
    } catch (JsonProcessingException e) {
      throw new ConfigurationException(
          variable
              + "='"
              + json
              + "' is not valid JSON ("
              + e.getOriginalMessage()
              + "): "
              + EXAMPLE,
          e);
    }
    if (root == null || !root.isObject()) {
      throw invalid(variable, json, "it is not a JSON object");
    }
    checkFields(variable, json, root, Set.of("BillingMode", "ProvisionedThroughput"), "");
    JsonNode modeNode = root.get("BillingMode");
    JsonNode throughput = root.get("ProvisionedThroughput");
    Mode mode;
    if (modeNode == null) {
      mode = throughput == null ? Mode.PAY_PER_REQUEST : Mode.PROVISIONED;
    } else if (!modeNode.isTextual()) {
      throw invalid(variable, json, "BillingMode must be the text PAY_PER_REQUEST or PROVISIONED");
    } else {
      try {
        mode = Mode.valueOf(modeNode.textValue());
      } catch (IllegalArgumentException e) {
        throw invalid(
            variable,
            json,
            "BillingMode '"
                + modeNode.textValue()
                + "' is neither PAY_PER_REQUEST nor PROVISIONED");
      }
    }
    if (mode == Mode.PAY_PER_REQUEST) {
      if (throughput != null) {
        throw invalid(
            variable, json, "ProvisionedThroughput is only allowed with BillingMode PROVISIONED");
      }
      return PAY_PER_REQUEST;
    }
    if (throughput == null || !throughput.isObject()) {
      throw invalid(
          variable,
          json,
          "BillingMode PROVISIONED needs a ProvisionedThroughput object with ReadCapacityUnits and "
              + "WriteCapacityUnits");
    }
    checkFields(
        variable,
        json,
        throughput,
        Set.of("ReadCapacityUnits", "WriteCapacityUnits"),
        "ProvisionedThroughput.");
    long read = units(variable, json, throughput, "ReadCapacityUnits");
    long write = units(variable, json, throughput, "WriteCapacityUnits");
    return provisioned(read, write);
  }

  private static void checkFields(
      String variable, String json, JsonNode node, Set<String> allowed, String path) {
    for (Iterator<Map.Entry<String, JsonNode>> it = node.fields(); it.hasNext(); ) {
      String name = it.next().getKey();
      if (!allowed.contains(name)) {
        throw invalid(
            variable,
            json,
            "unknown field "
                + path
                + name
                + " (allowed: "
                + String.join(", ", new TreeSet<>(allowed))
                + ")");
      }
    }
  }

  private static long units(String variable, String json, JsonNode throughput, String name) {
    JsonNode n = throughput.get(name);
    OptionalLong v =
        n != null && n.isIntegralNumber() && n.canConvertToLong()
            ? OptionalLong.of(n.longValue())
            : OptionalLong.empty();
    if (v.isEmpty() || v.getAsLong() < 1) {
      throw invalid(
          variable,
          json,
          "ProvisionedThroughput."
              + name
              + " must be a whole number of at least 1, got "
              + (n == null ? "nothing" : n.toString()));
    }
    return v.getAsLong();
  }

  private static ConfigurationException invalid(String variable, String json, String why) {
    return new ConfigurationException(
        variable + "='" + json + "' is not allowed: " + why + "; " + EXAMPLE);
  }
}
