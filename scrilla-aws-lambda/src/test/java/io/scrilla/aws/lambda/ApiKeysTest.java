package io.scrilla.aws.lambda;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.scrilla.api.config.ScrillaConfig;
import io.scrilla.api.error.ConfigurationException;
import io.scrilla.api.error.SafeText;
import io.scrilla.cache.dynamodb.MotoServerExtension;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.secretsmanager.SecretsManagerClient;
import software.amazon.awssdk.services.ssm.SsmClient;
import software.amazon.awssdk.services.ssm.model.ParameterType;

/** The API key comes from Secrets Manager or Parameter Store (moto), and is masked from then on. */
class ApiKeysTest {
  @RegisterExtension static final MotoServerExtension MOTO = new MotoServerExtension();

  private static TestBed bed;

  @BeforeAll
  static void start() {
    bed = new TestBed(MOTO.endpoint());
  }

  @AfterAll
  static void stop() {
    bed.close();
  }

  private static ScrillaConfig config(String variable, String name) {
    return ScrillaConfig.from(
        Map.of(
            variable,
            name,
            ApiKeys.SECRETS_MANAGER_ENDPOINT,
            bed.moto.toString(),
            ApiKeys.SSM_ENDPOINT,
            bed.moto.toString()));
  }

  private static void secret(String name, String text) {
    try (SecretsManagerClient secrets = bed.secrets()) {
      secrets.createSecret(r -> r.name(name).secretString(text));
    }
  }

  @Test
  void secretAsText_isTheKey_andMaskedFromThenOn() {
    ScrillaConfig c = ApiKeys.resolve(config(ApiKeys.SECRET, bed.secretName));
    assertEquals(Optional.of(TestBed.KEY), c.alphaVantageKey());
    assertEquals("key " + SafeText.MASK, SafeText.of("key " + TestBed.KEY));
    assertFalse(c.toString().contains(TestBed.KEY));
  }

  @Test
  void secretAsJson_givesItsKeyField() {
    secret("json-key", "{\"ALPHA_VANTAGE_KEY\": \"JSONKEY1\", \"note\": \"x\"}");
    secret("json-single", "{\"apikey\": \"JSONKEY2\"}");
    secret("json-number", "{\"ALPHA_VANTAGE_KEY\": 5, \"b\": 1}");
    assertEquals(
        Optional.of("JSONKEY1"),
        ApiKeys.resolve(config(ApiKeys.SECRET, "json-key")).alphaVantageKey());
    assertEquals(
        Optional.of("JSONKEY2"),
        ApiKeys.resolve(config(ApiKeys.SECRET, "json-single")).alphaVantageKey());
    assertThrows(
        ConfigurationException.class, () -> ApiKeys.resolve(config(ApiKeys.SECRET, "json-number")));
  }

  @Test
  void secureStringParameter_isDecrypted() {
    try (SsmClient ssm =
        SsmClient.builder()
            .endpointOverride(bed.moto)
            .region(Region.US_EAST_1)
            .credentialsProvider(TestBed.credentials())
            .httpClientBuilder(UrlConnectionHttpClient.builder())
            .build()) {
      ssm.putParameter(
          r -> r.name("/scrilla/key").value("PARAMKEY3").type(ParameterType.SECURE_STRING));
    }
    assertEquals(
        Optional.of("PARAMKEY3"),
        ApiKeys.resolve(config(ApiKeys.PARAMETER, "/scrilla/key")).alphaVantageKey());
  }

  @Test
  void neitherNamed_leavesTheConfigurationAsItIs() {
    ScrillaConfig c = ScrillaConfig.from(Map.of("CACHE_MODE", "memory"));
    assertEquals(c, ApiKeys.resolve(c));
  }

  @Test
  void missingSecretOrParameter_isAConfigurationError_namingItWithoutAwsDetails() {
    ConfigurationException e =
        assertThrows(
            ConfigurationException.class,
            () -> ApiKeys.resolve(config(ApiKeys.SECRET, "no/such/secret")));
    assertTrue(e.getMessage().contains("'no/such/secret'"), e.getMessage());
    assertTrue(e.getMessage().contains("answered HTTP 4"), e.getMessage());
    assertFalse(e.getMessage().contains("arn:"), e.getMessage());
    e =
        assertThrows(
            ConfigurationException.class,
            () -> ApiKeys.resolve(config(ApiKeys.PARAMETER, "/no/such/parameter")));
    assertTrue(e.getMessage().contains("'/no/such/parameter'"), e.getMessage());
  }
}
