package io.scrilla.cache.dynamodb.internal;

import static io.scrilla.cache.dynamodb.internal.ItemAttributes.attribute;
import static software.amazon.awssdk.enhanced.dynamodb.mapper.StaticAttributeTags.primaryPartitionKey;
import static software.amazon.awssdk.enhanced.dynamodb.mapper.StaticAttributeTags.primarySortKey;

import io.scrilla.api.model.ProfileKey;
import io.scrilla.api.model.RiskProfile;
import software.amazon.awssdk.enhanced.dynamodb.TableSchema;
import software.amazon.awssdk.enhanced.dynamodb.mapper.StaticImmutableTableSchema;

/**
 * One row of the {@code profile} table. Every identifying field is stored on its own as well as in
 * the sort key, and all are compared on read.
 *
 * @param ticker hash key: the asset key
 * @param startDate range key: {@link Identity#profileSortKey}
 * @param windowStart first date of the window, ISO
 * @param endDate last date of the window, ISO (key of the DateTelescoping index)
 * @param method estimation method's canonical name (key of the EstimationTelescoping index)
 * @param weekends 1 when weekends are in the sample, else 0 (key of the DateTelescoping index)
 * @param assetType {@code equity} or {@code crypto}
 * @param source the price source the profile was computed from
 * @param annualReturn annualized return mu, decimal fraction
 * @param annualVolatility annualized volatility sigma, decimal fraction
 */
public record ProfileItem(
    String ticker,
    String startDate,
    String windowStart,
    String endDate,
    String method,
    Integer weekends,
    String assetType,
    String source,
    Double annualReturn,
    Double annualVolatility) {
  /** The item mapping of the enhanced client. */
  public static final TableSchema<ProfileItem> SCHEMA =
      StaticImmutableTableSchema.builder(ProfileItem.class, Builder.class)
          .newItemBuilder(Builder::new, Builder::build)
          .addAttribute(
              String.class,
              attribute("ticker", ProfileItem::ticker, Builder::ticker, primaryPartitionKey()))
          .addAttribute(
              String.class,
              attribute("start_date", ProfileItem::startDate, Builder::startDate, primarySortKey()))
          .addAttribute(
              String.class,
              attribute("window_start", ProfileItem::windowStart, Builder::windowStart))
          .addAttribute(String.class, attribute("end_date", ProfileItem::endDate, Builder::endDate))
          .addAttribute(String.class, attribute("method", ProfileItem::method, Builder::method))
          .addAttribute(
              Integer.class, attribute("weekends", ProfileItem::weekends, Builder::weekends))
          .addAttribute(
              String.class, attribute("asset_type", ProfileItem::assetType, Builder::assetType))
          .addAttribute(String.class, attribute("source", ProfileItem::source, Builder::source))
          .addAttribute(
              Double.class,
              attribute("annual_return", ProfileItem::annualReturn, Builder::annualReturn))
          .addAttribute(
              Double.class,
              attribute(
                  "annual_volatility", ProfileItem::annualVolatility, Builder::annualVolatility))
          .build();

  /** Returns the item storing {@code profile} under {@code key}. */
  public static ProfileItem of(ProfileKey key, RiskProfile profile) {
    return new ProfileItem(
        Identity.assetKey(key.asset()),
        Identity.profileSortKey(key),
        key.start().toString(),
        key.end().toString(),
        key.method().canonicalName(),
        Identity.weekends(key.weekends()),
        Identity.typeName(key.asset().type()),
        key.source().value(),
        profile.annualReturn(),
        profile.annualVolatility());
  }

  /** Returns whether every identifying field of this item equals the key's. */
  public boolean matches(ProfileKey key) {
    return ProfileItem.of(key, new RiskProfile(0, 0))
        .equals(
            new ProfileItem(
                ticker,
                startDate,
                windowStart,
                endDate,
                method,
                weekends,
                assetType,
                source,
                0.0,
                0.0));
  }

  /** Mutable builder used by the mapper. */
  public static final class Builder {
    private String ticker;
    private String startDate;
    private String windowStart;
    private String endDate;
    private String method;
    private Integer weekends;
    private String assetType;
    private String source;
    private Double annualReturn;
    private Double annualVolatility;

    void ticker(String v) {
      ticker = v;
    }

    void startDate(String v) {
      startDate = v;
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

    void assetType(String v) {
      assetType = v;
    }

    void source(String v) {
      source = v;
    }

    void annualReturn(Double v) {
      annualReturn = v;
    }

    void annualVolatility(Double v) {
      annualVolatility = v;
    }

    ProfileItem build() {
      return new ProfileItem(
          ticker,
          startDate,
          windowStart,
          endDate,
          method,
          weekends,
          assetType,
          source,
          annualReturn,
          annualVolatility);
    }
  }
}
