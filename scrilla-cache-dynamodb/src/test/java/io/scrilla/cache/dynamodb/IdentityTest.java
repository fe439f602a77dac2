package io.scrilla.cache.dynamodb;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.scrilla.api.model.Asset;
import io.scrilla.api.model.CorrelationKey;
import io.scrilla.api.model.DateRange;
import io.scrilla.api.model.EstimationMethod;
import io.scrilla.api.model.Maturity;
import io.scrilla.api.model.PriceHistory;
import io.scrilla.api.model.ProfileKey;
import io.scrilla.api.model.RiskProfile;
import io.scrilla.api.model.SourceId;
import io.scrilla.api.model.YieldCurve;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * The stored layout (what another process or a person querying the tables sees) and the rule that a
 * read whose item carries any other identity is a miss, with items written behind the backend's
 * back.
 */
class IdentityTest {
  private static final SourceId SRC = SourceId.of("alpha_vantage");

  @RegisterExtension static final MotoServerExtension MOTO = new MotoServerExtension();
  private static final DateRange WINDOW = DateRange.parse("2021-01-04", "2021-06-30");
  private static DynamoDbClient setup;
  private static DynamoDbClient backend;
  private static DynamoDbCache cache;
  private static String prefix;

  @BeforeAll
  static void open() {
    setup = TestClients.setup(MOTO.endpoint());
    prefix = TestClients.uniquePrefix("identity");
    backend = TestClients.backend(MOTO.endpoint());
    cache = DynamoDbCache.open(DynamoDbSettings.of(prefix, Optional.of(MOTO.endpoint())), backend);
  }

  @AfterAll
  static void close() {
    cache.close();
    backend.close();
    setup.close();
  }

  @BeforeEach
  void empty() {
    cache.clear();
  }

  private static AttributeValue s(String v) {
    return AttributeValue.fromS(v);
  }

  private static AttributeValue n(String v) {
    return AttributeValue.fromN(v);
  }

  private static Map<String, AttributeValue> raw(
      String table, String hashName, String hash, String rangeName, String range) {
    return setup
        .getItem(
            r -> r.tableName(prefix + table).key(Map.of(hashName, s(hash), rangeName, s(range))))
        .item();
  }

  private static void putRaw(String table, Map<String, AttributeValue> item) {
    setup.putItem(r -> r.tableName(prefix + table).item(item));
  }

  @Test
  void correlation_storedItem_carriesTheFullIdentityInTheDocumentedLayout() {
    CorrelationKey k =
        CorrelationKey.of(
            SRC,
            Asset.equity("GLD"),
            Asset.crypto("BTC"),
            WINDOW,
            EstimationMethod.PERCENTILES,
            true);
    cache.correlations().put(k, -0.375);
    Map<String, AttributeValue> item =
        raw(
            "correlations",
            "ticker_1",
            "BTC:crypto",
            "start_date",
            "2021-01-04#2021-06-30#percentiles#1#alpha_vantage#GLD");
    Map<String, AttributeValue> expected = new HashMap<>();
    expected.put("ticker_1", s("BTC:crypto"));
    expected.put("start_date", s("2021-01-04#2021-06-30#percentiles#1#alpha_vantage#GLD"));
    expected.put("source", s("alpha_vantage"));
    expected.put("ticker_2", s("GLD"));
    expected.put("window_start", s("2021-01-04"));
    expected.put("end_date", s("2021-06-30"));
    expected.put("method", s("percentiles"));
    expected.put("weekends", n("1"));
    expected.put("asset_type_1", s("crypto"));
    expected.put("asset_type_2", s("equity"));
    expected.put("correlation", n("-0.375"));
    assertEquals(expected, item);
  }

  @Test
  void profile_storedItem_carriesTheFullIdentityInTheDocumentedLayout() {
    ProfileKey k =
        new ProfileKey(SRC, Asset.crypto("ALGO"), WINDOW, EstimationMethod.LIKELIHOOD, false);
    cache.profiles().put(k, new RiskProfile(0.5, 0.25));
    Map<String, AttributeValue> expected = new HashMap<>();
    expected.put("ticker", s("ALGO:crypto"));
    expected.put("start_date", s("2021-01-04#2021-06-30#likelihood#0#alpha_vantage"));
    expected.put("source", s("alpha_vantage"));
    expected.put("window_start", s("2021-01-04"));
    expected.put("end_date", s("2021-06-30"));
    expected.put("method", s("likelihood"));
    expected.put("weekends", n("0"));
    expected.put("asset_type", s("crypto"));
    expected.put("annual_return", n("0.5"));
    expected.put("annual_volatility", n("0.25"));
    assertEquals(
        expected,
        raw(
            "profile",
            "ticker",
            "ALGO:crypto",
            "start_date",
            "2021-01-04#2021-06-30#likelihood#0#alpha_vantage"));
  }

  @Test
  void prices_equityAndCryptoOfOneTicker_areKeptApart() {
    Asset equity = Asset.equity("ALGO");
    Asset crypto = Asset.crypto("ALGO");
    PriceHistory e =
        PriceHistory.ofCloses(equity, new int[] {18632, 18633}, new double[] {10.5, 11.5});
    PriceHistory c =
        PriceHistory.of(
            crypto, new int[] {18632, 18633}, new double[] {0.75, 0.8}, new double[] {0.8, 0.85});
    cache.prices().put(SRC, e);
    cache.prices().put(SRC, c);
    DateRange both = DateRange.parse("2021-01-05", "2021-01-06");
    assertEquals(e, cache.prices().get(SRC, equity, both));
    assertEquals(c, cache.prices().get(SRC, crypto, both));
    assertEquals(
        s("crypto"),
        raw("prices", "ticker", "alpha_vantage|ALGO:crypto", "date", "2021-01-05")
            .get("asset_type"));
  }

  @Test
  void correlation_itemWithTheKeyButAnotherIdentity_isAMiss() {
    CorrelationKey k =
        CorrelationKey.of(
            SRC, Asset.equity("GLD"), Asset.equity("SPY"), WINDOW, EstimationMethod.MOMENTS, false);
    cache.correlations().put(k, 0.5);
    Map<String, AttributeValue> good =
        raw(
            "correlations",
            "ticker_1",
            "GLD",
            "start_date",
            "2021-01-04#2021-06-30#moments#0#alpha_vantage#SPY");
    for (Map.Entry<String, AttributeValue> wrong :
        List.of(
            Map.entry("ticker_2", s("SPX")),
            Map.entry("end_date", s("2021-06-29")),
            Map.entry("method", s("likelihood")),
            Map.entry("weekends", n("1")),
            Map.entry("asset_type_2", s("crypto")),
            Map.entry("window_start", s("2021-01-05")),
            Map.entry("source", s("csv:/data@0a1b2c3d4e5f")))) {
      Map<String, AttributeValue> item = new HashMap<>(good);
      item.put(wrong.getKey(), wrong.getValue());
      putRaw("correlations", item);
      assertEquals(OptionalDouble.empty(), cache.correlations().get(k), wrong.toString());
      assertEquals(Map.of(), cache.correlations().getAll(List.of(k)), wrong.toString());
    }
    Map<String, AttributeValue> missing = new HashMap<>(good);
    missing.remove("asset_type_1");
    putRaw("correlations", missing);
    assertEquals(OptionalDouble.empty(), cache.correlations().get(k));
    putRaw("correlations", good);
    assertEquals(OptionalDouble.of(0.5), cache.correlations().get(k));
  }

  @Test
  void profile_itemWithTheKeyButAnotherIdentity_isAMiss() {
    ProfileKey k =
        new ProfileKey(SRC, Asset.equity("SPY"), WINDOW, EstimationMethod.MOMENTS, false);
    cache.profiles().put(k, new RiskProfile(0.1, 0.2));
    Map<String, AttributeValue> good =
        raw(
            "profile",
            "ticker",
            "SPY",
            "start_date",
            "2021-01-04#2021-06-30#moments#0#alpha_vantage");
    for (Map.Entry<String, AttributeValue> wrong :
        List.of(
            Map.entry("asset_type", s("crypto")),
            Map.entry("end_date", s("2021-07-01")),
            Map.entry("method", s("percentiles")),
            Map.entry("weekends", n("1")),
            Map.entry("window_start", s("2020-01-04")),
            Map.entry("annual_volatility", n("-1")),
            Map.entry("source", s("treasury")))) {
      Map<String, AttributeValue> item = new HashMap<>(good);
      item.put(wrong.getKey(), wrong.getValue());
      putRaw("profile", item);
      assertEquals(Optional.empty(), cache.profiles().get(k), wrong.toString());
    }
  }

  @Test
  void prices_rowsWithoutOrWithAnotherAssetTypeOrSource_areNotServed() {
    // rows as the Python scrilla wrote them: no asset type, so they could be a crypto's
    putRaw(
        "prices",
        Map.of("ticker", s("SPY"), "date", s("2021-01-05"), "close", n("370.5"), "open", n("369")));
    // rows as this backend wrote them before the source joined the key
    putRaw(
        "prices",
        Map.of(
            "ticker",
            s("SPY"),
            "date",
            s("2021-01-07"),
            "close",
            n("372.5"),
            "asset_type",
            s("equity")));
    String hash = "alpha_vantage|SPY";
    putRaw(
        "prices",
        Map.of(
            "ticker",
            s(hash),
            "date",
            s("2021-01-06"),
            "close",
            n("371.5"),
            "source",
            s("alpha_vantage"),
            "asset_type",
            s("crypto")));
    putRaw(
        "prices",
        Map.of(
            "ticker",
            s(hash),
            "date",
            s("2021-01-08"),
            "close",
            n("373.5"),
            "asset_type",
            s("equity")));
    putRaw(
        "prices",
        Map.of(
            "ticker",
            s(hash),
            "date",
            s("2021-01-11"),
            "close",
            n("374.5"),
            "source",
            s("treasury"),
            "asset_type",
            s("equity")));
    DateRange january = DateRange.parse("2021-01-01", "2021-01-31");
    assertTrue(cache.prices().get(SRC, Asset.equity("SPY"), january).isEmpty());
    putRaw(
        "prices",
        Map.of(
            "ticker",
            s(hash),
            "date",
            s("2021-01-12"),
            "close",
            n("375.5"),
            "source",
            s("alpha_vantage"),
            "asset_type",
            s("equity")));
    assertEquals(1, cache.prices().get(SRC, Asset.equity("SPY"), january).size());
  }

  @Test
  void rates_storedItem_carriesTheSourceInTheHashKeyAndAsAnAttribute() {
    SourceId treasury = SourceId.of("treasury");
    LocalDate d = LocalDate.parse("2021-01-04");
    cache.interest().put(treasury, List.of(new YieldCurve(d, Map.of(Maturity.ONE_YEAR, 0.001))));
    assertEquals(
        Map.of(
            "maturity",
            s("treasury|ONE_YEAR"),
            "date",
            s("2021-01-04"),
            "source",
            s("treasury"),
            "rate",
            n("0.001")),
        raw("interest", "maturity", "treasury|ONE_YEAR", "date", "2021-01-04"));
    // a row keyed as before the source joined the key, and one claiming another source
    putRaw(
        "interest", Map.of("maturity", s("TEN_YEAR"), "date", s("2021-01-04"), "rate", n("0.02")));
    putRaw(
        "interest",
        Map.of(
            "maturity",
            s("treasury|TWO_YEAR"),
            "date",
            s("2021-01-04"),
            "source",
            s("csv:sample:0"),
            "rate",
            n("0.03")));
    assertEquals(
        List.of(new YieldCurve(d, Map.of(Maturity.ONE_YEAR, 0.001))),
        cache.interest().get(treasury, DateRange.of(d, d)));
  }

  @Test
  void profile_telescopingIndexes_answerOnThePlainAttributes() {
    Asset spy = Asset.equity("SPY");
    for (int end = 0; end < 3; end++) {
      cache
          .profiles()
          .put(
              new ProfileKey(
                  SRC,
                  spy,
                  DateRange.of(WINDOW.start(), WINDOW.end().plusDays(end)),
                  EstimationMethod.MOMENTS,
                  end == 1),
              new RiskProfile(0.1, 0.2));
    }
    int weekendRows =
        setup
            .query(
                r ->
                    r.tableName(prefix + "profile")
                        .indexName("DateTelescoping")
                        .keyConditionExpression("#w = :w AND #e >= :e")
                        .expressionAttributeNames(Map.of("#w", "weekends", "#e", "end_date"))
                        .expressionAttributeValues(Map.of(":w", n("0"), ":e", s("2021-06-30"))))
            .count();
    assertEquals(2, weekendRows);
    int momentsRows =
        setup
            .query(
                r ->
                    r.tableName(prefix + "profile")
                        .indexName("EstimationTelescoping")
                        .keyConditionExpression("#m = :m")
                        .expressionAttributeNames(Map.of("#m", "method"))
                        .expressionAttributeValues(Map.of(":m", s("moments"))))
            .count();
    assertEquals(3, momentsRows);
  }
}
