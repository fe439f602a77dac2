package io.scrilla.services.csv.internal;

import com.fasterxml.jackson.core.io.NumberInput;
import io.scrilla.api.error.InvalidInputException;
import io.scrilla.api.error.SafeText;
import java.io.IOException;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;

/**
 * A CSV file read into memory: one header record and the data records, each with its line number;
 * immutable.
 *
 * <p>The text must be UTF-8 (a byte order mark is dropped); UTF-16 and other encodings are refused
 * with a message saying so. Records are read by Apache Commons CSV in the RFC 4180 dialect:
 * comma-separated, one record per line ({@code \n} or {@code \r\n}); a field may be enclosed in
 * double quotes, with {@code ""} standing for one quote inside it; spaces around a field are
 * dropped. Unlike RFC 4180, a quoted field may not span lines (a line break inside quotes is
 * reported as an unclosed quote, where the mistake usually is). Blank lines are skipped. A record
 * may have fewer fields than the header (the missing ones are empty), never more. Header names are
 * matched case-insensitively after trimming, with runs of white space counted as one space.
 */
public final class CsvTable {
  private static final CSVFormat FORMAT =
      CSVFormat.RFC4180
          .builder()
          // a blank line is a record of one empty field, so line numbers stay exact
          .setIgnoreEmptyLines(false)
          .setIgnoreSurroundingSpaces(true)
          .get();

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
   * Reads a whole CSV file.
   *
   * @param source how to name the file in messages, e.g. {@code /data/SPY.csv}
   * @param bytes the file's contents
   * @return the table
   * @throws InvalidInputException naming the file and line when the text is not UTF-8, is empty, is
   *     not valid CSV or a line has more fields than the header
   */
  public static CsvTable read(String source, byte[] bytes) {
    Objects.requireNonNull(source, "source");
    Objects.requireNonNull(bytes, "bytes");
    String text = decode(source, bytes);
    if (text.startsWith("\uFEFF")) {
      text = text.substring(1);
    }
    List<String> header = null;
    int headerLine = 0;
    List<Record> records = new ArrayList<>();
    try (CSVParser parser = CSVParser.parse(new StringReader(text), FORMAT)) {
      Iterator<CSVRecord> it = parser.iterator();
      while (true) {
        int line = Math.toIntExact(parser.getCurrentLineNumber()) + 1;
        CSVRecord r;
        try {
          if (!it.hasNext()) {
            break;
          }
          r = it.next();
        } catch (UncheckedIOException | IllegalStateException e) {
          throw syntaxError(source, line, parser.getCurrentLineNumber(), e);
        }
        if (parser.getCurrentLineNumber() > line) {
          throw unclosedQuote(source, line);
        }
        String[] fields = r.values(); // copied once, by List.of below
        if (fields.length == 1 && fields[0].isBlank()) {
          continue; // a blank line
        }
        if (header == null) {
          header = List.of(fields);
          headerLine = line;
          continue;
        }
        if (fields.length > header.size()) {
          throw new InvalidInputException(
              source
                  + " line "
                  + line
                  + ": "
                  + fields.length
                  + " fields but the header (line "
                  + headerLine
                  + ") names "
                  + header.size()
                  + " columns; remove the extra commas or add the missing column names");
        }
        if (fields.length < header.size()) {
          int given = fields.length;
          fields = Arrays.copyOf(fields, header.size());
          Arrays.fill(fields, given, fields.length, "");
        }
        records.add(new Record(line, List.of(fields)));
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e); // a StringReader does not fail
    }
    if (header == null) {
      throw new InvalidInputException(
          source + " line 1: the file is empty; it needs a header row such as date,close");
    }
    return new CsvTable(source, headerLine, header, Collections.unmodifiableList(records));
  }

  /** Decodes strict UTF-8, saying where and why a file is not UTF-8 text. */
  private static String decode(String source, byte[] bytes) {
    boolean utf16Bom =
        bytes.length >= 2
            && ((bytes[0] == (byte) 0xFE && bytes[1] == (byte) 0xFF)
                || (bytes[0] == (byte) 0xFF && bytes[1] == (byte) 0xFE));
    int nul = indexOf(bytes, (byte) 0);
    if (utf16Bom || nul >= 0 && nul < 4096) {
      throw new InvalidInputException(
          source
              + " line 1: the file is not UTF-8 text; it looks like UTF-16 (as some spreadsheet"
              + " programs save \"Unicode text\"). Save it as CSV in UTF-8");
    }
    CharsetDecoder decoder =
        StandardCharsets.UTF_8
            .newDecoder()
            .onMalformedInput(CodingErrorAction.REPORT)
            .onUnmappableCharacter(CodingErrorAction.REPORT);
    ByteBuffer in = ByteBuffer.wrap(bytes);
    CharBuffer out = CharBuffer.allocate(bytes.length);
    CoderResult result = decoder.decode(in, out, true);
    if (!result.isError()) {
      result = decoder.flush(out);
    }
    if (result.isError()) {
      int at = in.position();
      int line = 1;
      for (int i = 0; i < at; i++) {
        if (bytes[i] == '\n') {
          line++;
        }
      }
      throw new InvalidInputException(
          source
              + " line "
              + line
              + ": the file is not UTF-8 text"
              + String.format(
                  Locale.ROOT,
                  " (byte 0x%02X at offset %d cannot start or continue a UTF-8" + " character)",
                  bytes[at] & 0xFF,
                  at)
              + ". Save it as CSV in UTF-8 (Latin-1 and Windows-1252 files need converting)");
    }
    out.flip();
    return out.toString();
  }

  private static int indexOf(byte[] bytes, byte b) {
    for (int i = 0; i < bytes.length; i++) {
      if (bytes[i] == b) {
        return i;
      }
    }
    return -1;
  }

  private static InvalidInputException unclosedQuote(String source, int line) {
    return new InvalidInputException(
        source
            + " line "
            + line
            + ": a quoted field is not closed on this line; add the missing \"");
  }

  private static InvalidInputException syntaxError(
      String source, int line, long linesRead, RuntimeException e) {
    String m = String.valueOf(e.getMessage());
    if (linesRead > line || m.contains("EOF reached before encapsulated token finished")) {
      return unclosedQuote(source, line);
    }
    if (m.contains("between encapsulated token and delimiter")) {
      return new InvalidInputException(
          source + " line " + line + ": text after a closing quote; quote the whole field", e);
    }
    return new InvalidInputException(
        source + " line " + line + ": not valid CSV: " + SafeText.quote(m), e);
  }

  /** Returns the name of the file for messages. */
  public String source() {
    return source;
  }

  /** Returns the line number of the header. */
  public int headerLine() {
    return headerLine;
  }

  /** Returns the header names as written (spaces around them dropped). */
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
   * Returns the positions of the columns whose normalized name equals {@code name} (normalized), in
   * header order.
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
      throw error(
          headerLine,
          "the column '" + name + "' appears " + found.size() + " times in the header; keep one");
    }
    return found.isEmpty() ? -1 : found.get(0);
  }

  /** Returns an exception for a problem on {@code line}: {@code "<source> line <n>: <what>"}. */
  public InvalidInputException error(int line, String what) {
    return new InvalidInputException(source + " line " + line + ": " + what);
  }

  /** Returns an exception for a missing column, listing the header found. */
  public InvalidInputException missingColumn(String what) {
    List<String> shown = new ArrayList<>();
    for (String h : header) {
      shown.add(SafeText.of(h));
    }
    return error(headerLine, "no " + what + " column; the header is " + shown);
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
    if (!isNumber(text)) {
      throw error(
          line,
          SafeText.of(column)
              + " "
              + SafeText.quote(text)
              + " is not a number; write a decimal such as 468.89");
    }
    // Jackson's FastDoubleParser: the same correctly rounded double as Double.parseDouble, five
    // times faster on the 17-digit closes price files hold (the largest part of reading them)
    double v = NumberInput.parseDouble(text, true);
    if (!Double.isFinite(v)) {
      throw error(line, SafeText.of(column) + " " + SafeText.quote(text) + " is out of range");
    }
    return v;
  }

  /**
   * Returns whether {@code text} is a decimal number as accepted by {@link #number}: the whole text
   * matches {@code [-+]?(\d+(\.\d*)?|\.\d+)([eE][-+]?\d+)?} with ASCII digits (scanned by hand: a
   * regular expression per field was a tenth of reading a price file).
   */
  public static boolean isNumber(String text) {
    int n = text.length();
    int i = 0;
    if (i < n && (text.charAt(i) == '+' || text.charAt(i) == '-')) {
      i++;
    }
    int start = i;
    i = digits(text, i);
    boolean whole = i > start;
    if (i < n && text.charAt(i) == '.') {
      int fraction = ++i;
      i = digits(text, i);
      if (!whole && i == fraction) {
        return false;
      }
    } else if (!whole) {
      return false;
    }
    if (i < n && (text.charAt(i) == 'e' || text.charAt(i) == 'E')) {
      i++;
      if (i < n && (text.charAt(i) == '+' || text.charAt(i) == '-')) {
        i++;
      }
      int exponent = i;
      i = digits(text, i);
      if (i == exponent) {
        return false;
      }
    }
    return i == n;
  }

  /** Returns the position after the run of ASCII digits starting at {@code i}. */
  private static int digits(String text, int i) {
    while (i < text.length() && text.charAt(i) >= '0' && text.charAt(i) <= '9') {
      i++;
    }
    return i;
  }
}
