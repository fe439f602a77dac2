package io.scrilla.cache.dynamodb.internal;

import io.scrilla.api.model.Asset;
import io.scrilla.api.model.AssetType;
import io.scrilla.api.model.CorrelationKey;
import io.scrilla.api.model.ProfileKey;
import java.util.Locale;

/**
 * The text forms of identities stored in the tables.
 *
 * <ul>
 *   <li>asset key: the ticker for an equity ({@code SPY}), ticker, colon and type otherwise
 *       ({@code BTC:crypto}); the hash key of prices and profiles, {@code ticker_1} and
 *       {@code ticker_2} of correlations. Tickers never contain {@code :} or {@code #}, so the
 *       form is unambiguous.
 *   <li>profile sort key {@code start_date}: {@code start#end#method#weekends}, e.g.
 *       {@code 2021-01-04#2021-06-30#moments#0}.
 *   <li>correlation sort key {@code start_date}: {@code start#end#method#weekends#second}, e.g.
 *       {@code 2021-01-04#2021-06-30#moments#0#SPY}.
 * </ul>
 *
 * <p>The dates lead, so the sort key still orders and filters by start date
 * ({@code begins_with(start_date, "2021-01-04#")}).
 */
public final class Identity {
  private Identity() {}

  /** Returns the asset key, e.g. {@code SPY} or {@code BTC:crypto}. */
  public static String assetKey(Asset asset) {
    return asset.type() == AssetType.EQUITY ? asset.ticker() : asset.ticker() + ":" + typeName(asset.type());
  }

  /** Returns the stored name of an asset type: {@code equity} or {@code crypto}. */
  public static String typeName(AssetType type) {
    return type.name().toLowerCase(Locale.ROOT);
  }

  /** Returns the weekends flag as stored in the number attribute {@code weekends}: 1 or 0. */
  public static int weekends(boolean weekends) {
    return weekends ? 1 : 0;
  }

  /** Returns the sort key of a profile. */
  public static String profileSortKey(ProfileKey key) {
    return key.start() + "#" + key.end() + "#" + key.method().canonicalName() + "#" + weekends(key.weekends());
  }

  /** Returns the sort key of a correlation. */
  public static String correlationSortKey(CorrelationKey key) {
    return key.range().start() + "#" + key.range().end() + "#" + key.method().canonicalName() + "#"
        + weekends(key.weekends()) + "#" + assetKey(key.second());
  }
}
