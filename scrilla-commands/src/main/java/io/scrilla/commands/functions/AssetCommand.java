package io.scrilla.commands.functions;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.scrilla.api.model.AssetResolver;
import io.scrilla.commands.Json;
import io.scrilla.commands.Meta;
import io.scrilla.commands.Table;
import java.util.Locale;
import java.util.Map;
import picocli.CommandLine.Command;

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
public final class AssetCommand extends TickersCommand {
  @Override
  public Integer call() {
    ObjectNode json = Json.object();
    Table table = new Table("ticker", "asset type", "decided by");
    for (String t : tickers) {
      AssetResolver.Resolution r = AssetResolver.explain(t);
      String type = r.asset().type().name().toLowerCase(Locale.ROOT);
      json.putObject(r.asset().ticker())
          .put("asset_type", type)
          .put("decided_by", r.basis().name().toLowerCase(Locale.ROOT))
          .put("reason", r.basis().description());
      table.row(r.asset().ticker(), type, r.basis().description());
    }
    print(Meta.empty(), json, table, Map.of());
    return 0;
  }
}
