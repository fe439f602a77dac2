package io.scrilla.aws.lambda;

import com.fasterxml.jackson.databind.JsonNode;
import io.scrilla.api.config.ScrillaConfig;
import io.scrilla.api.error.ConfigurationException;
import io.scrilla.api.error.SafeText;
import io.scrilla.commands.Json;
import java.net.URI;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.core.exception.SdkServiceException;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.services.secretsmanager.SecretsManagerClient;
import software.amazon.awssdk.services.secretsmanager.SecretsManagerClientBuilder;
import software.amazon.awssdk.services.ssm.SsmClient;
import software.amazon.awssdk.services.ssm.SsmClientBuilder;

/**
 * Reads the AlphaVantage API key from AWS Secrets Manager ({@value #SECRET}) or Systems Manager
 * Parameter Store ({@value #PARAMETER}), so that the key never stands in the function's environment
 * as plain text; registers it with {@link SafeText} so that no message or log line shows it.
 *
 * <p>A secret holds the key as plain text, or as a JSON object whose {@code ALPHA_VANTAGE_KEY} (or
 * only) field is the key, as the console's key/value form stores it. A parameter is read with
 * decryption, so a {@code SecureString} works. Each client is built with the JDK's URLConnection
 * HTTP client and closed once the key is read: nothing of it stays open in the container.
 */
final class ApiKeys {
  /** Variable naming the Secrets Manager secret (name or ARN) that holds the key. */
  static final String SECRET = "ALPHA_VANTAGE_KEY_SECRET";

  /** Variable naming the Parameter Store parameter that holds the key. */
  static final String PARAMETER = "ALPHA_VANTAGE_KEY_PARAMETER";

  /** The AWS SDK's variable replacing the Secrets Manager endpoint (tests, private endpoints). */
  static final String SECRETS_MANAGER_ENDPOINT = "AWS_ENDPOINT_URL_SECRETS_MANAGER";

  /** The AWS SDK's variable replacing the Systems Manager endpoint. */
  static final String SSM_ENDPOINT = "AWS_ENDPOINT_URL_SSM";

  private static final Logger LOG = LoggerFactory.getLogger(ApiKeys.class);

  private ApiKeys() {}

  /**
   * Returns the configuration with {@code ALPHA_VANTAGE_KEY} read from the named secret or
   * parameter, or the configuration as it is when it names neither.
   *
   * @param config the environment
   * @return the configuration the facade is built from
   * @throws ConfigurationException when both are named, or the key cannot be read (the message
   *     names the secret and the status; the AWS error's details go to the log only, since they may
   *     show the account and the role)
   */
  static ScrillaConfig resolve(ScrillaConfig config) {
    Optional<String> secret = config.get(SECRET);
    Optional<String> parameter = config.get(PARAMETER);
    if (secret.isPresent() && parameter.isPresent()) {
      throw new ConfigurationException(
          "set only one of " + SECRET + " and " + PARAMETER + ": both name where the key is");
    }
    Optional<String> key;
    if (secret.isPresent()) {
      key = Optional.of(fromSecret(config, secret.get()));
    } else if (parameter.isPresent()) {
      key = Optional.of(fromParameter(config, parameter.get()));
    } else {
      return config;
    }
    String k = key.get().strip();
    if (k.isEmpty()) {
      throw new ConfigurationException(
          where(secret, parameter) + " holds no key: store the AlphaVantage API key in it");
    }
    SafeText.registerSecret(k);
    return config.toBuilder().set(ScrillaConfig.ALPHA_VANTAGE_KEY, k).build();
  }

  private static String where(Optional<String> secret, Optional<String> parameter) {
    return secret.isPresent()
        ? "the secret " + SafeText.quote(secret.get()) + " (" + SECRET + ")"
        : "the parameter " + SafeText.quote(parameter.orElse("")) + " (" + PARAMETER + ")";
  }

  private static String fromSecret(ScrillaConfig config, String name) {
    SecretsManagerClientBuilder b =
        SecretsManagerClient.builder().httpClientBuilder(UrlConnectionHttpClient.builder());
    endpoint(config, SECRETS_MANAGER_ENDPOINT).ifPresent(b::endpointOverride);
    String what = "the secret " + SafeText.quote(name) + " (" + SECRET + ")";
    try (SecretsManagerClient client = b.build()) {
      var answer = client.getSecretValue(r -> r.secretId(name));
      if (answer.secretString() == null) {
        throw new ConfigurationException(
            what + " holds binary data: store the key as text (SecretString)");
      }
      return keyOf(answer.secretString(), what);
    } catch (SdkException e) {
      throw unreadable(what, "Secrets Manager", e);
    }
  }

  private static String fromParameter(ScrillaConfig config, String name) {
    SsmClientBuilder b = SsmClient.builder().httpClientBuilder(UrlConnectionHttpClient.builder());
    endpoint(config, SSM_ENDPOINT).ifPresent(b::endpointOverride);
    String what = "the parameter " + SafeText.quote(name) + " (" + PARAMETER + ")";
    try (SsmClient client = b.build()) {
      return client.getParameter(r -> r.name(name).withDecryption(true)).parameter().value();
    } catch (SdkException e) {
      throw unreadable(what, "Parameter Store", e);
    }
  }

  /** Returns the key of a secret's text: the text, or a JSON object's key field. */
  static String keyOf(String text, String what) {
    String t = text.strip();
    if (!t.startsWith("{")) {
      return t;
    }
    JsonNode node;
    try {
      node = Json.parse(t);
    } catch (IllegalArgumentException e) {
      throw new ConfigurationException(
          what
              + " looks like JSON but is not: store the key as plain text or as {\""
              + ScrillaConfig.ALPHA_VANTAGE_KEY
              + "\": \"...\"}");
    }
    JsonNode field = node.get(ScrillaConfig.ALPHA_VANTAGE_KEY);
    if (field == null && node.size() == 1) {
      field = node.elements().next();
    }
    if (field == null || !field.isTextual()) {
      throw new ConfigurationException(
          what + " is a JSON object without a text field " + ScrillaConfig.ALPHA_VANTAGE_KEY);
    }
    return field.textValue();
  }

  private static Optional<URI> endpoint(ScrillaConfig config, String variable) {
    return config.getHttpUrl(variable);
  }

  private static ConfigurationException unreadable(String what, String service, SdkException e) {
    LOG.error("cannot read the API key from {}: {}", what, SafeText.of(e.getMessage()));
    String status =
        e instanceof SdkServiceException s
            ? service + " answered HTTP " + s.statusCode()
            : service + " could not be reached";
    return new ConfigurationException(
        "cannot read the AlphaVantage API key from "
            + what
            + ": "
            + status
            + "; check the name and that the function's role may read it (the function's log has"
            + " the details)");
  }
}
