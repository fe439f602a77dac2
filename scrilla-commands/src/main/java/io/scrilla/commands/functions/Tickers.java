package io.scrilla.commands.functions;

import io.scrilla.api.model.Asset;
import io.scrilla.api.model.AssetResolver;
import io.scrilla.api.model.AssetType;
import io.scrilla.commands.Context;
import io.scrilla.core.Result;
import java.util.ArrayList;
import java.util.List;
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
   * Prints one error line per failed ticker on stderr and returns the exit code: 0 when all
   * succeeded, 1 otherwise.
   */
  static int reportFailures(Context ctx, Map<Asset, ? extends Result<?>> results) {
    int code = 0;
    for (Map.Entry<Asset, ? extends Result<?>> e : results.entrySet()) {
      if (e.getValue() instanceof Result.Failure<?> f) {
        ctx.err().println("error: " + f.error().getMessage());
        code = 1;
      }
    }
    return code;
  }
}
