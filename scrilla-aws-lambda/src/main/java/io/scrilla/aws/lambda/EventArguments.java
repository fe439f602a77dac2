package io.scrilla.aws.lambda;

import com.fasterxml.jackson.databind.JsonNode;
import io.scrilla.api.error.SafeText;
import java.io.File;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.TreeSet;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.OptionSpec;
import picocli.CommandLine.Model.PositionalParamSpec;

/**
 * Turns an event into the arguments of a command, from picocli's model of that command: any option
 * the command gains or changes is understood at once, and the command validates the values exactly
 * as on the command line.
 *
 * <ul>
 *   <li>a key names the option whose long name is {@code --KEY} ({@code _} may stand for {@code
 *       -}): {@code "start": "2021-01-04"} becomes {@code --start=2021-01-04};
 *   <li>a flag (an option without a value) is given by {@code true} and left out by {@code false};
 *   <li>an array becomes the option's text form, its elements joined by commas ({@code "bounds":
 *       [-1, 2]} is {@code --bounds=-1,2}), or the option repeated when it takes several values;
 *   <li>{@code "tickers"} (in general the plural of the positional parameters' label, such as
 *       {@code "maturities"}) become the positional parameters;
 *   <li>{@code "json"} may only be {@code true}: the handler always asks for JSON;
 *   <li>an option that reads or writes a file ({@code --save}) and the help options are not
 *       available; {@code null} values count as absent.
 * </ul>
 *
 * <p>Values are given to picocli as {@code --name=value} and positional parameters after {@code
 * --}, so no value is ever taken for an option; reading {@code @file} arguments is switched off by
 * the handler.
 */
final class EventArguments {
  private static final String JSON = "--json";

  private EventArguments() {}

  /**
   * Returns the arguments of the command for the event: the command's name, the options, {@code
   * --json}, then the positional parameters.
   *
   * @param spec the command's picocli model
   * @param event the event, an object
   * @param ignored keys that are not options (the function's name)
   * @return the arguments
   * @throws Rejection {@link ErrorType#INVALID_INPUT} naming the function and the key for a key
   *     that is no option of the command or a value of the wrong kind, or when required tickers are
   *     missing
   */
  static List<String> of(CommandSpec spec, JsonNode event, List<String> ignored) {
    String function = spec.name();
    List<String> args = new ArrayList<>();
    args.add(function);
    Optional<PositionalParamSpec> positional = spec.positionalParameters().stream().findFirst();
    Optional<String> positionalKey = positional.map(EventArguments::keyOf);
    List<String> positionals = new ArrayList<>();
    for (Map.Entry<String, JsonNode> field : event.properties()) {
      String key = field.getKey();
      JsonNode value = field.getValue();
      if (ignored.contains(key) || value.isNull()) {
        continue;
      }
      if (positionalKey.isPresent() && positionalKey.get().equals(key)) {
        positionals.addAll(texts(function, key, value));
        continue;
      }
      OptionSpec option = option(spec, key);
      String name = "--" + name(key);
      if (isJson(option)) {
        if (!value.isBoolean() || !value.booleanValue()) {
          throw invalid(function, key, "may only be true: the handler always answers in JSON");
        }
      } else if (option.arity().max() == 0) {
        if (!value.isBoolean()) {
          throw invalid(function, key, "is a flag: give true or false");
        }
        if (value.booleanValue()) {
          args.add(name);
        }
      } else if (option.isMultiValue() && value.isArray()) {
        for (String v : texts(function, key, value)) {
          args.add(name + "=" + v);
        }
      } else if (value.isArray()) {
        args.add(name + "=" + String.join(",", texts(function, key, value)));
      } else {
        args.add(name + "=" + text(function, key, value));
      }
    }
    args.add(JSON);
    if (positional.isPresent() && positional.get().arity().min() > 0 && positionals.isEmpty()) {
      String key = positionalKey.get();
      throw new Rejection(
          ErrorType.INVALID_INPUT,
          function
              + " needs \""
              + key
              + "\": a list such as "
              + (key.equals("tickers") ? "[\"SPY\", \"GLD\"]" : "[\"...\"]"));
    }
    if (!positionals.isEmpty()) {
      args.add("--");
      args.addAll(positionals);
    }
    return args;
  }

  /** Returns the event key of the positional parameters: their label in the plural, lower case. */
  static String keyOf(PositionalParamSpec p) {
    String label = p.paramLabel().replaceAll("[^A-Za-z]", "").toLowerCase(Locale.ROOT);
    return label.endsWith("y")
        ? label.substring(0, label.length() - 1) + "ies"
        : label.endsWith("s") ? label : label + "s";
  }

  /** Returns the event keys the command understands, for messages. */
  static List<String> keys(CommandSpec spec) {
    TreeSet<String> keys = new TreeSet<>();
    spec.positionalParameters().stream()
        .findFirst()
        .map(EventArguments::keyOf)
        .ifPresent(keys::add);
    for (OptionSpec o : spec.options()) {
      if (available(o) && !isJson(o)) {
        Arrays.stream(o.names())
            .filter(n -> n.startsWith("--"))
            .max(Comparator.comparingInt(String::length))
            .ifPresent(n -> keys.add(n.substring(2)));
      }
    }
    return List.copyOf(keys);
  }

  private static String name(String key) {
    return key.replace('_', '-');
  }

  private static OptionSpec option(CommandSpec spec, String key) {
    String wanted = "--" + name(key);
    for (OptionSpec o : spec.options()) {
      for (String n : o.names()) {
        if (n.equals(wanted)) {
          if (!available(o)) {
            throw invalid(
                spec.name(),
                key,
                isFile(o)
                    ? "is not available: the Lambda handler reads and writes no files"
                    : "is not available: the handler answers with results only, in JSON");
          }
          return o;
        }
      }
    }
    throw new Rejection(
        ErrorType.INVALID_INPUT,
        spec.name()
            + " has no option "
            + SafeText.quote(key)
            + "; its keys are function, "
            + String.join(", ", keys(spec)));
  }

  /** Returns whether an event may set the option: not help, not a file. */
  /**
   * Whether an event may set the option: not help or version, not a file, and not an option of the
   * terminal front end ({@code --debug}: stack traces; {@code --quiet}: less table output).
   */
  private static boolean available(OptionSpec o) {
    List<String> names = Arrays.asList(o.names());
    return !o.usageHelp()
        && !o.versionHelp()
        && !isFile(o)
        && !names.contains("--debug")
        && !names.contains("--quiet");
  }

  private static boolean isFile(OptionSpec o) {
    Class<?> type = o.type();
    return Path.class.isAssignableFrom(type) || File.class.isAssignableFrom(type);
  }

  /** Whether the option is {@code --json}, in any of its spellings. */
  private static boolean isJson(OptionSpec o) {
    return Arrays.asList(o.names()).contains(JSON);
  }

  private static List<String> texts(String function, String key, JsonNode value) {
    List<String> out = new ArrayList<>();
    if (value.isArray()) {
      for (JsonNode e : value) {
        out.add(text(function, key, e));
      }
    } else {
      out.add(text(function, key, value));
    }
    return out;
  }

  private static String text(String function, String key, JsonNode value) {
    if (value.isTextual()) {
      return value.textValue();
    }
    if (value.isNumber()) {
      return value.isIntegralNumber()
          ? value.bigIntegerValue().toString()
          : value.decimalValue().toString();
    }
    if (value.isBoolean()) {
      return Boolean.toString(value.booleanValue());
    }
    throw invalid(
        function,
        key,
        "must be a text, a number or a list of them, not " + SafeText.quote(value.toString()));
  }

  private static Rejection invalid(String function, String key, String what) {
    return new Rejection(
        ErrorType.INVALID_INPUT, function + ": " + SafeText.quote(key) + " " + what);
  }
}
