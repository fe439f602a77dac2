package io.scrilla.commands.functions;

import com.fasterxml.jackson.databind.JsonNode;
import io.scrilla.api.model.Asset;
import io.scrilla.api.spi.ProgressListener;
import io.scrilla.commands.Context;
import io.scrilla.commands.Meta;
import io.scrilla.commands.Output;
import io.scrilla.commands.OutputOptions;
import io.scrilla.commands.ScrillaCommand;
import io.scrilla.commands.Table;
import io.scrilla.core.Result;
import io.scrilla.core.Scrilla;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.function.Function;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/** A command that prints a result: {@code --json}, {@code --save FILE}, {@code --quiet}. */
abstract class OutputCommand implements Callable<Integer> {
  @ParentCommand ScrillaCommand parent;

  @Spec CommandSpec spec;

  @Mixin OutputOptions output;

  /** Returns what the commands share: configuration, output streams, the facade. */
  protected final Context context() {
    return parent.context();
  }

  Scrilla scrilla() {
    return context().scrilla();
  }

  /**
   * Prints one error line per failed ticker on stderr and returns the exit code: 0 when all
   * succeeded, 1 otherwise (for front ends that draw a result instead of printing it).
   *
   * @param results the result of each ticker
   * @return the exit code
   */
  protected final int reportFailures(Map<Asset, ? extends Result<?>> results) {
    return Output.reportErrors(
        context(), Tickers.errors(context(), results, Tickers.labels(results.keySet())));
  }

  /** Prints the result ({@link Output#print}). */
  void print(Meta meta, JsonNode json, Table table, Map<String, String> errors) {
    Output.print(context(), output, meta, json, table, errors);
  }

  /**
   * Runs a computation for each asset, as {@link Result#each} does (an asset given twice is
   * computed once), reporting one step per asset to the context's progress listener.
   */
  <T> Map<Asset, Result<T>> each(List<Asset> assets, Function<? super Asset, ? extends T> f) {
    ProgressListener progress = context().progress();
    Map<Asset, Result<T>> out = new LinkedHashMap<>();
    List<Asset> distinct = assets.stream().distinct().toList();
    int n = distinct.size();
    for (int i = 0; i < n; i++) {
      Asset a = distinct.get(i);
      progress.onProgress(spec.name(), i, n);
      out.put(a, Result.of(() -> f.apply(a)));
    }
    progress.onProgress(spec.name(), n, n);
    return out;
  }
}
