package io.scrilla.commands;

import java.io.PrintStream;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.regex.Pattern;

/**
 * A table for people: a header row and rows of text cells printed in aligned columns, numbers
 * (including percentages) right-aligned, text left-aligned. Cells are formatted by the caller with
 * {@link Output}'s formats.
 */
public final class Table {
  private static final Pattern NUMBER = Pattern.compile("[-+]?[0-9][0-9,]*(\\.[0-9]+)?%?");
  private static final Pattern EMPTY = Pattern.compile("-?");

  private final List<String> header;
  private final List<List<String>> rows = new ArrayList<>();

  /** Creates a table with its column names. */
  public Table(String... header) {
    this(Arrays.asList(header));
  }

  /** Creates a table with its column names. */
  public Table(List<String> header) {
    this.header = List.copyOf(header);
  }

  /** Adds a row; a row shorter than the header leaves the last columns empty. */
  public Table row(String... cells) {
    return row(Arrays.asList(cells));
  }

  /** Adds a row; a row shorter than the header leaves the last columns empty. */
  public Table row(List<String> cells) {
    rows.add(List.copyOf(cells));
    return this;
  }

  /** Returns the number of rows, the header not counted. */
  public int size() {
    return rows.size();
  }

  /** Prints the header and the rows in aligned columns, two spaces apart. */
  public void print(PrintStream out) {
    int cols = header.size();
    for (List<String> r : rows) {
      cols = Math.max(cols, r.size());
    }
    int[] width = new int[cols];
    boolean[] numeric = new boolean[cols];
    boolean[] anyNumber = new boolean[cols];
    Arrays.fill(numeric, true);
    List<List<String>> all = new ArrayList<>();
    all.add(header);
    all.addAll(rows);
    for (List<String> r : all) {
      for (int i = 0; i < r.size(); i++) {
        width[i] = Math.max(width[i], r.get(i).length());
      }
    }
    for (List<String> r : rows) {
      for (int i = 0; i < r.size(); i++) {
        String c = r.get(i);
        if (NUMBER.matcher(c).matches()) {
          anyNumber[i] = true;
        } else if (!EMPTY.matcher(c).matches()) {
          numeric[i] = false;
        }
      }
    }
    for (List<String> r : all) {
      StringBuilder sb = new StringBuilder();
      for (int i = 0; i < cols; i++) {
        String cell = i < r.size() ? r.get(i) : "";
        String pad = " ".repeat(width[i] - cell.length());
        if (i > 0) {
          sb.append("  ");
        }
        if (numeric[i] && anyNumber[i]) {
          sb.append(pad).append(cell);
        } else {
          sb.append(cell).append(pad);
        }
      }
      out.println(sb.toString().stripTrailing());
    }
  }
}
