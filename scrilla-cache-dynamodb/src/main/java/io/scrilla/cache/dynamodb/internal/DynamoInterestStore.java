package io.scrilla.cache.dynamodb.internal;

import io.scrilla.api.error.CacheException;
import io.scrilla.api.model.DateRange;
import io.scrilla.api.model.Maturity;
import io.scrilla.api.model.SourceId;
import io.scrilla.api.model.YieldCurve;
import io.scrilla.api.spi.InterestStore;
import io.scrilla.cache.dynamodb.CacheTable;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.enhanced.dynamodb.Key;
import software.amazon.awssdk.enhanced.dynamodb.model.QueryConditional;
import software.amazon.awssdk.services.dynamodb.model.WriteRequest;

/**
 * Yield curves in the {@code interest} table, one item per (source, maturity, date): hash key
 * {@code source|MATURITY}, range key the date, as the guide's key schema has it; a range is read
 * with one key-condition query per maturity ({@code date BETWEEN start AND end}, all pages) and the
 * rates regrouped into curves.
 */
public final class DynamoInterestStore implements InterestStore {
  private final Tables tables;

  /** Creates the store on the cache's tables. */
  public DynamoInterestStore(Tables tables) {
    this.tables = tables;
  }

  @Override
  public void put(SourceId source, List<YieldCurve> curves) {
    Objects.requireNonNull(source, "source");
    Objects.requireNonNull(curves, "curves");
    // a later curve of the same date replaces an earlier one's rates: one request per key
    Map<String, WriteRequest> writes = new LinkedHashMap<>();
    for (YieldCurve c : curves) {
      for (Map.Entry<Maturity, Double> e : c.rates().entrySet()) {
        RateItem item =
            new RateItem(
                Identity.rateHashKey(source, e.getKey()),
                c.date().toString(),
                source.value(),
                e.getValue());
        writes.put(
            item.maturity() + "#" + item.date(), Tables.put(RateItem.SCHEMA.itemToMap(item, true)));
      }
    }
    tables.batches.writeAll(
        tables.interest.tableName(),
        Tables.keyNames(CacheTable.INTEREST),
        new ArrayList<>(writes.values()),
        writes.size() + " rates of " + curves.size() + " yield curves");
  }

  @Override
  public List<YieldCurve> get(SourceId source, DateRange range) {
    Objects.requireNonNull(source, "source");
    Objects.requireNonNull(range, "range");
    TreeMap<LocalDate, Map<Maturity, Double>> byDate = new TreeMap<>();
    for (Maturity m : Maturity.values()) {
      String hash = Identity.rateHashKey(source, m);
      QueryConditional between =
          QueryConditional.sortBetween(
              Key.builder().partitionValue(hash).sortValue(range.start().toString()).build(),
              Key.builder().partitionValue(hash).sortValue(range.end().toString()).build());
      try {
        for (RateItem item :
            tables
                .interest
                .query(
                    q ->
                        q.queryConditional(between)
                            .limit(Tables.PAGE_SIZE)
                            .consistentRead(tables.consistentReads()))
                .items()) {
          LocalDate date = date(item.date());
          if (date != null
              && range.contains(date)
              && hash.equals(item.maturity())
              && source.value().equals(item.source())
              && item.rate() != null
              && Double.isFinite(item.rate())) {
            byDate.computeIfAbsent(date, d -> new EnumMap<>(Maturity.class)).put(m, item.rate());
          }
        }
      } catch (SdkException e) {
        throw new CacheException(
            "reading "
                + m
                + " rates "
                + range
                + " of "
                + source
                + " from DynamoDB table '"
                + tables.interest.tableName()
                + "' failed: "
                + Batches.reason(e),
            e);
      }
    }
    List<YieldCurve> curves = new ArrayList<>(byDate.size());
    byDate.forEach((d, rates) -> curves.add(new YieldCurve(d, rates)));
    return curves;
  }

  private static LocalDate date(String text) {
    try {
      return text == null ? null : LocalDate.parse(text);
    } catch (DateTimeParseException e) {
      return null;
    }
  }
}
