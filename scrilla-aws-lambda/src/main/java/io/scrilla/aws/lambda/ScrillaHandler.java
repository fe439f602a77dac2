package io.scrilla.aws.lambda;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestStreamHandler;
import com.fasterxml.jackson.databind.JsonNode;
import io.scrilla.api.config.ScrillaConfig;
import io.scrilla.core.Scrilla;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.Objects;
import java.util.function.Function;

/**
 * The AWS Lambda function: {@code io.scrilla.aws.lambda.ScrillaHandler::handleRequest}. One
 * deployment serves every function of scrilla that computes or retrieves, from the DynamoDB cache.
 *
 * <p>An event names the function and gives the options of the command of that name by their long
 * names, and the tickers: {@code {"function": "risk-profile", "tickers": ["SPY", "GLD"], "start":
 * "2021-01-04", "end": "2021-06-30", "method": "moments"}}. The answer is exactly what the command
 * prints with {@code --json}; a failure answers {@code {"error": {"type": ..., "message": ...}}}. A
 * function URL or API Gateway proxy event carries the event as its body and is answered with a
 * proxy response: {@code {"statusCode": 200, "headers": {"Content-Type": "application/json"},
 * "body": "..."}}, with status 400 for the caller's mistakes and 5xx for failures of the data
 * services (502), the cache (503) or the deployment (500).
 *
 * <p>Configuration: the environment, as for the command line ({@code CACHE_MODE=dynamodb}, {@code
 * DYNAMO_TABLE_PREFIX}, ...), plus {@code SCRILLA_FUNCTION} (the one function served), {@code
 * SCRILLA_FUNCTIONS_ALLOWED} (a comma-separated list) and {@code ALPHA_VANTAGE_KEY_SECRET} or
 * {@code ALPHA_VANTAGE_KEY_PARAMETER} (where the API key is kept).
 *
 * <p>The facade, its clients and the table check are made once per container, when Lambda creates
 * the handler (a static holder): invocations only run commands. With SnapStart, the network clients
 * are closed before the snapshot and opened again after a restore ({@link Container}).
 */
public final class ScrillaHandler implements RequestStreamHandler {
  private final Container container;

  /** Creates the handler of this container, configured by the environment (called by Lambda). */
  public ScrillaHandler() {
    this(FromEnvironment.CONTAINER);
  }

  /**
   * Creates a handler configured by a map instead of the environment (tests, measurements).
   *
   * @param environment the variables
   */
  ScrillaHandler(Map<String, String> environment) {
    this(environment, Scrilla::create);
  }

  /**
   * Creates a handler configured by a map, with a given way to build the facade.
   *
   * @param environment the variables
   * @param factory builds the facade from the configuration
   */
  ScrillaHandler(Map<String, String> environment, Function<ScrillaConfig, Scrilla> factory) {
    this(Container.start(environment, factory));
  }

  private ScrillaHandler(Container container) {
    this.container = Objects.requireNonNull(container, "container");
  }

  /**
   * Answers one event.
   *
   * @param input the event: a JSON object, or a proxy event whose body is one
   * @param output receives the answer, UTF-8 JSON
   * @param context the invocation's context (unused)
   * @throws IOException when the streams fail
   */
  @Override
  public void handleRequest(InputStream input, OutputStream output, Context context)
      throws IOException {
    output.write(respond(input.readAllBytes()).getBytes(StandardCharsets.UTF_8));
    output.flush();
  }

  /**
   * Returns the answer to an event, as the JSON text written to the output.
   *
   * @param input the event's bytes
   * @return the answer
   */
  String respond(byte[] input) {
    JsonNode event;
    try {
      event = Events.parse(input, "the event");
    } catch (Rejection r) {
      return Reply.failure(r).json();
    }
    if (Events.isProxy(event)) {
      Reply reply;
      try {
        JsonNode body = Events.parse(Events.body(event), "the request's body");
        reply = Invocation.run(container, Events.object(body, "the request's body"));
      } catch (Rejection r) {
        reply = Reply.failure(r);
      }
      return Events.proxyResponse(reply);
    }
    try {
      return Invocation.run(container, Events.object(event, "the event")).json();
    } catch (Rejection r) {
      return Reply.failure(r).json();
    }
  }

  /** Returns the container (tests call its SnapStart hooks). */
  Container container() {
    return container;
  }

  /** The container of this process, made when Lambda creates the first handler. */
  private static final class FromEnvironment {
    static final Container CONTAINER;

    static {
      Map<String, String> env = System.getenv();
      LambdaLogging.configure(ScrillaConfig.from(env));
      CONTAINER = Container.start(env, Scrilla::create);
    }

    private FromEnvironment() {}
  }
}
