package io.scrilla.cli;

import io.scrilla.api.config.ConfigFile;
import io.scrilla.api.config.ScrillaConfig;
import io.scrilla.api.error.SafeText;
import io.scrilla.commands.Context;
import io.scrilla.commands.ScrillaCommand;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;

/**
 * {@code scrilla store --key NAME --value V}: saves a configuration variable in the user's
 * configuration file ({@link ConfigFile}), readable by its owner only; {@link ScrillaConfig#load()}
 * reads it below the environment and the system properties. The value is never printed.
 */
@Command(
    name = "store",
    aliases = "st",
    description =
        "Save a variable such as ALPHA_VANTAGE_KEY in your configuration file, readable only by"
            + " you; the environment overrides it.")
final class StoreCommand implements Callable<Integer> {
  @ParentCommand ScrillaCommand parent;

  @Option(
      names = {"--key", "-key", "-k", "--k"},
      required = true,
      paramLabel = "NAME",
      description = "the variable, e.g. ALPHA_VANTAGE_KEY")
  String key;

  @Option(
      names = {"--value", "-value", "-v", "--v"},
      required = true,
      paramLabel = "V",
      description = "its value (never printed)")
  String value;

  @Override
  public Integer call() {
    if (ScrillaConfig.isSecret(key)) {
      SafeText.registerSecret(value);
    }
    Context ctx = parent.context();
    // the value must be valid where the library reads it, e.g. FRONTIER_STEPS a number
    ScrillaConfig.from(Map.of(key, value));
    Path file = ConfigFile.in(ctx.config().configDir());
    ConfigFile.put(file, key, value);
    ctx.out().println("stored " + key + " in " + file + " (readable only by you)");
    if (System.getenv(key) != null || System.getProperty(key) != null) {
      ctx.err()
          .println(
              "note: "
                  + key
                  + " is also set in the environment or as a system property, which wins over"
                  + " the file");
    }
    return 0;
  }
}
