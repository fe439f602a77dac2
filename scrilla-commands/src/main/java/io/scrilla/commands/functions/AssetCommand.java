package io.scrilla.commands.functions;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.scrilla.api.model.AssetResolver;
import io.scrilla.commands.CommonOptions;
import io.scrilla.commands.Json;
import io.scrilla.commands.Output;
import io.scrilla.commands.ScrillaCommand;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;

/**
 * {@code scrilla asset T...}: the asset type of each ticker and how it was decided ({@link
 * AssetResolver#explain}): {@code {"T": {"asset_type": "equity"|"crypto", "decided_by":
 * "named"|"crypto_list"|"not_in_crypto_list", "reason": "..."}}}. No data source is asked.
 */
@Command(
    name = "asset",
    aliases = "a",
    description =
        "The asset type (equity or crypto) of each ticker and how it was decided; TICKER:crypto"
            + " or TICKER:equity names the type.")
public final class AssetCommand implements Callable<Integer> {
  @ParentCommand ScrillaCommand parent;

  @Mixin CommonOptions options;

  @Parameters(arity = "1..*", paramLabel = "TICKER", description = "e.g. SPY, BTC, LINK:equity")
  List<String> tickers;

  @Override
  public Integer call() {
    ObjectNode json = Json.object();
    List<List<String>> table = new ArrayList<>();
    table.add(List.of("ticker", "asset_type", "decided by"));
    for (String t : tickers) {
      AssetResolver.Resolution r = AssetResolver.explain(t);
      String type = r.asset().type().name().toLowerCase(Locale.ROOT);
      json.putObject(r.asset().ticker())
          .put("asset_type", type)
          .put("decided_by", r.basis().name().toLowerCase(Locale.ROOT))
          .put("reason", r.basis().description());
      table.add(List.of(r.asset().ticker(), type, r.basis().description()));
    }
    Output.print(parent.context(), options, json, table);
    return 0;
  }
}
