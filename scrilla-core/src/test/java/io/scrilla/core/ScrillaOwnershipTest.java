package io.scrilla.core;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.scrilla.api.config.ScrillaConfig;
import io.scrilla.api.model.Asset;
import io.scrilla.api.model.DateRange;
import io.scrilla.api.model.EstimationMethod;
import io.scrilla.api.model.ProfileKey;
import io.scrilla.api.model.RiskProfile;
import io.scrilla.core.testing.FakePriceSource;
import io.scrilla.core.testing.TrackingCacheProvider;
import io.scrilla.core.testing.TrackingCacheProvider.TrackedCache;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;

/** The facade closes what it created and leaves what it was given to its owner. */
class ScrillaOwnershipTest {
  private static final Asset SPY = Asset.equity("SPY");
  private static final DateRange HISTORY = DateRange.parse("2021-01-04", "2021-11-19");
  private static final DateRange H1 = DateRange.parse("2021-01-04", "2021-06-30");
  private static final Clock CLOCK =
      Clock.fixed(Instant.parse("2021-11-23T12:00:00Z"), ZoneOffset.UTC);

  private final FakePriceSource source =
      new FakePriceSource().with(FakePriceSource.walk(SPY, HISTORY, 1));

  @Test
  void close_cacheGivenToTheBuilder_isLeftOpenAndUsable() {
    TrackedCache mine = (TrackedCache) new TrackingCacheProvider().open(ScrillaConfig.defaults());
    RiskProfile p;
    try (Scrilla s = Scrilla.builder().priceSource(source).cache(mine).clock(CLOCK).build()) {
      p = s.riskProfile(SPY, H1, EstimationMethod.MOMENTS);
    }
    assertFalse(mine.closed());
    assertEquals(
        p,
        mine.profiles()
            .get(new ProfileKey(source.sourceId(), SPY, H1, EstimationMethod.MOMENTS, false))
            .orElseThrow());
    // a second facade over the same cache reads it: no new fetch
    int calls = source.calls();
    try (Scrilla s = Scrilla.builder().priceSource(source).cache(mine).clock(CLOCK).build()) {
      assertEquals(p, s.riskProfile(SPY, H1, EstimationMethod.MOMENTS));
    }
    assertEquals(calls, source.calls());
    assertFalse(mine.closed());
    mine.close();
  }

  @Test
  void close_cacheOpenedFromTheConfiguration_isClosed() {
    ScrillaConfig config = ScrillaConfig.builder().cacheMode("tracking").build();
    int before = TrackingCacheProvider.OPENED.size();
    Scrilla s = Scrilla.builder().config(config).priceSource(source).clock(CLOCK).build();
    assertEquals(before + 1, TrackingCacheProvider.OPENED.size());
    TrackedCache created = TrackingCacheProvider.OPENED.get(before);
    s.riskProfile(SPY, H1, EstimationMethod.MOMENTS);
    assertFalse(created.closed());
    s.close();
    assertTrue(created.closed());
  }
}
