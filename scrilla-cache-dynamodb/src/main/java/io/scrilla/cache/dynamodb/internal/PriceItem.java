package io.scrilla.cache.dynamodb.internal;

import static io.scrilla.cache.dynamodb.internal.ItemAttributes.attribute;
import static software.amazon.awssdk.enhanced.dynamodb.mapper.StaticAttributeTags.primaryPartitionKey;
import static software.amazon.awssdk.enhanced.dynamodb.mapper.StaticAttributeTags.primarySortKey;

import software.amazon.awssdk.enhanced.dynamodb.TableSchema;
import software.amazon.awssdk.enhanced.dynamodb.mapper.StaticImmutableTableSchema;

/**
 * One row of the {@code prices} table: the close (and open, when the source gave one) of an asset
 * on a date, in USD.
 *
 * @param ticker hash key: {@link Identity#priceHashKey} ({@code alpha_vantage|SPY})
 * @param date range key: ISO date {@code YYYY-MM-DD}
 * @param source the source the price came from, checked on read
 * @param assetType {@code equity} or {@code crypto}, checked on read
 * @param close close price
 * @param open open price, {@code null} when absent
 */
public record PriceItem(
    String ticker, String date, String source, String assetType, Double close, Double open) {
  /** The item mapping of the enhanced client. */
  public static final TableSchema<PriceItem> SCHEMA =
      StaticImmutableTableSchema.builder(PriceItem.class, Builder.class)
          .newItemBuilder(Builder::new, Builder::build)
          .addAttribute(
              String.class,
              attribute("ticker", PriceItem::ticker, Builder::ticker, primaryPartitionKey()))
          .addAttribute(
              String.class, attribute("date", PriceItem::date, Builder::date, primarySortKey()))
          .addAttribute(String.class, attribute("source", PriceItem::source, Builder::source))
          .addAttribute(
              String.class, attribute("asset_type", PriceItem::assetType, Builder::assetType))
          .addAttribute(Double.class, attribute("close", PriceItem::close, Builder::close))
          .addAttribute(Double.class, attribute("open", PriceItem::open, Builder::open))
          .build();

  /** Mutable builder used by the mapper. */
  public static final class Builder {
    private String ticker;
    private String date;
    private String source;
    private String assetType;
    private Double close;
    private Double open;

    void ticker(String v) {
      ticker = v;
    }

    void date(String v) {
      date = v;
    }

    void source(String v) {
      source = v;
    }

    void assetType(String v) {
      assetType = v;
    }

    void close(Double v) {
      close = v;
    }

    void open(Double v) {
      open = v;
    }

    PriceItem build() {
      return new PriceItem(ticker, date, source, assetType, close, open);
    }
  }
}
