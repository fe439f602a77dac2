package io.scrilla.cache.dynamodb.internal;

import io.scrilla.api.model.Asset;
import io.scrilla.api.model.AssetType;
import io.scrilla.api.model.CorrelationKey;
import io.scrilla.api.model.Maturity;
import io.scrilla.api.model.ProfileKey;
import io.scrilla.api.model.SourceId;
import java.util.Locale;

/**
 * The text forms of identities stored in the tables.
 *
 * <ul>
 *   <li>asset key: the ticker for an equity ({@code SPY}), ticker, colon and type otherwise ({@code
 *       BTC:crypto}); {@code ticker_1} and {@code ticker_2} of correlations. Tickers never contain
 *       {@code :}, {@code #} or {@code |}, so the form is unambiguous.
 *   <li>price hash key {@code ticker}: source, {@code |}, asset key, e.g. {@code
 *       alpha_vantage|SPY}; rate hash key {@code maturity}: source, {@code |}, maturity, e.g.
 *       {@code treasury|ONE_YEAR}; profile hash key {@code ticker}: the asset key.
 *   <li>profile sort key {@code start_date}: {@code start#end#method#weekends#source}, e.g. {@code
 *       2021-01-04#2021-06-30#moments#0#alpha_vantage}.
 *   <li>correlation sort key {@code start_date}: {@code start#end#method#weekends#source#second},
 *       e.g. {@code 2021-01-04#2021-06-30#moments#0#alpha_vantage#SPY}.
 * </ul>
 *
 * <p>A source may contain any printable character, {@code #} and {@code |} included, but the parts
 * after it (an asset key, or nothing) never do, so every form still names one identity. The dates
 * lead, so the sort key still orders and filters by start date ({@code begins_with(start_date,
 * "2021-01-04#")}).
 */
public final class Identity {
  private Identity() {}

  /** Returns the asset key, e.g. {@code SPY} or {@code BTC:crypto}. */
  public static String assetKey(Asset asset) {
    return asset.type() == AssetType.EQUITY
        ? asset.ticker()
        : asset.ticker() + ":" + typeName(asset.type());
  }

  /** Returns the stored name of an asset type: {@code equity} or {@code crypto}. */
  public static String typeName(AssetType type) {
    return type.name().toLowerCase(Locale.ROOT);
  }

  /** Returns the weekends flag as stored in the number attribute {@code weekends}: 1 or 0. */
  public static int weekends(boolean weekends) {
    return weekends ? 1 : 0;
  }

  /** Returns the hash key of a price row: {@code source|asset key}. */
  public static String priceHashKey(SourceId source, Asset asset) {
    return source.value() + "|" + assetKey(asset);
  }

  /** Returns the hash key of a rate row: {@code source|MATURITY}. */
  public static String rateHashKey(SourceId source, Maturity maturity) {
    return source.value() + "|" + maturity.name();
  }

  /** Returns the sort key of a profile. */
  public static String profileSortKey(ProfileKey key) {
    return key.start()
        + "#"
        + key.end()
        + "#"
        + key.method().canonicalName()
        + "#"
        + weekends(key.weekends())
        + "#"
        + key.source().value();
  }

  /** Returns the sort key of a correlation. */
  public static String correlationSortKey(CorrelationKey key) {
    return key.range().start()
        + "#"
        + key.range().end()
        + "#"
        + key.method().canonicalName()
        + "#"
        + weekends(key.weekends())
        + "#"
        + key.source().value()
        + "#"
        + assetKey(key.second());
  }
}
