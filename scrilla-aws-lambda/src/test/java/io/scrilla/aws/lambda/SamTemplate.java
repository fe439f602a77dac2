package io.scrilla.aws.lambda;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.MissingNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The SAM template ({@code template.yaml}), read with a plain YAML parser and evaluated for given
 * parameter values: {@code Ref}, {@code Fn::Sub}, {@code Fn::If}, {@code Fn::GetAtt} and the
 * condition functions, as CloudFormation would. A resource's ARN evaluates to {@code arn:<logical
 * id>}; {@code AWS::NoValue} removes the property or list element.
 */
final class SamTemplate {
  static final Path FILE = Path.of("template.yaml");

  /** Pseudo parameters as CloudFormation sets them, with fixed values. */
  static final Map<String, String> PSEUDO =
      Map.of(
          "AWS::Partition", "aws",
          "AWS::Region", "us-east-1",
          "AWS::AccountId", "123456789012",
          "AWS::StackName", "stack");

  private static final JsonNodeFactory NODES = JsonNodeFactory.instance;
  private static final Pattern SUB = Pattern.compile("\\$\\{([^}]+)}");

  final JsonNode raw;
  private final Map<String, JsonNode> parameters = new HashMap<>();

  /**
   * Reads the template and evaluates it with the parameters' defaults, replaced by the values
   * given.
   */
  SamTemplate(Map<String, String> values) {
    try {
      raw = new ObjectMapper(new YAMLFactory()).readTree(FILE.toFile());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    raw.path("Parameters")
        .properties()
        .forEach(
            p -> {
              String text =
                  values.containsKey(p.getKey())
                      ? values.get(p.getKey())
                      : p.getValue().path("Default").asText();
              parameters.put(
                  p.getKey(),
                  "Number".equals(p.getValue().path("Type").asText())
                      ? NODES.numberNode(Long.parseLong(text))
                      : NODES.textNode(text));
            });
  }

  /** Returns a resource's properties, evaluated. */
  JsonNode properties(String logicalId) {
    JsonNode r = raw.path("Resources").path(logicalId);
    if (r.isMissingNode()) {
      throw new AssertionError("no resource " + logicalId);
    }
    return eval(r.path("Properties"));
  }

  /** Returns the logical ids of the resources of a type, in template order. */
  List<String> resources(String type) {
    List<String> ids = new ArrayList<>();
    raw.path("Resources")
        .properties()
        .forEach(
            e -> {
              if (type.equals(e.getValue().path("Type").asText())) {
                ids.add(e.getKey());
              }
            });
    return ids;
  }

  /** Returns the statements of the function role's policy. */
  List<JsonNode> statements() {
    List<JsonNode> out = new ArrayList<>();
    JsonNode policies = properties("ScrillaRole").path("Policies");
    for (JsonNode p : policies) {
      p.path("PolicyDocument").path("Statement").forEach(out::add);
    }
    return out;
  }

  /** Returns the statement with a {@code Sid}, or a missing node. */
  JsonNode statement(String sid) {
    return statements().stream()
        .filter(s -> sid.equals(s.path("Sid").asText()))
        .findFirst()
        .orElse(MissingNode.getInstance());
  }

  /** Returns the function's environment variables. */
  JsonNode environment() {
    return properties("ScrillaFunction").path("Environment").path("Variables");
  }

  /** Evaluates a node. */
  JsonNode eval(JsonNode node) {
    if (node.isObject() && node.size() == 1) {
      String fn = node.properties().iterator().next().getKey();
      JsonNode arg = node.get(fn);
      switch (fn) {
        case "Ref":
          return ref(arg.asText());
        case "Fn::Sub":
          return NODES.textNode(sub(arg.asText()));
        case "Fn::GetAtt":
          return NODES.textNode(
              arg.get(1).asText().equals("Arn")
                  ? "arn:" + arg.get(0).asText()
                  : "att:" + arg.get(0).asText() + "." + arg.get(1).asText());
        case "Fn::If":
          return eval(condition(arg.get(0).asText()) ? arg.get(1) : arg.get(2));
        default:
          break;
      }
    }
    if (node.isObject()) {
      ObjectNode out = NODES.objectNode();
      node.properties()
          .forEach(
              e -> {
                JsonNode v = eval(e.getValue());
                if (!v.isMissingNode()) {
                  out.set(e.getKey(), v);
                }
              });
      return out;
    }
    if (node.isArray()) {
      ArrayNode out = NODES.arrayNode();
      for (JsonNode e : node) {
        JsonNode v = eval(e);
        if (!v.isMissingNode()) {
          out.add(v);
        }
      }
      return out;
    }
    return node;
  }

  /** Returns the value of a named condition. */
  boolean condition(String name) {
    JsonNode c = raw.path("Conditions").path(name);
    if (c.isMissingNode()) {
      throw new AssertionError("no condition " + name);
    }
    return truth(c);
  }

  private boolean truth(JsonNode c) {
    String fn = c.properties().iterator().next().getKey();
    JsonNode arg = c.get(fn);
    switch (fn) {
      case "Condition":
        return condition(arg.asText());
      case "Fn::Equals":
        return eval(arg.get(0)).asText().equals(eval(arg.get(1)).asText());
      case "Fn::Not":
        return !truth(arg.get(0));
      case "Fn::And":
        for (JsonNode a : arg) {
          if (!truth(a)) {
            return false;
          }
        }
        return true;
      case "Fn::Or":
        for (JsonNode a : arg) {
          if (truth(a)) {
            return true;
          }
        }
        return false;
      default:
        throw new AssertionError("not a condition function: " + fn);
    }
  }

  private JsonNode ref(String name) {
    if (name.equals("AWS::NoValue")) {
      return MissingNode.getInstance();
    }
    if (PSEUDO.containsKey(name)) {
      return NODES.textNode(PSEUDO.get(name));
    }
    if (parameters.containsKey(name)) {
      return parameters.get(name);
    }
    return NODES.textNode("ref:" + name);
  }

  private String sub(String text) {
    Matcher m = SUB.matcher(text);
    StringBuilder out = new StringBuilder();
    while (m.find()) {
      String name = m.group(1);
      String value;
      if (name.endsWith(".Arn")) {
        value = "arn:" + name.substring(0, name.length() - ".Arn".length());
      } else {
        value = ref(name).asText();
      }
      m.appendReplacement(out, Matcher.quoteReplacement(value));
    }
    m.appendTail(out);
    return out.toString();
  }
}
