package io.scrilla.commands;

import io.scrilla.api.error.SafeText;
import java.math.BigDecimal;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import picocli.CommandLine;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.TypeConversionException;

/**
 * Reads option values in the user's terms: a value that is not a number fails with a message such
 * as {@code Invalid value for option '--invest': 'abc' is not a number} (picocli adds the option),
 * never with the name of a Java exception; {@code NaN} and infinite values are refused where they
 * are read, so no command sees them.
 */
final class Converters {
  private Converters() {}

  /** Registers the converters on the command and all its subcommands. */
  static void register(CommandLine cl) {
    ITypeConverter<Double> real = Converters::finiteDouble;
    cl.registerConverter(Double.class, real);
    cl.registerConverter(double.class, real);
    ITypeConverter<Integer> whole = Converters::wholeNumber;
    cl.registerConverter(Integer.class, whole);
    cl.registerConverter(int.class, whole);
    cl.registerConverter(BigDecimal.class, Converters::decimal);
    cl.registerConverter(Path.class, Converters::path);
  }

  /**
   * Parses a finite double.
   *
   * @throws TypeConversionException for text that is not a number, or is NaN or infinite (also
   *     after overflow, such as {@code 1e999})
   */
  static Double finiteDouble(String text) {
    double d;
    try {
      d = Double.parseDouble(text.trim());
    } catch (NumberFormatException e) {
      throw new TypeConversionException(quote(text) + " is not a number");
    }
    if (!Double.isFinite(d)) {
      throw new TypeConversionException(quote(text) + " is not a finite number");
    }
    return d;
  }

  /**
   * Parses a whole number that fits in an {@code int}.
   *
   * @throws TypeConversionException for text that is not a whole number, or one too large
   */
  static Integer wholeNumber(String text) {
    String t = text.trim();
    try {
      return Integer.parseInt(t);
    } catch (NumberFormatException e) {
      if (t.matches("[+-]?[0-9]+")) {
        throw new TypeConversionException(quote(text) + " is too large");
      }
      throw new TypeConversionException(quote(text) + " is not a whole number");
    }
  }

  /**
   * Parses a decimal number.
   *
   * @throws TypeConversionException for text that is not a number
   */
  static BigDecimal decimal(String text) {
    try {
      return new BigDecimal(text.trim());
    } catch (NumberFormatException e) {
      throw new TypeConversionException(quote(text) + " is not a number");
    }
  }

  /**
   * Parses a file path.
   *
   * @throws TypeConversionException for text that cannot name a file here
   */
  static Path path(String text) {
    try {
      return Path.of(text);
    } catch (InvalidPathException e) {
      throw new TypeConversionException(
          quote(text) + " is not a valid file name (" + e.getReason() + ")");
    }
  }

  private static String quote(String text) {
    return SafeText.quote(text);
  }
}
