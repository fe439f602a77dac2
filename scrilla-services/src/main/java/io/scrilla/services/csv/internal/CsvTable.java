package io.scrilla.services.csv.internal;

import io.scrilla.api.error.InvalidInputException;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.Reader;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * A CSV text read into memory: one header record and the data records, each with its line number;
 * immutable.
 *
 * <p>Dialect: comma-separated, one record per line ({@code \n} or {@code \r\n}); a field may be
 * enclosed in double quotes, with {@code ""} standing for one quote inside it (as in RFC 4180, but
 * without line breaks inside fields). Blank lines are skipped; a UTF-8 byte order mark before the
 * header is dropped. A record may have fewer fields than the header (the missing ones are empty),
 * never more. Header names are matched case-insensitively after trimming, with runs of white space
 * counted as one space.
 */
public final class CsvTable {
  private static final Pattern NUMBER =
      Pattern.compile("[-+]?(?:\\d+(?:\\.\\d*)?|\\.\\d+)(?:[eE][-+]?\\d+)?");

  private final String source;
  private final int headerLine;
  private final List<String> header;
  private final List<Record> records;

  /**
   * One data record.
   *
   * @param line the 1-based line number in the file
   * @param fields the fields, as many as the header has (missing ones are empty)
   */
  public record Record(int line, List<String> fields) {
    /** Copies the fields. */
    public Record {
      fields = List.copyOf(fields);
    }

    /** Returns the trimmed field at {@code column}. */
    public String get(int column) {
      return fields.get(column).trim();
    }
  }

  private CsvTable(String source, int headerLine, List<String> header, List<Record> records) {
    this.source = source;
    this.headerLine = headerLine;
    this.header = header;
    this.records = records;
  }

  /**
   * Reads a whole CSV text.
   *
   * @param source how to name the file in messages, e.g. {@code /data/SPY.csv}
   * @param reader the text; read to its end but not closed
   * @return the table
   * @throws InvalidInputException when the text is empty or a line has more fields than the header
   * @throws IOException when reading fails
   */
  public static CsvTable read(String source, Reader reader) throws IOException {
    Objects.requireNonNull(source, "source");
    BufferedReader in = reader instanceof BufferedReader ? (BufferedReader) reader : new BufferedReader(reader);
    List<String> header = null;
    int headerLine = 0;
    List<Record> records = new ArrayList<>();
    int lineNo = 0;
    String line;
    while ((line = in.readLine()) != null) {
      lineNo++;
      if (header == null && !line.isEmpty() && line.charAt(0) == '\uFEFF') {
        line = line.substring(1);
      }
      if (line.isBlank()) {
        continue;
      }
      List<String> fields = split(source, lineNo, line);
      if (header == null) {
        header = Collections.unmodifiableList(fields);
        headerLine = lineNo;
        continue;
      }
      if (fields.size() > header.size()) {
        throw new InvalidInputException(
            source + " line " + lineNo + ": " + fields.size() + " fields but the header (line "
                + headerLine + ") names " + header.size() + " columns; remove the extra commas or "
                + "add the missing column names");
      }
      while (fields.size() < header.size()) {
        fields.add("");
      }
      records.add(new Record(lineNo, fields));
    }
    if (header == null) {
      throw new InvalidInputException(
          source + " line 1: the file is empty; it needs a header row such as " + "date,close");
    }
    return new CsvTable(source, headerLine, header, Collections.unmodifiableList(records));
  }

  private static List<String> split(String source, int lineNo, String line) {
    List<String> fields = new ArrayList<>();
    StringBuilder field = new StringBuilder();
    int i = 0;
    int n = line.length();
    while (true) {
      // skip white space before a possible opening quote
      int start = i;
      while (i < n && line.charAt(i) == ' ') {
        i++;
      }
      if (i < n && line.charAt(i) == '"') {
        i++;
        while (true) {
          if (i >= n) {
            throw new InvalidInputException(
                source + " line " + lineNo + ": a quoted field is not closed; add the missing \"");
          }
          char c = line.charAt(i++);
          if (c == '"') {
            if (i < n && line.charAt(i) == '"') {
              field.append('"');
              i++;
            } else {
              break;
            }
          } else {
            field.append(c);
          }
        }
        while (i < n && line.charAt(i) != ',') {
          if (!Character.isWhitespace(line.charAt(i))) {
            throw new InvalidInputException(
                source + " line " + lineNo + ": text after a closing quote at column "
                    + (i + 1) + "; quote the whole field");
          }
          i++;
        }
      } else {
        i = start;
        while (i < n && line.charAt(i) != ',') {
          field.append(line.charAt(i++));
        }
      }
      fields.add(field.toString());
      field.setLength(0);
      if (i >= n) {
        return fields;
      }
      i++; // the comma
    }
  }

  /** Returns the name of the file for messages. */
  public String source() {
    return source;
  }

  /** Returns the line number of the header. */
  public int headerLine() {
    return headerLine;
  }

  /** Returns the header names as written (untrimmed). */
  public List<String> header() {
    return header;
  }

  /** Returns the data records in file order. */
  public List<Record> records() {
    return records;
  }

  /**
   * Normalizes a header name for matching: trimmed, lower case, runs of white space as one space.
   */
  public static String normalize(String name) {
    return name.trim().replaceAll("\\s+", " ").toLowerCase(Locale.ROOT);
  }

  /**
   * Returns the positions of the columns whose normalized name equals {@code name} (normalized),
   * in header order.
   */
  public List<Integer> columns(String name) {
    String want = normalize(name);
    List<Integer> found = new ArrayList<>();
    for (int i = 0; i < header.size(); i++) {
      if (normalize(header.get(i)).equals(want)) {
        found.add(i);
      }
    }
    return found;
  }

  /**
   * Returns the position of the single column named {@code name}, or -1 when there is none.
   *
   * @throws InvalidInputException when the header names it twice
   */
  public int column(String name) {
    List<Integer> found = columns(name);
    if (found.size() > 1) {
      throw error(headerLine, "the column '" + name + "' appears " + found.size()
          + " times in the header; keep one");
    }
    return found.isEmpty() ? -1 : found.get(0);
  }

  /** Returns an exception for a problem on {@code line}: {@code "<source> line <n>: <what>"}. */
  public InvalidInputException error(int line, String what) {
    return new InvalidInputException(source + " line " + line + ": " + what);
  }

  /** Returns an exception for a missing column, listing the header found. */
  public InvalidInputException missingColumn(String what) {
    return error(headerLine, "no " + what + " column; the header is " + header);
  }

  /**
   * Parses a decimal number such as {@code 468.89}, {@code -0.01} or {@code 1.5e3}.
   *
   * @param line the line, for the message
   * @param column the column name, for the message
   * @param text the trimmed text
   * @return the finite value
   * @throws InvalidInputException when the text is not a finite decimal number
   */
  public double number(int line, String column, String text) {
    if (!NUMBER.matcher(text).matches()) {
      throw error(line, column + " '" + text + "' is not a number; write a decimal such as 468.89");
    }
    double v = Double.parseDouble(text);
    if (!Double.isFinite(v)) {
      throw error(line, column + " '" + text + "' is out of range");
    }
    return v;
  }

  /** Returns whether {@code text} is a decimal number as accepted by {@link #number}. */
  public static boolean isNumber(String text) {
    return NUMBER.matcher(text).matches();
  }
}
