package io.scrilla.cache.dynamodb.internal;

import io.scrilla.api.error.CacheException;
import io.scrilla.api.model.ProfileKey;
import io.scrilla.api.model.RiskProfile;
import io.scrilla.api.spi.ProfileStore;
import java.util.Objects;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.enhanced.dynamodb.Key;

/**
 * Risk profiles in the {@code profile} table, one item per full identity: hash key the asset key,
 * sort key {@code start#end#method#weekends#source}; every identifying attribute is compared on
 * read and any difference is a miss.
 */
public final class DynamoProfileStore implements ProfileStore {
  private static final Logger LOG = LoggerFactory.getLogger(DynamoProfileStore.class);
  private final Tables tables;

  /** Creates the store on the cache's tables. */
  public DynamoProfileStore(Tables tables) {
    this.tables = tables;
  }

  @Override
  public void put(ProfileKey key, RiskProfile profile) {
    Objects.requireNonNull(key, "key");
    Objects.requireNonNull(profile, "profile");
    try {
      tables.profile.putItem(ProfileItem.of(key, profile));
    } catch (SdkException e) {
      throw new CacheException(
          "writing the profile of "
              + key
              + " to DynamoDB table '"
              + tables.profile.tableName()
              + "' failed: "
              + Batches.reason(e),
          e);
    }
  }

  @Override
  public Optional<RiskProfile> get(ProfileKey key) {
    Objects.requireNonNull(key, "key");
    ProfileItem item;
    try {
      item =
          tables.profile.getItem(
              Key.builder()
                  .partitionValue(Identity.assetKey(key.asset()))
                  .sortValue(Identity.profileSortKey(key))
                  .build());
    } catch (SdkException e) {
      throw new CacheException(
          "reading the profile of "
              + key
              + " from DynamoDB table '"
              + tables.profile.tableName()
              + "' failed: "
              + Batches.reason(e),
          e);
    }
    if (item == null) {
      return Optional.empty();
    }
    if (!item.matches(key)
        || item.annualReturn() == null
        || item.annualVolatility() == null
        || !Double.isFinite(item.annualReturn())
        || !Double.isFinite(item.annualVolatility())
        || item.annualVolatility() < 0) {
      LOG.warn(
          "ignored item {}/{} of table {}: its attributes do not match {}",
          item.ticker(),
          item.startDate(),
          tables.profile.tableName(),
          key);
      return Optional.empty();
    }
    return Optional.of(new RiskProfile(item.annualReturn(), item.annualVolatility()));
  }
}
