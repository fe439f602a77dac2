package io.scrilla.aws.lambda;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestStreamHandler;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.scrilla.api.config.ScrillaConfig;
import io.scrilla.cache.dynamodb.CacheTable;
import io.scrilla.cache.dynamodb.DynamoDbSettings;
import io.scrilla.cache.dynamodb.OperationRecorder;
import io.scrilla.cache.dynamodb.TableBilling;
import io.scrilla.cache.dynamodb.internal.TableDefinitions;
import io.scrilla.commands.Json;
import io.scrilla.services.alphavantage.AlphaVantageClient;
import io.scrilla.services.treasury.TreasuryRateSource;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.model.CreateTableRequest;
import software.amazon.awssdk.services.dynamodb.model.GlobalSecondaryIndex;
import software.amazon.awssdk.services.dynamodb.model.KeySchemaElement;
import software.amazon.awssdk.services.dynamodb.model.ProvisionedThroughput;

/**
 * The deployment files match the code: the SAM template ({@code template.yaml}) and the {@code
 * Dockerfile} name the handler class, the runtime and the jar the build makes; the environment sets
 * every variable the handler reads and only variables the code reads; the tables are those the
 * DynamoDB backend creates; the policy allows the DynamoDB operations the handler calls on the five
 * tables only (every operation recorded in this test run: this class runs last, see {@code
 * junit-platform.properties}; {@link EveryFunctionTest} checks that the actions are exactly those
 * its functions called), and reads only the named secret or parameter.
 */
@Order(Integer.MAX_VALUE)
class DeploymentFilesTest {
  static final String HANDLER = "io.scrilla.aws.lambda.ScrillaHandler::handleRequest";

  private static final SamTemplate DEFAULTS = new SamTemplate(Map.of());

  @Test
  void function_isTheHandlerClass_onJava17_withSnapStartAndAUrl() throws Exception {
    JsonNode f = DEFAULTS.properties("ScrillaFunction");
    assertEquals(HANDLER, f.path("Handler").asText());
    assertEquals("java17", f.path("Runtime").asText());
    assertEquals("PublishedVersions", f.path("SnapStart").path("ApplyOn").asText());
    assertFalse(f.path("AutoPublishAlias").asText().isBlank());
    assertEquals("AWS_IAM", f.path("FunctionUrlConfig").path("AuthType").asText());
    assertEquals("arn:ScrillaRole", f.path("Role").asText());
    assertEquals("target/" + shadedJarName(), f.path("CodeUri").asText());
    assertEquals(List.of("ScrillaFunction"), DEFAULTS.resources("AWS::Serverless::Function"));

    String[] handler = HANDLER.split("::");
    Class<?> type = Class.forName(handler[0]);
    assertTrue(RequestStreamHandler.class.isAssignableFrom(type));
    assertTrue(
        Modifier.isPublic(type.getConstructor().getModifiers()), "public no-arg constructor");
    assertNotNull(type.getMethod(handler[1], InputStream.class, OutputStream.class, Context.class));
  }

  @Test
  void dockerfile_buildsOnTheLambdaJavaImage_withTheSameJarAndHandler() throws IOException {
    List<String[]> lines = new ArrayList<>();
    for (String line : Files.readAllLines(Path.of("Dockerfile"), StandardCharsets.UTF_8)) {
      String l = line.strip();
      if (!l.isEmpty() && !l.startsWith("#")) {
        lines.add(l.split("\\s+", 2));
      }
    }
    assertEquals("FROM", lines.get(0)[0]);
    assertEquals("amazon/aws-lambda-java:17", lines.get(0)[1], "the Docker Hub name, no registry");
    String copy = find(lines, "COPY");
    assertEquals("target/" + shadedJarName() + " ${LAMBDA_TASK_ROOT}/lib/", copy);
    JsonNode cmd = Json.parse(find(lines, "CMD"));
    assertEquals(1, cmd.size());
    assertEquals(HANDLER, cmd.get(0).asText());
    assertEquals("CACHE_MODE=dynamodb", find(lines, "ENV"));
  }

  private static String find(List<String[]> lines, String instruction) {
    return lines.stream()
        .filter(l -> l[0].equals(instruction))
        .map(l -> l[1])
        .findFirst()
        .orElseThrow(() -> new AssertionError("no " + instruction));
  }

  /** Returns the name of the jar the shade plugin writes, from this module's pom. */
  private static String shadedJarName() throws IOException {
    String pom = Files.readString(Path.of("pom.xml"), StandardCharsets.UTF_8);
    int at = pom.indexOf("<finalName>");
    assertTrue(at > 0, "the shade plugin's finalName");
    return pom.substring(at + "<finalName>".length(), pom.indexOf("</finalName>")) + ".jar";
  }

  @Test
  void environment_setsEveryVariableTheHandlerReads_andOnlyVariablesTheCodeReads()
      throws IllegalAccessException {
    JsonNode raw = DEFAULTS.raw.at("/Resources/ScrillaFunction/Properties/Environment/Variables");
    Set<String> set = new TreeSet<>();
    raw.fieldNames().forEachRemaining(set::add);
    Set<String> read =
        Set.of(
            ScrillaConfig.CACHE_MODE,
            DynamoDbSettings.DYNAMO_TABLE_PREFIX,
            DynamoDbSettings.DYNAMO_CONF,
            Functions.SCRILLA_FUNCTION,
            Functions.SCRILLA_FUNCTIONS_ALLOWED,
            ApiKeys.SECRET,
            ApiKeys.PARAMETER);
    assertTrue(set.containsAll(read), "missing: " + difference(read, set));
    Set<String> known = knownVariables();
    assertTrue(known.containsAll(set), "not read by the code: " + difference(set, known));
    assertFalse(set.contains(ScrillaConfig.ALPHA_VANTAGE_KEY), "never the key as plain text");

    JsonNode env = DEFAULTS.environment();
    assertEquals("dynamodb", env.path(ScrillaConfig.CACHE_MODE).asText());
    assertEquals("scrilla_", env.path(DynamoDbSettings.DYNAMO_TABLE_PREFIX).asText());
    assertEquals("scrilla/alpha-vantage-key", env.path(ApiKeys.SECRET).asText());
    assertEquals("5", env.path(ScrillaConfig.ALPHA_VANTAGE_REQUESTS_PER_MINUTE).asText());
    assertEquals("60", env.path(ScrillaConfig.ALPHA_VANTAGE_BUDGET_PERIOD_SECONDS).asText());
    assertTrue(env.path(ApiKeys.PARAMETER).isMissingNode(), "only one place for the key");
    JsonNode byParameter =
        new SamTemplate(Map.of("AlphaVantageKeySecret", "", "AlphaVantageKeyParameter", "/k"))
            .environment();
    assertEquals("/k", byParameter.path(ApiKeys.PARAMETER).asText());
    assertTrue(byParameter.path(ApiKeys.SECRET).isMissingNode());
  }

  private static Set<String> difference(Set<String> a, Set<String> b) {
    Set<String> d = new TreeSet<>(a);
    d.removeAll(b);
    return d;
  }

  /** The variables the code reads: the configuration's and the backends' named constants. */
  private static Set<String> knownVariables() throws IllegalAccessException {
    Set<String> known = new HashSet<>();
    for (Class<?> c : List.of(ScrillaConfig.class, DynamoDbSettings.class)) {
      for (Field f : c.getFields()) {
        if (Modifier.isStatic(f.getModifiers()) && f.getType() == String.class) {
          known.add((String) f.get(null));
        }
      }
    }
    for (CacheTable t : CacheTable.values()) {
      known.add(t.confVariable());
    }
    known.addAll(
        List.of(
            AlphaVantageClient.ALPHA_VANTAGE_URL,
            TreasuryRateSource.TREASURY_URL,
            Functions.SCRILLA_FUNCTION,
            Functions.SCRILLA_FUNCTIONS_ALLOWED,
            ApiKeys.SECRET,
            ApiKeys.PARAMETER,
            ApiKeys.SECRETS_MANAGER_ENDPOINT,
            ApiKeys.SSM_ENDPOINT));
    return known;
  }

  @Test
  void tables_areExactlyTheOnesTheBackendCreates_forEitherBilling() {
    for (Map<String, String> values :
        List.of(
            Map.<String, String>of(),
            Map.of(
                "BillingMode",
                "PROVISIONED",
                "ReadCapacityUnits",
                "7",
                "WriteCapacityUnits",
                "3"))) {
      SamTemplate t = new SamTemplate(values);
      TableBilling billing =
          TableBilling.parse(
              DynamoDbSettings.DYNAMO_CONF,
              t.environment().path(DynamoDbSettings.DYNAMO_CONF).asText());
      assertEquals(
          values.isEmpty() ? TableBilling.PAY_PER_REQUEST : TableBilling.provisioned(7, 3),
          billing,
          "DYNAMO_CONF is the tables' billing");
      List<String> ids = t.resources("AWS::DynamoDB::Table");
      assertEquals(5, ids.size(), "the guide's four tables and the leases table");
      Set<String> expected = new TreeSet<>();
      for (CacheTable table : CacheTable.values()) {
        expected.add(table.tableName("scrilla_"));
      }
      Set<String> named = new TreeSet<>();
      for (String id : ids) {
        ObjectNode props = (ObjectNode) t.properties(id).deepCopy();
        JsonNode ttl = props.remove("TimeToLiveSpecification");
        String name = props.path("TableName").asText();
        named.add(name);
        CacheTable table = table(name);
        assertNotNull(table, name + " is a table of the backend");
        JsonNode code = cloudFormation(TableDefinitions.createRequest(table, name, billing));
        assertEquals(normal(code), normal(props), name);
        if (table == CacheTable.LEASES) {
          assertEquals(
              TableDefinitions.EXPIRES_AT, ttl.path("AttributeName").asText(), "time to live");
          assertTrue(ttl.path("Enabled").asBoolean());
        } else {
          assertTrue(ttl == null, name + " has no time to live");
        }
      }
      assertEquals(expected, named);
    }
  }

  private static CacheTable table(String name) {
    for (CacheTable t : CacheTable.values()) {
      if (t.tableName("scrilla_").equals(name)) {
        return t;
      }
    }
    return null;
  }

  private static JsonNode normal(JsonNode node) {
    return Json.parse(Json.write(node));
  }

  /** A CreateTable request in the shape of a template's AWS::DynamoDB::Table properties. */
  private static ObjectNode cloudFormation(CreateTableRequest r) {
    ObjectNode o = Json.object();
    o.put("TableName", r.tableName());
    o.put("BillingMode", r.billingModeAsString());
    if (r.provisionedThroughput() != null) {
      o.set("ProvisionedThroughput", throughput(r.provisionedThroughput()));
    }
    ArrayNode attributes = o.putArray("AttributeDefinitions");
    r.attributeDefinitions()
        .forEach(
            a ->
                attributes
                    .addObject()
                    .put("AttributeName", a.attributeName())
                    .put("AttributeType", a.attributeTypeAsString()));
    o.set("KeySchema", keys(r.keySchema()));
    if (r.hasGlobalSecondaryIndexes()) {
      ArrayNode gsis = o.putArray("GlobalSecondaryIndexes");
      for (GlobalSecondaryIndex g : r.globalSecondaryIndexes()) {
        ObjectNode i = gsis.addObject();
        i.put("IndexName", g.indexName());
        i.set("KeySchema", keys(g.keySchema()));
        i.putObject("Projection").put("ProjectionType", g.projection().projectionTypeAsString());
        if (g.provisionedThroughput() != null) {
          i.set("ProvisionedThroughput", throughput(g.provisionedThroughput()));
        }
      }
    }
    return o;
  }

  private static ArrayNode keys(List<KeySchemaElement> keys) {
    ArrayNode a = Json.array();
    keys.forEach(
        k ->
            a.addObject()
                .put("AttributeName", k.attributeName())
                .put("KeyType", k.keyTypeAsString()));
    return a;
  }

  private static ObjectNode throughput(ProvisionedThroughput p) {
    return throughput(p.readCapacityUnits(), p.writeCapacityUnits());
  }

  private static ObjectNode throughput(long read, long write) {
    ObjectNode t = Json.object();
    t.put("ReadCapacityUnits", read);
    t.put("WriteCapacityUnits", write);
    return t;
  }

  @Test
  void policy_coversTheFiveTablesOnly_andEveryOperationCalledInThisRun() {
    JsonNode dynamo = DEFAULTS.statement("ScrillaDynamoDbCache");
    assertEquals("Allow", dynamo.path("Effect").asText());
    Set<String> resources = new TreeSet<>();
    dynamo.path("Resource").forEach(r -> resources.add(r.asText()));
    Set<String> tables = new TreeSet<>();
    for (String id : DEFAULTS.resources("AWS::DynamoDB::Table")) {
      tables.add("arn:" + id);
      tables.add("arn:" + id + "/index/*");
    }
    assertEquals(tables, resources);

    Set<String> allowed = actions(dynamo, "dynamodb:");
    Set<String> called = OperationRecorder.all();
    called.removeAll(allowed);
    assertEquals(Set.of(), called, "operations called in this test run that the policy forbids");

    for (JsonNode s : DEFAULTS.statements()) {
      for (JsonNode a : s.path("Action")) {
        assertFalse(a.asText().contains("*"), "no wildcard action: " + s);
      }
      for (JsonNode r : s.path("Resource")) {
        assertFalse(r.asText().equals("*"), "no wildcard resource: " + s);
      }
    }
  }

  /** Returns a statement's actions of one service, without the prefix. */
  static Set<String> actions(JsonNode statement, String prefix) {
    Set<String> out = new TreeSet<>();
    for (JsonNode a : statement.path("Action")) {
      assertTrue(a.asText().startsWith(prefix), a.asText());
      out.add(a.asText().substring(prefix.length()));
    }
    return out;
  }

  @Test
  void policy_readsOnlyTheNamedSecretOrParameter() {
    JsonNode secret = DEFAULTS.statement("ReadAlphaVantageKeySecret");
    assertEquals(Set.of("GetSecretValue"), actions(secret, "secretsmanager:"));
    assertEquals(
        "arn:aws:secretsmanager:us-east-1:123456789012:secret:scrilla/alpha-vantage-key-??????",
        secret.path("Resource").get(0).asText());
    assertEquals(1, secret.path("Resource").size());
    assertTrue(DEFAULTS.statement("ReadAlphaVantageKeyParameter").isMissingNode());

    SamTemplate byParameter =
        new SamTemplate(Map.of("AlphaVantageKeySecret", "", "AlphaVantageKeyParameter", "/s/k"));
    JsonNode parameter = byParameter.statement("ReadAlphaVantageKeyParameter");
    assertEquals(Set.of("GetParameter"), actions(parameter, "ssm:"));
    assertEquals(
        "arn:aws:ssm:us-east-1:123456789012:parameter/s/k",
        parameter.path("Resource").get(0).asText());
    assertTrue(byParameter.statement("ReadAlphaVantageKeySecret").isMissingNode());

    JsonNode logs = DEFAULTS.statement("WriteOwnLog");
    assertEquals(Set.of("CreateLogStream", "PutLogEvents"), actions(logs, "logs:"));
    assertEquals(
        "/aws/lambda/stack-scrilla",
        DEFAULTS.properties("ScrillaLogGroup").path("LogGroupName").asText());
    assertEquals(
        "stack-scrilla", DEFAULTS.properties("ScrillaFunction").path("FunctionName").asText());
  }
}
