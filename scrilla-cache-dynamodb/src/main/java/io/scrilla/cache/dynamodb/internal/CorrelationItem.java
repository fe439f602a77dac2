package io.scrilla.cache.dynamodb.internal;

import static io.scrilla.cache.dynamodb.internal.ItemAttributes.attribute;
import static software.amazon.awssdk.enhanced.dynamodb.mapper.StaticAttributeTags.primaryPartitionKey;
import static software.amazon.awssdk.enhanced.dynamodb.mapper.StaticAttributeTags.primarySortKey;

import io.scrilla.api.model.CorrelationKey;
import software.amazon.awssdk.enhanced.dynamodb.TableSchema;
import software.amazon.awssdk.enhanced.dynamodb.mapper.StaticImmutableTableSchema;

/**
 * One row of the {@code correlations} table, for the pair in canonical order. Every identifying
 * field is stored on its own as well as in the sort key, and all are compared on read.
 *
 * @param ticker1 hash key: asset key of the first asset of the pair
 * @param startDate range key: {@link Identity#correlationSortKey}
 * @param ticker2 asset key of the second asset (key of the AssetTelescoping index)
 * @param windowStart first date of the window, ISO
 * @param endDate last date of the window, ISO (key of the AssetTelescoping index)
 * @param method estimation method's canonical name (key of the EstimationTelescoping index)
 * @param weekends 1 when weekends are in the sample, else 0 (key of the WeekendTelescoping index)
 * @param assetType1 type of the first asset
 * @param assetType2 type of the second asset
 * @param source the price source the correlation was computed from
 * @param correlation the correlation in [-1, 1]
 */
public record CorrelationItem(
    String ticker1,
    String startDate,
    String ticker2,
    String windowStart,
    String endDate,
    String method,
    Integer weekends,
    String assetType1,
    String assetType2,
    String source,
    Double correlation) {
  /** The item mapping of the enhanced client. */
  public static final TableSchema<CorrelationItem> SCHEMA =
      StaticImmutableTableSchema.builder(CorrelationItem.class, Builder.class)
          .newItemBuilder(Builder::new, Builder::build)
          .addAttribute(
              String.class,
              attribute(
                  "ticker_1", CorrelationItem::ticker1, Builder::ticker1, primaryPartitionKey()))
          .addAttribute(
              String.class,
              attribute(
                  "start_date", CorrelationItem::startDate, Builder::startDate, primarySortKey()))
          .addAttribute(
              String.class, attribute("ticker_2", CorrelationItem::ticker2, Builder::ticker2))
          .addAttribute(
              String.class,
              attribute("window_start", CorrelationItem::windowStart, Builder::windowStart))
          .addAttribute(
              String.class, attribute("end_date", CorrelationItem::endDate, Builder::endDate))
          .addAttribute(String.class, attribute("method", CorrelationItem::method, Builder::method))
          .addAttribute(
              Integer.class, attribute("weekends", CorrelationItem::weekends, Builder::weekends))
          .addAttribute(
              String.class,
              attribute("asset_type_1", CorrelationItem::assetType1, Builder::assetType1))
          .addAttribute(
              String.class,
              attribute("asset_type_2", CorrelationItem::assetType2, Builder::assetType2))
          .addAttribute(String.class, attribute("source", CorrelationItem::source, Builder::source))
          .addAttribute(
              Double.class,
              attribute("correlation", CorrelationItem::correlation, Builder::correlation))
          .build();

  /** Returns the item storing {@code correlation} under {@code key}. */
  public static CorrelationItem of(CorrelationKey key, double correlation) {
    return new CorrelationItem(
        Identity.assetKey(key.first()),
        Identity.correlationSortKey(key),
        Identity.assetKey(key.second()),
        key.range().start().toString(),
        key.range().end().toString(),
        key.method().canonicalName(),
        Identity.weekends(key.weekends()),
        Identity.typeName(key.first().type()),
        Identity.typeName(key.second().type()),
        key.source().value(),
        correlation);
  }

  /** Returns whether every identifying field of this item equals the key's. */
  public boolean matches(CorrelationKey key) {
    return CorrelationItem.of(key, 0)
        .equals(
            new CorrelationItem(
                ticker1,
                startDate,
                ticker2,
                windowStart,
                endDate,
                method,
                weekends,
                assetType1,
                assetType2,
                source,
                0.0));
  }

  /** Mutable builder used by the mapper. */
  public static final class Builder {
    private String ticker1;
    private String startDate;
    private String ticker2;
    private String windowStart;
    private String endDate;
    private String method;
    private Integer weekends;
    private String assetType1;
    private String assetType2;
    private String source;
    private Double correlation;

    void ticker1(String v) {
      ticker1 = v;
    }

    void startDate(String v) {
      startDate = v;
    }

    void ticker2(String v) {
      ticker2 = v;
    }

    void windowStart(String v) {
      windowStart = v;
    }

    void endDate(String v) {
      endDate = v;
    }

    void method(String v) {
      method = v;
    }

    void weekends(Integer v) {
      weekends = v;
    }

    void assetType1(String v) {
      assetType1 = v;
    }

    void assetType2(String v) {
      assetType2 = v;
    }

    void source(String v) {
      source = v;
    }

    void correlation(Double v) {
      correlation = v;
    }

    CorrelationItem build() {
      return new CorrelationItem(
          ticker1,
          startDate,
          ticker2,
          windowStart,
          endDate,
          method,
          weekends,
          assetType1,
          assetType2,
          source,
          correlation);
    }
  }
}
