package io.scrilla.api.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.scrilla.api.error.InvalidInputException;
import java.time.LocalDate;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The value types' validation, parsing and identities. */
class ModelTest {

  @ParameterizedTest
  @CsvSource({
    "moments,MOMENTS",
    "percentiles,PERCENTILES",
    "percents,PERCENTILES",
    "percentile,PERCENTILES",
    "likelihood,LIKELIHOOD",
    "likely,LIKELIHOOD",
    "-likelihood,LIKELIHOOD",
    "MOMENTS,MOMENTS"
  })
  void estimationMethod_parse_acceptsCanonicalAndScrillaSpellings(
      String text, EstimationMethod expected) {
    assertEquals(expected, EstimationMethod.parse(text));
  }

  @Test
  void estimationMethod_parseUnknown_namesAllowedValues() {
    InvalidInputException e =
        assertThrows(InvalidInputException.class, () -> EstimationMethod.parse("guess"));
    assertTrue(e.getMessage().contains("guess") && e.getMessage().contains("likelihood"));
  }

  @Test
  void dateRange_startAfterEnd_isRejectedNamingBoth() {
    InvalidInputException e =
        assertThrows(
            InvalidInputException.class, () -> DateRange.parse("2021-02-01", "2021-01-01"));
    assertTrue(e.getMessage().contains("2021-02-01") && e.getMessage().contains("2021-01-01"));
    assertThrows(InvalidInputException.class, () -> DateRange.parse("2021-13-01", "2021-12-01"));
  }

  @Test
  void correlationKey_isTheSameForBothOrders() {
    DateRange r = DateRange.parse("2021-01-04", "2021-06-30");
    SourceId s = SourceId.of("s");
    EstimationMethod m = EstimationMethod.MOMENTS;
    Asset spy = Asset.equity("SPY");
    Asset gld = Asset.equity("GLD");
    assertEquals(
        CorrelationKey.of(s, spy, gld, r, m, false), CorrelationKey.of(s, gld, spy, r, m, false));
    assertEquals("GLD", CorrelationKey.of(s, spy, gld, r, m, false).first().ticker());
  }

  @Test
  void asset_parseAndResolve() {
    assertEquals(Asset.crypto("BTC"), AssetResolver.resolve("btc"));
    assertEquals(Asset.equity("SPY"), AssetResolver.resolve("SPY"));
    assertEquals(Asset.equity("LINK"), AssetResolver.resolve("LINK:equity"));
    assertEquals(Asset.crypto("XYZ"), AssetResolver.resolve("XYZ:crypto"));
    assertThrows(InvalidInputException.class, () -> AssetResolver.resolve("SPY:bond"));
    assertThrows(InvalidInputException.class, () -> Asset.equity("no spaces"));
  }

  @Test
  void assetResolver_explain_saysHowTheTypeWasDecided() {
    assertEquals(
        new AssetResolver.Resolution(Asset.crypto("BTC"), AssetResolver.Basis.CRYPTO_LIST),
        AssetResolver.explain("btc"));
    assertEquals(
        new AssetResolver.Resolution(Asset.equity("SPY"), AssetResolver.Basis.NOT_IN_CRYPTO_LIST),
        AssetResolver.explain("SPY"));
    assertEquals(
        new AssetResolver.Resolution(Asset.equity("LINK"), AssetResolver.Basis.NAMED),
        AssetResolver.explain("LINK:equity"));
    for (String t : new String[] {"BTC", "spy", "LINK:equity", "XYZ:crypto", "ALGO:crypto"}) {
      Asset a = AssetResolver.resolve(t);
      assertEquals(a, AssetResolver.resolve(AssetResolver.text(a)), t);
    }
    assertEquals("LINK:equity", AssetResolver.text(Asset.equity("LINK")));
    assertEquals("BTC", AssetResolver.text(Asset.crypto("BTC")));
  }

  private static PriceHistory sample() {
    int d0 = (int) LocalDate.of(2021, 1, 4).toEpochDay();
    return PriceHistory.of(
        Asset.equity("SPY"),
        new int[] {d0, d0 + 1, d0 + 2, d0 + 3},
        new double[] {1, 2, 3, 4},
        new double[] {1.5, 2.5, 3.5, 4.5});
  }

  @Test
  void priceHistory_slice_sharesDataAndHonoursBothEnds() {
    PriceHistory h = sample();
    PriceHistory s = h.slice(DateRange.parse("2021-01-05", "2021-01-06"));
    assertEquals(2, s.size());
    assertEquals(2.5, s.close(0));
    assertEquals(3.5, s.close(1));
    assertEquals(LocalDate.of(2021, 1, 6), s.lastDate());
    assertTrue(h.slice(DateRange.parse("2022-01-01", "2022-02-01")).isEmpty());
    assertEquals(1, s.indexOf(LocalDate.of(2021, 1, 6)));
    assertEquals(-1, s.indexOf(LocalDate.of(2021, 1, 4)));
  }

  @Test
  void priceHistory_badRows_areRejectedNamingTickerAndDate() {
    int d = (int) LocalDate.of(2021, 1, 4).toEpochDay();
    Asset a = Asset.equity("SPY");
    InvalidInputException dup =
        assertThrows(
            InvalidInputException.class,
            () -> PriceHistory.ofCloses(a, new int[] {d, d}, new double[] {1, 2}));
    assertTrue(
        dup.getMessage().contains("SPY") && dup.getMessage().contains("2021-01-04"),
        dup.getMessage());
    assertThrows(
        InvalidInputException.class,
        () -> PriceHistory.ofCloses(a, new int[] {d + 1, d}, new double[] {1, 2}));
    InvalidInputException zero =
        assertThrows(
            InvalidInputException.class,
            () -> PriceHistory.ofCloses(a, new int[] {d}, new double[] {0}));
    assertTrue(zero.getMessage().contains("2021-01-04"));
    assertThrows(
        InvalidInputException.class,
        () -> PriceHistory.ofCloses(a, new int[] {d}, new double[] {Double.NaN}));
  }

  @Test
  void priceHistory_merge_otherWinsOnSharedDates() {
    PriceHistory h = sample();
    int d0 = (int) LocalDate.of(2021, 1, 6).toEpochDay();
    PriceHistory other =
        PriceHistory.of(
            Asset.equity("SPY"),
            new int[] {d0, d0 + 5},
            new double[] {9, 9},
            new double[] {9.5, 9.5});
    PriceHistory m = h.merge(other);
    assertEquals(5, m.size());
    assertEquals(9.5, m.close(2));
    assertEquals(4.5, m.close(3));
    assertEquals(9.5, m.close(4));
    assertFalse(
        m.merge(PriceHistory.ofCloses(Asset.equity("SPY"), new int[] {d0 + 9}, new double[] {1}))
            .hasOpens());
  }

  @Test
  void priceHistory_callerErrors_areInvalidInputNotIllegalArgument() {
    Asset spy = Asset.equity("SPY");
    PriceHistory closes = PriceHistory.ofCloses(spy, new int[] {1, 2}, new double[] {1, 2});
    PriceHistory other =
        PriceHistory.ofCloses(Asset.equity("DIA"), new int[] {1}, new double[] {1});

    assertThrows(InvalidInputException.class, () -> closes.merge(other));
    assertThrows(InvalidInputException.class, () -> closes.open(0));
  }
}
