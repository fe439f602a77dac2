package io.scrilla.api.model;

import io.scrilla.api.error.InvalidInputException;
import io.scrilla.api.error.SafeText;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.Objects;

/**
 * A closed interval of calendar dates {@code [start, end]}, both ends included; immutable.
 *
 * @param start the first date
 * @param end the last date, not before {@code start}
 */
public record DateRange(LocalDate start, LocalDate end) {

  /** Checks that the start is not after the end. */
  public DateRange {
    Objects.requireNonNull(start, "start");
    Objects.requireNonNull(end, "end");
    if (start.isAfter(end)) {
      throw new InvalidInputException(
          "start date " + start + " is after end date " + end + ": swap them");
    }
  }

  /** Returns {@code [start, end]}. */
  public static DateRange of(LocalDate start, LocalDate end) {
    return new DateRange(start, end);
  }

  /**
   * Parses two ISO dates ({@code YYYY-MM-DD}).
   *
   * @throws InvalidInputException when a date does not parse or start is after end
   */
  public static DateRange parse(String start, String end) {
    return new DateRange(parseDate(start, "start"), parseDate(end, "end"));
  }

  /**
   * Parses one ISO date, naming the field in the error.
   *
   * @param text e.g. {@code 2021-11-19}
   * @param what the name of the field for the message
   * @return the date
   */
  public static LocalDate parseDate(String text, String what) {
    try {
      return LocalDate.parse(text.trim());
    } catch (DateTimeParseException e) {
      throw new InvalidInputException(
          "invalid " + what + " date " + SafeText.quote(text) + ": use YYYY-MM-DD, e.g. 2021-11-19",
          e);
    }
  }

  /** Returns the first date as days since 1970-01-01. */
  public int startEpochDay() {
    return Math.toIntExact(start.toEpochDay());
  }

  /** Returns the last date as days since 1970-01-01. */
  public int endEpochDay() {
    return Math.toIntExact(end.toEpochDay());
  }

  /** Returns whether {@code date} lies in the range, ends included. */
  public boolean contains(LocalDate date) {
    return !date.isBefore(start) && !date.isAfter(end);
  }

  /** Returns whether {@code other} lies entirely inside this range. */
  public boolean encloses(DateRange other) {
    return contains(other.start) && contains(other.end);
  }

  @Override
  public String toString() {
    return start + ".." + end;
  }
}
