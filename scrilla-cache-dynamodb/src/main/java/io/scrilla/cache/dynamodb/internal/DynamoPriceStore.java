package io.scrilla.cache.dynamodb.internal;

import io.scrilla.api.error.CacheException;
import io.scrilla.api.error.InvalidInputException;
import io.scrilla.api.model.Asset;
import io.scrilla.api.model.DateRange;
import io.scrilla.api.model.PriceHistory;
import io.scrilla.api.model.SourceId;
import io.scrilla.api.spi.PriceStore;
import io.scrilla.cache.dynamodb.CacheTable;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.enhanced.dynamodb.Key;
import software.amazon.awssdk.enhanced.dynamodb.model.QueryConditional;
import software.amazon.awssdk.services.dynamodb.model.WriteRequest;

/**
 * Prices in the {@code prices} table: hash key the source and the asset key ({@code
 * alpha_vantage|SPY}, {@code alpha_vantage|BTC:crypto}), range key the ISO date; read with a
 * key-condition query {@code date BETWEEN start AND end}, all pages.
 */
public final class DynamoPriceStore implements PriceStore {
  private static final Logger LOG = LoggerFactory.getLogger(DynamoPriceStore.class);
  private final Tables tables;

  /** Creates the store on the cache's tables. */
  public DynamoPriceStore(Tables tables) {
    this.tables = tables;
  }

  @Override
  public void put(SourceId source, PriceHistory history) {
    Objects.requireNonNull(source, "source");
    Objects.requireNonNull(history, "history");
    Asset asset = history.asset();
    String hash = Identity.priceHashKey(source, asset);
    String type = Identity.typeName(asset.type());
    List<WriteRequest> writes = new ArrayList<>(history.size());
    for (int i = 0; i < history.size(); i++) {
      PriceItem item =
          new PriceItem(
              hash,
              history.date(i).toString(),
              source.value(),
              type,
              history.close(i),
              history.hasOpens() ? history.open(i) : null);
      writes.add(Tables.put(PriceItem.SCHEMA.itemToMap(item, true)));
    }
    tables.batches.writeAll(
        tables.prices.tableName(),
        Tables.keyNames(CacheTable.PRICES),
        writes,
        history.size() + " prices of " + asset + " of " + source);
  }

  @Override
  public PriceHistory get(SourceId source, Asset asset, DateRange range) {
    Objects.requireNonNull(source, "source");
    Objects.requireNonNull(asset, "asset");
    Objects.requireNonNull(range, "range");
    String hash = Identity.priceHashKey(source, asset);
    String type = Identity.typeName(asset.type());
    QueryConditional between =
        QueryConditional.sortBetween(
            Key.builder().partitionValue(hash).sortValue(range.start().toString()).build(),
            Key.builder().partitionValue(hash).sortValue(range.end().toString()).build());
    int n = 0;
    int[] days = new int[16];
    double[] closes = new double[16];
    double[] opens = new double[16];
    boolean allOpens = true;
    int skipped = 0;
    try {
      for (PriceItem item :
          tables
              .prices
              .query(
                  q ->
                      q.queryConditional(between)
                          .limit(Tables.PAGE_SIZE)
                          .consistentRead(tables.consistentReads()))
              .items()) {
        Integer day =
            valid(item, hash, source, type, range, n == 0 ? Integer.MIN_VALUE : days[n - 1]);
        if (day == null) {
          skipped++;
          continue;
        }
        if (n == days.length) {
          days = Arrays.copyOf(days, 2 * n);
          closes = Arrays.copyOf(closes, 2 * n);
          opens = Arrays.copyOf(opens, 2 * n);
        }
        days[n] = day;
        closes[n] = item.close();
        boolean hasOpen = item.open() != null && item.open() > 0 && Double.isFinite(item.open());
        opens[n] = hasOpen ? item.open() : Double.NaN;
        allOpens &= hasOpen;
        n++;
      }
    } catch (SdkException e) {
      throw new CacheException(
          "reading prices of "
              + asset
              + " "
              + range
              + " of "
              + source
              + " from DynamoDB table '"
              + tables.prices.tableName()
              + "' failed: "
              + Batches.reason(e),
          e);
    }
    if (skipped > 0) {
      LOG.warn(
          "ignored {} rows of {} in table {} that do not carry this asset's identity",
          skipped,
          asset,
          tables.prices.tableName());
    }
    if (n == 0) {
      return PriceHistory.empty(asset);
    }
    try {
      return allOpens
          ? PriceHistory.of(
              asset, Arrays.copyOf(days, n), Arrays.copyOf(opens, n), Arrays.copyOf(closes, n))
          : PriceHistory.ofCloses(asset, Arrays.copyOf(days, n), Arrays.copyOf(closes, n));
    } catch (InvalidInputException e) {
      throw new AssertionError("rows were checked one by one", e);
    }
  }

  /** Returns the epoch day of a row that belongs to the asset, or null for a row to ignore. */
  private static Integer valid(
      PriceItem item, String hash, SourceId source, String type, DateRange range, int previous) {
    if (!hash.equals(item.ticker())
        || !source.value().equals(item.source())
        || !type.equals(item.assetType())
        || item.close() == null
        || !(item.close() > 0)
        || Double.isInfinite(item.close())
        || item.date() == null) {
      return null;
    }
    try {
      LocalDate d = LocalDate.parse(item.date());
      int day = Math.toIntExact(d.toEpochDay());
      return range.contains(d) && day > previous ? day : null;
    } catch (DateTimeParseException e) {
      return null;
    }
  }
}
