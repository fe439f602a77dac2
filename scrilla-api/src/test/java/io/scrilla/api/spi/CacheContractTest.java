package io.scrilla.api.spi;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.scrilla.api.model.Asset;
import io.scrilla.api.model.AssetType;
import io.scrilla.api.model.CorrelationBlock;
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
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The behavior every {@link Cache} backend must have. Each backend module extends this class once;
 * {@link #openCache()} returns a fresh, empty cache for each test.
 */
public abstract class CacheContractTest {
  /** Arbitrary but recognizable dates. */
  protected static final LocalDate D0 = LocalDate.of(2021, 1, 4);

  /** The source most tests store under. */
  protected static final SourceId SRC = SourceId.of("alpha_vantage");

  /** Another source, for the tests that keep sources apart. */
  protected static final SourceId OTHER = SourceId.of("csv:/data/prices@5e2c9a1b7d03");

  protected Cache cache;

  /** Returns a new, empty cache (the backend wipes any state left by an earlier test). */
  protected abstract Cache openCache();

  @BeforeEach
  void openFreshCache() {
    cache = openCache();
    cache.clear();
  }

  @AfterEach
  void closeCache() {
    cache.close();
  }

  /** A history of {@code n} consecutive calendar days from D0 with distinct prices. */
  protected static PriceHistory history(Asset asset, int n, double base) {
    int[] days = new int[n];
    double[] opens = new double[n];
    double[] closes = new double[n];
    for (int i = 0; i < n; i++) {
      days[i] = (int) D0.toEpochDay() + i;
      opens[i] = base + i * 0.01 + 0.001;
      closes[i] = base + i * 0.01 + 1.0 / 3.0;
    }
    return PriceHistory.of(asset, days, opens, closes);
  }

  private static DateRange range(int fromOffset, int toOffset) {
    return DateRange.of(D0.plusDays(fromOffset), D0.plusDays(toOffset));
  }

  @Test
  void prices_roundTrip_returnsIdenticalRowsInRange() {
    Asset spy = Asset.equity("SPY");
    PriceHistory h = history(spy, 30, 400);
    cache.prices().put(SRC, h);
    assertEquals(h, cache.prices().get(SRC, spy, range(0, 29)));
    assertEquals(h.slice(range(5, 9)), cache.prices().get(SRC, spy, range(5, 9)));
    assertEquals(5, cache.prices().get(SRC, spy, range(5, 9)).size());
  }

  @Test
  void prices_missingAssetOrRange_returnsEmpty() {
    Asset spy = Asset.equity("SPY");
    cache.prices().put(SRC, history(spy, 10, 400));
    assertTrue(cache.prices().get(SRC, Asset.equity("GLD"), range(0, 9)).isEmpty());
    assertTrue(cache.prices().get(SRC, spy, range(100, 200)).isEmpty());
  }

  @Test
  void prices_sameTickerOtherType_isADifferentAsset() {
    cache.prices().put(SRC, history(Asset.equity("ALGO"), 5, 10));
    assertTrue(cache.prices().get(SRC, Asset.crypto("ALGO"), range(0, 4)).isEmpty());
  }

  @Test
  void prices_withoutOpens_roundTripWithoutOpens() {
    Asset btc = Asset.crypto("BTC");
    PriceHistory h =
        PriceHistory.ofCloses(btc, new int[] {18000, 18001, 18002}, new double[] {1.5, 2.5, 3.5});
    cache.prices().put(SRC, h);
    PriceHistory back =
        cache
            .prices()
            .get(SRC, btc, DateRange.of(LocalDate.ofEpochDay(18000), LocalDate.ofEpochDay(18002)));
    assertEquals(h, back);
    assertFalse(back.hasOpens());
  }

  @Test
  void prices_putOverlapping_replacesRowsAndKeepsOthers() {
    Asset spy = Asset.equity("SPY");
    cache.prices().put(SRC, history(spy, 10, 400));
    PriceHistory newer = history(spy, 5, 500).slice(range(3, 4)); // days 3..4 with new prices
    cache.prices().put(SRC, newer);
    PriceHistory back = cache.prices().get(SRC, spy, range(0, 9));
    assertEquals(10, back.size());
    assertEquals(newer.close(0), back.close(3));
    assertEquals(newer.close(1), back.close(4));
    assertEquals(history(spy, 10, 400).close(5), back.close(5));
  }

  @Test
  void prices_severalThousandRows_readBackIdentical() {
    Asset spy = Asset.equity("SPY");
    PriceHistory h = history(spy, 5000, 100);
    cache.prices().put(SRC, h);
    assertEquals(h, cache.prices().get(SRC, spy, range(0, 4999)));
  }

  @Test
  void prices_concurrentWritersOfDifferentAssets_loseNothing() throws Exception {
    int threads = 8;
    ExecutorService pool = Executors.newFixedThreadPool(threads);
    try {
      List<Future<?>> futures = new ArrayList<>();
      for (int t = 0; t < threads; t++) {
        Asset a = Asset.equity("T" + t);
        futures.add(
            pool.submit(
                () -> {
                  for (int chunk = 0; chunk < 5; chunk++) {
                    cache
                        .prices()
                        .put(SRC, history(a, 200, 10).slice(range(chunk * 40, chunk * 40 + 39)));
                  }
                }));
      }
      for (Future<?> f : futures) {
        f.get();
      }
    } finally {
      pool.shutdown();
    }
    for (int t = 0; t < threads; t++) {
      Asset a = Asset.equity("T" + t);
      assertEquals(history(a, 200, 10), cache.prices().get(SRC, a, range(0, 199)));
    }
  }

  private static YieldCurve curve(LocalDate date, double oneYear, double tenYear) {
    Map<Maturity, Double> m = new EnumMap<>(Maturity.class);
    m.put(Maturity.ONE_YEAR, oneYear);
    m.put(Maturity.TEN_YEAR, tenYear);
    return new YieldCurve(date, m);
  }

  @Test
  void interest_roundTrip_returnsCurvesInRangeAscending() {
    List<YieldCurve> curves =
        List.of(
            curve(D0, 0.001, 0.0154),
            curve(D0.plusDays(1), 0.0011, 0.0156),
            curve(D0.plusDays(2), 0.0012, 0.0158));
    cache.interest().put(SRC, curves);
    assertEquals(curves, cache.interest().get(SRC, range(0, 2)));
    assertEquals(curves.subList(1, 3), cache.interest().get(SRC, range(1, 10)));
    assertTrue(cache.interest().get(SRC, range(5, 10)).isEmpty());
  }

  @Test
  void interest_partialCurve_keepsOnlyPublishedMaturities() {
    Map<Maturity, Double> m = new EnumMap<>(Maturity.class);
    m.put(Maturity.THIRTY_YEAR, 0.02);
    YieldCurve c = new YieldCurve(D0, m);
    cache.interest().put(SRC, List.of(c));
    List<YieldCurve> back = cache.interest().get(SRC, range(0, 0));
    assertEquals(List.of(c), back);
    assertTrue(back.get(0).rate(Maturity.ONE_YEAR).isEmpty());
  }

  private static ProfileKey profileKey() {
    return new ProfileKey(SRC, Asset.equity("SPY"), range(0, 100), EstimationMethod.MOMENTS, false);
  }

  @Test
  void profiles_roundTrip_returnsExactDoubles() {
    RiskProfile p = new RiskProfile(0.1234567890123456789, Math.PI / 10);
    cache.profiles().put(profileKey(), p);
    assertEquals(Optional.of(p), cache.profiles().get(profileKey()));
  }

  @Test
  void profiles_anyIdentityFieldDiffers_isAMiss() {
    ProfileKey k = profileKey();
    cache.profiles().put(k, new RiskProfile(0.1, 0.2));
    List<ProfileKey> others =
        List.of(
            new ProfileKey(SRC, Asset.equity("GLD"), k.range(), k.method(), k.weekends()),
            new ProfileKey(SRC, Asset.crypto("SPY"), k.range(), k.method(), k.weekends()),
            new ProfileKey(SRC, k.asset(), range(1, 100), k.method(), k.weekends()),
            new ProfileKey(SRC, k.asset(), range(0, 99), k.method(), k.weekends()),
            new ProfileKey(SRC, k.asset(), k.range(), EstimationMethod.LIKELIHOOD, k.weekends()),
            new ProfileKey(SRC, k.asset(), k.range(), k.method(), true),
            new ProfileKey(OTHER, k.asset(), k.range(), k.method(), k.weekends()));
    for (ProfileKey other : others) {
      assertEquals(Optional.empty(), cache.profiles().get(other), other.toString());
    }
  }

  @Test
  void profiles_sameTickerAndStartManyIdentities_allKeptApart() {
    ProfileKey k = profileKey();
    Map<ProfileKey, RiskProfile> stored = new LinkedHashMap<>();
    int i = 0;
    for (EstimationMethod m : EstimationMethod.values()) {
      for (boolean w : new boolean[] {false, true}) {
        for (int end = 50; end <= 52; end++) {
          ProfileKey key = new ProfileKey(SRC, k.asset(), range(0, end), m, w);
          RiskProfile p = new RiskProfile(0.01 * ++i, 0.2 + i);
          cache.profiles().put(key, p);
          stored.put(key, p);
        }
      }
    }
    stored.forEach(
        (key, p) -> assertEquals(Optional.of(p), cache.profiles().get(key), key.toString()));
  }

  @Test
  void profiles_putAgain_replaces() {
    cache.profiles().put(profileKey(), new RiskProfile(0.1, 0.2));
    cache.profiles().put(profileKey(), new RiskProfile(0.3, 0.4));
    assertEquals(Optional.of(new RiskProfile(0.3, 0.4)), cache.profiles().get(profileKey()));
  }

  private static CorrelationKey corrKey(String a, String b) {
    return CorrelationKey.of(
        SRC, Asset.equity(a), Asset.equity(b), range(0, 100), EstimationMethod.MOMENTS, false);
  }

  @Test
  void correlations_roundTrip_isSymmetricInThePair() {
    cache.correlations().put(corrKey("SPY", "GLD"), -0.123456789012345);
    assertEquals(
        OptionalDouble.of(-0.123456789012345), cache.correlations().get(corrKey("GLD", "SPY")));
    assertEquals(
        OptionalDouble.of(-0.123456789012345), cache.correlations().get(corrKey("SPY", "GLD")));
  }

  @Test
  void correlations_anyIdentityFieldDiffers_isAMiss() {
    CorrelationKey k = corrKey("GLD", "SPY");
    cache.correlations().put(k, 0.5);
    List<CorrelationKey> others =
        List.of(
            corrKey("GLD", "DIS"),
            CorrelationKey.of(
                SRC, Asset.equity("GLD"), Asset.crypto("SPY"), k.range(), k.method(), k.weekends()),
            CorrelationKey.of(SRC, k.first(), k.second(), range(1, 100), k.method(), k.weekends()),
            CorrelationKey.of(SRC, k.first(), k.second(), range(0, 99), k.method(), k.weekends()),
            CorrelationKey.of(
                SRC, k.first(), k.second(), k.range(), EstimationMethod.PERCENTILES, k.weekends()),
            CorrelationKey.of(SRC, k.first(), k.second(), k.range(), k.method(), true),
            CorrelationKey.of(OTHER, k.first(), k.second(), k.range(), k.method(), k.weekends()));
    for (CorrelationKey other : others) {
      assertEquals(OptionalDouble.empty(), cache.correlations().get(other), other.toString());
    }
  }

  @Test
  void correlations_matrixOfTenTickers_allPairsCached() {
    String[] t = {"A", "B", "C", "D", "E", "F", "G", "H", "I", "J"};
    Map<CorrelationKey, Double> all = new LinkedHashMap<>();
    for (int i = 0; i < t.length; i++) {
      for (int j = i + 1; j < t.length; j++) {
        all.put(corrKey(t[i], t[j]), (i * 10 + j) / 100.0 - 0.5);
      }
    }
    cache.correlations().putAll(all);
    assertEquals(all, cache.correlations().getAll(all.keySet()));
    for (Map.Entry<CorrelationKey, Double> e : all.entrySet()) {
      assertEquals(OptionalDouble.of(e.getValue()), cache.correlations().get(e.getKey()));
    }
  }

  /** Ten assets in an order that is not the keys' canonical one, with a crypto among them. */
  private static List<Asset> blockAssets() {
    List<Asset> a = new ArrayList<>();
    for (String t : new String[] {"J", "B", "I", "C", "H", "D", "G", "E", "F"}) {
      a.add(Asset.equity(t));
    }
    a.add(Asset.crypto("B"));
    return a;
  }

  @Test
  void correlations_blockWritten_readAsBlockAndByKey() {
    List<Asset> assets = blockAssets();
    int n = assets.size();
    double[] values = new double[n * (n - 1) / 2];
    for (int k = 0; k < values.length; k++) {
      values[k] = k % 7 == 3 ? Double.NaN : (k - 22.5) / 45.0;
    }
    DateRange r = range(0, 100);
    CorrelationBlock block =
        CorrelationBlock.of(SRC, assets, r, EstimationMethod.MOMENTS, false, values);
    cache.correlations().putBlock(block);
    CorrelationBlock read =
        cache.correlations().getBlock(SRC, assets, r, EstimationMethod.MOMENTS, false);
    assertArrayEquals(values, read.values());
    Map<CorrelationKey, Double> byKey = cache.correlations().getAll(block.toKeys());
    assertEquals(block.toMap(), byKey);
    for (int i = 0; i < n; i++) {
      for (int j = 0; j < n; j++) {
        if (i != j) {
          double v = block.get(i, j);
          assertEquals(
              Double.isNaN(v) ? OptionalDouble.empty() : OptionalDouble.of(v),
              cache
                  .correlations()
                  .get(
                      CorrelationKey.of(
                          SRC, assets.get(j), assets.get(i), r, EstimationMethod.MOMENTS, false)));
        }
      }
    }
  }

  @Test
  void correlations_keysWritten_readAsBlockInAnyOrder() {
    List<Asset> assets = blockAssets();
    DateRange r = range(0, 100);
    Map<CorrelationKey, Double> some = new LinkedHashMap<>();
    EstimationMethod mo = EstimationMethod.MOMENTS;
    some.put(CorrelationKey.of(SRC, assets.get(0), assets.get(9), r, mo, false), 0.25);
    some.put(CorrelationKey.of(SRC, assets.get(4), assets.get(2), r, mo, false), -0.5);
    // another identity: not part of the block
    some.put(CorrelationKey.of(SRC, assets.get(4), assets.get(2), r, mo, true), 0.75);
    cache.correlations().putAll(some);
    List<Asset> reversed = new ArrayList<>(assets);
    Collections.reverse(reversed);
    CorrelationBlock read =
        cache.correlations().getBlock(SRC, reversed, r, EstimationMethod.MOMENTS, false);
    assertEquals(2, read.count());
    assertEquals(0.25, read.get(9, 0));
    assertEquals(-0.5, read.get(7, 5));
    assertEquals(
        0,
        cache.correlations().getBlock(SRC, assets, r, EstimationMethod.PERCENTILES, false).count());
    assertEquals(0, cache.correlations().getBlock(OTHER, assets, r, mo, false).count());
  }

  @Test
  void clear_emptiesAllFourStores() {
    Asset spy = Asset.equity("SPY");
    cache.prices().put(SRC, history(spy, 3, 400));
    cache.interest().put(SRC, List.of(curve(D0, 0.01, 0.02)));
    cache.profiles().put(profileKey(), new RiskProfile(0.1, 0.2));
    cache.correlations().put(corrKey("A", "B"), 0.3);
    cache.clear();
    assertTrue(cache.prices().get(SRC, spy, range(0, 2)).isEmpty());
    assertTrue(cache.interest().get(SRC, range(0, 2)).isEmpty());
    assertTrue(cache.profiles().get(profileKey()).isEmpty());
    assertTrue(cache.correlations().get(corrKey("A", "B")).isEmpty());
  }

  @Test
  void prices_sameKeyTwoSources_eachReadsOnlyItsOwn() {
    Asset spy = Asset.equity("SPY");
    PriceHistory mine = history(spy, 10, 400);
    PriceHistory theirs = history(spy, 10, 100);
    cache.prices().put(SRC, mine);
    assertTrue(cache.prices().get(OTHER, spy, range(0, 9)).isEmpty());
    cache.prices().put(OTHER, theirs);
    assertEquals(mine, cache.prices().get(SRC, spy, range(0, 9)));
    assertEquals(theirs, cache.prices().get(OTHER, spy, range(0, 9)));
    assertTrue(cache.prices().get(SourceId.of("csv:sample:0"), spy, range(0, 9)).isEmpty());
  }

  @Test
  void interest_sameDateTwoSources_eachReadsOnlyItsOwn() {
    List<YieldCurve> mine =
        List.of(curve(D0, 0.001, 0.0154), curve(D0.plusDays(1), 0.0011, 0.0156));
    List<YieldCurve> theirs = List.of(curve(D0, 0.05, 0.06));
    cache.interest().put(SRC, mine);
    assertTrue(cache.interest().get(OTHER, range(0, 1)).isEmpty());
    cache.interest().put(OTHER, theirs);
    assertEquals(mine, cache.interest().get(SRC, range(0, 1)));
    assertEquals(theirs, cache.interest().get(OTHER, range(0, 1)));
  }

  @Test
  void profiles_sameKeyTwoSources_eachReadsOnlyItsOwn() {
    ProfileKey mine = profileKey();
    ProfileKey theirs = new ProfileKey(OTHER, mine.asset(), mine.range(), mine.method(), false);
    cache.profiles().put(mine, new RiskProfile(0.1, 0.2));
    assertEquals(Optional.empty(), cache.profiles().get(theirs));
    cache.profiles().put(theirs, new RiskProfile(0.3, 0.4));
    assertEquals(Optional.of(new RiskProfile(0.1, 0.2)), cache.profiles().get(mine));
    assertEquals(Optional.of(new RiskProfile(0.3, 0.4)), cache.profiles().get(theirs));
  }

  @Test
  void correlations_sameKeyTwoSources_eachReadsOnlyItsOwn() {
    CorrelationKey mine = corrKey("GLD", "SPY");
    CorrelationKey theirs =
        CorrelationKey.of(OTHER, mine.first(), mine.second(), mine.range(), mine.method(), false);
    CorrelationKey onlyMine = corrKey("DIS", "SPY");
    cache.correlations().putAll(Map.of(mine, 0.5, onlyMine, 0.25));
    assertEquals(OptionalDouble.empty(), cache.correlations().get(theirs));
    cache.correlations().put(theirs, -0.5);
    assertEquals(OptionalDouble.of(0.5), cache.correlations().get(mine));
    assertEquals(OptionalDouble.of(-0.5), cache.correlations().get(theirs));
    CorrelationKey onlyMineElsewhere =
        CorrelationKey.of(
            OTHER, onlyMine.first(), onlyMine.second(), onlyMine.range(), onlyMine.method(), false);
    assertEquals(
        Map.of(theirs, -0.5), cache.correlations().getAll(List.of(theirs, onlyMineElsewhere)));
    assertEquals(
        Map.of(mine, 0.5, onlyMine, 0.25), cache.correlations().getAll(List.of(mine, onlyMine)));
  }

  @Test
  void longestUnicodeSourceId_roundTripsInEveryStore() {
    String head = "csv:/données/日本/#|@ x";
    SourceId longest = SourceId.of(head + "é".repeat(SourceId.MAX_LENGTH - head.length()));
    Asset btc = Asset.crypto("BTC");
    PriceHistory h = history(btc, 3, 30000);
    cache.prices().put(longest, h);
    assertEquals(h, cache.prices().get(longest, btc, range(0, 2)));
    List<YieldCurve> curves = List.of(curve(D0, 0.01, 0.02));
    cache.interest().put(longest, curves);
    assertEquals(curves, cache.interest().get(longest, range(0, 0)));
    ProfileKey pk = new ProfileKey(longest, btc, range(0, 100), EstimationMethod.LIKELIHOOD, true);
    cache.profiles().put(pk, new RiskProfile(0.1, 0.2));
    assertEquals(Optional.of(new RiskProfile(0.1, 0.2)), cache.profiles().get(pk));
    CorrelationKey ck =
        CorrelationKey.of(
            longest,
            btc,
            Asset.crypto("ABCDEFGHIJKLMNOPQRST"),
            range(0, 100),
            EstimationMethod.PERCENTILES,
            true);
    cache.correlations().put(ck, 0.75);
    assertEquals(OptionalDouble.of(0.75), cache.correlations().get(ck));
    assertEquals(Map.of(ck, 0.75), cache.correlations().getAll(List.of(ck)));
  }

  @Test
  void clear_emptiesEverySource() {
    Asset spy = Asset.equity("SPY");
    ProfileKey theirs = new ProfileKey(OTHER, spy, range(0, 100), EstimationMethod.MOMENTS, false);
    CorrelationKey theirPair =
        CorrelationKey.of(
            OTHER,
            Asset.equity("A"),
            Asset.equity("B"),
            range(0, 100),
            EstimationMethod.MOMENTS,
            false);
    for (SourceId source : List.of(SRC, OTHER)) {
      cache.prices().put(source, history(spy, 3, 400));
      cache.interest().put(source, List.of(curve(D0, 0.01, 0.02)));
    }
    cache.profiles().put(profileKey(), new RiskProfile(0.1, 0.2));
    cache.profiles().put(theirs, new RiskProfile(0.1, 0.2));
    cache.correlations().put(corrKey("A", "B"), 0.3);
    cache.correlations().put(theirPair, 0.3);
    cache.clear();
    for (SourceId source : List.of(SRC, OTHER)) {
      assertTrue(cache.prices().get(source, spy, range(0, 2)).isEmpty(), source.value());
      assertTrue(cache.interest().get(source, range(0, 2)).isEmpty(), source.value());
    }
    assertTrue(cache.profiles().get(profileKey()).isEmpty());
    assertTrue(cache.profiles().get(theirs).isEmpty());
    assertTrue(cache.correlations().get(corrKey("A", "B")).isEmpty());
    assertTrue(cache.correlations().get(theirPair).isEmpty());
  }

  @Test
  void assetType_isPartOfIdentity_forCrypto() {
    Asset btc = Asset.crypto("BTC");
    PriceHistory h = history(btc, 7, 30000);
    cache.prices().put(SRC, h);
    assertEquals(h, cache.prices().get(SRC, btc, range(0, 6)));
    assertEquals(AssetType.CRYPTO, cache.prices().get(SRC, btc, range(0, 6)).asset().type());
  }
}
