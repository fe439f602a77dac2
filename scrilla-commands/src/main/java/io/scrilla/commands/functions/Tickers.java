package io.scrilla.commands.functions;

import io.scrilla.api.error.ScrillaException;
import io.scrilla.api.model.Asset;
import io.scrilla.api.model.AssetResolver;
import io.scrilla.api.model.AssetType;
import io.scrilla.commands.Context;
import io.scrilla.commands.Failures;
import io.scrilla.core.Result;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** Helpers for commands that take tickers. */
final class Tickers {
  private Tickers() {}

  /** Resolves the ticker arguments; {@code --crypto} forces the crypto type on bare tickers. */
  static List<Asset> resolve(List<String> tickers, boolean crypto) {
    List<Asset> assets = new ArrayList<>();
    for (String t : tickers) {
      assets.add(
          crypto && t.indexOf(':') < 0 ? new Asset(t, AssetType.CRYPTO) : AssetResolver.resolve(t));
    }
    return assets;
  }

  /** Returns the tickers of the assets, e.g. {@code SPY}, {@code SPY and GLD}. */
  static String names(List<Asset> assets) {
    List<String> t = assets.stream().map(Asset::ticker).toList();
    return t.size() == 1
        ? t.get(0)
        : String.join(", ", t.subList(0, t.size() - 1)) + " and " + t.get(t.size() - 1);
  }

  /**
   * Returns how the output names each asset: its ticker, or {@code TICKER:type} (e.g. {@code
   * ALGO:crypto} and {@code ALGO:equity}) when the same ticker is given with two types.
   */
  static Map<Asset, String> labels(Collection<Asset> assets) {
    Map<String, Long> types = new HashMap<>();
    assets.stream().distinct().forEach(a -> types.merge(a.ticker(), 1L, Long::sum));
    Map<Asset, String> labels = new LinkedHashMap<>();
    for (Asset a : assets) {
      labels.put(
          a,
          types.get(a.ticker()) > 1
              ? a.ticker() + ":" + a.type().name().toLowerCase(Locale.ROOT)
              : a.ticker());
    }
    return labels;
  }

  /**
   * Returns the one-line message of each failed result, by the asset's label, and records each
   * failure in the context ({@link Context#tickerFailed}) for front ends that classify them.
   */
  static Map<String, String> errors(
      Context ctx, Map<Asset, ? extends Result<?>> results, Map<Asset, String> labels) {
    Map<Asset, ScrillaException> failures = new LinkedHashMap<>();
    results.forEach(
        (asset, result) -> {
          if (result instanceof Result.Failure<?> f) {
            failures.put(asset, f.error());
          }
        });
    return failures(ctx, failures, labels);
  }

  /**
   * Returns the one-line message of each failure, by the asset's label, and records each failure in
   * the context ({@link Context#tickerFailed}).
   */
  static Map<String, String> failures(
      Context ctx, Map<Asset, ScrillaException> failures, Map<Asset, String> labels) {
    Map<String, String> errors = new LinkedHashMap<>();
    failures.forEach(
        (asset, e) -> {
          errors.put(labels.get(asset), Failures.message(e));
          ctx.tickerFailed(labels.get(asset), e);
        });
    return errors;
  }
}
