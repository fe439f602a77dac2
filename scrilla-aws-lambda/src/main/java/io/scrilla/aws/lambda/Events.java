package io.scrilla.aws.lambda;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectReader;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.scrilla.commands.Json;
import java.nio.charset.StandardCharsets;
import java.util.Base64;

/**
 * Reads events and writes proxy responses.
 *
 * <p>An event is read strictly: one JSON object, no repeated key, nothing after it; decimals keep
 * the digits written. A function URL or API Gateway proxy event (payload version 1.0 or 2.0) is
 * recognized by its {@code requestContext}, or by {@code body} together with {@code
 * isBase64Encoded}; its body (base64-decoded when so marked) is the event, and the answer is a
 * proxy response: {@code {"statusCode": ..., "headers": {"Content-Type": "application/json"},
 * "body": "<the JSON>"}}.
 */
final class Events {
  private static final ObjectReader READER =
      Json.mapper()
          .reader()
          .with(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
          .with(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
          .with(StreamReadFeature.STRICT_DUPLICATE_DETECTION);

  private static final String EXAMPLE =
      "{\"function\": \"risk-profile\", \"tickers\": [\"SPY\", \"GLD\"]}";

  private Events() {}

  /**
   * Reads a JSON document.
   *
   * @param bytes UTF-8 JSON
   * @param what names the document in the message, e.g. {@code "the event"}
   * @return the document
   * @throws Rejection {@link ErrorType#MALFORMED_JSON} when it is not one JSON value
   */
  static JsonNode parse(byte[] bytes, String what) {
    String text = new String(bytes, StandardCharsets.UTF_8);
    if (text.isBlank()) {
      throw new Rejection(
          ErrorType.MALFORMED_JSON, what + " is empty: send a JSON object such as " + EXAMPLE);
    }
    try {
      JsonNode node = READER.readTree(text);
      if (node == null || node.isMissingNode()) {
        throw new Rejection(
            ErrorType.MALFORMED_JSON, what + " is empty: send a JSON object such as " + EXAMPLE);
      }
      return node;
    } catch (MismatchedInputException e) {
      throw malformed(what + " is not one JSON value: more text follows it");
    } catch (JsonProcessingException e) {
      // the parser's own text may quote Java names; say where, and what when it is known
      JsonLocation at = e.getLocation();
      String where =
          at == null ? "" : " at line " + at.getLineNr() + ", column " + at.getColumnNr();
      String why =
          String.valueOf(e.getOriginalMessage()).startsWith("Duplicate field")
              ? ": a key is repeated"
              : "";
      throw malformed(what + " is not valid JSON" + where + why);
    }
  }

  private static Rejection malformed(String message) {
    return new Rejection(
        ErrorType.MALFORMED_JSON, message + "; send a JSON object such as " + EXAMPLE);
  }

  /**
   * Returns the event as an object.
   *
   * @throws Rejection {@link ErrorType#MALFORMED_JSON} for any other JSON value
   */
  static ObjectNode object(JsonNode node, String what) {
    if (node instanceof ObjectNode o) {
      return o;
    }
    throw new Rejection(
        ErrorType.MALFORMED_JSON,
        what + " must be a JSON object such as " + EXAMPLE + ", not a " + kind(node));
  }

  private static String kind(JsonNode node) {
    return switch (node.getNodeType()) {
      case ARRAY -> "list";
      case STRING -> "string";
      case NUMBER -> "number";
      case BOOLEAN -> "boolean";
      case NULL -> "null";
      default -> "value of another kind";
    };
  }

  /** Returns whether the event is a function URL or API Gateway proxy event. */
  static boolean isProxy(JsonNode event) {
    return event.isObject()
        && (event.has("requestContext") || (event.has("body") && event.has("isBase64Encoded")));
  }

  /**
   * Returns the body of a proxy event as bytes.
   *
   * @throws Rejection {@link ErrorType#MALFORMED_JSON} when there is no body or it is not valid
   *     base64 though marked so
   */
  static byte[] body(JsonNode proxyEvent) {
    JsonNode body = proxyEvent.get("body");
    if (body == null || body.isNull() || (body.isTextual() && body.textValue().isBlank())) {
      throw new Rejection(
          ErrorType.MALFORMED_JSON,
          "the request has no body: POST a JSON object such as " + EXAMPLE);
    }
    if (!body.isTextual()) {
      throw new Rejection(ErrorType.MALFORMED_JSON, "the request's body must be text");
    }
    if (proxyEvent.path("isBase64Encoded").asBoolean(false)) {
      try {
        return Base64.getMimeDecoder().decode(body.textValue());
      } catch (IllegalArgumentException e) {
        throw new Rejection(
            ErrorType.MALFORMED_JSON, "the request's body is marked base64 but is not base64");
      }
    }
    return body.textValue().getBytes(StandardCharsets.UTF_8);
  }

  /** Returns the proxy response of an answer. */
  static String proxyResponse(Reply reply) {
    ObjectNode response = Json.object();
    response.put("statusCode", reply.status());
    response.putObject("headers").put("Content-Type", "application/json");
    response.put("body", reply.json());
    return Json.write(response);
  }
}
