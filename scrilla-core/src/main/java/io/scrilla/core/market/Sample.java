package io.scrilla.core.market;

import io.scrilla.api.error.InvalidInputException;
import io.scrilla.api.model.Asset;
import io.scrilla.api.model.AssetType;
import io.scrilla.api.model.CorrelationKey;
import io.scrilla.api.model.DateRange;
import io.scrilla.api.model.EstimationMethod;
import io.scrilla.api.model.ProfileKey;
import io.scrilla.api.model.SourceId;
import java.util.List;
import java.util.Objects;

/**
 * A request resolved once: the price source, the assets, the window actually used, the estimation
 * method and the {@code weekends} flag. Every statistic of the request is computed from it, and its
 * prices come from {@link MarketData#history(Sample, Asset)}. Produced only by {@link
 * MarketData#sample}, which holds the window and weekends policy; immutable.
 *
 * @param source the identity of the price source the statistics are computed from; part of every
 *     cache key made from this sample
 * @param assets the assets, distinct, in the order given
 * @param window the window actually used: an end after the last settled day (today before the close
 *     has settled, or a future date) cut to that day and, unless {@code weekends}, both ends moved
 *     back to NYSE sessions
 * @param method the estimation method
 * @param weekends whether weekend and holiday prices are kept; true only when every asset is crypto
 */
public record Sample(
    SourceId source,
    List<Asset> assets,
    DateRange window,
    EstimationMethod method,
    boolean weekends) {

  /** Validates: at least one asset, distinct, weekends only for crypto. */
  public Sample {
    Objects.requireNonNull(source, "source");
    assets = List.copyOf(Objects.requireNonNull(assets, "assets"));
    Objects.requireNonNull(window, "window");
    Objects.requireNonNull(method, "method");
    if (assets.isEmpty()) {
      throw new InvalidInputException("a sample needs at least one asset");
    }
    if (assets.stream().distinct().count() != assets.size()) {
      throw new InvalidInputException("an asset is repeated in " + assets + ": give each once");
    }
    if (weekends && !allCrypto(assets)) {
      throw new InvalidInputException(
          "weekends can be kept only when every asset is crypto: " + assets);
    }
  }

  /** Returns whether every asset is crypto (a group's default {@code weekends} flag). */
  static boolean allCrypto(List<Asset> assets) {
    return !assets.isEmpty() && assets.stream().allMatch(a -> a.type() == AssetType.CRYPTO);
  }

  /**
   * Returns the only asset of a single-asset sample.
   *
   * @throws IllegalStateException when the sample has several assets
   */
  public Asset asset() {
    if (assets.size() != 1) {
      throw new IllegalStateException("a sample of " + assets.size() + " assets");
    }
    return assets.get(0);
  }

  /** Returns the sample of one of the assets on the same window, method and flag. */
  public Sample of(Asset asset) {
    if (!assets.contains(asset)) {
      throw new InvalidInputException(asset + " is not in the sample " + assets);
    }
    return new Sample(source, List.of(asset), window, method, weekends);
  }

  /** Returns whether prices are restricted to NYSE sessions. */
  public boolean tradingDaysOnly() {
    return !weekends;
  }

  /** Returns the cache key of the profile of a single-asset sample. */
  public ProfileKey profileKey() {
    return new ProfileKey(source, asset(), window, method, weekends);
  }

  /** Returns the cache key of the correlation of two of the assets. */
  public CorrelationKey correlationKey(Asset a, Asset b) {
    return CorrelationKey.of(source, a, b, window, method, weekends);
  }

  /** Returns how errors name the assets: {@code SPY}, {@code GLD and SPY}, or the list. */
  public String label() {
    return label(assets);
  }

  static String label(List<Asset> assets) {
    if (assets.size() == 1) {
      return assets.get(0).ticker();
    }
    if (assets.size() == 2) {
      return assets.get(0).ticker() + " and " + assets.get(1).ticker();
    }
    return assets.toString();
  }
}
