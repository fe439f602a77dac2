package io.scrilla.cache.dynamodb.internal;

import static io.scrilla.cache.dynamodb.internal.ItemAttributes.attribute;
import static software.amazon.awssdk.enhanced.dynamodb.mapper.StaticAttributeTags.primaryPartitionKey;
import static software.amazon.awssdk.enhanced.dynamodb.mapper.StaticAttributeTags.primarySortKey;

import software.amazon.awssdk.enhanced.dynamodb.TableSchema;
import software.amazon.awssdk.enhanced.dynamodb.mapper.StaticImmutableTableSchema;

/**
 * One row of the {@code interest} table: the par yield of one maturity on one date.
 *
 * @param maturity hash key: {@link Identity#rateHashKey}, e.g. {@code treasury|ONE_YEAR}
 * @param date range key: ISO date
 * @param source the source the rate came from, checked on read
 * @param rate the yield, annualized decimal fraction (0.0154 for 1.54%)
 */
public record RateItem(String maturity, String date, String source, Double rate) {
  /** The item mapping of the enhanced client. */
  public static final TableSchema<RateItem> SCHEMA =
      StaticImmutableTableSchema.builder(RateItem.class, Builder.class)
          .newItemBuilder(Builder::new, Builder::build)
          .addAttribute(
              String.class,
              attribute("maturity", RateItem::maturity, Builder::maturity, primaryPartitionKey()))
          .addAttribute(
              String.class, attribute("date", RateItem::date, Builder::date, primarySortKey()))
          .addAttribute(String.class, attribute("source", RateItem::source, Builder::source))
          .addAttribute(Double.class, attribute("rate", RateItem::rate, Builder::rate))
          .build();

  /** Mutable builder used by the mapper. */
  public static final class Builder {
    private String maturity;
    private String date;
    private String source;
    private Double rate;

    void maturity(String v) {
      maturity = v;
    }

    void date(String v) {
      date = v;
    }

    void source(String v) {
      source = v;
    }

    void rate(Double v) {
      rate = v;
    }

    RateItem build() {
      return new RateItem(maturity, date, source, rate);
    }
  }
}
